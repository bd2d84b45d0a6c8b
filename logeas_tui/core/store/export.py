"""The mails of one ticket as they travelled, for `logeas export`: the bytes of each mail it
received and of each mail sent on it, oldest first, and what it holds without mail bytes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from logeas_tui.core.store import raw_mails
from logeas_tui.core.store.models import MAIL_IN, Message, Outbox, Ticket


@dataclass(frozen=True)
class TicketMail:
    received: bool  # from the customer (else sent by the support)
    sender: str
    date: datetime
    raw: bytes


@dataclass(frozen=True)
class TicketMails:
    mails: list[TicketMail]
    without_bytes: dict[str, int]  # message kind -> how many have no mail bytes


def ticket_mails(ticket: Ticket) -> TicketMails:
    """The received mails (raw bytes kept) and the sent ones (their outbox bytes) of `ticket`,
    merged-in tickets' included, by date; the other messages counted by kind."""
    mails: list[TicketMail] = []
    without: dict[str, int] = {}
    sent = {
        row.message_id: bytes(row.raw)
        for row in Outbox.select(Outbox.message, Outbox.raw).where(
            (Outbox.ticket == ticket.id) & Outbox.message.is_null(False)
        )
    }
    query = (
        Message.select(Message.id, Message.kind, Message.from_addr, Message.date)
        .where(Message.ticket == ticket.id)
        .order_by(Message.date, Message.id)
    )
    for msg in query:
        data = sent.get(msg.id) if msg.id in sent else raw_mails.read(msg.id)
        if data is None:
            without[msg.kind] = without.get(msg.kind, 0) + 1
            continue
        mails.append(TicketMail(msg.kind == MAIL_IN, msg.from_addr, msg.date, data))
    return TicketMails(mails, without)
