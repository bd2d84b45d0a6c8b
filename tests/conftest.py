"""Shared fixtures: a store, seeded with the procedure's queues, and a fixed clock.

The core, mail and CLI tests run on both engines: `db_path` is a SQLite file in tmp_path for
`[sqlite]` and a fresh database of a throwaway PostgreSQL cluster (tests/pg_server.py, one for
the whole session) for `[postgresql]`. Tests that are about SQLite itself carry
`@pytest.mark.sqlite_only`; the UI tests (tests/ui) run on SQLite alone, but the team's
(`@pytest.mark.both_engines`: two copies on one store). Where PostgreSQL cannot
be started, its tests skip saying why. `LOGEAS_TEST_ENGINES=sqlite` runs SQLite alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from logeas_tui.core.clock import FixedClock
from logeas_tui.core.config import Config, TechnicianConf
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.setup import ensure_setup
from logeas_tui.core.store.connection import close_store, open_store
from tests.pg_server import TEMPLATE, Postgres, start_postgres

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


ENGINES = tuple(os.environ.get("LOGEAS_TEST_ENGINES", "sqlite,postgresql").split(","))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: about SQLite itself, not run on PostgreSQL")
    config.addinivalue_line("markers", "both_engines: a UI test that also runs on PostgreSQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that uses a store runs once per engine, but the UI's and SQLite's own."""
    if "engine" not in metafunc.fixturenames:
        return
    in_ui = "tests/ui/" in str(metafunc.definition.path).replace(os.sep, "/")
    if in_ui and not metafunc.definition.get_closest_marker("both_engines"):
        return  # the `engine` fixture below: SQLite, and the snapshot names stay as they are
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    metafunc.parametrize("engine", ENGINES)


@pytest.fixture
def engine() -> str:
    return "sqlite"


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    try:
        server = start_postgres()
    except RuntimeError as exc:
        pytest.skip(f"PostgreSQL cannot run here ({exc}): its tests skipped")
    try:
        url = server.new_database(template=None)  # the template: the schema, migrated once
        server.sql(f"ALTER DATABASE {url.rsplit('/', 1)[1]} RENAME TO {TEMPLATE}")
        open_store(server.url(TEMPLATE))
        close_store()
        yield server
    finally:
        server.stop()


@pytest.fixture
def db_path(request: pytest.FixtureRequest, tmp_path: Path, engine: str) -> Iterator[Path | str]:
    """Where the test's store is: a file path, or a postgresql:// URL."""
    if engine == "sqlite":
        yield tmp_path / "logeas.sqlite"
        return
    server: Postgres = request.getfixturevalue("postgres")
    url = server.new_database()
    try:
        yield url
    finally:
        close_store()
        server.drop(url)


@pytest.fixture
def desk(db_path: Path | str, config: Config, clock: FixedClock):
    open_store(str(db_path))
    ensure_setup(config)
    yield Desk(config, clock)
    close_store()
