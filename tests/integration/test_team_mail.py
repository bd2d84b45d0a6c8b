"""One mail worker for the whole team, against the real servers: copies of the app and cron
`logeas sync` runs share one store, and each customer mail still makes one ticket and one
acknowledgement, each queued reply goes out once, whoever runs and however they overlap."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from dataclasses import replace

import pytest

from logeas_tui.core.services import answers, mail_lease
from logeas_tui.core.services.mail_sync import run_once
from logeas_tui.core.services.outbox import CLAIM_STALE, send_due
from logeas_tui.core.store import leases
from logeas_tui.core.store.claims import claim_outbox
from logeas_tui.core.store.connection import close_store, open_store
from tests.factories import stored_mail
from tests.integration.mailflow import (
    customer_mail,
    mail_desk,
    received,
    servers_config,
    ticket_count,
    unsent,
)

pytestmark = pytest.mark.integration

OTHER = "pc-atelier:4242"


def _queue_replies(desk, count: int) -> list[str]:
    numbers = []
    for n in range(count):
        number = stored_mail(
            desk, sender=f"r{n}@client.example", name=f"R {n}", subject=f"Ancienne {n}", body="b"
        )
        answers.reply(desk, number, f"Bonjour,\nRéponse {n}.\n")
        numbers.append(number)
    return numbers


def test_two_syncs_started_together_send_each_mail_once(
    tmp_path, db_path, desk, dovecot, smtp_server
):
    desk, user = mail_desk(desk, dovecot, smtp_server)
    mails, replies = 8, 4
    for n in range(mails):
        dovecot.append(user, "pw", customer_mail(f"Demande {n}", sender=f"c{n}@client.example"))
    _queue_replies(desk, replies)
    close_store()
    conf = servers_config(tmp_path, dovecot, smtp_server, user, language="en")
    db = db_path
    command = [sys.executable, "-m", "logeas_tui", "sync", "--once", "--db", str(db)]
    syncs = [
        subprocess.Popen(
            [*command, "--config", str(conf)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [proc.communicate(timeout=120) for proc in syncs]
    for proc, (out, err) in zip(syncs, outputs, strict=True):
        assert proc.returncode == 0, out + err

    open_store(str(db))
    assert ticket_count() == replies + mails  # every mail made exactly one ticket
    assert unsent() == 0
    per_customer = Counter(m["To"] for m in received(smtp_server))
    expected = [f"c{n}@client.example" for n in range(mails)]
    expected += [f"r{n}@client.example" for n in range(replies)]
    assert per_customer == Counter(expected)  # one acknowledgement or reply each, never two


def test_a_live_holder_keeps_the_mail_and_a_dead_ones_lease_is_taken_over(
    desk, clock, dovecot, smtp_server
):
    desk, user = mail_desk(desk, dovecot, smtp_server)
    dovecot.append(user, "pw", customer_mail("Impression impossible"))
    _queue_replies(desk, 1)
    now = desk.now()
    leases.take(mail_lease.MAIL, OTHER, now, now + mail_lease.LEASE)  # another copy runs

    report = run_once(desk)

    assert report.held_by == OTHER and report.error is None
    assert (report.new_tickets, report.sent) == (0, 0)
    assert ticket_count() == 1 and unsent() == 1 and received(smtp_server) == []

    clock.advance(mail_lease.LEASE)  # that copy died: nobody renewed its lease
    report = run_once(desk)

    assert report.held_by is None
    assert (report.new_tickets, report.sent) == (1, 2)  # the mail's ack, the queued reply
    assert len(received(smtp_server)) == 2 and unsent() == 0


def test_mail_claimed_by_another_sender_is_not_sent_until_its_claim_is_stale(
    desk, clock, dovecot, smtp_server
):
    desk, _user = mail_desk(desk, dovecot, smtp_server)
    _queue_replies(desk, 3)
    now = desk.now()
    assert len(claim_outbox(OTHER, now, stale_before=now, due_at=now)) == 3  # mid-send there

    assert send_due(desk, desk.config.smtp).sent == 0
    assert received(smtp_server) == []

    clock.advance(CLAIM_STALE)  # that sender died before recording what it sent
    assert send_due(desk, desk.config.smtp).sent == 3
    assert send_due(replace(desk, copy=OTHER), desk.config.smtp).sent == 0  # sent once
    assert len(received(smtp_server)) == 3
