"""The store's side of finding duplicates: the live tickets a duplicate could be merged into.

Live = in progress (new, open, pending), not in the Delete queue nor a held one (Spam, Virus,
Mailing). Both reads go through the (state, created, id) index: `state IN (…)` and, for
recent tickets, `created >= since`. Ticket has no index on its customer, so the customer's
tickets are the live ones filtered by address; an expression index on `lower(customer)` would
make that read a lookup (one more migration — not this round's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import fn

from logeas_tui.core.procedure import IN_PROGRESS
from logeas_tui.core.store.models import Message, Queue, Ticket

DELETE_QUEUE = "Delete"
RECENT_CAP = 2_000  # recent live tickets compared by subject, newest first
HEAD = 2_000  # characters of a first message read for its first line


@dataclass(frozen=True)
class LiveTicket:
    """A live ticket as the duplicate finder compares it."""

    id: int
    number: str
    subject: str
    customer: str
    customer_name: str
    state: str
    created: datetime


_FIELDS = (
    Ticket.id,
    Ticket.number,
    Ticket.subject,
    Ticket.customer,
    Ticket.customer_name,
    Ticket.state,
    Ticket.created,
)


def _as_live(t: Ticket) -> LiveTicket:
    return LiveTicket(t.id, t.number, t.subject, t.customer, t.customer_name, t.state, t.created)


def _live() -> Any:
    junk = Queue.select(Queue.id).where((Queue.name == DELETE_QUEUE) | Queue.held)
    return Ticket.select(*_FIELDS).where(Ticket.state.in_(IN_PROGRESS) & Ticket.queue.not_in(junk))


def _tickets(query: Any) -> list[LiveTicket]:
    return [_as_live(t) for t in query.order_by(Ticket.created.desc(), Ticket.id.desc())]


def live_of_customers(addresses: list[str], domain_suffix: str | None) -> list[LiveTicket]:
    """Live tickets whose customer is one of `addresses` (lower case), newest first; with
    `domain_suffix` (`@logeas.fr`), every live phone placeholder too (the caller compares
    their digits)."""
    customer = fn.LOWER(Ticket.customer)
    wanted = customer.in_(addresses)
    if domain_suffix:
        wanted |= customer.endswith(domain_suffix)
    return _tickets(_live().where(wanted))


def live_since(since: datetime) -> list[LiveTicket]:
    """Live tickets created since `since`, newest first (at most RECENT_CAP)."""
    return _tickets(_live().where(Ticket.created >= since).limit(RECENT_CAP))


def first_bodies(ticket_ids: list[int]) -> dict[int, str]:
    """The start (2,000 characters) of each ticket's first message, by the (ticket, date)
    index."""
    bodies: dict[int, str] = {}
    for ticket_id in ticket_ids:
        first = (
            Message.select(fn.SUBSTR(Message.body, 1, HEAD).alias("head"))
            .where(Message.ticket == ticket_id)
            .order_by(Message.date, Message.id)
            .first()
        )
        bodies[ticket_id] = (first.head or "") if first else ""
    return bodies


def ticket_basics(number: str) -> LiveTicket | None:
    """The ticket `number` itself, whatever its state."""
    found = Ticket.select(*_FIELDS).where(Ticket.number == number).first()
    return _as_live(found) if found is not None else None
