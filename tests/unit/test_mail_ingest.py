"""The ingestion pipeline's rules, one mail at a time, without servers (the integration tests
run the same pipeline behind real IMAP and SMTP)."""

from __future__ import annotations

import dataclasses
import hashlib
from email.message import EmailMessage
from pathlib import Path

from logeas_tui.core.mail.route import load_rules
from logeas_tui.core.services import merge, tickets
from logeas_tui.core.services.inbound import COPY, DUPLICATE, FOLLOWUP, IGNORED, NEW_TICKET, ingest
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import MAIL_IN, History, Message, Outbox, Ticket

RULES_FILE = Path(__file__).resolve().parents[2] / "data" / "routing.toml"


def mail(
    subject: str,
    *,
    sender: str = "jean@client.example",
    msgid: str | None = None,
    headers: dict[str, str] | None = None,
    body: str = "Bonjour",
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "support@logeas.fr"
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{msgid or hashlib.md5(subject.encode()).hexdigest()}@client.example>"
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(body)
    return msg.as_bytes()


def acks() -> int:
    return int(Outbox.select().where(Outbox.automatic).count())


def test_unparseable_mail_is_kept_whole_in_the_default_queue(desk):
    raw = b"\x00\xff\xfe this is not a mail at all"
    result = ingest(desk, raw, load_rules(RULES_FILE))
    assert result.outcome == NEW_TICKET and not result.parsed_ok
    ticket = Ticket.get(Ticket.number == result.number)
    assert ticket.unparsed and ticket.queue.name == "LoGeAs"
    assert queries.raw_message(result.number) == raw
    assert Message.get(Message.ticket == ticket.id).parse_problem
    assert acks() == 0  # nobody to answer


def test_same_bytes_twice_is_stored_once(desk):
    raw = mail("Question")
    assert ingest(desk, raw, []).outcome == NEW_TICKET
    assert ingest(desk, raw, []).outcome == DUPLICATE
    assert Ticket.select().count() == 1 and acks() == 1


def test_same_message_id_other_bytes_is_kept_on_the_first_ticket(desk):
    first = ingest(desk, mail("Question", msgid="same"), [])
    again = ingest(desk, mail("Question", msgid="same", headers={"X-Relay": "2"}), [])
    assert again.outcome == COPY and again.number == first.number
    assert Ticket.select().count() == 1 and acks() == 1


DATE = {"Date": "Tue, 24 Nov 2026 10:12:00 +0100"}


def history_actions(number: str) -> list[str]:
    return [h.action for h in History.select().join(Ticket).where(Ticket.number == number)]


def test_a_second_delivery_through_another_relay_is_a_silent_copy(desk):
    first = ingest(desk, mail("Question", msgid="same", headers=DATE), [])
    relayed = {**DATE, "Received": "from relay2.example by mx.logeas.fr"}
    again = ingest(desk, mail("Question", msgid="same", headers=relayed), [])
    assert (again.outcome, again.number) == (COPY, first.number)
    assert Ticket.select().count() == 1 and acks() == 1


def test_a_new_request_reusing_an_old_message_id_is_a_new_ticket(desk):
    """A sender's broken mailer reuses one Message-ID: other subject, other date, other sender
    — each is a request of its own, never hidden as a copy on the first ticket."""
    first = ingest(desk, mail("Question", msgid="same", headers=DATE), []).number
    others = [
        mail("Autre chose", msgid="same", headers=DATE),
        mail("Question", msgid="same", headers={"Date": "Wed, 25 Nov 2026 09:00:00 +0100"}),
        mail("Question", msgid="same", headers=DATE, sender="paul@ailleurs.example"),
    ]
    for raw in others:
        result = ingest(desk, raw, [])
        assert result.outcome == NEW_TICKET and result.number != first
        assert "message id reused" in history_actions(result.number)
    assert Ticket.select().count() == 4 and acks() == 4
    assert Ticket.get(Ticket.number == first).state == "new"


def test_the_same_mail_again_after_its_ticket_was_closed_is_not_hidden(desk):
    first = ingest(desk, mail("Question", msgid="same", headers=DATE), []).number
    ticket = Ticket.get(Ticket.number == first)
    Ticket.update(state="closed successful").where(Ticket.id == ticket.id).execute()
    again = ingest(desk, mail("Question", msgid="same", headers={**DATE, "X-Relay": "2"}), [])
    assert again.outcome == NEW_TICKET
    assert "message id reused" in history_actions(again.number)


def test_reply_to_a_merged_ticket_goes_to_its_target(desk):
    dup = ingest(desk, mail("Doublon"), []).number
    target = ingest(desk, mail("Original"), []).number
    merge.merge(desk, dup, target)
    result = ingest(desk, mail(f"Re: [Ticket#{dup}] Doublon", msgid="r1"), [])
    assert (result.outcome, result.number) == (FOLLOWUP, target)


def test_reply_by_references_without_number_joins_the_ticket(desk):
    first = ingest(desk, mail("Sans numéro", msgid="orig"), [])
    raw = mail("Re: sans numéro", msgid="r2", headers={"In-Reply-To": "<orig@client.example>"})
    assert ingest(desk, raw, []).number == first.number


def test_a_reply_leaves_a_new_ticket_new_and_reopens_a_pending_one(desk):
    number = ingest(desk, mail("Nouveau"), []).number
    ingest(desk, mail(f"RE: [Ticket#{number}]", msgid="a"), [])
    assert Ticket.get(Ticket.number == number).state == "new"
    tickets.set_pending(desk, number, 3)
    ingest(desk, mail(f"RE: [Ticket#{number}] encore", msgid="b"), [])
    ticket = Ticket.get(Ticket.number == number)
    assert ticket.state == "open" and ticket.pending_until is None


def test_automatic_mail_gets_no_acknowledgement(desk):
    for n, headers in enumerate(
        [
            {"Auto-Submitted": "auto-replied"},
            {"Precedence": "bulk"},
            {"X-Loop": "support@logeas.fr"},
        ]
    ):
        result = ingest(desk, mail(f"Auto {n}", headers=headers), [])
        assert result.outcome == NEW_TICKET and not result.acknowledged, headers
    for sender in (
        "MAILER-DAEMON@client.example",
        "noreply@client.example",
        "0123456789@logeas.fr",
        "support@logeas.fr",
    ):
        assert not ingest(desk, mail(f"From {sender}", sender=sender), []).acknowledged
    assert acks() == 0


def test_routing_rules_and_ignore(desk, tmp_path):
    rules = load_rules(RULES_FILE)
    spam = ingest(desk, mail("Promo", headers={"X-Spam-Flag": "YES"}), rules)
    virus = ingest(desk, mail("Pièce", headers={"X-Virus-Status": "Infected"}), rules)
    listed = ingest(desk, mail("Lettre", headers={"List-Id": "<news.example>"}), rules)
    queues = {
        n: Ticket.get(Ticket.number == n).queue.name
        for n in (spam.number, virus.number, listed.number)
    }
    assert queues == {spam.number: "Spam", virus.number: "Virus", listed.number: "Mailing"}
    assert acks() == 0  # held queues never acknowledge
    own = tmp_path / "routing.toml"
    own.write_text(
        '[[rule]]\nname = "drop"\nheader = "subject"\nmatch = "^unsubscribe"\naction = "ignore"\n'
    )
    assert ingest(desk, mail("unsubscribe me"), load_rules(own)).outcome == IGNORED


def no_ack_lines(desk, number: str) -> list[tuple[str, str]]:
    view = queries.ticket_view(number, me=desk.who, now=desk.clock.now())
    assert view is not None
    return [(h.who, h.detail) for h in view.history if h.action == "no acknowledgement"]


def test_the_history_says_why_no_acknowledgement_went_out(desk):
    auto = ingest(desk, mail("Absent", headers={"Auto-Submitted": "auto-replied"}), [])
    noreply = ingest(desk, mail("Notification", sender="noreply@client.example"), [])
    spam = ingest(desk, mail("Promo", headers={"X-Spam-Flag": "YES"}), load_rules(RULES_FILE))
    off = ingest(desk, mail("Import"), [], acknowledge=False)
    assert no_ack_lines(desk, auto.number) == [
        ("system", "automatic mail (Auto-Submitted: auto-replied)")
    ]
    assert no_ack_lines(desk, noreply.number) == [("system", "no-reply address")]
    assert no_ack_lines(desk, spam.number) == [("system", "queue Spam sends no acknowledgement")]
    assert no_ack_lines(desk, off.number) == [("system", "acknowledgements off")]
    for result in (auto, noreply, spam, off):  # the result tells the caller the same reason
        assert [result.why_no_ack] == [d for _, d in no_ack_lines(desk, result.number)]
    answered = ingest(desk, mail("Question"), [])
    assert answered.acknowledged and no_ack_lines(desk, answered.number) == []
    assert acks() == 1


def test_the_daily_cap_is_written_in_the_history(desk):
    cap = dataclasses.replace(desk, config=dataclasses.replace(desk.config, auto_reply_cap=1))
    first = ingest(cap, mail("Première"), [])
    second = ingest(cap, mail("Deuxième"), [])
    assert first.acknowledged and not second.acknowledged
    assert no_ack_lines(desk, second.number) == [
        ("system", "daily cap of 1 automatic mails reached")
    ]


def test_a_debugger_report_goes_to_its_queue_without_an_acknowledgement(desk):
    result = ingest(desk, mail("[LoGeAs Debugger] Exception 0xC0000005"), load_rules(RULES_FILE))
    assert Ticket.get(Ticket.number == result.number).queue.name == "LoGeAs:Erreur"
    assert acks() == 0 and result.why_no_ack == "queue LoGeAs:Erreur sends no acknowledgement"


# A follow-up by number from an unknown sender (issue 9.16) ----------------------------------


def closed_ticket(desk) -> str:
    """A ticket of jean@client.example's, answered and closed (acknowledged: one automatic mail)."""
    number = ingest(desk, mail("Imprimante en panne", msgid="first"), []).number
    tickets.close(desk, number)
    return number


def test_a_stranger_writing_with_the_number_is_joined_marked_and_reopens_nothing(desk):
    number = closed_ticket(desk)
    before = Ticket.get(Ticket.number == number)
    outbox = Outbox.select().count()
    raw = mail(f"Re: [Ticket#{number}] Imprimante", msgid="s1", sender="intrus@ailleurs.example")
    result = ingest(desk, raw, load_rules(RULES_FILE))
    assert (result.outcome, result.number, result.unknown_sender) == (FOLLOWUP, number, True)
    after = Ticket.get(Ticket.number == number)
    assert after.state == "closed successful"  # not reopened
    assert after.last_customer_contact == before.last_customer_contact
    assert Outbox.select().count() == outbox  # no automatic mail to anyone
    stored = Message.get(Message.message_id == "s1@client.example")
    assert stored.ticket_id == after.id and stored.unknown_sender
    line = History.select().where(History.ticket == after.id).order_by(History.id.desc()).get()
    assert (line.action, line.old, line.new) == ("unknown sender mail", "", "")
    assert "intrus@ailleurs.example" in line.detail
    view = queries.ticket_view(number, me=desk.who, now=desk.clock.now())
    assert view is not None and view.row.unknown_sender
    assert [m.unknown_sender for m in view.messages if m.kind == MAIL_IN] == [False, True]


def test_a_stranger_on_a_pending_ticket_leaves_its_reminder(desk):
    number = ingest(desk, mail("Licence", msgid="first"), []).number
    tickets.set_pending(desk, number, 3)
    due = Ticket.get(Ticket.number == number).pending_until
    ingest(desk, mail(f"[Ticket#{number}]", msgid="s1", sender="intrus@ailleurs.example"), [])
    ticket = Ticket.get(Ticket.number == number)
    assert (ticket.state, ticket.pending_until) == ("pending reminder", due)


def test_the_customer_writing_with_the_number_reopens_as_before(desk):
    number = closed_ticket(desk)
    raw = mail(f"Re: [Ticket#{number}] Imprimante", msgid="c1", sender="JEAN@client.example")
    result = ingest(desk, raw, [])
    assert (result.outcome, result.unknown_sender) == (FOLLOWUP, False)
    assert Ticket.get(Ticket.number == number).state == "open"
    assert not Message.get(Message.message_id == "c1@client.example").unknown_sender
    assert "customer mail" in history_actions(number)


def test_someone_who_already_wrote_on_the_ticket_is_no_stranger(desk):
    """A colleague whose mail the ticket already holds (here a reply by thread, which joined
    the ticket as a customer's mail does) writes again with the number only: a follow-up."""
    number = ingest(desk, mail("Imprimante", msgid="first"), []).number
    colleague = "marie@client.example"
    thread = {"In-Reply-To": "<first@client.example>"}
    by_thread = mail("Re: imprimante", msgid="m1", sender=colleague, headers=thread)
    assert ingest(desk, by_thread, []).unknown_sender is False
    tickets.close(desk, number)
    again = ingest(desk, mail(f"[Ticket#{number}] encore", msgid="m2", sender=colleague), [])
    assert (again.outcome, again.unknown_sender) == (FOLLOWUP, False)
    assert Ticket.get(Ticket.number == number).state == "open"


def test_a_technician_or_the_support_address_is_no_stranger(desk):
    number = closed_ticket(desk)
    raw = mail(f"[Ticket#{number}] vu", msgid="t1", sender="Guillaume <guillaume@logeas.fr>")
    assert ingest(desk, raw, []).unknown_sender is False


def test_a_stranger_who_writes_twice_is_still_a_stranger(desk):
    number = closed_ticket(desk)
    for msgid in ("s1", "s2"):
        raw = mail(f"[Ticket#{number}]", msgid=msgid, sender="intrus@ailleurs.example")
        assert ingest(desk, raw, []).unknown_sender
    assert Ticket.get(Ticket.number == number).state == "closed successful"


def test_a_reply_to_a_message_of_the_ticket_is_trusted_whoever_sends_it(desk):
    """The number and the thread agree: the sender knows a Message-ID of the ticket (the
    customer forwarded our mail to a colleague, who answered it)."""
    number = closed_ticket(desk)
    thread = {"References": "<first@client.example>"}
    raw = mail(
        f"Re: [Ticket#{number}]", msgid="f1", sender="collegue@client.example", headers=thread
    )
    assert ingest(desk, raw, []).unknown_sender is False
    assert Ticket.get(Ticket.number == number).state == "open"


def test_a_stranger_s_mail_is_in_the_review_until_seen_even_on_a_closed_ticket(desk):
    number = closed_ticket(desk)
    tickets.mark_seen(desk, number)
    review = queries.TicketFilter(review=True)
    now = desk.clock.now()
    assert queries.count_tickets(review, me=desk.who, now=now) == 0
    ingest(desk, mail(f"[Ticket#{number}]", msgid="s1", sender="intrus@ailleurs.example"), [])
    assert [r.number for r in queries.list_tickets(review, me=desk.who, now=now)] == [number]
    assert queries.count_tickets(review, me=desk.who, now=now) == 1
    tickets.mark_seen(desk, number)
    assert queries.count_tickets(review, me=desk.who, now=now) == 0
    row = queries.ticket_row(number, me=desk.who, now=now)
    assert row is not None and row.unknown_sender  # the list still marks it
