"""Helpers for the mail-flow tests: a desk wired to the test Dovecot account and SMTP server,
and customer mails built the way a mail client would."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from logeas_tui.core.config import Config, ServerConf
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store.models import Outbox, Ticket
from tests.servers import Dovecot, SmtpServer


def mail_desk(
    desk: Desk, dovecot: Dovecot, smtp: SmtpServer, **support: object
) -> tuple[Desk, str]:
    """The desk, pointed at a fresh IMAP user and the SMTP server; returns (desk, imap user)."""
    user = dovecot.new_account()
    imap = ServerConf(
        host=dovecot.host,
        port=dovecot.port,
        security="none",
        user=user,
        password="pw",
        folder="INBOX",
        poll_seconds=1,
    )
    outgoing = ServerConf(host=smtp.host, port=smtp.port, security="none")
    config: Config = replace(desk.config, imap=imap, smtp=outgoing, **support)  # type: ignore[arg-type]
    return replace(desk, config=config), user


def customer_mail(
    subject: str,
    body: str = "Bonjour,\nLoGeAs ne démarre plus.\n",
    *,
    sender: str = "Jean Client <jean@client.example>",
    headers: dict[str, str] | None = None,
    in_reply_to: str | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "support@logeas.fr"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(__import__("datetime").datetime.now().astimezone())
    msg["Message-ID"] = make_msgid(domain="client.example")
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(body)
    return msg.as_bytes()


def received(smtp: SmtpServer) -> list[EmailMessage]:
    out = []
    for envelope in smtp.received:
        msg = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        out.append(msg)
    return out


def body_of(msg: EmailMessage) -> str:
    part = msg.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def ticket_count() -> int:
    return int(Ticket.select().count())


def unsent() -> int:
    return int(Outbox.select().where(Outbox.sent_at.is_null()).count())


def servers_config(
    tmp_path: Path, dovecot: Dovecot, smtp: SmtpServer, user: str, *, language: str = "en"
) -> Path:
    """A settings file pointing the command line at the suite's Dovecot and SMTP server."""
    path = tmp_path / "config.toml"
    path.write_text(
        textwrap.dedent(f"""
        language = "{language}"
        [support]
        me = "Nicolas"
        [imap]
        host = "{dovecot.host}"
        port = {dovecot.port}
        security = "none"
        user = "{user}"
        password = "pw"
        [smtp]
        host = "{smtp.host}"
        port = {smtp.port}
        security = "none"
    """)
    )
    return path
