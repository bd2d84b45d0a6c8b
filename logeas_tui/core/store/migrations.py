"""Schema versions, keyed on SQLite's `user_version` (a `schema_version` table on PostgreSQL).

Each step runs once, in order, inside a transaction; later steps use playhouse.migrate. The same
steps run on both engines. Two processes opening a new PostgreSQL store at once take turns on
an advisory lock (SQLite's write lock does the same for a file).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from peewee import Database, DateTimeField, SqliteDatabase, TextField

from logeas_tui.core.store import fulltext
from logeas_tui.core.store.models import (
    TABLES,
    UNKNOWN_SENDER_INDEX,
    Draft,
    Lease,
    Message,
    RawMail,
)

if TYPE_CHECKING:
    from playhouse.migrate import SchemaMigrator


def _migrator(database: Database) -> SchemaMigrator:
    """playhouse.migrate, imported only when a step runs: it loads every engine's extension
    (psycopg among them, a quarter of a second), which opening a migrated store never needs."""
    from playhouse.migrate import SchemaMigrator

    return SchemaMigrator.from_database(database)


def run_migrations(*operations: Any) -> None:
    from playhouse.migrate import migrate

    migrate(*operations)


def _v1(database: Database) -> None:
    database.create_tables(TABLES)  # (before v3, a plain full-text index was created here too)


def _v2(database: Database) -> None:
    """Indexes for the all-queues list (oldest first) and the queue pane's counts."""
    migrator = _migrator(database)
    run_migrations(
        migrator.add_index("ticket", ("created", "id"), False),
        migrator.add_index("ticket", ("queue_id", "state"), False),
    )


def _v3(database: Database) -> None:
    """The full-text index becomes an external-content table over `message` (the text is no
    longer stored twice) kept by triggers, rebuilt from the messages already there. SQLite
    PostgreSQL gets its index over the same columns (`fulltext.create_postgres`)."""
    if isinstance(database, SqliteDatabase):
        fulltext.create(database)  # replaces v1's plain FTS5 table, filled by each writer
    else:
        fulltext.create_postgres(database)


def _v4(database: Database) -> None:
    """Team mode: outbox rows are claimed by the process sending them, and a lease row names
    the one mail worker. (A store created fresh by v1 already has both: v1 builds today's
    tables, so only what is missing is added.)"""
    present = {c.name for c in database.get_columns("outbox")}
    migrator = _migrator(database)
    run_migrations(
        *(
            migrator.add_column("outbox", column, field)
            for column, field in (
                ("claimed_by", TextField(null=True)),
                ("claimed_at", DateTimeField(null=True)),
            )
            if column not in present
        )
    )
    database.create_tables([Lease], safe=True)


def _v5(database: Database) -> None:
    """PostgreSQL's search splits words at punctuation as SQLite's does (`fulltext`): its
    index is built again over the new expression. Nothing changes on SQLite."""
    if not isinstance(database, SqliteDatabase):
        fulltext.rebuild_postgres_index(database)


def _v6(database: Database) -> None:
    """A follow-up from an unknown sender is marked on its message until a technician accepts
    it (services.senders), with an index of the marked ones. (A store created fresh by v1
    already has both.) The column is added NOT NULL with its default in one statement: adding
    NOT NULL afterwards would make SQLite rebuild the table, losing its full-text triggers."""
    if "unknown_sender" not in {c.name for c in database.get_columns("message")}:
        migrator = _migrator(database)
        run_migrations(
            migrator.add_column(
                "message", "unknown_sender", Message.unknown_sender, allow_not_null=True
            )
        )
    database.execute(UNKNOWN_SENDER_INDEX)  # IF NOT EXISTS


def _v7(database: Database) -> None:
    """The search finds a ticket by its own words too — its number (a prefix as well), its
    customer's address, domain and name, its subject — through an index of its own kept by
    triggers (`fulltext.create_ticket_index`), filled here from the tickets already stored."""
    fulltext.create_ticket_index(database)


def _v8(database: Database) -> None:
    """PostgreSQL's search reads each row's words from a stored column under its GIN index
    instead of an index over an expression computed again for every hit it checks
    (`fulltext.rebuild_postgres_index`); the rows' words are computed once here. Nothing
    changes on SQLite (œ and æ are matched there by the words searched, see `fulltext`)."""
    if not isinstance(database, SqliteDatabase):
        fulltext.rebuild_postgres_index(database)


def _v9(database: Database) -> None:
    """Received mails' bytes get a table of their own, `raw_mail`, where they are the last
    column of their row (`store.raw_mails`); the bytes already in `message.raw` move there.
    The emptied column stays: dropping it would rewrite every message row on SQLite, and a
    copy of the app older than v9 sharing the store still writes it (raw_mails reads it too).
    The update names that column alone, so the full-text triggers on `message` do not run."""
    database.create_tables([RawMail], safe=True)
    old = Message.legacy_raw.is_null(False)
    RawMail.insert_from(
        Message.select(Message.id, Message.legacy_raw).where(old),
        fields=[RawMail.message, RawMail.raw],
    ).execute()
    Message.update(legacy_raw=None).where(old).execute()


def _v10(database: Database) -> None:
    """What a technician is writing is kept as a draft on the ticket until sent or discarded
    (services.drafts). (A store created fresh by v1 already has the table.)"""
    database.create_tables([Draft], safe=True)


MIGRATION_LOCK = 0x10_6EA5  # any constant of our own: the key of the advisory lock

STEPS: list[Callable[[Database], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10]


def _get_version(database: Database) -> int:
    """The schema version, read without writing anything."""
    if isinstance(database, SqliteDatabase):
        return int(database.pragma("user_version"))
    if database.execute_sql("SELECT to_regclass('schema_version')").fetchone()[0] is None:
        return 0
    row = database.execute_sql("SELECT max(v) FROM schema_version").fetchone()
    return int(row[0] or 0)


def _lock(database: Database) -> None:
    """Inside the transaction: wait for any other process migrating the same store."""
    if not isinstance(database, SqliteDatabase):
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        database.execute_sql("CREATE TABLE IF NOT EXISTS schema_version (v INTEGER NOT NULL)")


def _set_version(database: Database, version: int) -> None:
    if isinstance(database, SqliteDatabase):
        database.pragma("user_version", version)
    else:
        database.execute_sql("INSERT INTO schema_version (v) VALUES (%s)", (version,))


def migrate(database: Database) -> int:
    """Bring the schema up to date; returns the version now in force.

    A store already up to date is only read. Otherwise the steps run under the write lock
    (SQLite's BEGIN IMMEDIATE, an advisory lock on PostgreSQL) and the version is read again
    there: two processes opening a new store at once take turns instead of one failing with
    "database is locked"."""
    if _get_version(database) >= len(STEPS):
        return len(STEPS)
    immediate = isinstance(database, SqliteDatabase)
    with database.atomic("IMMEDIATE") if immediate else database.atomic():
        _lock(database)
        version = _get_version(database)
        for number, step in enumerate(STEPS, 1):
            if number > version:
                step(database)
                _set_version(database, number)
                version = number
    return version
