"""The search on PostgreSQL reads the newest hits a range of ids at a time (store.fulltext):
whatever the ranges, it lists the very tickets SQLite lists, newest first; and a store from
before the stored words (schema v8) is upgraded and searched as before."""

from __future__ import annotations

import pytest
from peewee import SqliteDatabase

from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import fulltext, migrations, queries, search
from logeas_tui.core.store.connection import close_store, open_store
from logeas_tui.core.store.models import MAIL_IN, Message, Ticket, db
from tests.factories import stored_mail


def found(desk: Desk, text: str) -> list[str]:
    filt = queries.TicketFilter(search=text)
    return [r.number for r in queries.list_tickets(filt, me=None, now=desk.clock.now())]


def test_the_newest_hits_are_listed_whatever_ranges_they_are_read_in(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a list of 5 (+1 saying "more"), batches of 3 messages and a first range of 3 rows,
    a word in most tickets, one in a few far apart, one in the oldest only, in a ticket's
    subject or its message: each lists the newest tickets holding it, newest first."""
    monkeypatch.setattr(search, "LIMIT", 5)
    monkeypatch.setattr(search, "_BATCH", 3)
    monkeypatch.setattr(fulltext, "_PG_WINDOW", 1)
    numbers, holding = [], {"courant": [], "rare": [], "ancien": []}
    for n in range(30):
        words = ["courant"] if n % 3 else []
        words += ["rare"] if n in (2, 11, 12, 25) else []
        words += ["ancien"] if n == 0 else []
        in_subject = n % 2 == 0  # the ticket's own words, else its message's
        number = stored_mail(
            desk, sender=f"c{n}@client.example", name="",
            subject=" ".join(["Demande", *words]) if in_subject else "Demande",
            body="Bonjour " + ("" if in_subject else " ".join(words)),
        )  # fmt: skip
        numbers.append(number)
        for word in words:
            holding[word].append(number)
    for word, numbers_holding in holding.items():
        assert found(desk, word + " ") == numbers_holding[::-1][:6], word
        assert found(desk, word[:4]) == numbers_holding[::-1][:6], word  # typed: a prefix
    assert found(desk, "demande ") == numbers[::-1][:6]


def test_a_store_from_before_the_stored_words_is_upgraded_and_searched(
    db_path: str, desk: Desk
) -> None:
    """Schema v7 on PostgreSQL indexed an expression of the text (SQLite: nothing changes).
    Opened again, the store finds its tickets by their messages and their own words, and
    then a message added afterwards as well."""
    number = stored_mail(
        desk, sender="marie@client.example", name="Marie Œstrem", subject="Clôture",
        body="imprimante bloquée",
    )  # fmt: skip
    database = db.obj
    if isinstance(database, SqliteDatabase):
        database.pragma("user_version", 7)
    else:
        for table in ("message", "ticket"):
            database.execute_sql(f"ALTER TABLE {table} DROP COLUMN {fulltext.PG_WORDS}")
        database.execute_sql(
            f"CREATE INDEX message_fulltext ON message USING gin (({fulltext.PG_DOCUMENT}))"
        )
        database.execute_sql(
            f"CREATE INDEX ticket_fulltext ON ticket USING gin (({fulltext.PG_TICKET_DOCUMENT}))"
        )
        database.execute_sql("DELETE FROM schema_version WHERE v > 7")
    close_store()

    open_store(str(db_path))
    assert migrations.migrate(db.obj) == len(migrations.STEPS)
    for text in ("imprimante", "cloture", "client.example", "oestrem", number[:10]):
        assert found(desk, text) == [number], text
    ticket = Ticket.get(Ticket.number == number)
    Message.create(ticket=ticket, kind=MAIL_IN, body="zygomatique", date=desk.now())
    assert found(desk, "zygomatique") == [number]
