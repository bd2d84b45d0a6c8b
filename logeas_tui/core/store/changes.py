"""Did anyone else change the tickets since I last looked? The live team view's cheap check.

Several copies of the app share one store; each asks this about once a second and re-reads what
it shows only when the answer is yes, so an idle copy costs the store next to nothing.

The answer rests on a stamp: the newest history row, message and ticket. Every change to a
ticket writes a history row in its own transaction (`services.common.record`, after `save`
bumped the version), a new message or ticket moves its own id, and each is a primary-key
maximum — an index lookup on every engine, written with peewee so it runs on SQLite and
PostgreSQL alike. (`max(ticket.updated)` would add nothing the history id does not already
say, and has no index: a whole-table scan every second.) Tickets destroyed by the Delete
queue's purge move no stamp; the next change, or the screen's own minute tick, shows them gone.

On SQLite a second, cheaper gate comes first: `PRAGMA data_version`, read on a connection of
this watch's own, changes only when another connection commits — another process, or another
thread of this one (each thread has its own connection). While it stays put nothing is read at
all. When it moves, the stamp says whether the commit touched tickets: the mail lease renewed
every ten seconds, an outbox claim or someone's seen marks re-read nothing.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from peewee import PostgresqlDatabase, SqliteDatabase, fn

from logeas_tui.core.store.models import History, Message, Ticket, db

Stamp = tuple[int, int, int]


def stamp() -> Stamp:
    """The ids of the newest history row, message and ticket (0 when there is none)."""
    return (_newest(History), _newest(Message), _newest(Ticket))


def _newest(model: Any) -> int:
    return int(model.select(fn.MAX(model.id)).scalar() or 0)


class ChangeWatch:
    """`changed()` is True when the tickets changed since the previous call; the first call
    only takes the mark. Safe to call from any thread (one call at a time)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: Stamp | None = None

    def changed(self) -> bool:
        with self._lock:
            if not self._moved():
                return False
            now = stamp()
            before, self._last = self._last, now
            return before is not None and now != before

    def _moved(self) -> bool:
        """Whether the stamp is worth reading (any engine: always)."""
        return True

    def close(self) -> None:
        """Let go of what the watch holds (nothing, on the generic watch)."""


class DataVersionWatch(ChangeWatch):
    """SQLite: the stamp is read only when `PRAGMA data_version` moved."""

    def __init__(self, path: str) -> None:
        super().__init__()
        # Its own connection, opened once: data_version counts the commits of the others.
        # Autocommit, so no read transaction stays open to hold back WAL checkpoints.
        self._connection: sqlite3.Connection | None = sqlite3.connect(
            path, timeout=10, isolation_level=None, check_same_thread=False
        )
        self._version: int | None = None

    def _moved(self) -> bool:
        if self._connection is None:
            return False
        (version,) = self._connection.execute("PRAGMA data_version").fetchone()
        moved = version != self._version
        self._version = version
        return moved

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


class KeptConnectionWatch(ChangeWatch):
    """PostgreSQL: the stamp read on one connection of the watch's own, opened once, instead of
    a new connection for each look (the app looks from a new worker thread every second)."""

    STAMP = (
        "SELECT (SELECT max(id) FROM history), (SELECT max(id) FROM message), "
        "(SELECT max(id) FROM ticket)"
    )

    def __init__(self, database: Any) -> None:
        super().__init__()
        self._connection: Any = database._connect()  # a raw psycopg connection
        self._connection.autocommit = True

    def changed(self) -> bool:
        with self._lock:
            if self._connection is None:
                return False
            row = self._connection.execute(self.STAMP).fetchone()
            now: Stamp = (int(row[0] or 0), int(row[1] or 0), int(row[2] or 0))
            before, self._last = self._last, now
            return before is not None and now != before

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


def watch() -> ChangeWatch:
    """A watch on the bound store: data_version on an SQLite file, a kept connection on
    PostgreSQL, else the stamp alone."""
    database = db.obj
    if isinstance(database, PostgresqlDatabase):
        try:
            return KeptConnectionWatch(database)
        except Exception:  # the stamp through the usual connections still answers
            return ChangeWatch()
    if isinstance(database, SqliteDatabase):
        path = str(database.database)
        if path and path != ":memory:" and not path.startswith("file::memory:"):
            try:
                return DataVersionWatch(path)
            except sqlite3.Error:
                pass  # the stamp alone still answers
    return ChangeWatch()
