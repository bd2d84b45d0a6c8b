"""Shared steps of the services: load a ticket for change, save it with its version checked,
write history, put mail in the outbox."""

from __future__ import annotations

import json
import re
from typing import Any

from logeas_tui.core import numbers, procedure
from logeas_tui.core.errors import Conflict, InvalidInput, NotFound, Refused
from logeas_tui.core.procedure import MERGED, STATES
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services import wording
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store.models import (
    MAIL_IN,
    MAIL_OUT,
    History,
    Message,
    Outbox,
    Queue,
    Seen,
    Technician,
    Ticket,
)
from logeas_tui.core.store.rows import history_row, message_row


def get_ticket(number: str, expected_version: int | None = None) -> Ticket:
    number = str(number).strip()
    problem = numbers.explain_invalid(number)
    ticket = Ticket.get_or_none(Ticket.number == number)
    if ticket is None:
        raise NotFound(problem or Sentence("no_ticket", number=number))
    if expected_version is not None and ticket.version != expected_version:
        raise changed_meanwhile(ticket)
    return ticket


def changed_meanwhile(ticket: Ticket) -> Conflict:
    """The refusal of a change made on a stale read of `ticket`: who changed it last and how
    (its newest history line: every change writes one, in the transaction that bumps the
    version)."""
    last = History.select().where(History.ticket == ticket.id).order_by(History.id.desc()).first()
    if last is None:
        return Conflict(Sentence("conflict", number=ticket.number))
    return Conflict(
        Sentence("conflict_by", number=ticket.number, who=last.who or "?", change=_change(last))
    )


def _change(line: History) -> Sentence:
    """A history line in a few words, said in the reader's language: "closed successful",
    "owner → Guillaume", "note"."""
    action = Sentence(f"history.{line.action}")
    if line.action == "state" and line.new in STATES:
        return Sentence("change_state", state=line.new)
    if line.new in STATES:
        return Sentence("change_to_state", action=action, state=line.new)
    if line.new:
        return Sentence("change_to", action=action, new=line.new)
    return action


def ticket_for(action: str, number: str, expected_version: int | None = None) -> Ticket:
    """The ticket `action` is about, refused with the procedure's own sentence when its state
    does not accept the action (core.procedure is the only place that says which)."""
    ticket = get_ticket(number, expected_version)
    target = ""
    if ticket.state == MERGED and ticket.merged_into_id:
        target = Ticket.get_by_id(ticket.merged_into_id).number
    marks = marks_of(ticket, action)
    reason = procedure.refusal(action, ticket.state, ticket.number, target, marks)
    if reason is not None:
        raise Refused(reason)
    return ticket


def marks_of(ticket: Ticket, action: str) -> frozenset[str]:
    """What the ticket holds that `action` may need (`procedure.Action.needs`) and where it is
    that forbids actions (an obsolete queue), as the list's rows say it (`TicketRow.marks`)."""
    marks = set() if ticket.queue.valid else {procedure.OBSOLETE_QUEUE}
    if procedure.ACTIONS[action].needs:
        unknown = Message.select().where((Message.ticket == ticket.id) & Message.unknown_sender)
        if unknown.exists():
            marks.add(procedure.UNKNOWN_SENDER)
    return frozenset(marks)


def save(desk: Desk, ticket: Ticket, **changes: Any) -> None:
    """Apply `changes` if nobody changed the ticket since it was read; bump its version."""
    changes["updated"] = desk.now()
    changes["version"] = ticket.version + 1
    done = (
        Ticket.update(**changes)
        .where((Ticket.id == ticket.id) & (Ticket.version == ticket.version))
        .execute()
    )
    if not done:
        raise changed_meanwhile(ticket)
    for key, value in changes.items():
        setattr(ticket, key, value)


def record(
    desk: Desk,
    ticket: Ticket,
    action: str,
    old: str = "",
    new: str = "",
    detail: str = "",
    data: dict[str, Any] | None = None,
    *,
    seen: bool = True,
) -> None:
    """Write a line of the ticket's history: who did what, old → new. A technician who
    changes a ticket has read it: its customer mail is then seen by them (`seen_by`), unless
    `seen` is False (a ticket changed by an action on another one)."""
    History.create(
        **history_row(
            ticket=ticket.id,
            at=desk.now(),
            who=desk.who,
            action=action,
            old=old,
            new=new,
            detail=detail,
            data=json.dumps(data) if data else "",
        )
    )
    if seen:
        seen_by(desk, ticket)


