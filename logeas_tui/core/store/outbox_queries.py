"""What the outbox holds: the mails waiting to go (or all of them), for `logeas outbox`, the
status bar and the sync summary."""

from __future__ import annotations

from typing import Any

from peewee import JOIN

from logeas_tui.core.store.models import Outbox, Ticket
from logeas_tui.core.store.views import OutboxView


def outbox(include_sent: bool = False) -> list[OutboxView]:
    query: Any = (
        Outbox.select(Outbox, Ticket.number.alias("ticket_number"))
        .join(Ticket, JOIN.LEFT_OUTER, on=(Outbox.ticket == Ticket.id))
        .order_by(Outbox.created, Outbox.id)
    )
    if not include_sent:
        query = query.where(Outbox.sent_at.is_null())
    return [
        OutboxView(
            o.id,
            o.ticket_number,
            o.recipient,
            o.subject,
            o.created,
            o.attempts,
            o.last_error,
            o.next_attempt,
        )
        for o in query.objects()
    ]


def outbox_waiting() -> int:
    """How many outgoing mails are not sent yet."""
    return int(Outbox.select().where(Outbox.sent_at.is_null()).count())
