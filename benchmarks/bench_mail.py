"""Mail throughput: `logeas import` of the shared corpus, and a 2,000-mail IMAP sync from a
real Dovecot on loopback. Prints figures; asserts nothing about time."""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from logeas_tui.cli import mail_verbs  # noqa: E402
from logeas_tui.core.clock import SystemClock  # noqa: E402
from logeas_tui.core.config import Config, ServerConf  # noqa: E402
from logeas_tui.core.services.desk import Desk  # noqa: E402
from logeas_tui.core.services.mail_sync import run_once  # noqa: E402
from logeas_tui.core.services.setup import ensure_setup  # noqa: E402
from logeas_tui.core.store.connection import close_store, open_store  # noqa: E402
from tests.conftest import CORPUS  # noqa: E402
from tests.integration.mailflow import customer_mail  # noqa: E402
from tests.servers import POOL, SmtpServer, start_dovecot  # noqa: E402


def fresh_desk(directory: str, name: str, **conf: object) -> Desk:
    close_store()
    open_store(str(Path(directory) / name))
    config = Config(language="fr", **conf)  # type: ignore[arg-type]
    ensure_setup(config)
    return Desk(config, SystemClock())


def bench_import(directory: str) -> None:
    if not CORPUS.is_dir():
        print("corpus import: skipped (no ../shared/corpus)")
        return
    desk = fresh_desk(directory, "import.sqlite")
    out = io.StringIO()
    started = time.perf_counter()
    mail_verbs.import_paths(desk, [str(CORPUS)], True, out)
    elapsed = time.perf_counter() - started
    print(f"corpus import: {out.getvalue().splitlines()[-1]}")
    print(f"corpus import: {elapsed:.2f} s wall")


def bench_imap(directory: str, count: int = 2000) -> None:
    dovecot = start_dovecot()
    smtp = SmtpServer()
    smtp.start()
    try:
        user = POOL[-1]
        client = dovecot.imap(user, "pw")
        for n in range(count):
            client.append(
                "INBOX",
                None,
                None,
                customer_mail(f"Demande {n}", sender=f"Client {n} <c{n}@client.example>"),
            )
        client.logout()
        imap = ServerConf(
            host=dovecot.host, port=dovecot.port, security="none", user=user, password="pw"
        )
        outgoing = ServerConf(host=smtp.host, port=smtp.port, security="none")
        desk = fresh_desk(directory, "imap.sqlite", imap=imap, smtp=outgoing)
        started = time.perf_counter()
        report = run_once(desk)
        elapsed = time.perf_counter() - started
        print(
            f"IMAP sync: {report.new_tickets} mails -> tickets, {report.sent} "
            f"acknowledgements sent in {elapsed:.2f} s = {count / elapsed:.0f} mails/s "
            f"(fetch + store + ack + send)"
        )
        started = time.perf_counter()
        again = run_once(desk)
        print(
            f"IMAP re-sync with nothing new: {time.perf_counter() - started:.3f} s "
            f"({again.new_tickets} new)"
        )
    finally:
        smtp.stop()
        dovecot.stop()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        bench_import(tmp)
        bench_imap(tmp)
    close_store()
