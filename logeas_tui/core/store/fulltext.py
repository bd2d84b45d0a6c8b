"""The full-text index over messages (SQLite FTS5 only: other engines search the messages
themselves, see `queries._search_ids`).

`MessageIndex` is an external-content table over `message`: the text is stored once, the index
holds only its terms. Triggers on `message` keep it up to date, so every writer — the services,
a merge, the purge's foreign-key cascade, the demo's raw `executemany` — is indexed without
writing the index itself. Schema v3 (`migrations`) creates it all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from peewee import Database, SqliteDatabase, fn

from logeas_tui.core.store.models import Message, MessageIndex, db
from logeas_tui.core.store.tx import writing

_INSERT = "message_index_insert"
_TRIGGERS = {
    _INSERT: """AFTER INSERT ON message BEGIN
        INSERT INTO messageindex (rowid, subject, body) VALUES (new.id, new.subject, new.body);
    END""",
    "message_index_delete": """AFTER DELETE ON message BEGIN
        INSERT INTO messageindex (messageindex, rowid, subject, body)
        VALUES ('delete', old.id, old.subject, old.body);
    END""",
    "message_index_update": """AFTER UPDATE OF subject, body ON message BEGIN
        INSERT INTO messageindex (messageindex, rowid, subject, body)
        VALUES ('delete', old.id, old.subject, old.body);
        INSERT INTO messageindex (rowid, subject, body) VALUES (new.id, new.subject, new.body);
    END""",
}


def create(database: Database) -> None:
    """(Re)create the index and its triggers, and index the messages already stored."""
    database.execute_sql('DROP TABLE IF EXISTS "messageindex"')
    MessageIndex.create_table(safe=False)
    for name, body in _TRIGGERS.items():
        database.execute_sql(f"CREATE TRIGGER {name} {body}")
    MessageIndex.rebuild()


@contextmanager
def bulk_append() -> Iterator[Callable[[], None]]:
    """Messages appended inside (ids above the current last one) are indexed in one statement
    per batch rather than row by row by the trigger: FTS5 flushes its pending terms at each
    statement a trigger runs in, which made the demo's 100,000 tickets take ~3 times as long.
    Call the function it gives after each batch (the demo then indexes one part while the
    next is drawn); the rest is indexed at the end. All in one write transaction, so no other
    writer slips a message in unindexed and a failure rolls the trigger back too."""
    if not isinstance(db.obj, SqliteDatabase):  # (connection imports this module)
        yield lambda: None
        return
    with writing():
        indexed = Message.select(fn.MAX(Message.id)).scalar() or 0

        def index_appended() -> None:
            nonlocal indexed
            last = Message.select(fn.MAX(Message.id)).scalar() or 0
            db.execute_sql(
                "INSERT INTO messageindex (rowid, subject, body) "
                "SELECT id, subject, body FROM message WHERE id > ? AND id <= ?",
                (indexed, last),
            )
            indexed = max(indexed, last)

        db.execute_sql(f"DROP TRIGGER {_INSERT}")
        yield index_appended
        index_appended()
        db.execute_sql(f"CREATE TRIGGER {_INSERT} {_TRIGGERS[_INSERT]}")
