"""`logeas migrate-store` copies a whole store, SQLite to PostgreSQL and back, without losing
a row or a byte: every row of every table identical at both ends (ids, merges into younger
tickets, gaps left by a purge, raw mails with NUL and 8-bit bytes, attachments bigger than a
page), the same tickets found for the same words on both engines, a non-empty target refused
and left as it was unless --force, and a failed copy leaving the target as it was."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from peewee import Database

from logeas_tui import demo
from logeas_tui.cli import main
from logeas_tui.core.clock import FixedClock
from logeas_tui.core.config import Config
from logeas_tui.core.errors import HelpdeskError
from logeas_tui.core.services.cleanup import purge_deleted
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.handoff import move
from logeas_tui.core.services.inbound import NEW_TICKET, ingest
from logeas_tui.core.services.merge import merge
from logeas_tui.core.services.setup import ensure_setup
from logeas_tui.core.services.tickets import create_phone_ticket
from logeas_tui.core.store import copy, queries
from logeas_tui.core.store.connection import close_store, is_sqlite, open_apart, open_store
from logeas_tui.core.store.copy import copy_store
from logeas_tui.core.store.models import (
    TABLES,
    Attachment,
    MessageIndex,
    Outbox,
    RawMail,
    Ticket,
)
from tests.conftest import TECHNICIANS
from tests.pg_server import Postgres

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)

# Words of the demo's mails (logeas_tui/demo/words.py), with and without their accents, and
# two-word and prefix searches: each must find the same tickets on both engines.
QUERIES = (
    "imprimante",
    "clôture",
    "cloture",
    "erreur",
    "sauvegarde",
    "écritures",
    "ecritures",
    "reçus",
    "recus",
    "problème",
    "probleme",
    "comptabilité",
    "comptabilite",
    "bloqué",
    "bloque",
    "écran",
    "ecran",
    "facture",
    "erreur imprimante",
    "sauvegard*",
)


def _mail_with_attachments() -> bytes:
    msg = EmailMessage()
    msg["From"] = "Hélène Dupont <helene@paroisse.example>"
    msg["To"] = "support@logeas.fr"
    msg["Subject"] = "Capture de l'écran d'erreur"
    msg["Message-ID"] = "<capture-1@paroisse.example>"
    msg.set_content("Bonjour,\n\nl'imprimante affiche une erreur, voici la capture.\n")
    big = bytes(range(256)) * 400  # 100 kB: more than a page's budget in the round trip
    msg.add_attachment(big, maintype="image", subtype="png", filename="capture.png")
    msg.add_attachment(b"\x00\x01\x02\xff\x00", maintype="application", subtype="octet-stream")
    return msg.as_bytes()


# Raw bytes that a text column would spoil: 8-bit Latin-1 without a charset, a NUL in the
# body, CRLF line ends; and bytes that are no mail at all.
EIGHT_BIT = (
    b"From: Jean <jean@client.example>\r\nTo: support@logeas.fr\r\n"
    b"Subject: =?iso-8859-1?q?Cl=F4ture_bloqu=E9e?=\r\nMessage-ID: <latin@client.example>\r\n"
    b"\r\nLa cl\xf4ture est bloqu\xe9e \x00 depuis hier.\r\n"
)
NOT_A_MAIL = b"\x00\xff\xfe this is not a mail at all \x80\x81"


def fill(path: Path, tickets: int = 300) -> None:
    """A demo store plus received mail with attachments and odd bytes, acknowledgements in the
    outbox, a ticket merged into a younger one and a gap in the ticket ids."""
    open_store(str(path))
    try:
        config = Config(language="fr", technicians=TECHNICIANS, me="Nicolas")
        ensure_setup(config)
        desk = Desk(config, FixedClock(NOW))
        demo.generate(desk, tickets, seed=7)
        for raw in (_mail_with_attachments(), EIGHT_BIT, NOT_A_MAIL):
            assert ingest(desk, raw, []).outcome == NEW_TICKET
        older = create_phone_ticket(
            desk, customer="0123456789", queue="LoGeAs", subject="Doublon", body="b", close=True
        ).number
        younger = create_phone_ticket(
            desk, customer="0123456789", queue="LoGeAs", subject="Même", body="b", close=True
        ).number
        merge(desk, older, younger)
        doomed = create_phone_ticket(
            desk, customer="0123456789", queue="LoGeAs", subject="Pub", body="b", close=True
        ).number
        create_phone_ticket(
            desk, customer="0123456789", queue="LoGeAs", subject="Après", body="b", close=True
        )
        move(desk, doomed, "Delete")
        desk.clock.advance(timedelta(days=2))  # type: ignore[attr-defined]
        assert doomed in purge_deleted(desk)  # with the demo's own tickets in Delete
    finally:
        close_store()


def rows(location: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, as Python values, ordered by primary key."""
    database = open_apart(str(location))
    try:
        return {
            model._meta.table_name: list(
                model.select(*model._meta.sorted_fields)
                .order_by(model._meta.primary_key)
                .tuples()
                .execute(database)
            )
            for model in TABLES
        }
    finally:
        database.close()


