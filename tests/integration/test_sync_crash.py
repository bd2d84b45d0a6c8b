"""Killing the sync at any moment loses no mail and doubles no ticket: the last UID is stored
in the same transaction as each mail, and a re-fetched mail is recognised by its bytes. (Each
restart runs on a clock past the killed run's mail lease, as a copy taking over would.)"""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from logeas_tui.core.services import mail_lease
from logeas_tui.core.store.connection import close_store, open_store
from logeas_tui.core.store.models import MAIL_IN, Message, Ticket
from tests.integration.mailflow import customer_mail, servers_config

pytestmark = pytest.mark.integration

SCRIPT = textwrap.dedent("""
    import sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path
    from logeas_tui.core import config
    from logeas_tui.core.services.mail_sync import run_once
    from logeas_tui.core.services.desk import Desk
    from logeas_tui.core.services.setup import ensure_setup
    from logeas_tui.core.store.connection import open_store
    conf = config.load(Path(sys.argv[1]))
    open_store(sys.argv[2])
    ensure_setup(conf)
    later = timedelta(seconds=float(sys.argv[3]))

    class Later:  # this run starts after the killed one's mail lease expired
        def now(self):
            return datetime.now(UTC) + later

    print(run_once(Desk(conf, Later())))
""")


def _tickets(db: Path | str) -> list[tuple[str, str]]:
    open_store(str(db))
    try:
        query = (
            Message.select(Ticket.number, Message.message_id)
            .join(Ticket, on=Message.ticket == Ticket.id)
            .where(Message.kind == MAIL_IN)
        )
        return list(query.tuples())
    finally:
        close_store()


def test_sync_killed_repeatedly_loses_and_doubles_nothing(tmp_path, db_path, dovecot, smtp_server):
    user = dovecot.new_account()
    mails = 250
    client = dovecot.imap(user, "pw")
    try:
        for n in range(mails):
            client.append(
                "INBOX",
                None,
                None,
                customer_mail(f"Demande {n}", sender=f"Client {n} <c{n}@client.example>"),
            )
    finally:
        client.logout()
    conf = servers_config(tmp_path, dovecot, smtp_server, user, language="fr")
    db = db_path
    rng = random.Random(7)
    kills = 0
    lease = mail_lease.LEASE.total_seconds()
    for run in range(6):
        proc = subprocess.Popen(
            [sys.executable, "-c", SCRIPT, str(conf), str(db), str(run * lease)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(rng.uniform(0.6, 2.0))
        if proc.poll() is None:
            proc.kill()
            kills += 1
        proc.wait(30)
    final = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(conf), str(db), str(6 * lease)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert final.returncode == 0, final.stderr
    assert kills >= 1, "the sync finished before any kill: the test proved nothing"

    rows = _tickets(db)
    message_ids = [m for _, m in rows]
    assert len(rows) == mails
    assert len(set(message_ids)) == mails
    assert len({n for n, _ in rows}) == mails
    assert "\\Seen" in dovecot.flags(user, "pw")[-1]
