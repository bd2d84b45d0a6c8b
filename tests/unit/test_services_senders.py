"""Accepting a mail from an unknown sender (issue 9.16): the mark goes and the mail does what
the customer's reply would have done — reopen a closed or pending ticket, leave a new one new
— with a history line; refused when the ticket holds nothing to accept."""

from __future__ import annotations

import pytest

from logeas_tui.core import procedure
from logeas_tui.core.errors import Conflict, Refused
from logeas_tui.core.procedure import CLOSED_OK, NEW, OPEN
from logeas_tui.core.services import merge, tickets
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.senders import accept_sender
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import History, Message, Outbox, Ticket
from logeas_tui.texts import Catalog
from tests.factories import stored_mail, stranger_writes


def ticket(desk: Desk, subject: str = "Imprimante") -> str:
    return stored_mail(desk, sender="jean@client.example", name="Jean", subject=subject, body="…")


def marked(number: str) -> list[bool]:
    return [
        m.unknown_sender
        for m in Message.select().join(Ticket).where(Ticket.number == number).order_by(Message.id)
    ]


def test_accepting_reopens_a_closed_ticket_as_the_customer_s_reply_would(desk: Desk) -> None:
    number = ticket(desk)
    tickets.close(desk, number)
    stranger_writes(desk, number)
    assert Ticket.get(Ticket.number == number).state == CLOSED_OK
    outbox = Outbox.select().count()
    assert accept_sender(desk, number).number == number
    after = Ticket.get(Ticket.number == number)
    assert after.state == procedure.after_customer_reply(CLOSED_OK) == OPEN
    assert marked(number) == [False, False]
    line = History.select().where(History.ticket == after.id).order_by(History.id.desc()).get()
    assert (line.who, line.action, line.old, line.new) == (
        "Nicolas",
        "sender accepted",
        CLOSED_OK,
        OPEN,
    )
    assert "intrus@ailleurs.example" in line.detail
    assert Outbox.select().count() == outbox  # accepting mails nobody
    row = queries.ticket_row(number, me=desk.who, now=desk.clock.now())
    assert row is not None and not row.unknown_sender


def test_accepting_on_a_new_ticket_leaves_it_new(desk: Desk) -> None:
    number = ticket(desk)
    stranger_writes(desk, number)
    accept_sender(desk, number)
    assert Ticket.get(Ticket.number == number).state == NEW


def test_once_accepted_the_sender_is_known_on_this_ticket(desk: Desk) -> None:
    number = ticket(desk)
    stranger_writes(desk, number, tag="1")
    accept_sender(desk, number)
    tickets.close(desk, number)
    from logeas_tui.core.services.inbound import ingest

    raw = (
        f"From: intrus@ailleurs.example\r\nSubject: [Ticket#{number}]\r\n"
        "Message-ID: <again@ailleurs.example>\r\n\r\nEncore moi.\r\n"
    ).encode()
    assert ingest(desk, raw, ()).unknown_sender is False
    assert Ticket.get(Ticket.number == number).state == OPEN


def test_nothing_to_accept_is_refused_and_changes_nothing(desk: Desk) -> None:
    number = ticket(desk)
    tickets.close(desk, number)
    version = Ticket.get(Ticket.number == number).version
    with pytest.raises(Refused) as caught:
        accept_sender(desk, number)
    assert Catalog("en").say(caught.value) == (
        f"Ticket {number} holds no mail from an unknown sender to accept."
    )
    after = Ticket.get(Ticket.number == number)
    assert (after.state, after.version) == (CLOSED_OK, version)


def test_one_message_can_be_accepted_alone(desk: Desk) -> None:
    number = ticket(desk)
    stranger_writes(desk, number, sender="a@ailleurs.example", tag="a")
    stranger_writes(desk, number, sender="b@ailleurs.example", tag="b")
    first, second = (
        m.id
        for m in Message.select()
        .join(Ticket)
        .where((Ticket.number == number) & Message.unknown_sender)
        .order_by(Message.id)
    )
    accept_sender(desk, number, second)
    assert marked(number) == [False, True, False]
    with pytest.raises(Refused) as caught:
        accept_sender(desk, number, second)  # already accepted
    assert "not a mail from an unknown sender" in Catalog("en").say(caught.value)
    accept_sender(desk, number, first)
    assert marked(number) == [False, False, False]


def test_accepting_on_a_stale_version_is_refused(desk: Desk) -> None:
    number = ticket(desk)
    stranger_writes(desk, number)
    seen = Ticket.get(Ticket.number == number).version
    tickets.note(desk, number, "Qui est-ce ?")
    with pytest.raises(Conflict):
        accept_sender(desk, number, expected_version=seen)
    assert marked(number).count(True) == 1


def test_a_merged_ticket_refuses_with_the_table_s_sentence(desk: Desk) -> None:
    number = ticket(desk)
    stranger_writes(desk, number)
    target = ticket(desk, "Autre")
    merge.merge(desk, number, target)
    with pytest.raises(Refused) as caught:
        accept_sender(desk, number)
    assert str(caught.value) == procedure.refusal("accept", "merged", number, target)
    assert marked(target).count(True) == 1  # the mail moved with the merge
    accept_sender(desk, target)
    assert True not in marked(target)
