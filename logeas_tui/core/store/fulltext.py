"""The full-text index over messages (SQLite FTS5 only: other engines search the messages
themselves, see `queries._search_ids`).

`MessageIndex` is an external-content table over `message`: the text is stored once, the index
holds only its terms. Triggers on `message` keep it up to date, so every writer — the services,
a merge, the purge's foreign-key cascade, the demo's raw `executemany` — is indexed without
writing the index itself. Schema v3 (`migrations`) creates it all.
"""

from __future__ import annotations

from peewee import Database

from logeas_tui.core.store.models import MessageIndex

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
