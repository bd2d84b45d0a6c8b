"""The procedure's mail path against real servers: Dovecot delivers, the sync turns mail into
tickets, acknowledgements and replies reach a real SMTP server."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest

from logeas_tui.core import numbers
from logeas_tui.core.procedure import CLOSED_OK, NEW, OPEN
from logeas_tui.core.services import answers, tickets
from logeas_tui.core.services.mail_sync import run_once
from logeas_tui.core.store import outbox_queries, queries
from tests.integration.mailflow import (
    body_of,
    customer_mail,
    mail_desk,
    received,
    ticket_count,
    unsent,
)

pytestmark = pytest.mark.integration


def _only_ticket(desk):
    rows = queries.list_tickets(
        queries.TicketFilter(), me=desk.who, now=desk.clock.now(), limit=None
    )
    assert len(rows) == 1, rows
    return rows[0]


def test_customer_mail_becomes_ticket_with_one_acknowledgement(desk, dovecot, smtp_server):
    desk, user = mail_desk(desk, dovecot, smtp_server)
    dovecot.append(user, "pw", customer_mail("Impression impossible"))

    report = run_once(desk)

    assert report.error is None and report.new_tickets == 1
    row = _only_ticket(desk)
    assert (row.queue, row.state, row.customer) == ("LoGeAs", NEW, "jean@client.example")
    acks = received(smtp_server)
    assert len(acks) == 1
    ack = acks[0]
    assert ack["To"] == "jean@client.example"
    assert f"[Ticket#{row.number}]" in ack["Subject"]
    assert numbers.find_numbers(ack["Subject"]) == [row.number]
    assert row.number in body_of(ack) and '"Reply"' in body_of(ack)
    assert ack["Auto-Submitted"] == "auto-replied" and ack["X-Loop"]
    # fetched without being read, then flagged \Seen only once stored
    assert all("\\Seen" in f for f in dovecot.flags(user, "pw"))


def test_reply_to_acknowledgement_joins_ticket_and_reply_to_closed_reopens(
    desk, dovecot, smtp_server
):
    desk, user = mail_desk(desk, dovecot, smtp_server)
    dovecot.append(user, "pw", customer_mail("Sauvegarde en erreur"))
    run_once(desk)
    ack = received(smtp_server)[0]
    reply = customer_mail(
        f"Re: {ack['Subject']}", "Voici la capture demandée.", in_reply_to=ack["Message-ID"]
    )
    dovecot.append(user, "pw", reply)

    report = run_once(desk)

    assert (report.new_tickets, report.followups) == (0, 1)
    row = _only_ticket(desk)
    assert row.state == NEW and row.messages == 3  # mail, ack, reply
    tickets.close(desk, row.number)
    dovecot.append(user, "pw", customer_mail(f"RE: [Ticket#{row.number}] encore", "Toujours KO"))
    run_once(desk)
    assert _only_ticket(desk).state == OPEN
    assert len(received(smtp_server)) == 1  # follow-ups are not acknowledged


def test_spam_goes_to_spam_without_acknowledgement(desk, dovecot, smtp_server):
    desk, user = mail_desk(desk, dovecot, smtp_server)
    dovecot.append(
        user,
        "pw",
        customer_mail(
            "Gagnez un iPhone", headers={"X-Spam-Flag": "YES"}, sender="promo@spam.example"
        ),
    )
    run_once(desk)
    assert _only_ticket(desk).queue == "Spam"
    assert received(smtp_server) == []


def test_naive_autoresponder_gets_at_most_the_daily_cap(desk, dovecot, smtp_server):
    desk, user = mail_desk(desk, dovecot, smtp_server, auto_reply_cap=5)
    bot = "Robot <robot@client.example>"
    dovecot.append(user, "pw", customer_mail("Question", sender=bot))
    for round_ in range(12):  # the robot answers every mail it gets with a fresh subject
        run_once(desk)
        for _ in received(smtp_server)[round_:]:
            dovecot.append(user, "pw", customer_mail(f"Absent du bureau {round_}", sender=bot))
    acks = [m for m in received(smtp_server) if m["To"] == "robot@client.example"]
    assert len(acks) == 5
    assert ticket_count() == 6  # every mail kept, only the acknowledgements stop


def test_second_sync_stores_nothing_new(desk, dovecot, smtp_server):
    desk, user = mail_desk(desk, dovecot, smtp_server)
    for n in range(3):
        dovecot.append(user, "pw", customer_mail(f"Demande {n}"))
    assert run_once(desk).new_tickets == 3
    again = run_once(desk)
    assert (again.new_tickets, again.followups) == (0, 0)
    assert ticket_count() == 3 and len(received(smtp_server)) == 3


def test_technician_reply_reaches_smtp_with_in_reply_to_and_closes(desk, dovecot, smtp_server):
    desk, user = mail_desk(desk, dovecot, smtp_server)
    original = customer_mail("Mot de passe perdu")
    dovecot.append(user, "pw", original)
    run_once(desk)
    row = _only_ticket(desk)
    customer_id = queries.ticket_view(row.number, me=desk.who, now=desk.clock.now()).messages[0]

    answers.reply(desk, row.number, "Bonjour,\nVoici la procédure.\n")
    report = run_once(desk)

    assert report.sent == 1 and unsent() == 0
    sent = received(smtp_server)[-1]
    assert sent["In-Reply-To"].strip("<>") == customer_id.message_id
    assert f"[Ticket#{row.number}]" in sent["Subject"]
    assert "Voici la procédure." in body_of(sent) and "<br>" not in body_of(sent)
    assert _only_ticket(desk).state == CLOSED_OK


def test_smtp_down_keeps_replies_then_sends_each_exactly_once(desk, dovecot, smtp_server):
    desk, user = mail_desk(desk, dovecot, smtp_server, address="support@logeas.fr")
    made = [
        tickets.create_phone_ticket(
            desk,
            customer=f"client{n}@client.example",
            queue="LoGeAs",
            subject=f"Appel {n}",
            body="…",
            owner="Nicolas",
        ).number
        for n in range(3)
    ]
    smtp_server.stop()
    for number in made:
        answers.reply(desk, number, "Réponse")

    down = run_once(desk, force_send=True)
    assert down.sent == 0 and down.outbox_waiting == 3 and "SMTP" in (down.error or "")
    waiting = outbox_queries.outbox()
    assert all(o.attempts == 1 and o.last_error for o in waiting)

    smtp_server.start()
    up = run_once(desk, force_send=True)
    assert up.sent == 3 and up.outbox_waiting == 0
    run_once(desk, force_send=True)
    assert sorted(m["To"] for m in received(smtp_server)) == sorted(
        f"client{n}@client.example" for n in range(3)
    )


def test_an_imap_server_that_cannot_be_reached_is_named_with_its_port(desk, dovecot, smtp_server):
    """The IMAP error names host:port, as the SMTP one does."""
    desk, _ = mail_desk(desk, dovecot, smtp_server)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert desk.config.imap is not None
    closed = replace(desk.config.imap, port=port)
    report = run_once(replace(desk, config=replace(desk.config, imap=closed)))
    assert f"IMAP server 127.0.0.1:{port}: " in (report.error or ""), report.error
