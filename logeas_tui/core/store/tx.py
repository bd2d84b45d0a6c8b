"""Write transactions. On SQLite a writer takes the lock up front (BEGIN IMMEDIATE), so two
writers queue on the busy timeout instead of failing halfway with "database is locked".

A batch of received mails gives each mail a savepoint of its own (`one_mail`); the first
`writing()` straight inside it (ingest's own) is that very savepoint rather than a second one
nested in it: nothing runs between the two that could catch an error, so the mail is still
all-or-nothing, for a savepoint less a mail (each costs a statement and peewee's bookkeeping)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from peewee import SqliteDatabase

from logeas_tui.core.store.models import db

_open = threading.local()  # per thread, as peewee's transactions: a mail's unclaimed savepoint


def writing() -> Any:
    depth = db.transaction_depth()
    if depth and getattr(_open, "mail_depth", None) == depth:
        _open.mail_depth = None  # claimed: a later writing() here nests a savepoint again
        return contextlib.nullcontext()
    if isinstance(db.obj, SqliteDatabase) and depth == 0:
        return db.atomic("IMMEDIATE")
    return db.atomic()


@contextlib.contextmanager
def one_mail() -> Iterator[None]:
    """One received mail's writes, in a savepoint inside an open transaction: an exception
    rolls back this mail only, then goes on up."""
    with db.atomic():
        outer = getattr(_open, "mail_depth", None)
        _open.mail_depth = db.transaction_depth()
        try:
            yield
        finally:
            _open.mail_depth = outer
