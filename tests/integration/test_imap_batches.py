"""Mail is fetched in FETCHes of bounded size (a big one alone): the sizes the server gives are
read first, and whatever the batches, every mail arrives whole and in order."""

from __future__ import annotations

import pytest

from logeas_tui.core.mail import imap_fetch
from logeas_tui.core.mail.imap_connect import Deadline
from logeas_tui.core.mail.imap_fetch import Folder, imap_settings
from logeas_tui.core.services.mail_sync import run_once
from logeas_tui.core.store import raw_mails
from logeas_tui.core.store.models import MAIL_IN, Message
from tests.integration.mailflow import customer_mail, mail_desk

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("budget", [1, 6_000, imap_fetch.BATCH_BYTES])
def test_every_mail_arrives_whole_whatever_the_batch_budget(
    desk, dovecot, smtp_server, monkeypatch, budget
):
    desk, user = mail_desk(desk, dovecot, smtp_server)
    mails = [
        customer_mail(f"Demande {n}", body="ligne\n" * (n * 400), sender=f"c{n}@client.example")
        for n in range(6)
    ]
    for raw in mails:
        dovecot.append(user, "pw", raw)
    deadline = Deadline(60).start()
    try:
        with Folder(imap_settings(desk.config.imap), deadline) as folder:
            uids = folder.uids_after(0)
            sizes = folder.sizes(uids)
    finally:
        deadline.cancel()
    assert sorted(sizes.values()) == sorted(len(r.replace(b"\n", b"\r\n")) for r in mails)

    monkeypatch.setattr(imap_fetch, "BATCH_BYTES", budget)
    report = run_once(desk)

    assert report.error is None and report.new_tickets == 6
    stored = [
        raw_mails.read(m.id) or b""
        for m in Message.select().where(Message.kind == MAIL_IN).order_by(Message.id)
    ]
    assert [s.replace(b"\r\n", b"\n") for s in stored] == mails
