"""Answering through the tool: reply, canned answer, documentation reference (→ closed) and
ask for information (→ closed, or pending with a reminder). The mail waits in the outbox,
addressed to the customer, threaded on their last mail; phone customers get no mail."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from logeas_tui.core.clock import FixedClock
from logeas_tui.core.errors import Conflict, InvalidInput, NotFound, Refused
from logeas_tui.core.procedure import CLOSED_OK, NEW, PENDING
from logeas_tui.core.services import answers
from logeas_tui.core.services.common import active_queue, add_message
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.merge import merge
from logeas_tui.core.services.tickets import create_phone_ticket, new_ticket, note
from logeas_tui.core.store import outbox_queries, queries
from logeas_tui.core.store.models import MAIL_IN, MAIL_OUT, Outbox
from logeas_tui.core.store.tx import writing
from logeas_tui.core.store.views import TicketView


def mail_ticket(
    desk: Desk,
    subject: str = "Imprimante en panne",
    customer: str = "marie@example.fr",
    customer_name: str = "Marie Dupont",
    message_ids: tuple[str, ...] = ("first@example.fr",),
) -> str:
    """A new ticket holding one customer mail per Message-ID, a minute apart."""
    clock: FixedClock = desk.clock  # type: ignore[assignment]
    with writing():
        ticket = new_ticket(
            desk,
            active_queue("LoGeAs"),
            customer=customer,
            customer_name=customer_name,
            subject=subject,
        )
        for mid in message_ids:
            add_message(
                ticket,
                kind=MAIL_IN,
                from_addr=customer,
                to_addr="support@logeas.fr",
                subject=subject,
                body="Bonjour, ça ne marche pas.",
                date=desk.now(),
                message_id=mid,
                references="",
            )
            clock.advance(timedelta(minutes=1))
    return str(ticket.number)


def phone_ticket(desk: Desk) -> str:
    return create_phone_ticket(
        desk,
        customer="01 23 45 67 89",
        queue="LoGeAs",
        subject="Rappel",
        body="À rappeler",
        owner="Nicolas",
    ).number


def view(desk: Desk, number: str) -> TicketView:
    found = queries.ticket_view(number, me=desk.who, now=desk.clock.now())
    assert found is not None
    return found


def the_mail(number: str) -> EmailMessage:
    rows = list(Outbox.select())
    assert len(rows) == 1
    assert rows[0].ticket.number == number
    mail = message_from_bytes(bytes(rows[0].raw), policy=policy.default)
    assert isinstance(mail, EmailMessage)
    return mail


def body_of(mail: EmailMessage) -> str:
    part = mail.get_body(("plain",))
    assert part is not None
    return str(part.get_content())  # type: ignore[attr-defined]


def test_reply_goes_to_the_customer_and_closes(desk: Desk) -> None:
    number = mail_ticket(desk)
    result = answers.reply(desk, number, "Redémarrez l'imprimante.")
    assert result.number == number and result.notice is None
    mail = the_mail(number)
    assert mail["To"] == "marie@example.fr"
    assert mail["From"] == "support@logeas.fr"
    assert mail["Subject"] == f"[Ticket#{number}] Imprimante en panne"
    assert "Redémarrez l'imprimante." in body_of(mail)
    assert mail["Auto-Submitted"] is None  # a person wrote it
    ticket = view(desk, number)
    assert ticket.row.state == CLOSED_OK
    assert ticket.messages[-1].kind == MAIL_OUT
    assert ticket.messages[-1].message_id == mail["Message-ID"].strip("<>")
    assert (ticket.history[-1].action, ticket.history[-1].old, ticket.history[-1].new) == (
        "reply",
        NEW,
        CLOSED_OK,
    )
    [waiting] = outbox_queries.outbox()
    assert (waiting.ticket, waiting.recipient) == (number, "marie@example.fr")


def test_reply_threads_on_the_last_customer_mail(desk: Desk) -> None:
    number = mail_ticket(desk, message_ids=("first@example.fr", "second@example.fr"))
    answers.reply(desk, number, "Voici la réponse.")
    mail = the_mail(number)
    assert mail["In-Reply-To"] == "<second@example.fr>"
    assert "<second@example.fr>" in mail["References"]


def test_reply_without_customer_mail_has_no_in_reply_to(desk: Desk) -> None:
    number = create_phone_ticket(
        desk,
        customer="marie@example.fr",
        queue="LoGeAs",
        subject="Appel",
        body="x",
        owner="Nicolas",
    ).number
    answers.reply(desk, number, "Comme convenu au téléphone…")
    mail = the_mail(number)
    assert mail["In-Reply-To"] is None
    assert mail["Subject"] == f"[Ticket#{number}] Appel"


def test_reply_keeps_an_existing_hook(desk: Desk) -> None:
    number = mail_ticket(desk)
    subject = f"RE: [Ticket#{number}] Imprimante"
    from logeas_tui.core.store.models import Ticket

    Ticket.update(subject=subject).where(Ticket.number == number).execute()
    answers.reply(desk, number, "ok")
    assert the_mail(number)["Subject"] == subject


def test_empty_reply_is_refused(desk: Desk) -> None:
    number = mail_ticket(desk)
    with pytest.raises(InvalidInput) as caught:
        answers.reply(desk, number, "  \n")
    assert caught.value.field == "body"
    assert Outbox.select().count() == 0
    assert view(desk, number).row.state == NEW


def test_phone_customer_gets_no_mail_and_the_technician_is_told(desk: Desk) -> None:
    number = phone_ticket(desk)
    result = answers.reply(desk, number, "Réglé par téléphone")
    assert result.notice is not None and "0123456789@logeas.fr" in result.notice
    assert Outbox.select().count() == 0
    ticket = view(desk, number)
    assert ticket.row.state == CLOSED_OK
    assert any(h.action == "mail not sent" for h in ticket.history)
    assert "reply" in next(h.detail for h in ticket.history if h.action == "mail not sent")


def test_canned_answer_fills_its_placeholders(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Reçus illisibles")
    answers.reply_canned(desk, number, "merci")
    text = body_of(the_mail(number))
    assert text.startswith("Hello Marie Dupont,")
    assert '"Reçus illisibles"' in text
    assert "Nicolas — LoGeAs support" in text
    assert "$" not in text
    ticket = view(desk, number)
    assert ticket.row.state == CLOSED_OK
    assert (ticket.history[-1].action, ticket.history[-1].detail) == ("canned answer", "merci")


def test_canned_answer_without_customer_name_uses_the_address(desk: Desk) -> None:
    number = mail_ticket(desk, customer_name="")
    answers.reply_canned(desk, number, "merci")
    assert body_of(the_mail(number)).startswith("Hello marie@example.fr,")


def test_canned_answer_with_the_number_and_the_acting_technician(desk: Desk) -> None:
    number = mail_ticket(desk)
    answers.reply_canned(desk.acting_as("Guillaume"), number, "rendez-vous")
    text = body_of(the_mail(number))
    assert f"ticket {number}" in text
    assert "Guillaume — Support LoGeAs" in text


def test_unknown_canned_answer_changes_nothing(desk: Desk) -> None:
    number = mail_ticket(desk)
    with pytest.raises(NotFound):
        answers.reply_canned(desk, number, "nope")
    assert view(desk, number).row.state == NEW
    assert Outbox.select().count() == 0


def test_documentation_reference(desk: Desk) -> None:
    number = mail_ticket(desk)
    answers.reply_doc(desk, number, "sauvegarde")
    text = body_of(the_mail(number))
    assert "Sauvegarder et restaurer la base LoGeAs" in text
    assert "https://doc.logeas.fr/administration/sauvegarde" in text
    assert f"[Ticket#{number}]" in text
    assert text.startswith("Hello Marie Dupont,")
    ticket = view(desk, number)
    assert ticket.row.state == CLOSED_OK
    assert (ticket.history[-1].action, ticket.history[-1].detail) == ("documentation", "sauvegarde")


def test_ask_info_closes_the_ticket(desk: Desk) -> None:
    number = mail_ticket(desk)
    answers.ask_info(desk, number, "Quel modèle d'imprimante ?")
    ticket = view(desk, number)
    assert ticket.row.state == CLOSED_OK
    assert ticket.row.pending_until is None
    assert ticket.history[-1].action == "ask info"
    assert "Quel modèle" in body_of(the_mail(number))


def test_ask_info_with_a_reminder_makes_it_pending(desk: Desk) -> None:
    number = mail_ticket(desk)
    answers.ask_info(desk, number, "Quel modèle d'imprimante ?", pending_days=3)
    row = view(desk, number).row
    assert row.state == PENDING
    assert row.pending_until == desk.now() + timedelta(days=3)
    assert "3 days" in view(desk, number).history[-1].detail
    the_mail(number)


@pytest.mark.parametrize("days", [0, -1, 366])
def test_ask_info_reminder_must_be_sensible(desk: Desk, days: int) -> None:
    number = mail_ticket(desk)
    with pytest.raises(InvalidInput) as caught:
        answers.ask_info(desk, number, "?", pending_days=days)
    assert caught.value.field == "days"
    assert Outbox.select().count() == 0


def test_ask_info_to_a_phone_customer_still_sets_the_reminder(desk: Desk) -> None:
    number = phone_ticket(desk)
    result = answers.ask_info(desk, number, "Rappeler avec le numéro de série", pending_days=2)
    assert result.notice is not None
    assert view(desk, number).row.state == PENDING
    assert Outbox.select().count() == 0


def test_answering_a_merged_ticket_is_refused(desk: Desk) -> None:
    target = mail_ticket(desk)
    dup = mail_ticket(desk, message_ids=("dup@example.fr",))
    merge(desk, dup, target)
    with pytest.raises(Refused, match=target):
        answers.reply(desk, dup, "x")
    with pytest.raises(Refused):
        answers.reply_canned(desk, dup, "merci")
    assert Outbox.select().count() == 0


def test_a_stale_version_sends_nothing(desk: Desk) -> None:
    number = mail_ticket(desk)
    row = queries.ticket_row(number, me=None, now=desk.clock.now())
    assert row is not None
    note(desk, number, "un collègue a noté quelque chose")
    for action in (
        lambda: answers.reply(desk, number, "x", expected_version=row.version),
        lambda: answers.reply_canned(desk, number, "merci", expected_version=row.version),
        lambda: answers.reply_doc(desk, number, "install", expected_version=row.version),
        lambda: answers.ask_info(desk, number, "?", expected_version=row.version),
    ):
        with pytest.raises(Conflict):
            action()
    assert Outbox.select().count() == 0
    assert view(desk, number).row.state == NEW
    assert [m.kind for m in view(desk, number).messages] == [MAIL_IN, "note"]
