"""Write transactions. On SQLite a writer takes the lock up front (BEGIN IMMEDIATE), so two
writers queue on the busy timeout instead of failing halfway with "database is locked"."""

from __future__ import annotations

from typing import Any

from peewee import SqliteDatabase

from logeas_tui.core.store.models import db


def writing() -> Any:
    if isinstance(db.obj, SqliteDatabase) and db.transaction_depth() == 0:
        return db.atomic("IMMEDIATE")
    return db.atomic()
