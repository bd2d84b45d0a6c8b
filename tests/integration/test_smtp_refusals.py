"""An SMTP server that refuses mail (a 4xx, then a 5xx) loses none of it: the round says why
in one sentence, the refused mail stays in the outbox, and a later round sends each mail once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from logeas_tui.core.services.mail_sync import run_once
from tests.integration.mailflow import customer_mail, mail_desk, received, ticket_count, unsent

pytestmark = pytest.mark.integration

REFUSALS = ["451 4.3.0 Mailbox busy, try again later", "554 5.7.1 Message refused"]


def test_refused_mail_is_kept_said_and_sent_once_on_a_later_round(
    desk, dovecot, smtp_server, clock
):
    desk, user = mail_desk(desk, dovecot, smtp_server)
    for n in range(3):
        dovecot.append(user, "pw", customer_mail(f"Demande {n}", sender=f"c{n}@client.example"))
    smtp_server.refusals.extend(REFUSALS)

    first = run_once(desk)
    assert ticket_count() == 3  # IMAP went on: the three mails are stored
    assert (first.sent, first.send_failed, unsent()) == (1, 2, 2)
    error = first.error or ""
    assert error.startswith("SMTP: ") and "\n" not in error and "Traceback" not in error
    assert "554 5.7.1 Message refused" in error, error  # the last refusal, as the server said it

    assert run_once(desk).sent == 0  # not due yet: retried with back-off, not hammered
    clock.advance(timedelta(minutes=1))
    second = run_once(desk)
    assert (second.sent, second.error, unsent()) == (2, None, 0)
    acks = [str(m["Message-ID"]) for m in received(smtp_server)]
    assert len(acks) == 3 and len(set(acks)) == 3  # each acknowledgement once
    assert sorted(str(m["To"]) for m in received(smtp_server)) == [
        f"c{n}@client.example" for n in range(3)
    ]
