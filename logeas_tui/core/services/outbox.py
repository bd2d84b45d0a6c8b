"""Sending the outbox. Every outgoing mail was written to the outbox in the same transaction as
the ticket change; this sends what is due, marks each sent mail at once (never sent twice), and
keeps a failed one with its error, retried with back-off (or at once when forced).

Each batch is first claimed in the store for this copy (core.store.claims), and only claimed
rows are handed to SMTP: two copies sending at once never send the same mail. A claim older
than CLAIM_STALE belongs to a copy that died mid-send and is taken again."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

from logeas_tui.core.config import ServerConf
from logeas_tui.core.mail.transport import SmtpSettings, send_each
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import outbox_queries
from logeas_tui.core.store.claims import claim_outbox, unclaim
from logeas_tui.core.store.models import Outbox
from logeas_tui.core.store.tx import writing
from logeas_tui.texts import Catalog

BATCH = 50
CLAIM_STALE = timedelta(minutes=5)


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min … capped at one hour."""
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


def smtp_settings(conf: ServerConf) -> SmtpSettings:
    return SmtpSettings(
        host=conf.host,
        port=conf.port,
        security=conf.security,
        user=conf.user,
        password=conf.resolve_password(),
    )


@dataclass(frozen=True)
class SendReport:
    sent: int
    failed: int
    waiting: int
    error: str | None


def send_due(desk: Desk, conf: ServerConf, *, force: bool = False) -> SendReport:
    """Send the outbox mail that is due (all unsent mail when `force`) and that this copy
    could claim."""
    now = desk.now()
    sent = failed = 0
    last_error = None
    settings: SmtpSettings | None = None  # the password is read only when there is mail
    after = 0
    while chunk := claim_outbox(
        desk.copy,
        desk.now(),
        stale_before=desk.now() - CLAIM_STALE,
        due_at=None if force else now,
        after_id=after,
        limit=BATCH,
    ):
        after = chunk[-1].id
        settings = settings or smtp_settings(conf)
        results = send_each(settings, [_as_message(o.raw) for o in chunk])
        with contextlib.closing(results):
            for item, error in zip(chunk, results, strict=True):
                with writing():  # recorded before the next mail goes: a kill resends one
                    attempts = item.attempts + 1
                    if error is None:
                        Outbox.update(
                            sent_at=desk.now(),
                            attempts=attempts,
                            last_error=None,
                            next_attempt=None,
                        ).where(Outbox.id == item.id).execute()
                        sent += 1
                    else:
                        said = Catalog(desk.config.language).say(error)  # stored as read
                        Outbox.update(
                            attempts=attempts,
                            last_error=said[:500],
                            next_attempt=now + backoff(attempts),
                        ).where(Outbox.id == item.id).execute()
                        unclaim(item.id, desk.copy)
                        failed += 1
                        last_error = error
    return SendReport(sent, failed, outbox_queries.outbox_waiting(), last_error)


def _as_message(raw: bytes) -> EmailMessage:
    message = message_from_bytes(bytes(raw), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message
