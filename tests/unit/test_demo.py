"""Demo data is written in parts, drawn in a forked process for big runs: whatever the path,
the same seed gives the same rows, merges into earlier parts land, and appending never
collides with live tickets. And a demo ticket holds what the services would have written for
the same mail or call."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from logeas_tui import demo
from logeas_tui.cli.mail_verbs import import_paths
from logeas_tui.core import numbers
from logeas_tui.core.clock import FixedClock
from logeas_tui.core.config import Config
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.setup import ensure_setup
from logeas_tui.core.services.tickets import create_phone_ticket
from logeas_tui.core.store import queries, raw_mails
from logeas_tui.core.store.connection import close_store, open_store
from logeas_tui.core.store.models import MAIL_IN, MAIL_OUT, PHONE, History, Message, Ticket
from logeas_tui.demo import generator

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
TABLES = ("ticket", "message", "history", "seen", "counter", "messageindex")


def _fill(path: Path, tickets: int) -> list[list[tuple[object, ...]]]:
    open_store(str(path))
    try:
        config = Config(language="fr")
        ensure_setup(config)
        demo.generate(Desk(config, FixedClock(NOW)), tickets, seed=7)
    finally:
        close_store()
    with sqlite3.connect(path) as conn:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES]


def test_forked_parts_write_exactly_what_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generator, "PART", 97)  # many parts: merges cross part boundaries
    monkeypatch.setattr(demo, "PARALLEL_MIN", 10**9)
    alone = _fill(tmp_path / "alone.sqlite", 1500)
    monkeypatch.setattr(demo, "PARALLEL_MIN", 0)
    forked = _fill(tmp_path / "forked.sqlite", 1500)
    assert [len(rows) for rows in forked] == [len(rows) for rows in alone]
    assert forked == alone
    # each duplicate's mail sits on its target, whose review mark counts it
    tickets = {row[0]: row for row in forked[0]}
    merged = [row for row in forked[0] if row[3] == "merged"]
    assert len(merged) > 5
    for dup in merged:
        moved = [m for m in forked[1] if m[2] == dup[0]]
        assert moved and all(m[1] == dup[12] for m in moved)
        mail_in = [m[0] for m in moved if m[3] == "mail-in"]
        assert tickets[dup[12]][15] >= max(mail_in, default=0)
        assert dup[15] == 0


def test_demo_appends_after_live_tickets_of_the_same_day(tmp_path: Path) -> None:
    open_store(str(tmp_path / "d.sqlite"))
    try:
        config = Config(language="en")
        ensure_setup(config)
        desk = Desk(config, FixedClock(NOW))
        first = create_phone_ticket(
            desk, customer="0123456789", queue="LoGeAs", subject="s", body="b", close=True
        ).number
        assert demo.generate(desk, 500, seed=3) == 500
        later = create_phone_ticket(
            desk, customer="0123456789", queue="LoGeAs", subject="s", body="b", close=True
        ).number
        rows = queries.list_tickets(queries.TicketFilter(), me="Nicolas", now=NOW, limit=None)
        assert len(rows) == 502 and len({r.number for r in rows}) == 502
        assert all(numbers.is_valid(r.number) for r in rows)
        assert int(later[10:15]) > max(
            int(r.number[10:15]) for r in rows if r.number[:8] == first[:8] and r.number != later
        )
        found = queries.list_tickets(
            queries.TicketFilter(search="imprimante"), me="Nicolas", now=NOW, limit=5
        )
        assert found  # the full-text index was filled
        review = queries.count_tickets(queries.TicketFilter(review=True), me="Nicolas", now=NOW)
        assert 0 < review < 150  # most tickets were seen; new ones and some replies were not
    finally:
        close_store()


# --- the demo writes what the services would have written --------------------------------------

# Columns that differ between any two tickets: ids and times (the number is replaced by "N").
OWN = {"id", "ticket", "date", "at", "created", "updated", "last_customer_contact", "number"}
Row = dict[str, object]


def _comparable(row: Row, number: str) -> Row:
    return {
        key: value.replace(number, "N") if isinstance(value, str) else value
        for key, value in row.items()
        if key not in OWN
    }


def _written(ticket: Ticket) -> tuple[Row, list[Row], Row]:
    """The ticket's row, its messages and its first history line, as the store holds them."""
    messages = Message.select().where(Message.ticket == ticket.id).order_by(Message.id)
    created = History.select().where(History.ticket == ticket.id).order_by(History.id).get()
    number = ticket.number
    return (
        _comparable(ticket.__data__, number),
        [_comparable(m.__data__, number) for m in messages],
        _comparable(created.__data__, number),
    )


