"""Test data made the way the product makes it, shared by the unit and UI tests."""

from __future__ import annotations

import json

from logeas_tui.core.services import tickets
from logeas_tui.core.services.common import add_message, record
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store.models import MAIL_IN, Queue
from logeas_tui.core.store.tx import writing


def stored_mail(
    desk: Desk,
    *,
    sender: str,
    name: str,
    subject: str,
    body: str,
    queue: str = "LoGeAs",
    attachments: tuple[dict[str, object], ...] = (),
) -> str:
    """A new ticket holding one customer mail, as the mail pipeline stores it; its number."""
    with writing():
        ticket = tickets.new_ticket(
            desk,
            Queue.get(Queue.name == queue),
            customer=sender,
            customer_name=name,
            subject=subject,
        )
        add_message(
            ticket,
            kind=MAIL_IN,
            from_addr=sender,
            to_addr=desk.config.address,
            subject=subject,
            body=body,
            date=desk.now(),
            message_id=f"<{ticket.number}@exemple.fr>",
            attachments=json.dumps(list(attachments)),
        )
        detail = f"mail from {sender} in {queue}"
        # as the pipeline stores it: its mail seen by no technician yet
        record(desk, ticket, "created", new=ticket.state, detail=detail, seen=False)
    return str(ticket.number)


def stranger_writes(
    desk: Desk, number: str, *, sender: str = "intrus@ailleurs.example", tag: str = "1"
) -> None:
    """A mail naming ticket `number` in its subject from someone the ticket does not know,
    through the mail pipeline (it joins the ticket marked "unknown sender")."""
    from logeas_tui.core.services.inbound import ingest

    raw = (
        f"From: {sender}\r\nTo: {desk.config.address}\r\n"
        f"Subject: Re: [Ticket#{number}] une question\r\n"
        f"Message-ID: <stranger-{tag}-{number}@ailleurs.example>\r\n"
        "\r\nC'est moi qui m'en occupe maintenant.\r\n"
    ).encode()
    result = ingest(desk, raw, ())
    assert result.unknown_sender, result
