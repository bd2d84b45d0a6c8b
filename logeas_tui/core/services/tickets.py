"""Creating tickets (phone intake, and the mail pipeline) and the simple state actions:
close, reopen, pending reminder, note, take, assign, seen marks."""

from __future__ import annotations

from datetime import timedelta

from logeas_tui.core import procedure
from logeas_tui.core.errors import InvalidInput, Refused
from logeas_tui.core.procedure import CLOSED_OK, NEW, OPEN
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services import wording
from logeas_tui.core.services.common import (
    active_queue,
    add_message,
    record,
    save,
    seen_by,
    technician,
    ticket_for,
)
from logeas_tui.core.services.customers import customer_address
from logeas_tui.core.services.desk import ActionResult, Desk
from logeas_tui.core.services.handoff import DELETE_QUEUE
from logeas_tui.core.store.counters import next_number
from logeas_tui.core.store.models import NOTE, PHONE, Queue, Ticket
from logeas_tui.core.store.rows import ticket_row
from logeas_tui.core.store.tx import writing


def new_ticket(
    desk: Desk,
    queue: Queue,
    *,
    customer: str,
    customer_name: str,
    subject: str,
    state: str = NEW,
    owner_id: int | None = None,
) -> Ticket:
    """Insert a ticket with a fresh number; the caller holds the write transaction."""
    number = next_number(desk.local_now().date(), desk.config.system_id)
    now = desk.now()
    ticket = Ticket.create(
        **ticket_row(
            number=number,
            queue=queue.id,
            state=state,
            owner=owner_id,
            customer=customer,
            customer_name=customer_name,
            subject=subject,
            created=now,
            updated=now,
            last_customer_contact=now,
        )
    )
    return ticket


def create_phone_ticket(
    desk: Desk,
    *,
    customer: str,
    queue: str,
    subject: str,
    body: str,
    customer_name: str = "",
    close: bool = False,
    owner: str | None = None,
) -> ActionResult:
    """A call becomes a ticket: closed at once if the intervention is finished, else owned."""
    address = customer_address(customer, desk.config.domain)
    if not subject.strip():
        raise InvalidInput(Sentence("no_subject"), "subject")
    if not close and not owner:
        raise InvalidInput(Sentence("owner_needed"), "owner")
    with writing():
        target = active_queue(queue)
        owner_id = technician(owner).id if owner else None
        ticket = new_ticket(
            desk,
            target,
            customer=address,
            customer_name=customer_name.strip(),
            subject=subject.strip(),
            state=CLOSED_OK if close else OPEN,
            owner_id=owner_id,
        )
        add_message(
            ticket,
            kind=PHONE,
            from_addr=address,
            to_addr=desk.config.address,
            subject=subject.strip(),
            body=body,
            date=desk.now(),
            author=desk.who,
        )
        record(
            desk,
            ticket,
            "created",
            new=ticket.state,
            detail=wording.created_by_phone(desk.config.language, address, target.name, owner),
        )
    return ActionResult(ticket.number)


def close(
    desk: Desk, number: str, *, successful: bool = True, expected_version: int | None = None
) -> ActionResult:
    action = "close" if successful else "close_unsuccessful"
    with writing():
        ticket = ticket_for(action, number, expected_version)
        old, state = ticket.state, procedure.leaves(action)
        save(desk, ticket, state=state, pending_until=None)
        record(desk, ticket, "state", old, state)
    return ActionResult(ticket.number)


def reopen(desk: Desk, number: str, *, expected_version: int | None = None) -> ActionResult:
    with writing():
        ticket = ticket_for("reopen", number, expected_version)
        old, state = ticket.state, procedure.leaves("reopen")
        save(desk, ticket, state=state, pending_until=None)
        record(desk, ticket, "state", old, state)
    return ActionResult(ticket.number)


def set_pending(
    desk: Desk, number: str, days: int, *, expected_version: int | None = None
) -> ActionResult:
    """Pending reminder: the ticket comes back to the review in `days` days."""
    if not 0 < days <= 365:
        raise InvalidInput(Sentence("days_range"), "days")
    with writing():
        ticket = ticket_for("pending", number, expected_version)
        due = desk.now() + timedelta(days=days)
        old, state = ticket.state, procedure.leaves("pending")
        save(desk, ticket, state=state, pending_until=due)
        record(
            desk, ticket, "state", old, state, detail=wording.reminder_on(desk.config.language, due)
        )
    return ActionResult(ticket.number)


def note(
    desk: Desk, number: str, body: str, *, expected_version: int | None = None
) -> ActionResult:
    if not body.strip():
        raise InvalidInput(Sentence("empty_note"), "body")
    with writing():
        ticket = ticket_for("note", number, expected_version)
        add_message(
            ticket,
            kind=NOTE,
            from_addr=desk.who,
            subject="Note",
            body=body,
            date=desk.now(),
            author=desk.who,
        )
        save(desk, ticket)
        record(desk, ticket, "note", detail=wording.note(body))
    return ActionResult(ticket.number)


def assign(
    desk: Desk, number: str, owner: str, *, expected_version: int | None = None
) -> ActionResult:
    return _give(desk, "assign", number, owner, expected_version)


def take(desk: Desk, number: str, *, expected_version: int | None = None) -> ActionResult:
    return _give(desk, "take", number, desk.who, expected_version)


def _give(
    desk: Desk, action: str, number: str, owner: str, expected_version: int | None
) -> ActionResult:
    with writing():
        ticket = ticket_for(action, number, expected_version)
        tech = technician(owner)
        old = ticket.owner.name if ticket.owner_id and ticket.owner else ""
        if ticket.owner_id == tech.id:
            raise Refused(Sentence("already_owner", name=tech.name, number=ticket.number))
        save(desk, ticket, owner=tech.id)
        record(desk, ticket, "owner", old, tech.name)
    return ActionResult(ticket.number)


def mark_seen(desk: Desk, number: str) -> None:
    """Remember that I have seen this ticket's messages (clears its review flag for me)."""
    ticket = Ticket.get_or_none(Ticket.number == number)
    if ticket is None:
        return
    with writing():
        seen_by(desk, ticket)


def intake_queues() -> list[str]:
    """The queues a phone call can be put in, in the procedure's order: the active ones but
    Delete and the held mail (Spam, Virus, Mailing), where no call belongs."""
    query = Queue.select(Queue.name).where(Queue.valid & ~Queue.held & (Queue.name != DELETE_QUEUE))
    return [q.name for q in query.order_by(Queue.position)]
