"""Opening the store: SQLite (default, under the user data folder) or a PostgreSQL URL.

SQLite runs in WAL mode with foreign keys and a busy timeout, so the UI, the mail worker and a
command-line process can share one file. Each thread gets its own connection (peewee's default).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from peewee import Database, SqliteDatabase
from playhouse.db_url import connect as connect_url

from logeas_tui.core.store import migrations
from logeas_tui.core.store.models import db

APP = "logeas-tui"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10_000,
    "synchronous": "normal",
    "cache_size": -32_000,
    "journal_size_limit": 64 * 1024 * 1024,  # let the WAL shrink after a big write
}


def default_location() -> str:
    env = os.environ.get("LOGEAS_DB")
    if env:
        return env
    return str(Path(platformdirs.user_data_dir(APP)) / "logeas.sqlite")


def is_sqlite() -> bool:
    return isinstance(db.obj, SqliteDatabase)


def open_store(location: str | None = None) -> Database:
    """Bind the models to the database at `location` (a path or a postgresql:// URL), migrated."""
    location = location or default_location()
    if "://" in location:
        database: Database = connect_url(location)
    else:
        Path(location).expanduser().parent.mkdir(parents=True, exist_ok=True)
        database = SqliteDatabase(str(Path(location).expanduser()), pragmas=PRAGMAS, timeout=10)
    db.initialize(database)
    database.connect(reuse_if_open=True)
    migrations.migrate(database)
    return database


def close_store() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()
