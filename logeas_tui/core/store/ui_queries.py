"""What the main screen's queue pane and banner need: the queues (names first, they are few),
then in one read their counts, the size of my review, reminders due and mail waiting in the
outbox (that read scans every ticket: run by a worker thread, never on the UI thread)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from logeas_tui.core.store import queries
from logeas_tui.core.store.models import Queue
from logeas_tui.core.store.views import QueueView


@dataclass(frozen=True)
class DeskSummary:
    queues: tuple[QueueView, ...]
    review: int  # tickets in my daily review
    reminders_due: int
    outbox_waiting: int


def queue_names() -> tuple[QueueView, ...]:
    """The queues without their counts (a few rows: the pane can show them at once)."""
    return tuple(
        QueueView(q.name, q.purpose, q.valid, q.acknowledge, q.held, {}, 0)
        for q in Queue.select().order_by(Queue.position, Queue.name)
    )


def desk_summary(*, me: str | None, now: datetime) -> DeskSummary:
    return DeskSummary(
        queues=tuple(queries.queues(now)),
        review=queries.count_tickets(queries.TicketFilter(review=True), me=me, now=now),
        reminders_due=queries.reminders_due(now),
        outbox_waiting=queries.outbox_waiting(),
    )