def _demo_ticket(tmp_path: Path, pick: Callable[[Ticket], bool]) -> Ticket:
    """The first demo ticket `pick` accepts, in a demo store that stays open."""
    open_store(str(tmp_path / "demo.sqlite"))
    ensure_setup(DESK.config)
    demo.generate(DESK, 400, seed=7)
    return next(t for t in Ticket.select().order_by(Ticket.id) if pick(t))


DESK = Desk(Config(language="fr"), FixedClock(NOW))


def test_a_demo_mail_ticket_is_what_the_mail_pipeline_makes_of_its_mail(tmp_path: Path) -> None:
    """The received mail, the acknowledgement (subject and text from the template) and the
    "created" history line of a demo mail ticket equal what `logeas import` makes of its mail."""

    def acknowledged_mail(t: Ticket) -> bool:
        first_two = Message.select().where(Message.ticket == t.id).order_by(Message.id)[:2]
        return t.queue.name == "LoGeAs" and [
            (m.kind, raw_mails.read(m.id) is not None, m.author == "system") for m in first_two
        ] == [(MAIL_IN, True, False), (MAIL_OUT, False, True)]

    try:
        ticket = _demo_ticket(tmp_path, acknowledged_mail)
        shown, shown_messages, shown_created = _written(ticket)
        first = Message.select().where(Message.ticket == ticket.id).order_by(Message.id).get()
        (tmp_path / "mail.eml").write_bytes(raw_mails.read(first.id) or b"")
    finally:
        close_store()
    open_store(str(tmp_path / "pipeline.sqlite"))
    try:
        ensure_setup(DESK.config)
        assert import_paths(DESK, [str(tmp_path / "mail.eml")], True, io.StringIO()) == 0
        made, (received, ack), made_created = _written(Ticket.get())
    finally:
        close_store()
    assert shown_created == made_created
    assert shown_messages[0] == received
    for column in ("kind", "from_addr", "to_addr", "subject", "body", "author", "in_reply_to"):
        assert shown_messages[1][column] == ack[column], column
    assert "N" in str(ack["subject"]) and ack["in_reply_to"] == received["message_id"]
    for column in ("queue", "customer", "customer_name", "subject", "unparsed"):
        assert shown[column] == made[column], column


def test_a_demo_phone_ticket_is_what_phone_intake_makes_of_the_call(tmp_path: Path) -> None:
    """The call's message and the "created" history line ("phone call from … in …, owner …")
    of a demo phone ticket equal what `create_phone_ticket` writes for the same call."""

    def call_carried_on(t: Ticket) -> bool:
        first = Message.select().where(Message.ticket == t.id).order_by(Message.id).first()
        created = History.select().where(History.ticket == t.id).order_by(History.id).first()
        return bool(first and first.kind == PHONE and created.new == "open" and t.queue.valid)

    try:
        ticket = _demo_ticket(tmp_path, call_carried_on)
        shown, shown_messages, shown_created = _written(ticket)
        owner = str(shown_created["who"])
        queue, subject, body = ticket.queue.name, ticket.subject, str(shown_messages[0]["body"])
    finally:
        close_store()
    open_store(str(tmp_path / "intake.sqlite"))
    try:
        ensure_setup(DESK.config)
        create_phone_ticket(
            DESK.acting_as(owner),
            customer=str(shown["customer"]),
            customer_name=str(shown["customer_name"]),
            queue=queue,
            subject=subject,
            body=body,
            owner=owner,
        )
        made, made_messages, made_created = _written(Ticket.get())
    finally:
        close_store()
    assert shown_created == made_created
    assert shown_messages[0] == made_messages[0]
    assert shown["queue"] == made["queue"]
