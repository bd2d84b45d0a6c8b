"""`logeas backup` copies a live store whole — the mails still in the write-ahead log of a
store an app has open included —, checks the copy and says what it holds; `logeas restore`
refuses while an app has the store open, and keeps the replaced store aside; `logeas export`
writes one ticket's mail bytes to an mbox file that imports back to the same mails."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from logeas_tui.cli import main
from logeas_tui.core.store.backup import opened_by
from logeas_tui.core.store.connection import close_store, open_store
from logeas_tui.core.store.models import MAIL_IN, Message, Ticket
from tests.unit.test_cli import CONFIG, NOW

pytestmark = pytest.mark.integration
HANG = 60  # seconds: a guard against a hang, not a timing

APP = textwrap.dedent("""
    import sys
    from argparse import Namespace
    from logeas_tui.app import LogeasApp
    from logeas_tui.cli import _open_desk
    desk = _open_desk(Namespace(db=sys.argv[1], config=sys.argv[2]))
    LogeasApp(desk).run(headless=True)
""")


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    for var in ("LOGEAS_DB", "LOGEAS_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LOGEAS_NOW", NOW)
    return path


def logeas(db: Path | str, config: Path, *args: str, capsys: pytest.CaptureFixture[str]):
    capsys.readouterr()
    code = main([*args, "--db", str(db), "--config", str(config)])
    out, err = capsys.readouterr()
    return code, out, err


def _answered_ticket(db: Path | str, config: Path, n: int, capsys) -> str:
    code, out, err = logeas(
        db, config, "phone", "--customer", f"client{n}@example.org", "--queue", "LoGeAs",
        "--subject", f"Demande {n}", "--body", "Appel", "--owner", "Nicolas", capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    number = out.strip()
    body = Path(str(config) + f".{n}.txt")
    body.write_text(f"Réponse {n}\n", encoding="utf-8")
    code, _, err = logeas(db, config, "reply", number, "--body-file", str(body), capsys=capsys)
    assert code == 0, err
    return number


def _queued(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


@pytest.fixture
def running_app(tmp_path: Path, config: Path, capsys):
    """A real app, in a process of its own, with the SQLite store open."""
    db = tmp_path / "logeas.sqlite"
    assert logeas(db, config, "queues", capsys=capsys)[0] == 0  # made and set up, then closed
    proc = subprocess.Popen([sys.executable, "-c", APP, str(db), str(config)])
    deadline = time.monotonic() + HANG
    while opened_by(str(db)) is None:
        assert proc.poll() is None, "the app stopped"
        assert time.monotonic() < deadline, "the app never opened the store"
        time.sleep(0.05)
    try:
        yield db, proc
    finally:
        proc.kill()
        proc.wait(HANG)


@pytest.mark.sqlite_only
def test_a_backup_taken_while_an_app_is_open_holds_every_queued_mail(
    running_app, tmp_path: Path, config: Path, capsys
) -> None:
    db, _ = running_app
    for n in range(4):
        _answered_ticket(db, config, n, capsys)
    plain = tmp_path / "plain-copy.sqlite"
    shutil.copyfile(db, plain)  # what `cp` of the main file alone gets
    assert _queued(plain) < 4, "the answers were already in the main file: the test shows nothing"

    code, out, err = logeas(db, config, "backup", str(tmp_path), capsys=capsys)
    assert code == 0, err
    written = sorted(tmp_path.glob("logeas-*.sqlite"))
    assert len(written) == 1
    assert f"into {written[0]}" in out
    assert "4 tickets" in out and "4 mails waiting to be sent" in out
    assert "integrity check passed" in out
    assert _queued(written[0]) == 4
    assert written[0].stat().st_mode & 0o077 == 0
    assert not list(tmp_path.glob(".*partial*"))

    again = logeas(db, config, "backup", str(written[0]), capsys=capsys)
    assert again[0] == 1 and "already exists" in again[2]


@pytest.mark.sqlite_only
def test_restore_is_refused_while_an_app_has_the_store_open_and_keeps_the_old_store_aside(
    running_app, tmp_path: Path, config: Path, capsys
) -> None:
    db, proc = running_app
    first = _answered_ticket(db, config, 1, capsys)
    saved = tmp_path / "saved.sqlite"
    assert logeas(db, config, "backup", str(saved), capsys=capsys)[0] == 0
    later = _answered_ticket(db, config, 2, capsys)  # made after the backup

    code, out, err = logeas(db, config, "restore", str(saved), capsys=capsys)
    assert code == 1
    assert f"open by a running app or command (process {proc.pid})" in err
    assert "Traceback" not in err

    proc.kill()
    proc.wait(HANG)
    code, out, err = logeas(db, config, "restore", str(saved), capsys=capsys)
    assert code == 0, err
    assert "1 tickets" in out or "1 ticket" in out
    aside = sorted(tmp_path.glob("logeas.sqlite.replaced-*"))
    assert len(aside) == 1 and str(aside[0]) in out
    numbers = {row[0] for row in sqlite3.connect(aside[0]).execute("SELECT number FROM ticket")}
    assert numbers == {first, later}  # the replaced store, whole
    code, out, _ = logeas(db, config, "list", capsys=capsys)
    assert first in out and later not in out


def test_a_backup_of_any_store_is_a_checked_sqlite_file(
    db_path: Path | str, tmp_path: Path, config: Path, capsys
) -> None:
    numbers = {_answered_ticket(db_path, config, n, capsys) for n in range(3)}
    target = tmp_path / "copy.sqlite"
    code, out, err = logeas(db_path, config, "backup", str(target), capsys=capsys)
    assert code == 0, err
    assert "3 tickets" in out and "3 mails waiting to be sent" in out
    held = {row[0] for row in sqlite3.connect(target).execute("SELECT number FROM ticket")}
    assert held == numbers


def test_a_damaged_backup_is_refused_in_one_sentence(tmp_path: Path, config: Path, capsys) -> None:
    db = tmp_path / "logeas.sqlite"
    assert logeas(db, config, "queues", capsys=capsys)[0] == 0
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    code, _, err = logeas(db, config, "restore", str(bad), capsys=capsys)
    assert code == 1 and err.startswith("error: ") and err.count("\n") == 1
    assert "is not a backup of a store" in err


def test_export_writes_the_tickets_mails_as_an_mbox_that_imports_back(
    db_path: Path | str, tmp_path: Path, config: Path, capsys
) -> None:
    mail = tmp_path / "in.eml"
    mail.write_bytes(
        b"From: Jean <jean@example.org>\r\nTo: support@logeas.fr\r\nSubject: Imprimante\r\n"
        b"Message-ID: <m1@example.org>\r\nDate: Tue, 24 Nov 2026 09:00:00 +0100\r\n\r\n"
        b"Bonjour,\r\nFrom here on it prints nothing.\r\n>From the logs too.\r\n"
    )
    code, _, err = logeas(db_path, config, "import", str(mail), "--no-ack", capsys=capsys)
    assert code == 0, err
    open_store(str(db_path))
    number = Ticket.get().number
    close_store()
    body = tmp_path / "answer.txt"
    body.write_text("Réponse\n", encoding="utf-8")
    assert logeas(db_path, config, "reply", number, "--body-file", str(body), capsys=capsys)[0] == 0

    box = tmp_path / "ticket.mbox"
    code, out, err = logeas(db_path, config, "export", number, "--mbox", str(box), capsys=capsys)
    assert code == 0, err
    assert out.startswith(f"Wrote 2 mails of ticket {number} to {box} (1 received, 1 sent)")
    data = box.read_bytes()
    assert data.startswith(b"From jean@example.org ")
    assert b"\n>From here on" in data and b"\n>>From the logs" in data  # mboxrd quoting

    other = tmp_path / "other.sqlite"
    code, out, err = logeas(other, config, "import", str(box), "--no-ack", capsys=capsys)
    assert code == 0, err
    open_store(str(other))
    try:
        subjects = sorted(m.subject for m in Message.select().where(Message.kind == MAIL_IN))
        assert len(subjects) == 2 and "Imprimante" in subjects
    finally:
        close_store()
    assert logeas(db_path, config, "export", number, "--mbox", str(box), capsys=capsys)[0] == 1


def test_export_of_a_ticket_without_mail_bytes_says_so(
    db_path: Path | str, tmp_path: Path, config: Path, capsys
) -> None:
    code, out, _ = logeas(
        db_path, config, "phone", "--customer", "0612345678", "--queue", "LoGeAs",
        "--subject", "Appel", "--body", "Appel", "--close", capsys=capsys,
    )  # fmt: skip
    number = out.strip()
    box = tmp_path / "t.mbox"
    code, _, err = logeas(db_path, config, "export", number, "--mbox", str(box), capsys=capsys)
    assert code == 1 and "holds no mail bytes" in err and not box.exists()
