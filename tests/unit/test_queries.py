"""What the lists show: oldest first, the daily review (reminders due on top, then new and
unseen tickets, held and obsolete queues left out), full-text search, counts per queue."""

from __future__ import annotations

from datetime import timedelta

import pytest

from logeas_tui.core.clock import FixedClock
from logeas_tui.core.procedure import CLOSED_OK, NEW, OPEN, PENDING, STATES
from logeas_tui.core.services.answers import reply
from logeas_tui.core.services.common import add_message
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.inbound import ingest
from logeas_tui.core.services.merge import merge
from logeas_tui.core.services.tickets import (
    close,
    create_phone_ticket,
    mark_seen,
    new_ticket,
    reopen,
    set_pending,
)
from logeas_tui.core.store import fulltext, queries, raw_mails, search
from logeas_tui.core.store.models import MAIL_IN, Queue, Ticket
from logeas_tui.core.store.queries import TicketFilter
from logeas_tui.core.store.tx import writing


def tick(desk: Desk, minutes: int = 10) -> None:
    clock: FixedClock = desk.clock  # type: ignore[assignment]
    clock.advance(timedelta(minutes=minutes))


def mail_ticket(
    desk: Desk,
    subject: str,
    body: str = "Bonjour",
    queue: str = "LoGeAs",
    raw: bytes | None = None,
    sender: str = "marie@example.fr",
) -> str:
    with writing():
        q = Queue.get(Queue.name == queue)  # mail may land in held or obsolete queues
        ticket = new_ticket(desk, q, customer=sender, customer_name="", subject=subject)
        msg = add_message(
            ticket,
            kind=MAIL_IN,
            from_addr=sender,
            subject=subject,
            body=body,
            date=desk.now(),
            message_id=f"{ticket.number}@example.fr",
        )
        if raw is not None:
            raw_mails.keep(msg.id, raw)
    tick(desk)
    return str(ticket.number)


def phone(desk: Desk, subject: str, **kw: object) -> str:
    fields: dict[str, object] = {
        "customer": "01 23 45 67 89",
        "queue": "LoGeAs",
        "subject": subject,
        "body": "…",
        "owner": "Nicolas",
    }
    fields.update(kw)
    number = create_phone_ticket(desk, **fields).number  # type: ignore[arg-type]
    tick(desk)
    return number


def numbers_of(desk: Desk, filt: TicketFilter, me: str | None = "Nicolas", **kw: int) -> list[str]:
    return [r.number for r in queries.list_tickets(filt, me=me, now=desk.clock.now(), **kw)]


def test_list_is_oldest_first_and_paged(desk: Desk) -> None:
    made = [phone(desk, f"appel {i}") for i in range(5)]
    assert numbers_of(desk, TicketFilter()) == made
    assert numbers_of(desk, TicketFilter(), limit=2, offset=2) == made[2:4]
    assert queries.count_tickets(TicketFilter(), me=None, now=desk.clock.now()) == 5


def test_oldest_first_even_when_numbers_say_otherwise(desk: Desk) -> None:
    late = phone(desk, "créé en premier")
    early = phone(desk, "créé ensuite")
    Ticket.update(created=desk.now() - timedelta(days=30)).where(Ticket.number == early).execute()
    assert numbers_of(desk, TicketFilter()) == [early, late]


def read_forward(desk: Desk, filt: TicketFilter, size: int) -> list[str]:
    """The whole list, page after page, each read after the last row of the one before."""
    numbers: list[str] = []
    key = None
    for _ in range(100):  # a key that does not move on would read the same page for ever
        page = queries.list_tickets(filt, me="Nicolas", now=desk.clock.now(), after=key, limit=size)
        numbers += [r.number for r in page]
        if len(page) < size:
            return numbers
        key = queries.row_key(filt, page[-1])
    raise AssertionError("the pages never end")


