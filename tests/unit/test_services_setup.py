"""Start-up: the seed's 14 queues come from data/queues.toml, the config's technicians are
added or updated, and a second start changes nothing a technician set meanwhile."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from logeas_tui.core.config import TechnicianConf
from logeas_tui.core.errors import ConfigError
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.setup import ensure_setup, load_queues
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import Queue

SEED_QUEUES = {
    "Delete": True,
    "LoGeAs": True,
    "LoGeAs A voir": True,
    "LoGeAs EPUdF": True,
    "LoGeAs:Erreur": True,
    "LoGeAs:Relation ERF": False,
    "LoGeAs:Sauvegarde de": True,
    "LoGeAsSauv": False,
    "LoGeAsSite": True,
    "Saturne": True,
    "Secrétariat": True,
    "Spam": True,
    "Virus": True,
    "Mailing": True,
}  # name -> valid (active)


def test_the_seed_queues_with_their_validity(desk: Desk) -> None:
    views = queries.queues(desk.clock.now())
    assert {q.name: q.valid for q in views} == SEED_QUEUES
    assert all(q.purpose for q in views)
    held = {q.name for q in views if q.held}
    assert held == {"Spam", "Virus", "Mailing"}
    assert not any(q.acknowledge for q in views if q.held or not q.valid)
    assert {q.name for q in views if q.acknowledge} >= {"LoGeAs", "LoGeAsSite", "Secrétariat"}


def test_a_second_start_adds_nothing_and_keeps_queue_settings(desk: Desk) -> None:
    Queue.update(purpose="changed by hand").where(Queue.name == "Saturne").execute()
    ensure_setup(desk.config)
    assert Queue.select().count() == 14
    assert Queue.get(Queue.name == "Saturne").purpose == "changed by hand"


def test_technicians_are_added_or_updated(desk: Desk) -> None:
    techs = (TechnicianConf("Guillaume", "g@logeas.fr", 3), TechnicianConf("Zoé", "z@x.fr", 1))
    ensure_setup(replace(desk.config, technicians=techs))
    found = {t.name: (t.email, t.level) for t in queries.technicians()}
    assert found["Guillaume"] == ("g@logeas.fr", 3)
    assert found["Zoé"] == ("z@x.fr", 1)
    assert "Nicolas" in found  # technicians are never removed by a start


def test_a_broken_queue_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "queues.toml"
    path.write_text('[[queue]]\npurpose = "no name"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="queue #1 has no name"):
        load_queues(path)
    path.write_text("[[queue]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="queues.toml"):
        load_queues(path)
