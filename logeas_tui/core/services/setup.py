"""Start-up: the seed's queues from `data/queues.toml` and the config's technicians.

A store that already has them is only read: the command-line verbs that only read (`list`,
`show`) never wait for the write lock, and a read-only store can still be listed."""

from __future__ import annotations

import tomllib
from pathlib import Path

from logeas_tui.core.config import Config, setting_error
from logeas_tui.core.errors import ConfigError
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.store.models import Queue, Technician
from logeas_tui.core.store.tx import writing


def load_queues(path: Path) -> list[dict[str, object]]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(Sentence("config.not_toml", path=path, cause=exc)) from None
    queues = raw.get("queue", [])
    for n, q in enumerate(queues, 1):
        if "name" not in q:
            raise ConfigError(Sentence("data.queue_name", path=path, n=n))
    return list(queues)


def _check_default_queue(config: Config, queues: list[dict[str, object]]) -> None:
    """New mail lands in `default_queue`: it must be one of the queues, open to new tickets."""
    usable = [str(q["name"]) for q in queues if q.get("valid", True) and not q.get("held", False)]
    if config.default_queue not in usable:
        raise setting_error(
            config,
            "support",
            "default_queue",
            Sentence(
                "config.default_queue", queue=repr(config.default_queue), queues=", ".join(usable)
            ),
        )


def _up_to_date(config: Config, queues: list[dict[str, object]]) -> bool:
    have = {str(q.name) for q in Queue.select(Queue.name)}
    if any(q["name"] not in have for q in queues):
        return False
    technicians = set(
        Technician.select(Technician.name, Technician.email, Technician.level).tuples()
    )
    return all((t.name, t.email, t.level) in technicians for t in config.technicians)


def ensure_setup(config: Config) -> None:
    """Add missing queues (existing ones keep their settings) and add or update technicians."""
    queues = load_queues(config.data_dir / "queues.toml")
    _check_default_queue(config, queues)
    if _up_to_date(config, queues):
        return
    with writing():
        for position, q in enumerate(queues):
            Queue.insert(
                name=q["name"],
                purpose=q.get("purpose", ""),
                valid=q.get("valid", True),
                acknowledge=q.get("acknowledge", True),
                held=q.get("held", False),
                position=position,
            ).on_conflict_ignore().execute()
        for t in config.technicians:
            (
                Technician.insert(name=t.name, email=t.email, level=t.level)
                .on_conflict(
                    conflict_target=[Technician.name],
                    update={Technician.email: t.email, Technician.level: t.level},
                )
                .execute()
            )