def read_backward(desk: Desk, filt: TicketFilter, size: int) -> list[str]:
    """The whole list from its end, each page read before the first row of the one after."""
    numbers: list[str] = []
    key = queries.END
    for _ in range(100):
        page = queries.list_tickets(
            filt, me="Nicolas", now=desk.clock.now(), before=key, limit=size
        )
        numbers = [r.number for r in page] + numbers
        if len(page) < size:
            return numbers
        key = queries.row_key(filt, page[0])
    raise AssertionError("the pages never end")


def test_keyset_pages_give_the_rows_of_one_big_read(desk: Desk) -> None:
    """Forward from the start and backward from the end, in pages of 1 to 4 rows, every list
    reads exactly what one query for all rows gives — with many tickets created at the same
    moment (ties broken by id), a due reminder among them on top of the review."""
    made = []
    for i in range(6):
        made.append(mail_ticket(desk, f"imprimante {i}", queue="LoGeAs"))
        made.append(mail_ticket(desk, f"écran {i}", queue="Secrétariat"))
        made.append(phone(desk, f"imprimante au téléphone {i}"))
    for number in made[5:8]:
        set_pending(desk, number, 1)
    tick(desk, 60 * 24 + 1)  # those reminders are due
    same_moment = desk.now() - timedelta(days=3)
    tied = made[2:12] + made[14:15]  # a run of ties, due reminders and new mail among them
    Ticket.update(created=same_moment).where(Ticket.number.in_(tied)).execute()
    lists = {
        "all": TicketFilter(),
        "queue": TicketFilter(queue="LoGeAs"),
        "search": TicketFilter(search="imprimante"),
        "review": TicketFilter(review=True),
    }
    for name, filt in lists.items():
        everything = numbers_of(desk, filt, limit=None)
        assert len(everything) >= 9, name  # several pages, even at 4 rows a page
        for size in (1, 2, 3, 4):
            assert read_forward(desk, filt, size) == everything, (name, size)
            assert read_backward(desk, filt, size) == everything, (name, size)
    review = queries.list_tickets(lists["review"], me="Nicolas", now=desk.clock.now(), limit=4)
    assert [r.reminder_due for r in review] == [True, True, True, False]


def test_keyset_page_in_the_middle_and_the_last_page(desk: Desk) -> None:
    made = [phone(desk, f"appel {i}") for i in range(7)]
    rows = queries.list_tickets(TicketFilter(), me=None, now=desk.clock.now(), limit=None)
    key = queries.row_key(TicketFilter(), rows[2])
    assert numbers_of(desk, TicketFilter(), after=key, limit=2) == made[3:5]
    assert numbers_of(desk, TicketFilter(), before=key, limit=5) == made[:2]
    assert numbers_of(desk, TicketFilter(), before=queries.END, limit=3) == made[4:]
    assert numbers_of(desk, TicketFilter(), before=queries.END, offset=3, limit=2) == made[2:4]


def test_filters_by_queue_and_state(desk: Desk) -> None:
    a = phone(desk, "a")
    b = phone(desk, "b", queue="Secrétariat")
    c = phone(desk, "c", owner=None, close=True)
    assert numbers_of(desk, TicketFilter(queue="Secrétariat")) == [b]
    assert numbers_of(desk, TicketFilter(state=CLOSED_OK)) == [c]
    assert numbers_of(desk, TicketFilter(hide_closed=True)) == [a, b]


def test_list_rows_carry_what_the_screen_shows(desk: Desk) -> None:
    number = phone(desk, "Impression", queue="Secrétariat", customer_name="Mme Dupont")
    [r] = queries.list_tickets(TicketFilter(), me="Nicolas", now=desk.clock.now())
    assert (
        r.number,
        r.queue,
        r.state,
        r.owner,
        r.customer,
        r.customer_name,
        r.subject,
        r.messages,
    ) == (
        number,
        "Secrétariat",
        OPEN,
        "Nicolas",
        "0123456789@logeas.fr",
        "Mme Dupont",
        "Impression",
        1,
    )
    data = r.to_json()
    assert data["created"].endswith("+00:00")
    assert data["messages"] == 1 and data["state"] == "open"


