"""Shared fixtures: a store in tmp_path, seeded with the procedure's queues, and a fixed clock."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from logeas_tui.core.clock import FixedClock
from logeas_tui.core.config import Config, TechnicianConf
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.setup import ensure_setup
from logeas_tui.core.store.connection import close_store, open_store

# The third-party mail corpus lives in shared/ beside the repository (not copied in: licences).
CORPUS = Path(
    os.environ.get("LOGEAS_MAIL_CORPUS")
    or Path(__file__).resolve().parents[2] / "shared" / "corpus"
)

# Tuesday 2026-11-24, 10:30 in Paris (09:30 UTC): the phone line is open.
FIXED_NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)

TECHNICIANS = (
    TechnicianConf("Nicolas", "nicolas@logeas.fr", 1),
    TechnicianConf("Pétronille", "petronille@logeas.fr", 1),
    TechnicianConf("Guillaume", "guillaume@logeas.fr", 2),
)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FIXED_NOW)


@pytest.fixture
def config() -> Config:
    return Config(language="en", technicians=TECHNICIANS, me="Nicolas")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "logeas.sqlite"


@pytest.fixture
def desk(db_path: Path, config: Config, clock: FixedClock):
    open_store(str(db_path))
    ensure_setup(config)
    yield Desk(config, clock)
    close_store()
