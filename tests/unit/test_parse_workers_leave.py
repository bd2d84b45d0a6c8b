"""A `logeas import` killed mid-way (kill -9, a crash, a closed terminal) leaves no process
behind: its parse workers, their fork server and the resource tracker all go. They used to
wait for good on a queue they held both ends of, dozens of them piling up on a machine."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from email.message import EmailMessage
from pathlib import Path

LOGEAS = str(Path(sys.executable).with_name("logeas"))
DEADLINE = 30.0  # seconds: a guard against a hang, never a measure


def _mbox(path: Path, count: int) -> None:
    with path.open("wb") as out:
        for n in range(count):
            msg = EmailMessage()
            msg["From"] = f"client{n}@example.com"
            msg["To"] = "support@logeas.fr"
            msg["Subject"] = f"Demande {n}"
            msg["Message-ID"] = f"<w{n}@example.com>"
            msg.set_content("Bonjour,\n" * 30)
            out.write(b"From c@example.com Tue Nov 24 10:00:00 2026\n" + msg.as_bytes() + b"\n")


def _marked(mark: str) -> set[int]:
    """The processes whose environment holds `mark` (every process the import started)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if mark.encode() in (entry / "environ").read_bytes():
                    found.add(int(entry.name))
            except OSError:
                continue
    return found


def test_a_killed_import_leaves_no_parse_worker_running(tmp_path: Path) -> None:
    mbox = tmp_path / "inbox.mbox"
    _mbox(mbox, 20_000)
    (tmp_path / "config.toml").write_text('language = "en"\n', encoding="utf-8")
    mark = f"LOGEAS_TEST_MARK={uuid.uuid4().hex}"
    env = {**os.environ, mark.split("=")[0]: mark.split("=")[1]}
    args = ["import", str(mbox), "--no-ack", "--db", str(tmp_path / "s.sqlite")]
    importing = subprocess.Popen(
        [LOGEAS, *args, "--config", str(tmp_path / "config.toml")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + DEADLINE
    while len(_marked(mark) - {importing.pid}) < 2:  # the fork server and a worker at least
        assert importing.poll() is None, "the import ended before its workers were seen"
        assert time.monotonic() < deadline, "no parse worker was started"
        time.sleep(0.05)

    importing.send_signal(signal.SIGKILL)
    importing.wait()

    deadline = time.monotonic() + DEADLINE
    while _marked(mark) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = _marked(mark)
    for pid in left:  # not to leave them to the next tests either
        os.kill(pid, signal.SIGKILL)
    assert not left, f"{len(left)} processes of the killed import are still running"
