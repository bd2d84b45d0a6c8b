"""Schema versions, keyed on SQLite's `user_version` (a one-row table on other engines).

Each step runs once, in order, inside a transaction; later steps use playhouse.migrate.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import CharField, Database, DateTimeField, SqliteDatabase
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run_migrations

from logeas_tui.core.store import fulltext
from logeas_tui.core.store.models import TABLES, Lease


def _v1(database: Database) -> None:
    database.create_tables(TABLES)  # (before v3, a plain full-text index was created here too)


def _v2(database: Database) -> None:
    """Indexes for the all-queues list (oldest first) and the queue pane's counts."""
    migrator = SchemaMigrator.from_database(database)
    run_migrations(
        migrator.add_index("ticket", ("created", "id"), False),
        migrator.add_index("ticket", ("queue_id", "state"), False),
    )


def _v3(database: Database) -> None:
    """The full-text index becomes an external-content table over `message` (the text is no
    longer stored twice) kept by triggers, rebuilt from the messages already there. SQLite
    only: other engines search the messages themselves (`queries._search_ids`)."""
    if isinstance(database, SqliteDatabase):
        fulltext.create(database)  # replaces v1's plain FTS5 table, filled by each writer


def _v4(database: Database) -> None:
    """Team mode: outbox rows are claimed by the process sending them, and a lease row names
    the one mail worker. (A store created fresh by v1 already has both: v1 builds today's
    tables, so only what is missing is added.)"""
    present = {c.name for c in database.get_columns("outbox")}
    migrator = SchemaMigrator.from_database(database)
    run_migrations(
        *(
            migrator.add_column("outbox", column, field)
            for column, field in (
                ("claimed_by", CharField(null=True)),
                ("claimed_at", DateTimeField(null=True)),
            )
            if column not in present
        )
    )
    database.create_tables([Lease], safe=True)


STEPS: list[Callable[[Database], None]] = [_v1, _v2, _v3, _v4]


def _get_version(database: Database) -> int:
    if isinstance(database, SqliteDatabase):
        return int(database.pragma("user_version"))
    database.execute_sql("CREATE TABLE IF NOT EXISTS schema_version (v INTEGER NOT NULL)")
    row = database.execute_sql("SELECT max(v) FROM schema_version").fetchone()
    return int(row[0] or 0)


def _set_version(database: Database, version: int) -> None:
    if isinstance(database, SqliteDatabase):
        database.pragma("user_version", version)
    else:
        database.execute_sql("INSERT INTO schema_version (v) VALUES (%s)", (version,))


def migrate(database: Database) -> int:
    """Bring the schema up to date; returns the version now in force."""
    with database.atomic():
        version = _get_version(database)
        for number, step in enumerate(STEPS, 1):
            if number > version:
                step(database)
                _set_version(database, number)
                version = number
    return version
