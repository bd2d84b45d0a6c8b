"""Demo data is written in parts, drawn in a forked process for big runs: whatever the path,
the same seed gives the same rows, merges into earlier parts land, and appending never
collides with live tickets."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from logeas_tui import demo
from logeas_tui.core import numbers
from logeas_tui.core.clock import FixedClock
from logeas_tui.core.config import Config
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.setup import ensure_setup
from logeas_tui.core.services.tickets import create_phone_ticket
from logeas_tui.core.store import queries
from logeas_tui.core.store.connection import close_store, open_store
from logeas_tui.demo import generator

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
TABLES = ("ticket", "message", "history", "seen", "counter", "messageindex")


def _fill(path: Path, tickets: int) -> list[list[tuple[object, ...]]]:
    open_store(str(path))
    try:
        config = Config(language="fr")
        ensure_setup(config)
        demo.generate(Desk(config, FixedClock(NOW)), tickets, seed=7)
    finally:
        close_store()
    with sqlite3.connect(path) as conn:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES]


def test_forked_parts_write_exactly_what_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generator, "PART", 97)  # many parts: merges cross part boundaries
    monkeypatch.setattr(demo, "PARALLEL_MIN", 10**9)
    alone = _fill(tmp_path / "alone.sqlite", 1500)
    monkeypatch.setattr(demo, "PARALLEL_MIN", 0)
    forked = _fill(tmp_path / "forked.sqlite", 1500)
    assert [len(rows) for rows in forked] == [len(rows) for rows in alone]
    assert forked == alone
    # each duplicate's mail sits on its target, whose review mark counts it
    tickets = {row[0]: row for row in forked[0]}
    merged = [row for row in forked[0] if row[3] == "merged"]
    assert len(merged) > 5
    for dup in merged:
        moved = [m for m in forked[1] if m[2] == dup[0]]
        assert moved and all(m[1] == dup[12] for m in moved)
        mail_in = [m[0] for m in moved if m[3] == "mail-in"]
        assert tickets[dup[12]][15] >= max(mail_in, default=0)
        assert dup[15] == 0


def test_demo_appends_after_live_tickets_of_the_same_day(tmp_path: Path) -> None:
    open_store(str(tmp_path / "d.sqlite"))
    try:
        config = Config(language="en")
        ensure_setup(config)
        desk = Desk(config, FixedClock(NOW))
        first = create_phone_ticket(
            desk, customer="0123456789", queue="LoGeAs", subject="s", body="b", close=True
        ).number
        assert demo.generate(desk, 500, seed=3) == 500
        later = create_phone_ticket(
            desk, customer="0123456789", queue="LoGeAs", subject="s", body="b", close=True
        ).number
        rows = queries.list_tickets(queries.TicketFilter(), me="Nicolas", now=NOW, limit=None)
        assert len(rows) == 502 and len({r.number for r in rows}) == 502
        assert all(numbers.is_valid(r.number) for r in rows)
        assert int(later[10:15]) > max(
            int(r.number[10:15]) for r in rows if r.number[:8] == first[:8] and r.number != later
        )
        found = queries.list_tickets(
            queries.TicketFilter(search="imprimante"), me="Nicolas", now=NOW, limit=5
        )
        assert found  # the full-text index was filled
        review = queries.count_tickets(queries.TicketFilter(review=True), me="Nicolas", now=NOW)
        assert 0 < review < 150  # most tickets were seen; new ones and some replies were not
    finally:
        close_store()
