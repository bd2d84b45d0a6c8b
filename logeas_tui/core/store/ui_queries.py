"""What the main screen's queue pane and banner need in one read: queue counts, the size of
my review, reminders due and mail waiting in the outbox. Run by a worker thread, never on the
UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from logeas_tui.core.store import queries
from logeas_tui.core.store.models import Outbox
from logeas_tui.core.store.views import QueueView


@dataclass(frozen=True)
class DeskSummary:
    queues: tuple[QueueView, ...]
    review: int  # tickets in my daily review
    reminders_due: int
    outbox_waiting: int


def desk_summary(*, me: str | None, now: datetime) -> DeskSummary:
    return DeskSummary(
        queues=tuple(queries.queues(now)),
        review=queries.count_tickets(queries.TicketFilter(review=True), me=me, now=now),
        reminders_due=queries.reminders_due(now),
        outbox_waiting=int(Outbox.select().where(Outbox.sent_at.is_null()).count()),
    )