def test_review_list(desk: Desk) -> None:
    new = mail_ticket(desk, "nouveau")
    answered = mail_ticket(desk, "déjà traité")
    close(desk, answered)
    mark_seen(desk, answered)
    reply_came = mail_ticket(desk, "relance")
    close(desk, reply_came)
    mark_seen(desk, reply_came)
    reply = (
        f"From: marie@example.fr\r\nSubject: Re: [Ticket#{reply_came}] relance\r\n"
        "Message-ID: <relance-2@example.fr>\r\n\r\nToujours pas\r\n"
    ).encode()
    ingest(desk, reply, [])  # the customer's reply reopens the closed ticket
    reminder = phone(desk, "rappel")
    set_pending(desk, reminder, 1)
    not_due = phone(desk, "rappel plus tard")
    set_pending(desk, not_due, 5)
    quiet = phone(desk, "au calme")  # open, nothing new for me
    mark_seen(desk, quiet)
    spam = mail_ticket(desk, "VIAGRA", queue="Spam")
    old_queue = mail_ticket(desk, "ERF 2019", queue="LoGeAs:Relation ERF")
    dup = mail_ticket(desk, "doublon")
    merge(desk, dup, new)
    tick(desk, 60 * 24 + 1)  # the reminder is now due

    review = queries.list_tickets(TicketFilter(review=True), me="Nicolas", now=desk.clock.now())
    numbers = [r.number for r in review]
    assert numbers[0] == reminder and review[0].reminder_due
    assert numbers[1:] == [new, reply_came]
    assert review[1].state == OPEN and review[1].unseen  # merged into: the dup's mail is news
    for absent in (answered, not_due, quiet, spam, old_queue, dup):
        assert absent not in numbers
    assert queries.count_tickets(TicketFilter(review=True), me="Nicolas", now=desk.clock.now()) == 3


def test_review_is_per_technician(desk: Desk) -> None:
    number = mail_ticket(desk, "question")
    close(desk, number)
    reopen(desk, number)  # open, with the customer's mail seen by Nicolas only
    mark_seen(desk, number)
    review = TicketFilter(review=True)
    assert number not in numbers_of(desk, review, me="Nicolas")
    assert number in numbers_of(desk, review, me="Pétronille")


def test_search_finds_a_word_in_a_body(desk: Desk) -> None:
    hit = mail_ticket(desk, "Problème", body="Le module de télétransmission refuse la clé")
    mail_ticket(desk, "Autre chose", body="Rien à voir")
    assert numbers_of(desk, TicketFilter(search="télétransmission")) == [hit]
    assert numbers_of(desk, TicketFilter(search="teletransmission")) == [hit]  # accents
    assert numbers_of(desk, TicketFilter(search="CLÉ")) == [hit]
    assert numbers_of(desk, TicketFilter(search="introuvable")) == []


def test_search_finds_a_subject_and_a_number(desk: Desk) -> None:
    hit = mail_ticket(desk, "Sauvegarde impossible")
    other = mail_ticket(desk, "Autre")
    assert numbers_of(desk, TicketFilter(search="sauvegarde")) == [hit]
    assert numbers_of(desk, TicketFilter(search=other)) == [other]


def test_search_finds_merged_messages_in_the_target(desk: Desk) -> None:
    target = mail_ticket(desk, "Imprimante")
    dup = mail_ticket(desk, "Encore", body="bourrage papier")
    merge(desk, dup, target)
    assert numbers_of(desk, TicketFilter(search="bourrage")) == [target]


def test_search_takes_what_a_user_types_literally(desk: Desk) -> None:
    """Quotes, AND/NOT, parentheses or `word:` are searched for, not parsed as FTS syntax."""
    hit = mail_ticket(desk, "Erreur", body='message "erreur 42" (code AND NOT) bilan:2025')
    for text in ['"erreur', "erreur AND", "(code", "NOT", "code NOT", "bilan:2025", "42)"]:
        assert numbers_of(desk, TicketFilter(search=text)) == [hit], text
    for text in ["*", "'", "-", "a:b", "erreur OR absent", "NEAR("]:
        assert numbers_of(desk, TicketFilter(search=text)) == [], text


