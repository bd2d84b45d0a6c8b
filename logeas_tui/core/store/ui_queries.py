"""What the main screen's queue pane and banner need: the queues (names first, they are few),
then in one read their counts, the size of my review and of my own tickets, how many of those
wait for me, reminders due and mail waiting in the outbox (that read scans every ticket: run by
a worker thread, never on the UI thread)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from logeas_tui.core.store import outbox_queries, queries
from logeas_tui.core.store.models import Queue
from logeas_tui.core.store.views import QueueView


@dataclass(frozen=True)
class DeskSummary:
    queues: tuple[QueueView, ...]
    review: int  # tickets in my daily review
    reminders_due: int
    outbox_waiting: int
    mine: int = 0  # my tickets in progress (the "Mine" list)
    waiting: int = 0  # …of which wait for me: new or open, or a reminder due


def queue_names() -> tuple[QueueView, ...]:
    """The queues without their counts (a few rows: the pane can show them at once)."""
    return tuple(
        QueueView(q.name, q.purpose, q.valid, q.acknowledge, q.held, {}, 0)
        for q in Queue.select().order_by(Queue.position, Queue.name)
    )


def mine(me: str | None) -> queries.TicketFilter:
    """The tickets `me` owns, in progress (x shows the closed ones too)."""
    return queries.TicketFilter(owner=me or "?", hide_closed=True)


def desk_summary(*, me: str | None, now: datetime) -> DeskSummary:
    return DeskSummary(
        queues=tuple(queries.queues(now)),
        review=queries.count_tickets(queries.TicketFilter(review=True), me=me, now=now),
        reminders_due=queries.reminders_due(now),
        outbox_waiting=outbox_queries.outbox_waiting(),
        mine=queries.count_tickets(mine(me), me=me, now=now),
        waiting=queries.waiting_for(me, now),
    )
