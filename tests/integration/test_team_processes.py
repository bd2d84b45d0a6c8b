"""A team's set-up for real: two long-running mail workers (what each open app runs) and a cron
`logeas sync --once` every second, all on one store and one mailbox of 500 mails. The worker
holding the mail lease is killed with -9 mid-way: another copy takes the lease over, every mail
makes exactly one ticket, and no customer gets two acknowledgements."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from logeas_tui.core.services import mail_lease
from logeas_tui.core.store.connection import close_store, open_store
from logeas_tui.core.store.models import MAIL_IN, Lease, Message, Outbox, Ticket
from tests.integration.mailflow import customer_mail, received, servers_config

pytestmark = pytest.mark.integration

MAILS = 500


def _look(db: Path | str) -> tuple[str | None, int, int]:
    """(the lease holder, tickets, mails sent), read as any other copy would."""
    open_store(str(db))
    try:
        lease = Lease.get_or_none(Lease.name == mail_lease.MAIL)
        sent = Outbox.select().where(Outbox.sent_at.is_null(False)).count()
        return (lease.holder if lease else None), Ticket.select().count(), sent
    finally:
        close_store()


def _until(what, deadline: float):
    while time.monotonic() < deadline:
        got = what()
        if got:
            return got
        time.sleep(0.2)
    return None


def test_two_workers_and_a_cron_share_one_mailbox_through_a_kill(
    tmp_path, db_path, dovecot, smtp_server
):
    user = dovecot.new_account()
    client = dovecot.imap(user, "pw")
    try:
        for n in range(MAILS):
            raw = customer_mail(f"Demande {n}", sender=f"Client {n} <c{n}@client.example>")
            client.append("INBOX", None, None, raw)
    finally:
        client.logout()
    config = servers_config(tmp_path, dovecot, smtp_server, user, language="fr")
    config.write_text(config.read_text().replace("[smtp]", "poll_seconds = 5\n[smtp]"))
    open_store(str(db_path))  # the schema, once
    close_store()
    base = [sys.executable, "-m", "logeas_tui", "--db", str(db_path), "--config", str(config)]

    def start(*args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen([*base, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    workers = [start("sync"), start("sync")]
    crons: list[subprocess.Popen[bytes]] = []

    def cron() -> None:
        """`logeas sync --once`, started each second once the previous one has ended."""
        if not crons or (crons[-1].poll() is not None and time.monotonic() - since[0] >= 1):
            since[0] = time.monotonic()
            crons.append(start("sync", "--once"))

    since = [0.0]
    try:
        deadline = time.monotonic() + 120
        # a quarter through the mailbox, kill whichever worker holds the lease
        _until(lambda: cron() or _look(db_path)[1] >= MAILS // 4, deadline)

        def holding_worker() -> subprocess.Popen[bytes] | None:
            holder = _look(db_path)[0] or ""
            return next((w for w in workers if holder.endswith(f":{w.pid}")), None)

        victim = _until(holding_worker, deadline)
        for worker in workers:
            assert worker.poll() is None, worker.stderr and worker.stderr.read()
        assert victim is not None, "no worker took the lease"
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait(10)
        killed_at = time.monotonic()
        survivor = next(w for w in workers if w is not victim)

        def handed_over() -> bool:
            cron()
            holder = _look(db_path)[0]
            return holder is not None and not holder.endswith(f":{victim.pid}")

        assert _until(handed_over, deadline), "nobody took the lease over"
        assert time.monotonic() - killed_at < 60

        def all_in() -> bool:
            cron()
            _holder, tickets, sent = _look(db_path)
            return tickets == MAILS and sent + _claimed_by_the_dead(db_path, victim.pid) >= MAILS

        assert _until(all_in, deadline), _look(db_path)
        assert survivor.poll() is None, survivor.stderr and survivor.stderr.read()
    finally:
        for proc in workers:
            if proc.poll() is None:
                proc.terminate()
            proc.wait(30)
        for proc in crons:  # a cron run ends by itself
            proc.wait(60)
    for cron in crons:
        assert cron.returncode == 0, cron.stderr and cron.stderr.read()

    open_store(str(db_path))
    try:
        ids = [m.message_id for m in Message.select().where(Message.kind == MAIL_IN)]
        assert len(ids) == len(set(ids)) == MAILS  # every mail made exactly one ticket
        assert Ticket.select().count() == MAILS
    finally:
        close_store()
    per_customer = Counter(m["To"] for m in received(smtp_server))
    assert max(per_customer.values()) == 1  # never two acknowledgements
    # what the killed worker had claimed but not recorded as sent waits for its claim to go
    # stale (then it is sent by another copy); everything else went out
    assert len(per_customer) >= MAILS - 50


def _claimed_by_the_dead(db: Path | str, pid: int) -> int:
    open_store(str(db))
    try:
        return (
            Outbox.select()
            .where(Outbox.sent_at.is_null() & Outbox.claimed_by.endswith(f":{pid}"))
            .count()
        )
    finally:
        close_store()