def test_search_by_prefix(desk: Desk) -> None:
    hit = mail_ticket(desk, "Problème", body="Le module de télétransmission")
    assert numbers_of(desk, TicketFilter(search="télétrans*")) == [hit]
    assert numbers_of(desk, TicketFilter(search="module télé*")) == [hit]


def test_the_last_word_typed_is_a_prefix_until_a_space_ends_it(desk: Desk) -> None:
    """`impri` finds imprimante while it is typed; `impri ` (a space: the word is finished),
    a one-letter word, and an earlier word are whole words."""
    hit = mail_ticket(desk, "Problème", body="Mon imprimante reste bloquée")
    assert numbers_of(desk, TicketFilter(search="impri")) == [hit]
    assert numbers_of(desk, TicketFilter(search="IMPRÍ")) == [hit]  # case and accents
    assert numbers_of(desk, TicketFilter(search="impri ")) == []
    assert numbers_of(desk, TicketFilter(search="impri bloquée")) == []
    assert numbers_of(desk, TicketFilter(search="imprimante blo")) == [hit]


def test_search_finds_the_customer_address_domain_name_and_number_prefix(desk: Desk) -> None:
    hit = mail_ticket(desk, "Bonjour", body="rien de plus")
    other = mail_ticket(desk, "Autre", body="rien", sender="paul@ailleurs.example")
    row = queries.ticket_row(hit, me=None, now=desk.now())
    assert row is not None
    assert numbers_of(desk, TicketFilter(search=row.customer)) == [hit]
    domain = row.customer.split("@", 1)[1]
    assert numbers_of(desk, TicketFilter(search=domain)) == [hit]
    assert numbers_of(desk, TicketFilter(search=hit[:-3])) == [other, hit]  # newest first
    assert numbers_of(desk, TicketFilter(search=hit)) == [hit]
    assert numbers_of(desk, TicketFilter(search="ailleurs")) == [other]


def test_search_finds_a_phone_ticket_by_its_number_typed_in_groups(desk: Desk) -> None:
    hit = create_phone_ticket(
        desk, customer="0123456789", queue="LoGeAs", subject="Appel", body="rappeler", close=True
    ).number
    for typed in ("0123456789", "01 23 45 67 89", "01.23.45.67.89", "01-23-45-67-89", "012345"):
        assert numbers_of(desk, TicketFilter(search=typed)) == [hit], typed


