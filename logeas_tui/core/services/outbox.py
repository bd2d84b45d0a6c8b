"""Sending the outbox. Every outgoing mail was written to the outbox in the same transaction as
the ticket change; this sends what is due, marks each sent mail at once (never sent twice), and
keeps a failed one with its error, retried with back-off (or at once when forced)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

from logeas_tui.core.config import ServerConf
from logeas_tui.core.mail.transport import SmtpSettings, send_messages
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import Outbox
from logeas_tui.core.store.tx import writing

BATCH = 50


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
    """Send the outbox mail that is due (all unsent mail when `force`)."""
    now = desk.now()
    query = Outbox.select().where(Outbox.sent_at.is_null())
    if not force:
        query = query.where(Outbox.next_attempt.is_null() | (Outbox.next_attempt <= now))
    due = list(query.order_by(Outbox.id))
    sent = failed = 0
    last_error = None
    settings = smtp_settings(conf) if due else None
    for start in range(0, len(due), BATCH):
        chunk = due[start : start + BATCH]
        messages = [_as_message(o.raw) for o in chunk]
        assert settings is not None
        errors = send_messages(settings, messages)
        with writing():
            for item, error in zip(chunk, errors, strict=True):
                attempts = item.attempts + 1
                if error is None:
                    Outbox.update(
                        sent_at=desk.now(), attempts=attempts, last_error=None, next_attempt=None
                    ).where(Outbox.id == item.id).execute()
                    sent += 1
                else:
                    Outbox.update(
                        attempts=attempts,
                        last_error=error[:500],
                        next_attempt=now + backoff(attempts),
                    ).where(Outbox.id == item.id).execute()
                    failed += 1
                    last_error = error
    return SendReport(sent, failed, queries.outbox_waiting(), last_error)


def _as_message(raw: bytes) -> EmailMessage:
    message = message_from_bytes(bytes(raw), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message
