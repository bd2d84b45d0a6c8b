"""Open a logged-in IMAP mailbox from settings: the one place that picks imap-tools' class.

Why a helper: imap-tools has a class per security mode (`MailBox` is IMAPS only), and, like
imaplib under it, checks no TLS certificate unless it is given a context. Getting either wrong
would silently connect in clear text or accept any certificate, so it is decided once, here.
A failed login closes the socket before the error is raised.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from imap_tools import BaseMailBox, MailBox, MailBoxStartTls, MailBoxUnencrypted

from logeas_tui.core.mail.tls import SECURITIES, tls_context


@dataclass(frozen=True)
class ImapSettings:
    host: str
    port: int
    security: str  # "none" | "starttls" | "ssl"
    user: str
    password: str
    folder: str = "INBOX"
    timeout: float = 30.0  # seconds per network operation
    verify_certificate: bool = True  # False only for a known self-signed server


def connect(settings: ImapSettings) -> BaseMailBox:
    """A mailbox logged in with `settings.folder` selected; raises on any failure."""
    if settings.security not in SECURITIES:
        raise ValueError(f"unknown IMAP security {settings.security!r}")
    mailbox: BaseMailBox
    if settings.security == "ssl":
        context = tls_context(settings.verify_certificate)
        mailbox = MailBox(
            settings.host, settings.port, timeout=settings.timeout, ssl_context=context
        )
    elif settings.security == "starttls":
        context = tls_context(settings.verify_certificate)
        mailbox = MailBoxStartTls(
            settings.host, settings.port, timeout=settings.timeout, ssl_context=context
        )
    else:
        mailbox = MailBoxUnencrypted(settings.host, settings.port, timeout=settings.timeout)
    try:
        return mailbox.login(settings.user, settings.password, initial_folder=settings.folder)
    except BaseException:
        with contextlib.suppress(Exception):
            mailbox.client.shutdown()
        raise
