"""The main screen's first reads, begun as soon as the store is open, while Textual and the
screens load: the first page of My review, its count, the queues' names (and the banner's
public holidays of the year, from their cache file); then the counts of the queue pane and the
banner (`desk_summary`, which reads every ticket: 50 ms at 100,000). At 100,000
tickets the first page costs as much as the rest of the start-up's wait for it; read in a
thread beside the imports (SQLite lets the interpreter go on meanwhile), it is there when the
screen is first drawn. The change watch's mark is taken before them, so a change made by
someone else meanwhile is seen at the app's first look.

Imports no Textual: the point is to run while it loads. The screen takes the reads only for
the list they were made for, and a failed read is made again by the list's own workers.
"""

from __future__ import annotations

import threading
from datetime import datetime

from logeas_tui.core import hours
from logeas_tui.core.services import live
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.queries import TicketFilter
from logeas_tui.core.store.ui_queries import DeskSummary, desk_summary, queue_names
from logeas_tui.core.store.views import QueueView, TicketRow
from logeas_tui.widgets.background import in_thread

PAGE = 100  # rows of the ticket list read at once
FIRST = TicketFilter(review=True)  # the list the main screen opens on: My review


class FirstReads:
    """`FirstReads.start(desk)`: the reads under way in a thread; `wait()` for them."""

    def __init__(self, desk: Desk, filt: TicketFilter = FIRST) -> None:
        self.filter = filt
        self.watch = live.watch()
        self.watch.changed()  # the mark, before the reads: nothing made meanwhile is missed
        self.rows: list[TicketRow] | None = None  # page 0; None until read, or if it failed
        self.count: int | None = None
        self.queues: tuple[QueueView, ...] | None = None
        self._summary: DeskSummary | None = None
        self._desk = desk
        self._done = threading.Event()
        self._summed = threading.Event()
        self._taken = False

    @classmethod
    def start(cls, desk: Desk) -> FirstReads:
        reads = cls(desk)
        threading.Thread(target=reads._read, name="first-reads", daemon=True).start()
        return reads

    def _read(self) -> None:
        me, now = self._desk.who, self._desk.clock.now()
        try:
            in_thread(lambda: self._read_all(me, now))
            self._done.set()
            self._summary = in_thread(lambda: desk_summary(me=me, now=now))
        except Exception:  # noqa: BLE001 — the screen's workers read again, and say why
            pass
        finally:
            self._done.set()
            self._summed.set()

    def _read_all(self, me: str | None, now: datetime) -> None:
        self.rows = queries.list_tickets(self.filter, me=me, now=now, limit=PAGE)
        self.count = queries.count_tickets(self.filter, me=me, now=now)
        self.queues = queue_names()
        hours.status(now, self._desk.config.hours)  # the year's holidays, cached for the banner

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self) -> None:
        self._done.wait()

    def summary(self) -> DeskSummary | None:
        """The counts, once read (waits for them; None if they could not be read)."""
        self._summed.wait()
        return self._summary

    def take(self, filt: TicketFilter) -> bool:
        """Whether the list of `filt` may use these reads: the one they were made for, the
        first time it is shown."""
        if self._taken or filt != self.filter:
            return False
        self._taken = True
        return True