def test_a_search_found_everywhere_is_capped_newest_first(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More hits than the limit: the newest ones, and one more, so the list says "more than"."""
    monkeypatch.setattr(search, "LIMIT", 3)
    monkeypatch.setattr(search, "_BATCH", 2)  # read the index in several batches
    monkeypatch.setattr(fulltext, "_PG_WINDOW", 1)  # and PostgreSQL's in widening windows
    made = [mail_ticket(desk, f"Sujet {n}", body="commun à tous") for n in range(6)]
    found = numbers_of(desk, TicketFilter(search="commun"))
    assert found == made[::-1][:4]
    assert queries.count_tickets(TicketFilter(search="commun"), me=None, now=desk.now()) == 4


def test_search_combines_with_other_filters(desk: Desk) -> None:
    a = mail_ticket(desk, "licence", body="licence expirée")
    b = mail_ticket(desk, "licence", body="licence expirée")
    close(desk, b)
    assert numbers_of(desk, TicketFilter(search="licence", state=NEW)) == [a]


def test_counts_per_queue(desk: Desk) -> None:
    phone(desk, "a")
    phone(desk, "b", owner=None, close=True)
    pending = phone(desk, "c", queue="Secrétariat")
    set_pending(desk, pending, 1)
    mail_ticket(desk, "spam", queue="Spam")
    tick(desk, 60 * 25)
    views = {q.name: q for q in queries.queues(desk.clock.now())}
    assert len(views) == 14
    assert views["LoGeAs"].counts[OPEN] == 1
    assert views["LoGeAs"].counts[CLOSED_OK] == 1
    assert views["Secrétariat"].counts[PENDING] == 1
    assert views["Secrétariat"].pending_due == 1
    assert views["Spam"].counts[NEW] == 1 and views["Spam"].held
    assert not views["LoGeAsSauv"].valid
    assert set(views["Saturne"].counts) == set(STATES)
    assert sum(views["Saturne"].counts.values()) == 0
    assert [q.name for q in queries.queues(desk.clock.now())][:2] == ["LoGeAs", "LoGeAs A voir"]
    assert queries.reminders_due(desk.clock.now()) == 1


def test_ticket_view_in_full(desk: Desk) -> None:
    number = mail_ticket(desk, "Imprimante", raw=b"Subject: Imprimante\r\n\r\nBonjour\r\n")
    view = queries.ticket_view(number, me="Nicolas", now=desk.clock.now())
    assert view is not None
    data = view.to_json()
    assert data["number"] == number
    assert [m["kind"] for m in data["messages"]] == ["mail-in"]
    assert data["messages"][0]["from"] == "marie@example.fr"
    assert queries.raw_message(number) == b"Subject: Imprimante\r\n\r\nBonjour\r\n"
    assert queries.raw_message(number, 2) is None
    assert queries.ticket_view("2026112410000091", me=None, now=desk.clock.now()) is None


def test_technicians_by_level(desk: Desk) -> None:
    assert [(t.name, t.level) for t in queries.technicians()] == [
        ("Nicolas", 1),
        ("Pétronille", 1),
        ("Guillaume", 2),
    ]


# The live team view: my tickets, the ticket under the cursor kept, answers since I looked


def test_a_list_of_one_owners_tickets_and_how_many_wait_for_them(desk: Desk) -> None:
    mine = phone(desk, "à moi")
    parked = phone(desk, "en attente, pas encore dû")
    set_pending(desk, parked, 5)
    due = phone(desk, "rappel dû")
    set_pending(desk, due, 1)
    done = phone(desk, "fini")
    close(desk, done)
    theirs = phone(desk, "à Guillaume", owner="Guillaume")
    tick(desk, 60 * 25)
    filt = TicketFilter(owner="Nicolas", hide_closed=True)
    assert numbers_of(desk, filt) == [mine, parked, due]
    assert numbers_of(desk, TicketFilter(owner="Guillaume")) == [theirs]
    # waiting for me: open, or its reminder is due; the parked and the closed ones are not
    assert queries.waiting_for("Nicolas", desk.clock.now()) == 2
    assert queries.waiting_for("Guillaume", desk.clock.now()) == 1
    assert queries.waiting_for("Personne", desk.clock.now()) == 0


def test_a_pinned_ticket_stays_in_the_list_and_its_place_is_known(desk: Desk) -> None:
    first, second, third = (mail_ticket(desk, s) for s in ("un", "deux", "trois"))
    review = TicketFilter(review=True)
    close(desk, second)  # someone closed it: out of the review…
    assert numbers_of(desk, review) == [first, third]
    # …unless it is the ticket under my cursor: it stays, where it was, in its new state
    pinned = TicketFilter(review=True, pin=second)
    rows = queries.list_tickets(pinned, me="Nicolas", now=desk.clock.now())
    assert [(r.number, r.state) for r in rows] == [(first, NEW), (second, CLOSED_OK), (third, NEW)]
    assert queries.count_tickets(pinned, me="Nicolas", now=desk.clock.now()) == 3
    now = desk.clock.now()
    assert queries.position(pinned, second, me="Nicolas", now=now) == 1
    assert queries.position(review, third, me="Nicolas", now=now) == 1
    assert queries.position(review, second, me="Nicolas", now=now) is None


def test_the_newest_answer_after_a_message_leaves_acknowledgements_out(desk: Desk) -> None:
    raw = (
        b"From: marie@example.fr\r\nSubject: Imprimante en panne\r\n"
        b"Message-ID: <panne@example.fr>\r\n\r\nElle ne marche plus\r\n"
    )
    number = ingest(desk, raw, []).number  # acknowledged: an automatic mail-out
    assert number is not None
    seen = queries.ticket_row(number, me="Nicolas", now=desk.clock.now())
    assert seen is not None and seen.messages == 2 and seen.last_message > 0
    assert queries.answer_after(number, 0) is None  # the acknowledgement is no answer
    reply(desk.acting_as("Guillaume"), number, "Bonjour,\nRedémarrez-la.\n")
    answer = queries.answer_after(number, seen.last_message)
    assert answer is not None and answer.author == "Guillaume"
    assert answer.body.startswith("Bonjour,\nRedémarrez")
    after = queries.ticket_row(number, me="Nicolas", now=desk.clock.now())
    assert after is not None and queries.answer_after(number, after.last_message) is None


def test_each_list_counts_the_rows_it_lists_and_knows_where_each_sits(desk: Desk) -> None:
    """The count above a list (read apart from its rows: from the ticket table alone, but for
    the review) is the number of rows listed, and a ticket's place is its row: with closed
    tickets, in a queue, pinned, by owner, searched, and searched from hits read once."""
    first = mail_ticket(desk, "licence", body="licence expirée")
    done = mail_ticket(desk, "licence", body="licence expirée")
    close(desk, done)
    other = mail_ticket(desk, "imprimante", queue="Secrétariat", body="bourrage")
    phone(desk, "licence au téléphone", owner="Guillaume")
    merge(desk, other, first)
    now = desk.clock.now()
    filters = [
        TicketFilter(),
        TicketFilter(queue="LoGeAs"),
        TicketFilter(queue="LoGeAs", hide_closed=True),
        TicketFilter(hide_closed=True, pin=done),
        TicketFilter(owner="Guillaume"),
        TicketFilter(review=True, pin=done),
        TicketFilter(search="licence"),
        TicketFilter(search="licence", hide_closed=True, pin=done),
    ]
    for filt in filters + [queries.searched(f) for f in filters if f.search]:
        rows = queries.list_tickets(filt, me="Nicolas", now=now, limit=None)
        assert rows, filt
        assert queries.count_tickets(filt, me="Nicolas", now=now) == len(rows), filt
        places = [queries.position(filt, r.number, me="Nicolas", now=now) for r in rows]
        assert places == list(range(len(rows))), filt


def test_a_search_read_once_lists_the_same_hits_until_it_is_read_again(desk: Desk) -> None:
    """A list reads its search's hits once and its pages from them: a ticket found later joins
    it when the list is read again (a fresh search), not between two of its pages."""
    old = mail_ticket(desk, "Sauvegarde", body="la sauvegarde s'arrête")
    filt = queries.searched(TicketFilter(search="sauvegarde"))
    late = mail_ticket(desk, "Encore", body="sauvegarde impossible")
    now = desk.clock.now()
    assert [r.number for r in queries.list_tickets(filt, me=None, now=now)] == [old]
    assert queries.count_tickets(filt, me=None, now=now) == 1
    again = queries.searched(TicketFilter(search="sauvegarde"))
    assert [r.number for r in queries.list_tickets(again, me=None, now=now)] == [late, old]


def test_a_capped_search_keeps_the_newest_hits_whether_found_by_a_mail_or_the_ticket(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the limit, the newest tickets found, by their messages or by their own words (a
    phone ticket by its customer's number), whichever were found first."""
    monkeypatch.setattr(search, "LIMIT", 2)
    monkeypatch.setattr(search, "_BATCH", 2)
    first_call = phone(desk, "appel")  # found by its customer's number alone
    mails = [mail_ticket(desk, f"Sujet {n}", body="rappeler le 0123456789") for n in range(2)]
    second_call = phone(desk, "rappel")
    mails += [mail_ticket(desk, f"Sujet {n}", body="rappeler le 0123456789") for n in range(2, 4)]
    found = numbers_of(desk, TicketFilter(search="0123456789"))
    assert found == [mails[3], mails[2], second_call]
    assert first_call not in found
