"""Ingestion throughput (issue 10), on mail it generates itself:

- `logeas import` of 5,000 generated mails, --no-ack (target >= 1,000 mails/s, goal 2,000);
- IMAP sync of 2,000 mails from a real Dovecot: wall time until the tickets are stored, next to
  mbsync's wall time copying the same mailbox (target <= 5x), then the acknowledgements sent
  from the outbox to a real SMTP server (target >= 200/s).

Prints figures next to their targets; asserts nothing about time. `LOGEAS_PROFILE=1` prints a
pyinstrument summary of the import; `--import-only` measures the import alone."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_mail import fresh_desk  # noqa: E402

from logeas_tui.cli import mail_verbs  # noqa: E402
from logeas_tui.core.config import ServerConf  # noqa: E402
from logeas_tui.core.mail.route import load_rules  # noqa: E402
from logeas_tui.core.services.mail_sync import fetch_new  # noqa: E402
from logeas_tui.core.services.outbox import send_due  # noqa: E402
from logeas_tui.core.store.connection import close_store  # noqa: E402
from tests.integration.mailflow import customer_mail  # noqa: E402
from tests.servers import POOL, SmtpServer, start_dovecot  # noqa: E402

IMPORT_COUNT = int(os.environ.get("LOGEAS_BENCH_IMPORT", "5000"))
SYNC_COUNT = int(os.environ.get("LOGEAS_BENCH_SYNC", "2000"))


def generated(count: int) -> list[bytes]:
    return [
        customer_mail(
            f"Demande {n}: LoGeAs ne démarre plus",
            f"Bonjour,\nle poste {n} affiche une erreur au démarrage.\nMerci,\nClient {n}\n",
            sender=f"Client {n} <c{n}@client.example>",
        )
        for n in range(count)
    ]


def bench_import(directory: str) -> None:
    folder = Path(directory) / "mails"
    folder.mkdir()
    for n, raw in enumerate(generated(IMPORT_COUNT)):
        (folder / f"{n:05d}.eml").write_bytes(raw)
    desk = fresh_desk(directory, "import.sqlite")
    out = io.StringIO()
    profiler = None
    if os.environ.get("LOGEAS_PROFILE"):
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    started = time.perf_counter()
    mail_verbs.import_paths(desk, [str(folder)], False, out)
    elapsed = time.perf_counter() - started
    if profiler is not None:
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False, show_all=False))
    print(
        f"import of {IMPORT_COUNT} generated mails (--no-ack): {IMPORT_COUNT / elapsed:.0f} "
        f"mails/s ({elapsed:.2f} s)   target >= 1,000 mails/s (goal 2,000)"
    )


def mbsync_seconds(host: str, port: int, user: str, directory: str) -> float | str:
    """mbsync's wall time pulling the whole INBOX into an empty maildir, or why not measured."""
    if shutil.which("mbsync") is None:
        return "mbsync not installed (Debian package isync; `make bench` installs it as root)"
    target = Path(directory) / "mbsync-maildir"
    target.mkdir()
    rc = Path(directory) / "mbsyncrc"
    rc.write_text(
        f"FSync No\n\nIMAPAccount bench\nHost {host}\nPort {port}\nUser {user}\nPass pw\nSSLType None\n"
        "AuthMechs LOGIN\n\nIMAPStore remote\nAccount bench\n\n"
        f"MaildirStore local\nPath {target}/\nInbox {target}/INBOX\n\n"
        "Channel pull\nFar :remote:\nNear :local:\nPatterns INBOX\nCreate Near\nSync Pull\n"
        f"SyncState {directory}/\n"
    )
    started = time.perf_counter()
    done = subprocess.run(["mbsync", "-c", str(rc), "pull"], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        return f"mbsync failed: {(done.stderr or done.stdout).strip().splitlines()[-1:]}"
    return elapsed


def bench_imap(directory: str) -> None:
    dovecot = start_dovecot()
    smtp = SmtpServer()
    smtp.start()
    try:
        user = POOL[-1]
        client = dovecot.imap(user, "pw")
        for raw in generated(SYNC_COUNT):
            client.append("INBOX", None, None, raw)
        client.logout()
        peer = mbsync_seconds(dovecot.host, dovecot.port, user, directory)
        imap = ServerConf(
            host=dovecot.host, port=dovecot.port, security="none", user=user, password="pw"
        )
        outgoing = ServerConf(host=smtp.host, port=smtp.port, security="none")
        desk = fresh_desk(directory, "imap.sqlite", imap=imap, smtp=outgoing)
        rules = load_rules(desk.config.data_dir / "routing.toml")
        started = time.perf_counter()
        fetched = fetch_new(desk, imap, rules)
        stored = time.perf_counter() - started
        started = time.perf_counter()
        sent = send_due(desk, outgoing, force=True)
        sending = time.perf_counter() - started
        print(
            f"IMAP sync of {SYNC_COUNT} mails: {len(fetched.results)} stored in {stored:.2f} s "
            f"= {len(fetched.results) / stored:.0f} mails/s"
            + (f" (error: {fetched.error})" if fetched.error else "")
        )
        if isinstance(peer, float):
            print(f"  vs mbsync {peer:.2f} s: ratio {stored / peer:.1f}x   target <= 5x")
        else:
            print(f"  vs mbsync: skipped, {peer}")
        print(
            f"  acknowledgements: {sent.sent} sent in {sending:.2f} s = "
            f"{sent.sent / sending:.0f}/s   target >= 200/s"
        )
    finally:
        smtp.stop()
        dovecot.stop()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        bench_import(tmp)
        if "--import-only" not in sys.argv[1:]:
            bench_imap(tmp)
    close_store()
