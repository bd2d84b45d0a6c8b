"""Accepting a mail from an unknown sender: the technician's answer to a follow-up that named a
ticket's number but came from someone the ticket did not know (core.services.inbound marks it
and changes nothing else).

Why a step of its own: anyone can copy a ticket number into a subject, so such a mail must not
reopen a closed ticket or make the helpdesk write to anyone by itself. A technician who reads
it and finds it is the customer's (from another address, or a colleague's) accepts it; it then
does what the customer's reply would have done (the procedure table's `accept` row, REPLIED).
"""

from __future__ import annotations

from logeas_tui.core.errors import Refused
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services import wording
from logeas_tui.core.services.common import record, ticket_for
from logeas_tui.core.services.desk import ActionResult, Desk
from logeas_tui.core.services.inbound import customer_replied
from logeas_tui.core.store.models import Message
from logeas_tui.core.store.tx import writing


def accept_sender(
    desk: Desk,
    number: str,
    message_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> ActionResult:
    """Accept the ticket's mails from an unknown sender (only message `message_id`, the
    store's id of one of them, when given): their mark goes, and the ticket takes the state
    the customer's reply gives, with their date as the customer's last contact."""
    with writing():
        ticket = ticket_for("accept", number, expected_version)  # refused with nothing marked
        marked = Message.select().where((Message.ticket == ticket.id) & Message.unknown_sender)
        if message_id is not None:
            marked = marked.where(Message.id == message_id)
        mails = list(marked.order_by(Message.id))
        if not mails:
            raise Refused(Sentence("not_unknown_sender", number=ticket.number))
        Message.update(unknown_sender=False).where(Message.id.in_([m.id for m in mails])).execute()
        latest = max(m.date for m in mails)
        if ticket.last_customer_contact and ticket.last_customer_contact > latest:
            latest = ticket.last_customer_contact
        old, state = customer_replied(desk, ticket, latest)
        senders = sorted({m.from_addr for m in mails})
        record(
            desk,
            ticket,
            "sender accepted",
            old,
            state if state != old else "",
            detail=wording.sender_accepted(desk.config.language, senders),
        )
    return ActionResult(ticket.number)
