"""The long verbs show a bar with counts on a terminal — `logeas import`, `demo`, `backup`,
`migrate-store` — and on a pipe only their usual summary lines. Each verb runs as a real
`logeas` process, once on a pseudo-terminal (python's `pty`) and once on pipes; the bar goes to
stderr, so a `--json` answer on stdout stays clean. (`logeas sync` against the real Dovecot:
tests/integration/test_sync_progress.py.)"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import pytest

from logeas_tui.core.progress import Throttled

LOGEAS = str(Path(sys.executable).with_name("logeas"))
CONFIG = 'language = "en"\n[support]\nme = "Nicolas"\n'
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@dataclass
class Shown:
    code: int
    terminal: str  # what the terminal showed, colours and cursor moves taken out
    stdout: str  # stdout when it was a pipe (else it is in `terminal`)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOGEAS_", "COLUMNS"))}
    return env | {"TERM": "xterm-256color", "LOGEAS_NOW": "2026-11-24T10:30"}


def on_terminal(*args: str, stdout_piped: bool = False) -> Shown:
    """Run `logeas args` with stderr (and stdout, unless piped) on a 120×40 pseudo-terminal."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    process = subprocess.Popen(
        [LOGEAS, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE if stdout_piped else slave,
        stderr=slave,
        env=_env(),
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the process and its terminal are gone
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    out, _ = process.communicate(timeout=120)
    text = ANSI.sub("", seen.decode("utf-8", "replace")).replace("\r", "\n")
    return Shown(process.returncode, text, (out or b"").decode())


def on_pipes(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [LOGEAS, *args], capture_output=True, text=True, env=_env(), timeout=120, check=False
    )


def bar(what: str, done: int, total: int) -> re.Pattern[str]:
    """The line of a bar counting `what`, at `done` of `total` ("mails ━━━━ 300/300 0:00:01")."""
    return re.compile(rf"^{re.escape(what)}\s+[━╸╺]+\s+{done:,}/{total:,}\s+\d+:\d\d:\d\d", re.M)


@pytest.fixture
def place(tmp_path: Path) -> list[str]:
    """--db and --config of a new store in tmp_path."""
    config = tmp_path / "config.toml"
    config.write_text(CONFIG, encoding="utf-8")
    return ["--db", str(tmp_path / "store.sqlite"), "--config", str(config)]


def _mbox(count: int) -> bytes:
    """An mbox of `count` customer mails."""
    entries = []
    for n in range(count):
        msg = EmailMessage()
        msg["From"] = f"Client {n} <client{n}@example.com>"
        msg["To"] = "support@logeas.fr"
        msg["Subject"] = f"Demande {n}"
        msg["Date"] = "Tue, 24 Nov 2026 10:00:00 +0100"
        msg["Message-ID"] = f"<m{n}@example.com>"
        msg.set_content(f"Bonjour,\nquestion {n}\n")
        entries.append(b"From client@example.com Tue Nov 24 10:00:00 2026\n" + msg.as_bytes())
    return b"\n".join(entries) + b"\n"


def test_import_of_an_mbox_counts_its_mails_on_a_terminal_and_only_sums_up_on_a_pipe(
    tmp_path: Path, place: list[str]
) -> None:
    mbox = tmp_path / "inbox.mbox"
    mbox.write_bytes(_mbox(300))

    shown = on_terminal("import", str(mbox), "--no-ack", *place)
    assert shown.code == 0, shown.terminal
    assert bar("mails", 300, 300).search(shown.terminal), shown.terminal[-2000:]
    assert "300 messages: 300 new tickets" in shown.terminal

    again = tmp_path / "again.mbox"  # the same mails again, on pipes: already stored
    again.write_bytes(_mbox(300))
    piped = on_pipes("import", str(again), "--no-ack", *place)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith("300 messages: 0 new tickets")
    assert piped.stdout.count("\n") == 1  # the summary line, nothing else
    assert piped.stderr == ""  # no bar, no count


def test_demo_draws_its_tickets_on_a_terminal_only(tmp_path: Path, place: list[str]) -> None:
    shown = on_terminal("demo", "--tickets", "400", *place)
    assert shown.code == 0, shown.terminal
    assert bar("tickets", 400, 400).search(shown.terminal), shown.terminal[-2000:]
    assert "400 demo tickets added in" in shown.terminal

    piped = on_pipes("demo", "--tickets", "400", *place)
    assert piped.returncode == 0, piped.stderr
    assert re.fullmatch(r"400 demo tickets added in \d+\.\d s\.\n", piped.stdout)
    assert piped.stderr == ""


def test_a_french_bar_names_what_it_counts_and_writes_its_numbers_in_french(
    tmp_path: Path, place: list[str]
) -> None:
    """`language = "fr"`: the bar of `logeas migrate-store` names the tables in French and
    groups thousands with a no-break space, as the summary writes its seconds ("0,4 s")."""
    Path(place[3]).write_text(CONFIG.replace('"en"', '"fr"'), encoding="utf-8")
    assert on_pipes("demo", "--tickets", "700", *place).returncode == 0
    target = str(tmp_path / "copie.sqlite")

    shown = on_terminal("migrate-store", "--from", place[1], "--to", target, *place[2:])

    assert shown.code == 0, shown.terminal
    history = re.findall(
        r"^historique\s+[━╸╺]+\s+(\d{1,3}(?:\u00a0\d{3})+)/\1\s", shown.terminal, re.M
    )
    assert history, shown.terminal[-2000:]  # thousands of history rows, grouped the French way
    assert re.search(r"Copié de .* en \d+,\d s : 700 tickets, ", shown.terminal), shown.terminal[
        -2000:
    ]


def test_migrate_store_counts_rows_per_table_on_stderr_and_keeps_its_json_clean(
    tmp_path: Path, place: list[str]
) -> None:
    assert on_pipes("demo", "--tickets", "300", *place).returncode == 0
    source = place[1]

    shown = on_terminal(
        "migrate-store",
        *("--from", source, "--to", str(tmp_path / "copy.sqlite"), "--json"),
        stdout_piped=True,
    )
    assert shown.code == 0, shown.terminal
    answer = json.loads(shown.stdout)  # stdout holds the JSON alone
    assert answer["rows"]["ticket"] == 300
    assert bar("tickets", 300, 300).search(shown.terminal), shown.terminal[-2000:]
    messages = answer["rows"]["message"]
    assert bar("messages", messages, messages).search(shown.terminal)

    piped = on_pipes("migrate-store", "--from", source, "--to", str(tmp_path / "other.sqlite"))
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith("Copied 300 tickets, ")
    assert piped.stderr == ""


def test_backup_counts_its_pages_on_a_terminal_only(tmp_path: Path, place: list[str]) -> None:
    assert on_pipes("demo", "--tickets", "300", *place).returncode == 0
    pages = Path(place[1]).stat().st_size // 4096

    shown = on_terminal("backup", str(tmp_path / "one.sqlite"), *place)
    assert shown.code == 0, shown.terminal
    counts = re.findall(r"^pages\s+[━╸╺]+\s+([\d,]+)/([\d,]+)", shown.terminal, re.M)
    assert counts, shown.terminal[-2000:]
    done, total = counts[-1]  # the bar's last state
    assert done == total and int(total.replace(",", "")) >= pages
    assert "its integrity check passed" in shown.terminal

    piped = on_pipes("backup", str(tmp_path / "two.sqlite"), *place)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith("Backed up ")
    assert piped.stderr == ""


def test_a_throttled_watcher_is_told_at_most_ten_times_a_second_and_always_at_the_end() -> None:
    """What the app's banner is fed: a flood of advances costs a clock read each."""
    now = [0.0]
    told: list[tuple[str, int, int | None]] = []
    progress = Throttled(lambda *said: told.append(said), every=0.1, clock=lambda: now[0])

    progress.begin("mails", 2000)
    for _ in range(1999):  # 1,999 mails in 0.25 s
        now[0] += 0.25 / 1999
        progress.advance()
    progress.advance()

    assert told[0] == ("mails", 0, 2000)
    assert len(told) == 4  # the start, two in between, the end
    assert told[-1] == ("mails", 2000, 2000)
