"""The full-text index is kept by the store itself: whatever writes a message (a service, an
edit in place, a bulk load), searching finds exactly what the messages say."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.tickets import create_phone_ticket
from logeas_tui.core.store import fulltext, queries
from logeas_tui.core.store.connection import is_sqlite
from logeas_tui.core.store.models import PHONE, Message, MessageIndex, Ticket, db


def index_is_whole() -> None:
    """SQLite's external-content index holds the terms of the messages, no more, no less
    (PostgreSQL's is an expression index over the rows themselves: nothing to drift)."""
    if is_sqlite():
        MessageIndex.integrity_check(rank=1)


def found(desk: Desk, text: str) -> list[str]:
    filt = queries.TicketFilter(search=text)
    return [r.number for r in queries.list_tickets(filt, me=None, now=desk.clock.now())]


def phone(desk: Desk, body: str) -> str:
    return create_phone_ticket(
        desk,
        customer="0123456789",
        queue="LoGeAs",
        subject="Imprimante",
        body=body,
        owner="Nicolas",
    ).number


def test_a_message_changed_in_place_is_searched_anew(desk: Desk) -> None:
    number = phone(desk, "bourrage papier")
    Message.update(body="toner vide").execute()
    assert found(desk, "toner") == [number]
    assert found(desk, "bourrage") == []
    assert found(desk, "imprimante") == [number]
    index_is_whole()


@pytest.mark.sqlite_only  # the trigger is SQLite's
def test_a_bulk_append_is_indexed_at_its_end_and_the_trigger_comes_back(desk: Desk) -> None:
    ticket = Ticket.get(Ticket.number == phone(desk, "avant"))
    with fulltext.bulk_append() as index_appended:
        for batch in range(3):
            Message.insert_many(
                [
                    {
                        "ticket": ticket.id,
                        "kind": PHONE,
                        "body": f"lot{batch}{i}",
                        "date": desk.now(),
                    }
                    for i in range(3)
                ]
            ).execute()
            if batch < 2:
                index_appended()
    after = phone(desk, "après")
    assert found(desk, "lot01") == found(desk, "lot22") == [ticket.number]
    assert found(desk, "apres") == [after]
    MessageIndex.integrity_check(rank=1)


@pytest.mark.sqlite_only
def test_a_failed_bulk_append_leaves_the_index_as_it_was(desk: Desk) -> None:
    ticket = Ticket.get(Ticket.number == phone(desk, "avant"))
    with pytest.raises(RuntimeError), fulltext.bulk_append():
        Message.create(ticket=ticket.id, kind=PHONE, body="perdu", date=desk.now())
        raise RuntimeError
    assert Message.select().count() == 1
    later = phone(desk, "ensuite")
    assert found(desk, "ensuite") == [later]
    triggers = db.execute_sql("SELECT count(*) FROM sqlite_master WHERE type='trigger'")
    assert triggers.fetchone()[0] == 6  # messages and tickets: insert, delete, update
    MessageIndex.integrity_check(rank=1)


def test_words_are_split_at_punctuation_the_same_on_both_engines(desk: Desk) -> None:
    """A menu path, an address, a version: each word in them is found alone, and typed with
    its punctuation it is found as those words in that order (PostgreSQL's parser alone would
    keep `Compta.Cloture.Valider` or `jean@client.example` as one term)."""
    number = phone(desk, "Menu Compta.Cloture.Valider ; écrire à jean@client.example (v2.4.1)")
    for text in (
        "cloture",
        "Valider",
        "Compta.Clôture",
        "cloture.valider",
        "compta.clo*",
        "client",
        "jean@client.example",
        "4",
        "v2.4",
    ):
        assert found(desk, text) == [number], text
    for text in ("Cloture.Compta", "compta.valider", "---", "clo "):  # a finished word: whole
        assert found(desk, text) == [], text


# what a user may type that a query language reads as syntax, mixed with words
_SYNTAX = st.sampled_from(
    ['"', "'", "*", "-", "+", ":", "^", "(", ")", "{", "}", "NEAR", "AND", "OR", "NOT", "&",
     "|", "!", "<->", ":*", "\\", "%", "body:", "subject:", "NEAR(a b)", "é", "Œ"]
)  # fmt: skip
_TYPED = st.lists(
    st.one_of(_SYNTAX, st.text(alphabet="abcdéè", min_size=1, max_size=6)), max_size=6
).map(lambda parts: "".join(p if n % 2 else p + " " for n, p in enumerate(parts)))


@settings(
    max_examples=int(os.environ.get("LOGEAS_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(typed=_TYPED)
def test_what_a_user_types_is_searched_for_never_parsed(desk: Desk, typed: str) -> None:
    """Quotes, `*`, `-`, NEAR, AND, `:`, any query syntax: no error, and a message saying the
    very text typed is found by it (when it holds a word at all)."""
    number = phone(desk, f"avant {typed} après")
    hits = found(desk, typed)
    if any(c.isalnum() for c in typed):
        assert number in hits, typed
    Ticket.delete().execute()


def test_oe_and_ae_are_found_written_either_way_on_both_engines(desk: Desk) -> None:
    """`œ` and `æ` match `oe` and `ae` in what is stored and in what is typed, in messages and
    in a ticket's own words (its customer's name, its subject), whole or while typed."""
    oeuvre = phone(desk, "Une œuvre d'art bloque l'imprimante")
    soeur = phone(desk, "Ma soeur a appelé pour Noël")
    aequo = phone(desk, "Classés ex æquo au concours")
    from tests.factories import stored_mail

    laetitia = stored_mail(
        desk, sender="l.coeur@client.example", name="Lætitia Cœur", subject="Curriculum",
        body="Bonjour",
    )  # fmt: skip
    for text, number in (
        ("oeuvre ", oeuvre),
        ("Œuvre ", oeuvre),
        ("oeuv", oeuvre),
        ("sœur ", soeur),
        ("SŒUR ", soeur),
        ("sœ", soeur),
        ("ex aequo ", aequo),
        ("ex æquo ", aequo),
        ("laetitia ", laetitia),
        ("cœur ", laetitia),
        ("coeur ", laetitia),
        ("l.cœur@client.example", laetitia),
    ):
        assert found(desk, text) == [number], text
    assert found(desk, "so") == [soeur]  # a prefix typed up to the ligature's first letter
    assert found(desk, "oeuvres ") == []  # folded, not stemmed: a whole word stays whole