def digests(location: Path | str) -> dict[str, dict[int, str]]:
    """sha256 of every raw mail and attachment, per id."""
    database = open_apart(str(location))
    try:
        return {
            model._meta.table_name: {
                key: hashlib.sha256(value).hexdigest()
                for key, value in model.select(model._meta.primary_key, field)
                .where(field.is_null(False))
                .tuples()
                .execute(database)
            }
            for model, field in (
                (RawMail, RawMail.raw),
                (Outbox, Outbox.raw),
                (Attachment, Attachment.data),
            )
        }
    finally:
        database.close()


def found(location: Path | str) -> dict[str, list[str]]:
    """The ticket numbers each search finds."""
    open_store(str(location))
    try:
        return {
            text: [
                row.number
                for row in queries.list_tickets(
                    queries.TicketFilter(search=text), me=None, now=NOW, limit=None
                )
            ]
            for text in QUERIES
        }
    finally:
        close_store()


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("source") / "logeas.sqlite"
    fill(path)
    return path


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of a few rows and a few kB, so every table is read in many pages and the 100 kB
    attachment makes a page of its own."""
    monkeypatch.setattr(copy, "ROWS", 37)
    monkeypatch.setattr(copy, "BLOB_BYTES", 20_000)
    monkeypatch.setattr(copy, "DIGEST_ROWS", 41)


def test_the_source_holds_what_the_copy_must_keep(source: Path) -> None:
    """(So that the round trip below cannot pass on an easy store.)"""
    tables = rows(source)
    assert len(tables["ticket"]) > 300 and len(tables["message"]) > 500
    ids = [row[0] for row in tables["ticket"]]
    assert ids != list(range(1, len(ids) + 1))  # a gap
    merged_at = [f.name for f in Ticket._meta.sorted_fields].index("merged_into")
    assert any(row[merged_at] and row[merged_at] > row[0] for row in tables["ticket"])
    sizes = sorted(len(row[-1]) for row in tables["attachment"])
    assert sizes == [5, 102_400]
    raws = digests(source)
    assert len(raws["raw_mail"]) > 10 and raws["outbox"]  # acknowledgements
    for raw in (NOT_A_MAIL, EIGHT_BIT):
        assert hashlib.sha256(raw).hexdigest() in raws["raw_mail"].values()


def test_sqlite_to_postgresql_and_back_keeps_every_row_and_byte(
    source: Path, postgres: Postgres, tmp_path: Path, small_pages: None
) -> None:
    url = postgres.new_database(template=None)  # empty: the copy migrates it first
    back = tmp_path / "back.sqlite"
    try:
        there = copy_store(str(source), url)
        again = copy_store(url, str(back))
        before, on_pg, after = rows(source), rows(url), rows(back)
        for table in before:
            assert on_pg[table] == before[table], table
            assert after[table] == before[table], table
        assert digests(url) == digests(source) == digests(back)
        assert there.rows == again.rows == {t: len(r) for t, r in before.items()}
        assert there.digests == {
            "raw_mail.raw": len(digests(source)["raw_mail"]),
            "message.legacy_raw": 0,
            "outbox.raw": len(before["outbox"]),
            "attachment.data": 2,
        }

        searched = found(source)
        assert all(searched.values()), [q for q, hits in searched.items() if not hits]
        assert searched["cloture"] == searched["clôture"]
        assert found(url) == searched
        assert found(back) == searched

        # both ends stay working stores: the next ticket gets a new id, the index is sound
        for location in (url, back):
            open_store(str(location))
            try:
                desk = Desk(Config(language="fr", technicians=TECHNICIANS), FixedClock(NOW))
                create_phone_ticket(
                    desk, customer="0123456789", queue="LoGeAs", subject="s", body="b", close=True
                )
                assert Ticket.select().count() == len(before["ticket"]) + 1
                if is_sqlite():
                    MessageIndex.integrity_check(rank=1)
            finally:
                close_store()
    finally:
        postgres.drop(url)


def test_a_10000_ticket_demo_store_to_postgresql_and_back_is_identical(
    postgres: Postgres, tmp_path: Path
) -> None:
    """The issue's size, with the copy's own page sizes: every row of every table and every
    sha256 identical at both ends, and the same tickets for the 20 searches."""
    source = tmp_path / "big.sqlite"
    fill(source, 10_000)
    url = postgres.new_database(template=None)
    back = tmp_path / "back.sqlite"
    try:
        copy_store(str(source), url)
        copy_store(url, str(back))
        before = rows(source)
        assert len(before["ticket"]) > 9_000 and len(before["history"]) > 20_000  # less the purged
        assert rows(url) == before
        assert rows(back) == before
        assert digests(url) == digests(source) == digests(back)
        searched = found(source)
        assert found(url) == searched and found(back) == searched
    finally:
        postgres.drop(url)


def test_a_page_holds_at_most_its_budget_of_mail_bytes(
    source: Path, tmp_path: Path, small_pages: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory stays flat on a store of big mails: no page read holds more than BLOB_BYTES of
    blobs, but a single bigger one."""
    pages: list[tuple[str, int, int]] = []
    paged = copy._pages

    def recorded(model: Any, fields: Any, database: Database) -> Iterator[list[Any]]:
        blobs = [n for n, f in enumerate(fields) if f.field_type == "BLOB"]
        for page in paged(model, fields, database):
            size = sum(len(row[n] or b"") for row in page for n in blobs)
            pages.append((model._meta.table_name, len(page), size))
            yield page

    monkeypatch.setattr(copy, "_pages", recorded)
    copy_store(str(source), str(tmp_path / "copy.sqlite"))
    assert rows(tmp_path / "copy.sqlite") == rows(source)
    mail = [(rows_, size) for table, rows_, size in pages if table in ("message", "attachment")]
    assert len(mail) > 10 and all(rows_ <= 37 for rows_, _ in mail)
    assert all(size <= 20_000 for rows_, size in mail if rows_ > 1)
    assert (1, 102_400) in mail  # the big attachment, alone


