"""Schema versions: a store left at an older version is brought up to date on opening,
keeping its data; opening again changes nothing."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from peewee import SqliteDatabase

from logeas_tui.core.store import leases, migrations, queries
from logeas_tui.core.store.claims import claim_outbox
from logeas_tui.core.store.connection import close_store, open_store
from logeas_tui.core.store.models import MAIL_IN, Message, MessageIndex, Queue, Ticket, db

# What schema v1 created for search, and v2 kept: a plain FTS5 table (holding its own copy of
# the text) that every writer filled by hand.
V2_INDEX = (
    'CREATE VIRTUAL TABLE "messageindex" USING fts5 ("subject", "body", '
    'tokenize="unicode61 remove_diacritics 2")'
)


def indexes(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}


def names(path, kind: str) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type=?", (kind,))}


def test_version_1_store_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.sqlite"
    old = SqliteDatabase(str(path))
    db.initialize(old)
    with old.atomic():
        migrations.STEPS[0](old)
        old.pragma("user_version", 1)
    old.execute_sql(
        "INSERT INTO queue (name, purpose, valid, acknowledge, held, position) "
        "VALUES ('LoGeAs', '', 1, 1, 0, 0)"
    )
    old.close()
    assert "ticket_created_id" not in indexes(path)

    open_store(str(path))
    try:
        assert int(db.pragma("user_version")) == len(migrations.STEPS)
        assert Ticket.select().count() == 0
        assert {"ticket_created_id", "ticket_queue_id_state"} <= indexes(path)
        assert migrations.migrate(db.obj) == len(migrations.STEPS)  # idempotent
    finally:
        close_store()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM queue").fetchall() == [("LoGeAs",)]


def test_version_2_store_is_upgraded_in_place_and_stays_searchable(tmp_path):
    path = tmp_path / "v2.sqlite"
    old = SqliteDatabase(str(path))
    db.initialize(old)
    now = datetime(2026, 11, 24, 9, 30)
    with old.atomic():
        migrations.STEPS[0](old)
        migrations.STEPS[1](old)
        old.execute_sql(V2_INDEX)
        old.pragma("user_version", 2)
        queue = Queue.create(name="LoGeAs")
        ticket = Ticket.create(
            number="2026112410000018", queue=queue, subject="Imprimante", created=now, updated=now
        )
        for subject, body in (("Imprimante", "bourrage papier"), ("Re: Imprimante", "résolu")):
            msg = Message.create(ticket=ticket, kind=MAIL_IN, subject=subject, body=body, date=now)
            old.execute_sql(  # what version 2 did by hand on every message
                "INSERT INTO messageindex (rowid, subject, body) VALUES (?, ?, ?)",
                (msg.id, subject, body),
            )
    old.close()
    assert "messageindex_content" in names(path, "table")

    open_store(str(path))
    try:
        assert int(db.pragma("user_version")) == len(migrations.STEPS)
        for word in ("bourrage", "resolu", "imprimante"):
            found = queries.list_tickets(queries.TicketFilter(search=word), me=None, now=now)
            assert [r.number for r in found] == ["2026112410000018"], word
        MessageIndex.integrity_check(rank=1)  # the index matches the messages, no more, no less
        assert migrations.migrate(db.obj) == len(migrations.STEPS)  # idempotent
    finally:
        close_store()
    assert "messageindex_content" not in names(path, "table")  # the text is kept once
    assert {
        "message_index_insert",
        "message_index_delete",
        "message_index_update",
    } <= names(path, "trigger")


def columns(path, table: str) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def test_version_3_store_gets_outbox_claims_and_the_lease_keeping_its_outbox(tmp_path):
    path = tmp_path / "v3.sqlite"
    old = SqliteDatabase(str(path))
    db.initialize(old)
    now = datetime(2026, 11, 24, 9, 30)
    with old.atomic():
        for step in migrations.STEPS[:3]:
            step(old)
        # what version 3 had: no claim columns on the outbox, no lease table
        old.execute_sql("ALTER TABLE outbox DROP COLUMN claimed_by")
        old.execute_sql("ALTER TABLE outbox DROP COLUMN claimed_at")
        old.execute_sql("DROP TABLE lease")
        old.pragma("user_version", 3)
        old.execute_sql(
            "INSERT INTO outbox (recipient, subject, raw, automatic, created, attempts) "
            "VALUES ('jean@client.example', 'Re: Imprimante', x'00', 0, ?, 0)",
            (now,),
        )
    old.close()
    assert "claimed_by" not in columns(path, "outbox")

    open_store(str(path))
    try:
        assert int(db.pragma("user_version")) == len(migrations.STEPS)
        claimed = claim_outbox("pc-accueil:101", now, stale_before=now, due_at=now)
        assert [o.recipient for o in claimed] == ["jean@client.example"]
        assert leases.take("mail", "pc-accueil:101", now, now) == "pc-accueil:101"
        assert migrations.migrate(db.obj) == len(migrations.STEPS)  # idempotent
    finally:
        close_store()
    assert {"claimed_by", "claimed_at"} <= columns(path, "outbox")


def test_version_5_store_gets_the_unknown_sender_mark_on_both_engines(db_path, desk):
    """What version 5 had: no `unknown_sender` column and no index of it. The upgrade adds
    both; the messages already there are nobody's unknown mail, the store stays searchable,
    and a copy of the app older than v6 (which writes no such column) can still add mail."""
    from tests.factories import stored_mail

    number = stored_mail(desk, sender="jean@client.example", name="", subject="Avant", body="…")
    database = db.obj
    database.execute_sql("DROP INDEX message_unknown_sender")
    database.execute_sql("ALTER TABLE message DROP COLUMN unknown_sender")
    if isinstance(database, SqliteDatabase):
        database.pragma("user_version", 5)
    else:
        database.execute_sql("DELETE FROM schema_version WHERE v > 5")
    assert "unknown_sender" not in {c.name for c in database.get_columns("message")}
    close_store()

    open_store(str(db_path))
    assert "unknown_sender" in {c.name for c in db.obj.get_columns("message")}
    assert "message_unknown_sender" in {i.name for i in db.obj.get_indexes("message")}
    now = datetime(2026, 11, 24, 9, 30)
    row = queries.ticket_row(number, me=None, now=now)
    assert row is not None and not row.unknown_sender
    db.obj.execute_sql(  # as v5's Message model inserts
        "INSERT INTO message (ticket_id, kind, from_addr, to_addr, cc, subject, body, "
        '"references", date, author, attachments) '
        f"VALUES ({row.id}, 'mail-in', '', '', '', 's', 'zygomatique', '', '2026-11-24', '', '[]')"
    )
    found = queries.list_tickets(queries.TicketFilter(search="zygomatique"), me=None, now=now)
    assert [r.number for r in found] == [number]  # the full-text index still follows
    assert not queries.ticket_view(number, me=None, now=now).messages[-1].unknown_sender
    assert migrations.migrate(db.obj) == len(migrations.STEPS)  # idempotent


def test_version_6_store_is_upgraded_in_place_and_finds_tickets_by_their_own_words(tmp_path):
    """A v6 store (no ticket index) gets one at opening, filled from the tickets already there:
    its customers' domains and its numbers are found, its messages' words still are."""
    path = tmp_path / "v6.sqlite"
    open_store(str(path))
    try:
        for name in ("ticket_index_insert", "ticket_index_delete", "ticket_index_update"):
            db.execute_sql(f"DROP TRIGGER {name}")
        db.execute_sql("DROP TABLE ticketindex")
        db.pragma("user_version", 6)
        queue = Queue.create(name="LoGeAs")
        now = datetime(2026, 11, 24, 9, 0)
        ticket = Ticket.create(
            number="2026112410000019", queue=queue, customer="marie@client.example",
            subject="Bonjour", created=now, updated=now,
        )  # fmt: skip
        Message.create(ticket=ticket, kind=MAIL_IN, body="imprimante bloquée", date=now)
    finally:
        close_store()
    open_store(str(path))
    try:
        assert int(db.pragma("user_version")) == len(migrations.STEPS)
        for text in ("client.example", "2026112410", "imprimante", "marie@client.example"):
            found = queries.list_tickets(queries.TicketFilter(search=text), me=None, now=now)
            assert [r.number for r in found] == ["2026112410000019"], text
        db.execute_sql("INSERT INTO ticketindex (ticketindex, rank) VALUES ('integrity-check', 1)")
    finally:
        close_store()


def _mail(n: int, body: bytes, *, reply_to: int | None = None) -> bytes:
    thread = f"In-Reply-To: <m{reply_to}@client.example>\r\n" if reply_to else ""
    return (
        f"From: Jean <jean@client.example>\r\nTo: support@logeas.fr\r\nSubject: Mail {n}\r\n"
        f"Message-ID: <m{n}@client.example>\r\n{thread}"
        "Date: Tue, 24 Nov 2026 09:00:00 +0100\r\n\r\n"
    ).encode() + body


def _as_version_7(database) -> None:
    """Put the store back as schema v7 had it: received bytes in `message.raw`, no raw_mail."""
    database.execute_sql(
        "UPDATE message SET raw = (SELECT raw FROM raw_mail WHERE raw_mail.message_id = message.id)"
    )
    database.execute_sql("DROP TABLE raw_mail")
    if isinstance(database, SqliteDatabase):
        database.pragma("user_version", 7)
    else:
        database.execute_sql("DELETE FROM schema_version WHERE v > 7")


def test_version_7_store_gives_back_every_raw_mail_byte_for_byte_on_both_engines(
    db_path, desk, tmp_path, monkeypatch, capsysbinary
):
    """A v7 store kept received mails' bytes in `message.raw`. The upgrade moves them to their
    own table; `logeas raw` and `logeas export` give each one back whole — an 8-bit one, a big
    one — and so they do for a mail that a copy of the app older than v8 writes afterwards."""
    from logeas_tui.cli import main
    from logeas_tui.core.mail.mbox import split_mbox
    from logeas_tui.core.services.inbound import ingest

    big = b"".join(b"ligne %d du journal de sauvegarde\r\n" % i for i in range(60_000))
    raws = [
        _mail(1, b"Bonjour\r\n"),
        _mail(
            2,
            "Clôture bloquée, voilà\r\n".encode("latin-1") + bytes(range(256)) + b"\r\n",
            reply_to=1,
        ),
        _mail(3, big, reply_to=1),
    ]
    number = ingest(desk, raws[0], ()).number
    assert [ingest(desk, raw, ()).number for raw in raws[1:]] == [number, number]
    _as_version_7(db.obj)
    close_store()
    monkeypatch.setenv("LOGEAS_CONFIG", str(tmp_path / "none.toml"))

    def logeas(*args: str) -> tuple[int, bytes]:
        capsysbinary.readouterr()
        code = main([*args, "--db", str(db_path)])
        return code, capsysbinary.readouterr().out

    for k, raw in enumerate(raws, 1):
        assert logeas("raw", number, "--message", str(k)) == (0, raw)
    box = tmp_path / "ticket.mbox"
    code, _ = logeas("export", number, "--mbox", str(box))
    assert code == 0
    exported = [m for m in split_mbox(box.read_bytes()) if b"From: Jean" in m]
    assert exported == [raw.replace(b"\r\n", b"\n") for raw in raws]

    open_store(str(db_path))
    try:
        assert db.execute_sql("SELECT COUNT(*) FROM raw_mail").fetchone()[0] == len(raws)
        assert db.execute_sql("SELECT COUNT(raw) FROM message").fetchone()[0] == 0
        ticket = Ticket.get(Ticket.number == number)
        old_copy = _mail(4, b"ecrit par une ancienne version\r\n")
        db.execute_sql(  # as v7's Message model inserts a received mail
            "INSERT INTO message (ticket_id, kind, from_addr, to_addr, cc, subject, body, "
            '"references", date, author, raw, attachments) '
            "VALUES (?, 'mail-in', '', '', '', 's', 'b', '', '2026-11-24 09:45:00', '', ?, '[]')".replace(
                "?", db.obj.param
            ),
            (ticket.id, old_copy),
        )
        assert migrations.migrate(db.obj) == len(migrations.STEPS)  # idempotent
    finally:
        close_store()
    assert logeas("raw", number, "--message", "4") == (0, old_copy)