def seen_by(desk: Desk, ticket: Ticket) -> None:
    """The ticket's messages, up to its newest customer mail, are seen by `desk`'s technician
    (its review flag clears for them); nothing when `desk` acts as no technician (the mail
    pipeline, the system). The caller holds the write transaction."""
    tech = Technician.find(name=desk.who)
    if tech is None:
        return
    (
        Seen.insert(technician=tech.id, ticket=ticket.id, last_message=ticket.last_in_id)
        .on_conflict(
            conflict_target=[Seen.technician, Seen.ticket],
            update={Seen.last_message: ticket.last_in_id},
        )
        .execute()
    )


def technician(name: str) -> Technician:
    tech = Technician.get_or_none(Technician.name == name)
    if tech is None:
        known = ", ".join(t.name for t in Technician.select().order_by(Technician.name))
        raise InvalidInput(Sentence("no_technician", name=name, known=known), "owner")
    return tech


def active_queue(name: str) -> Queue:
    queue = Queue.get_or_none(Queue.name == name)
    if queue is None:
        known = ", ".join(
            q.name for q in Queue.select().where(Queue.valid).order_by(Queue.position)
        )
        raise InvalidInput(Sentence("no_queue", name=name, known=known), "queue")
    if not queue.valid:
        raise InvalidInput(Sentence("obsolete_queue", name=name), "queue")
    return queue


def add_message(ticket: Ticket, **fields: Any) -> Message:
    msg = Message.create(**message_row(ticket=ticket.id, **fields))  # indexed by trigger
    if msg.kind == MAIL_IN:
        Ticket.raise_to(ticket.id, last_in_id=msg.id)
        ticket.last_in_id = max(ticket.last_in_id, msg.id)
    return msg


def is_phone_placeholder(address: str, domain: str) -> bool:
    return bool(re.fullmatch(rf"\+?\d+@{re.escape(domain)}", address.strip(), re.IGNORECASE))


def last_customer_mail(ticket: Ticket) -> Message | None:
    return (
        Message.select()
        .where((Message.ticket == ticket.id) & (Message.kind == MAIL_IN))
        .order_by(Message.date.desc(), Message.id.desc())
        .first()
    )


def send_to_customer(
    desk: Desk,
    ticket: Ticket,
    body: str,
    *,
    action: str,
    automatic: bool = False,
    subject: str | None = None,
    answering: Message | None = None,
) -> str | None:
    """Store the outgoing mail on the ticket and put it in the outbox, in the caller's
    transaction; it answers `answering`, else the customer's last mail. Returns a notice when
    the customer has no mailbox (phone placeholder)."""
    author = desk.who
    if is_phone_placeholder(ticket.customer, desk.config.domain) or not ticket.customer:
        add_message(
            ticket,
            kind=MAIL_OUT,
            from_addr=desk.config.address,
            to_addr=ticket.customer,
            subject=numbers.with_hook(ticket.subject, ticket.number),
            body=body,
            date=desk.now(),
            author=author,
        )
        record(
            desk,
            ticket,
            "mail not sent",
            detail=wording.no_mailbox(desk.config.language, action, ticket.customer or "?"),
        )
        return Sentence("no_mailbox", customer=ticket.customer or "?")
    parent = answering or last_customer_mail(ticket)
    references = tuple(parent.references.split()) if parent and parent.references else ()
    if parent and parent.message_id:
        references = (*references, parent.message_id)
    subject = numbers.with_hook(subject or ticket.subject, ticket.number)
    from logeas_tui.core.mail.compose import compose  # the email stack: not needed to start

    raw, message_id = compose(
        from_addr=desk.config.address,
        to=ticket.customer,
        subject=subject,
        body=body,
        in_reply_to=parent.message_id if parent else None,
        references=references,
        auto_submitted=automatic,
        loop_address=desk.config.address if automatic else None,
        message_id_domain=desk.config.address.split("@")[-1],
        date=desk.clock.now(),
    )
    stored = add_message(
        ticket,
        kind=MAIL_OUT,
        from_addr=desk.config.address,
        to_addr=ticket.customer,
        subject=subject,
        body=body,
        date=desk.now(),
        author=author,
        message_id=message_id,
        in_reply_to=parent.message_id if parent else None,
        references=" ".join(references),
    )
    Outbox.create(
        ticket=ticket.id,
        message=stored.id,
        recipient=ticket.customer,
        subject=subject,
        raw=raw,
        automatic=automatic,
        created=desk.now(),
    )
    return None
