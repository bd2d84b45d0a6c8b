"""A full disk under the store says so, in one line, and loses nothing: SQLite undoes the
transaction itself on SQLITE_FULL, so the error peewee raises last ("cannot rollback - no
transaction is active") must not hide the cause. The disk is filled with SQLite's own
`max_page_count`, set on the connection the CLI opens."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from logeas_tui.core.store import connection
from tests.unit.test_cli import Cli, cli, paths, phone, show  # noqa: F401  (fixtures)

pytestmark = pytest.mark.sqlite_only


def fill_the_disk(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on the store cannot grow by one page."""
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = con.execute("PRAGMA page_count").fetchone()[0]
    pragmas = {**connection.PRAGMAS, "max_page_count": pages}
    monkeypatch.setattr(connection, "PRAGMAS", pragmas)


def test_note_on_a_full_disk_says_disk_full_and_writes_nothing(
    cli: Cli,  # noqa: F811  (the fixture imported above)
    paths: tuple[Path, Path],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number = phone(cli, "--owner", "Nicolas")
    before = show(cli, number)
    fill_the_disk(Path(paths[0]), monkeypatch)
    body = tmp_path / "note.txt"
    body.write_text("A long note.\n" * 40_000, encoding="utf-8")

    run = cli("note", number, "--body-file", str(body))

    assert run.code != 0
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert "disk holding the store is full" in lines[0], run.err
    assert str(paths[0]) in lines[0]
    assert "rollback" not in run.err and "Traceback" not in run.err
    monkeypatch.undo()
    assert show(cli, number) == before


def test_import_on_a_full_disk_says_disk_full_and_the_mail_imports_later(
    cli: Cli,  # noqa: F811  (the fixture imported above)
    paths: tuple[Path, Path],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    phone(cli, "--owner", "Nicolas")
    mail = tmp_path / "request.eml"
    mail.write_bytes(
        b"From: Jean <jean@example.org>\r\nTo: support@logeas.fr\r\nSubject: Big request\r\n"
        b"Message-ID: <big@example.org>\r\nDate: Tue, 24 Nov 2026 10:00:00 +0100\r\n\r\n"
        + b"Bonjour, the printer is broken.\r\n"
        * 20_000
    )
    fill_the_disk(Path(paths[0]), monkeypatch)

    run = cli("import", str(mail))

    assert run.code != 0
    assert "not imported: " in run.out and "disk holding the store is full" in run.out, run.out
    assert "rollback" not in run.out + run.err and "Traceback" not in run.out + run.err
    monkeypatch.undo()
    again = cli("import", str(mail))
    assert again.code == 0, again.err
    assert "Big request" in cli("list").out


def test_mails_stored_in_the_same_batch_before_the_disk_filled_stay_stored(
    cli: Cli,  # noqa: F811  (the fixture imported above)
    paths: tuple[Path, Path],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Many mails share one write transaction (services.write_batch): the one that fills the
    disk is not imported, and the ones before it in that transaction are, as said."""
    phone(cli, "--owner", "Nicolas")
    files = []
    for n in range(3):
        small = tmp_path / f"small{n}.eml"
        small.write_bytes(
            f"From: a{n}@example.org\r\nTo: support@logeas.fr\r\nSubject: Small {n}\r\n"
            f"Message-ID: <s{n}@example.org>\r\n\r\nBonjour\r\n".encode()
        )
        files.append(str(small))
    big = tmp_path / "big.eml"
    big.write_bytes(
        b"From: b@example.org\r\nTo: support@logeas.fr\r\nSubject: Big\r\n"
        b"Message-ID: <b@example.org>\r\n\r\n" + b"Bonjour, the printer is broken.\r\n" * 30_000
    )
    with sqlite3.connect(paths[0]) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = con.execute("PRAGMA page_count").fetchone()[0]
    room = {**connection.PRAGMAS, "max_page_count": pages + 60}  # the small ones fit
    monkeypatch.setattr(connection, "PRAGMAS", room)

    run = cli("import", "--no-ack", *files, str(big))

    assert run.code != 0
    assert f"not imported: {big}: " in run.out and "disk holding the store is full" in run.out
    monkeypatch.undo()
    listed = cli("list").out
    assert all(f"Small {n}" in listed for n in range(3)) and "Big" not in listed
