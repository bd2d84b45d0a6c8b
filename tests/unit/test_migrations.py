"""Schema versions: a store left at an older version is brought up to date on opening,
keeping its data; opening again changes nothing."""

from __future__ import annotations

import sqlite3

from peewee import SqliteDatabase

from logeas_tui.core.store import migrations
from logeas_tui.core.store.connection import close_store, open_store
from logeas_tui.core.store.models import Ticket, db


def indexes(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}


def test_version_1_store_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.sqlite"
    old = SqliteDatabase(str(path))
    db.initialize(old)
    with old.atomic():
        migrations.STEPS[0](old)
        old.pragma("user_version", 1)
    old.execute_sql(
        "INSERT INTO queue (name, purpose, valid, acknowledge, held, position) "
        "VALUES ('LoGeAs', '', 1, 1, 0, 0)"
    )
    old.close()
    assert "ticket_created_id" not in indexes(path)

    open_store(str(path))
    try:
        assert int(db.pragma("user_version")) == len(migrations.STEPS)
        assert Ticket.select().count() == 0
        assert {"ticket_created_id", "ticket_queue_id_state"} <= indexes(path)
        assert migrations.migrate(db.obj) == len(migrations.STEPS)  # idempotent
    finally:
        close_store()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM queue").fetchall() == [("LoGeAs",)]
