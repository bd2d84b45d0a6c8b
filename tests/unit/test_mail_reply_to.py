"""A mail's Reply-To names the customer when it is someone else than the sender and the
support: a web form's mail comes from the site, the person who filled it is answered."""

from __future__ import annotations

from logeas_tui.core.services.inbound import NEW_TICKET, ingest
from logeas_tui.core.store.models import Outbox, Ticket
from tests.unit.test_mail_ingest import mail


def _ack_recipients() -> list[str]:
    return [o.recipient for o in Outbox.select().where(Outbox.automatic)]


def test_a_web_form_mail_makes_the_reply_to_the_customer_and_acknowledges_them(desk):
    raw = mail(
        "Demande depuis le site",
        sender="Site web <site@logeas.fr>",
        headers={"Reply-To": "Marie Durand <marie.durand@client.example>"},
    )
    result = ingest(desk, raw, [])
    assert result.outcome == NEW_TICKET and result.acknowledged
    ticket = Ticket.get(Ticket.number == result.number)
    assert (ticket.customer, ticket.customer_name) == (
        "marie.durand@client.example",
        "Marie Durand",
    )
    assert _ack_recipients() == ["marie.durand@client.example"]


def test_a_no_reply_sender_with_a_reply_to_still_acknowledges_the_reply_to(desk):
    raw = mail(
        "Formulaire",
        sender="noreply@forms.example",
        headers={"Reply-To": "paul@client.example"},
    )
    assert ingest(desk, raw, []).acknowledged
    assert _ack_recipients() == ["paul@client.example"]


def test_a_reply_to_naming_the_sender_or_the_support_keeps_the_sender(desk):
    for n, reply_to in enumerate(("jean@client.example", "support@logeas.fr")):
        result = ingest(desk, mail(f"Question {n}", headers={"Reply-To": reply_to}), [])
        assert Ticket.get(Ticket.number == result.number).customer == "jean@client.example"
    assert _ack_recipients() == ["jean@client.example"] * 2


def test_a_reply_to_at_a_no_reply_address_gets_no_acknowledgement(desk):
    raw = mail("Question", headers={"Reply-To": "no-reply@client.example"})
    result = ingest(desk, raw, [])
    assert not result.acknowledged and _ack_recipients() == []