@pytest.fixture
def target(db_path: Path | str, config: Config, clock: FixedClock) -> Iterator[str]:
    """A store in use on the test's engine: its queues and one phone ticket."""
    open_store(str(db_path))
    try:
        ensure_setup(config)
        create_phone_ticket(
            Desk(config, clock),
            customer="0123456789",
            queue="LoGeAs",
            subject="s",
            body="b",
            close=True,
        )
    finally:
        close_store()
    yield str(db_path)


def test_a_non_empty_target_is_refused_and_left_as_it_was(source: Path, target: str) -> None:
    before = rows(target)
    with pytest.raises(HelpdeskError) as refused:
        copy_store(str(source), target)
    assert str(refused.value).startswith("The target store ")
    assert "is not empty (tickets: 1, messages: 1, queues: 14)" in str(refused.value)
    assert rows(target) == before


def test_force_replaces_what_the_target_held(source: Path, target: str) -> None:
    copy_store(str(source), target, force=True)
    assert rows(target) == rows(source)
    assert digests(target) == digests(source)
    assert found(target) == found(source)


def test_a_failed_copy_leaves_the_target_as_it_was(
    source: Path, target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = rows(target)

    def differs(source: Database, target: Database, where: str) -> dict[str, int]:
        raise copy._mismatch(where, "ticket: 301 rows in the source, 300 in the copy")

    monkeypatch.setattr(copy, "_compare_counts", differs)
    with pytest.raises(HelpdeskError, match="differs from the source .* nothing was kept"):
        copy_store(str(source), target, force=True)
    assert rows(target) == before
    # its full-text index too: as it was, and still kept up to date by each new message
    open_store(target)
    try:
        desk = Desk(Config(language="en", technicians=TECHNICIANS), FixedClock(NOW))
        create_phone_ticket(
            desk,
            customer="0123456789",
            queue="LoGeAs",
            subject="s",
            body="zygomatique",
            close=True,
        )
        hits = queries.list_tickets(queries.TicketFilter(search="zygomatique"), me=None, now=NOW)
        assert len(hits) == 1
        assert (
            queries.list_tickets(queries.TicketFilter(search="imprimante"), me=None, now=NOW) == []
        )
        if is_sqlite():
            MessageIndex.integrity_check(rank=1)
    finally:
        close_store()


def test_a_copy_the_target_refuses_is_one_sentence_and_leaves_no_new_file(
    source: Path, db_path: Path | str, tmp_path: Path
) -> None:
    """A source whose rows the target cannot take (here a message of a ticket that is not
    there, as a file written without foreign keys could hold)."""
    broken = tmp_path / "broken.sqlite"
    shutil.copy(source, broken)
    with sqlite3.connect(broken) as conn:
        conn.execute(
            "INSERT INTO message (ticket_id, kind, from_addr, to_addr, cc, subject, body, "
            '"references", date, author, attachments) '
            "VALUES (999999, 'note', '', '', '', 's', 'b', '', '2026-01-01 00:00:00', '', '[]')"
        )
    with pytest.raises(HelpdeskError) as failed:
        copy_store(str(broken), str(db_path))
    said = str(failed.value)
    assert said.startswith(f"The copy to {db_path} failed, so nothing was kept: ")
    assert "foreign key" in said.lower() and "\n" not in said
    if isinstance(db_path, Path):
        assert not any(db_path.parent.glob(db_path.name + "*"))
    else:
        assert rows(db_path)["queue"] == []


def test_a_store_is_not_copied_onto_itself(source: Path) -> None:
    with pytest.raises(HelpdeskError, match="is both the source and the target"):
        copy_store(str(source), str(source.parent / "." / source.name), force=True)
    assert rows(source)["ticket"]


def test_the_command_line_says_what_it_copied_and_checked(
    source: Path,
    postgres: Postgres,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LOGEAS_CONFIG", str(tmp_path / "none.toml"))
    unused = tmp_path / "default.sqlite"
    url = postgres.new_database(template=None)
    tickets = len(rows(source)["ticket"])
    secret = url.replace("postgres@", "postgres:s3cret@")  # trust: the password is not checked
    try:
        code = main(["migrate-store", "--from", str(source), "--to", secret, "--db", str(unused)])
        out, err = capsys.readouterr()
        assert (code, err) == (0, "")
        raws = len(digests(source)["raw_mail"])
        assert out.startswith(f"Copied {tickets} tickets, ")
        assert f" to {url.replace('postgres@', 'postgres:***@')} in " in out
        assert f"Every count matches, and so does the sha256 of all {raws} raw mails, " in out
        assert "s3cret" not in out and out.count("\n") == 1

        code = main(["migrate-store", "--from", str(source), "--to", secret])
        out, err = capsys.readouterr()
        assert code == 1 and out == ""
        assert err.startswith("error: The target store postgresql://postgres:***@")
        assert f"is not empty (tickets: {tickets}," in err and "s3cret" not in err
        assert err.count("\n") == 1

        assert (
            main(["migrate-store", "--from", secret, "--to", str(tmp_path / "b.sqlite"), "--json"])
            == 0
        )
        report = json.loads(capsys.readouterr().out)
        assert (
            report["rows"]["ticket"] == tickets and report["sha256_equal"]["attachment.data"] == 2
        )
        assert not unused.exists()  # --db is not this verb's
    finally:
        postgres.drop(url)
