"""Start-up: the seed's queues from `data/queues.toml` and the config's technicians."""

from __future__ import annotations

import tomllib
from pathlib import Path

from logeas_tui.core.config import Config
from logeas_tui.core.errors import ConfigError
from logeas_tui.core.store.models import Queue, Technician
from logeas_tui.core.store.tx import writing


def load_queues(path: Path) -> list[dict[str, object]]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    queues = raw.get("queue", [])
    for n, q in enumerate(queues, 1):
        if "name" not in q:
            raise ConfigError(f"{path}: queue #{n} has no name")
    return list(queues)


def ensure_setup(config: Config) -> None:
    """Add missing queues (existing ones keep their settings) and add or update technicians."""
    queues = load_queues(config.data_dir / "queues.toml")
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
