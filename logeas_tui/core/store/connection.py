"""Opening the store: SQLite (default, under the user data folder) or a PostgreSQL URL.

SQLite runs in WAL mode with foreign keys and a busy timeout, so the UI, the mail worker and a
command-line process can share one file. A team on several machines points every copy at one
PostgreSQL server (`postgresql://user@host/db`, psycopg 3). Each thread gets its own connection
(peewee's default).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import platformdirs
from peewee import (
    AutoField,
    Database,
    ImproperlyConfigured,
    Model,
    PostgresqlDatabase,
    SqliteDatabase,
)

from logeas_tui.core.config import private_folder
from logeas_tui.core.errors import DiskFull, HelpdeskError, first_line, is_disk_full
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.store import driver, migrations
from logeas_tui.core.store.models import TABLES, MessageIndex, db

APP = "logeas-tui"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10_000,
    "synchronous": "normal",
    "cache_size": -32_000,
    "journal_size_limit": 64 * 1024 * 1024,  # let the WAL shrink after a big write
}
POSTGRES_SCHEMES = ("postgresql", "postgres")
CONNECT_SECONDS = 10
LOCK_WAIT = "10s"  # a writer waits this long for a row lock, like SQLite's busy timeout


def default_location() -> str:
    env = os.environ.get("LOGEAS_DB")
    if env:
        return env
    return str(Path(platformdirs.user_data_dir(APP)) / "logeas.sqlite")


def is_url(location: str) -> bool:
    return "://" in location


def shown(location: str) -> str:
    """The location as it may be printed: a URL's password becomes ***."""
    if not is_url(location):
        return location
    parts = urlsplit(location)
    if parts.password is None:
        return location
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def database_for(location: str) -> Database:
    """An unopened peewee database for a file path or a postgresql:// URL."""
    if is_url(location):
        scheme = urlsplit(location).scheme.lower()
        if scheme not in POSTGRES_SCHEMES:
            raise HelpdeskError(
                f"{shown(location)} is not a store: give a file path or a postgresql:// URL."
            )
        driver.load_postgres()
        from playhouse.db_url import parse as parse_url  # loads every engine's extension

        params = parse_url(location)
        params.setdefault("connect_timeout", CONNECT_SECONDS)
        params.setdefault("options", f"-c lock_timeout={LOCK_WAIT} -c TimeZone=UTC")
        database: Database = PostgresqlDatabase(params.pop("database"), **params)
        return database
    path = Path(location).expanduser()
    if not path.exists():  # customer data: the user's alone (SQLite gives the WAL its mode)
        private_folder(path.parent)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        path.chmod(0o600)
    return SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=10)


def is_sqlite(database: Database | None = None) -> bool:
    return isinstance(database if database is not None else db.obj, SqliteDatabase)


def _connect(database: Database) -> None:
    try:
        database.connect(reuse_if_open=True)
    except ImproperlyConfigured:
        raise HelpdeskError(Sentence("store.needs_psycopg")) from None


def cannot_open(location: str, exc: Exception) -> HelpdeskError:
    """The one line said when the store at `location` cannot be opened: the first line of
    the driver's message, the password hidden."""
    return HelpdeskError(
        Sentence("store.cannot_open", where=shown(location), cause=first_line(exc))
    )


_opened: list[str] = []  # the location of the store the models are bound to


def current_location() -> str:
    """Where the store `open_store` opened is (a path or a URL)."""
    return _opened[-1] if _opened else default_location()


def disk_full(exc: BaseException) -> DiskFull | None:
    """The one sentence for a store whose disk is full (SQLite or PostgreSQL), or None."""
    if not is_disk_full(exc):
        return None
    return DiskFull(Sentence("store.disk_full", where=shown(current_location())))


def open_store(location: str | None = None) -> Database:
    """Bind the models to the database at `location` (a path or a postgresql:// URL), migrated."""
    location = location or default_location()
    _opened[:] = [location]
    database = database_for(location)
    db.initialize(database)
    _connect(database)
    migrations.migrate(database)
    return database


def open_apart(location: str) -> Database:
    """The database at `location`, connected and migrated, the models left bound where they
    were: a copy from one store to another reads one and writes the other (`store.copy`)."""
    database = database_for(location)
    _connect(database)
    with database.bind_ctx([*TABLES, MessageIndex]):
        migrations.migrate(database)
    return database


def move_sequences(database: Database, models: Sequence[type[Model]]) -> None:
    """After rows were inserted with their ids: PostgreSQL's serial sequences go past the
    highest one, so the next row gets a free id (SQLite takes max(id) + 1 by itself)."""
    if is_sqlite(database):
        return
    for model in models:
        if isinstance(model._meta.primary_key, AutoField):
            table = model._meta.table_name
            database.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f'COALESCE(MAX(id), 0) + 1, false) FROM "{table}"'
            )


def close_store() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()
