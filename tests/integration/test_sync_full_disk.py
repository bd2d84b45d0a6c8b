"""`logeas sync` on a full disk says so in one line and loses nothing: the mails stay on the
server unflagged and the next round, once there is room, stores each once and acknowledges
each once. The disk is filled with SQLite's own `max_page_count` on every new connection."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from logeas_tui.cli import main
from logeas_tui.core.store import connection
from tests.integration.mailflow import customer_mail, received, servers_config

pytestmark = [pytest.mark.integration, pytest.mark.sqlite_only]

MAILS = 5


def _pages(db: Path) -> int:
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return int(con.execute("PRAGMA page_count").fetchone()[0])


def test_sync_on_a_full_disk_says_so_then_the_next_round_stores_every_mail_once(
    tmp_path, db_path, dovecot, smtp_server, monkeypatch, capsys
):
    user = dovecot.new_account()
    conf = servers_config(tmp_path, dovecot, smtp_server, user)
    conf.chmod(0o600)
    sync = ["sync", "--once", "--db", str(db_path), "--config", str(conf)]
    assert main(sync) == 0  # the store exists, with nothing in it yet
    body = "Bonjour,\nLoGeAs ne démarre plus depuis la mise à jour.\n" * 3_000
    dovecot.append_many(
        user,
        "pw",
        [
            customer_mail(f"Panne {n}", body, sender=f"C{n} <c{n}@client.example>")
            for n in range(MAILS)
        ],
    )
    full = {**connection.PRAGMAS, "max_page_count": _pages(Path(db_path))}
    monkeypatch.setattr(connection, "PRAGMAS", full)
    capsys.readouterr()

    code = main(sync)

    out, err = capsys.readouterr()
    said = out + err
    assert code != 0
    assert "The disk holding the store is full" in said, said
    assert str(db_path) in said, said
    assert "Traceback" not in said and "rollback" not in said, said
    assert "IMAP server" not in said, said  # the server is not to blame
    assert received(smtp_server) == []
    assert not any("\\Seen" in f for f in dovecot.flags(user, "pw")), "flagged yet not stored"

    monkeypatch.undo()
    assert main(sync) == 0, capsys.readouterr()
    listed = capsys.readouterr()
    assert f"{MAILS} new tickets" in listed.out, listed
    assert main(["list", "--db", str(db_path), "--config", str(conf)]) == 0
    shown = capsys.readouterr().out
    assert all(shown.count(f"Panne {n}") == 1 for n in range(MAILS)), shown
    assert sorted(m["To"] for m in received(smtp_server)) == sorted(
        f"c{n}@client.example" for n in range(MAILS)
    )
