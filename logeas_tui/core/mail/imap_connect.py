"""Open a logged-in IMAP mailbox from settings: the one place that picks imap-tools' class.

Why a helper: imap-tools has a class per security mode (`MailBox` is IMAPS only), and, like
imaplib under it, checks no TLS certificate unless it is given a context. Getting either wrong
would silently connect in clear text or accept any certificate, so it is decided once, here.
A failed login closes the socket before the error is raised. imaplib sends LOGIN in ASCII (a
password such as "pässwörd€" raised UnicodeEncodeError), so a user name or password that is not
ASCII logs in with AUTHENTICATE PLAIN in UTF-8 (RFC 4616), which the server must offer.

Every connection also lives under a `Deadline`: a per-read timeout alone lets a server that
drips one byte every few seconds (or sends `* OK` forever) hold a round for ever. When the
deadline passes, the socket is shut down from a timer thread, the blocked read returns, and
imaplib raises; the caller says the server was too slow and the next round resumes.
"""

from __future__ import annotations

import contextlib
import imaplib
import socket
import threading
from dataclasses import dataclass
from typing import Any

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


class Deadline:
    """Shuts down, at most `seconds` after `start()`, every IMAP socket opened under it."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.passed = False
        self._clients: list[imaplib.IMAP4] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._shut)
        self._timer.daemon = True

    def start(self) -> Deadline:
        self._timer.start()
        return self

    def cancel(self) -> None:
        self._timer.cancel()

    def watch(self, client: imaplib.IMAP4) -> None:
        with self._lock:
            self._clients.append(client)
            late = self.passed
        if late:
            self._shut()

    def _shut(self) -> None:
        with self._lock:
            self.passed = True
            clients = list(self._clients)
        for client in clients:
            with contextlib.suppress(OSError, AttributeError):
                client.sock.shutdown(socket.SHUT_RDWR)


_current = threading.local()  # the Deadline of the connection this thread is opening


class _Watched:
    """Registers the imaplib client with the thread's Deadline as soon as its socket exists
    (before the greeting is read: a server can drip that too). `client.sock` is looked up
    when the deadline passes, so a socket STARTTLS wrapped later is the one shut."""

    def _create_socket(self, timeout: float | None) -> socket.socket:
        sock: socket.socket = super()._create_socket(timeout)  # type: ignore[misc]
        deadline: Deadline | None = getattr(_current, "deadline", None)
        if deadline is not None:
            self.sock = sock
            deadline.watch(self)  # type: ignore[arg-type]
        return sock


class _IMAP4(_Watched, imaplib.IMAP4):
    pass


class _IMAP4_SSL(_Watched, imaplib.IMAP4_SSL):  # noqa: N801 (imaplib's name)
    pass


class _Plain(MailBoxUnencrypted):
    def _get_mailbox_client(self) -> imaplib.IMAP4:
        return _IMAP4(self._host, self._port, timeout=self._timeout)


class _StartTls(MailBoxStartTls):
    def _get_mailbox_client(self) -> imaplib.IMAP4:
        client = _IMAP4(self._host, self._port, timeout=self._timeout)
        status, detail = client.starttls(self._ssl_context)
        if status != "OK":
            raise imaplib.IMAP4.error(f"STARTTLS refused: {detail!r}")
        return client


class _Ssl(MailBox):
    def _get_mailbox_client(self) -> imaplib.IMAP4:
        return _IMAP4_SSL(
            self._host, self._port, ssl_context=self._ssl_context, timeout=self._timeout
        )


def connection_lost(exc: BaseException) -> bool:
    """Whether `exc` says an open connection broke (dropped by the server or the network),
    rather than that it could not be opened or that the server answered something wrong."""
    broken = imaplib.IMAP4.abort | ConnectionResetError | ConnectionAbortedError | BrokenPipeError
    return isinstance(exc, broken)


def connect(settings: ImapSettings, deadline: Deadline | None = None) -> BaseMailBox:
    """A mailbox logged in with `settings.folder` selected; raises on any failure. Under
    `deadline` (started by the caller), its socket is shut when the deadline passes."""
    if settings.security not in SECURITIES:
        raise ValueError(f"unknown IMAP security {settings.security!r}")
    mailbox: Any
    _current.deadline = deadline
    try:
        if settings.security == "ssl":
            context = tls_context(settings.verify_certificate)
            mailbox = _Ssl(
                settings.host, settings.port, timeout=settings.timeout, ssl_context=context
            )
        elif settings.security == "starttls":
            context = tls_context(settings.verify_certificate)
            mailbox = _StartTls(
                settings.host, settings.port, timeout=settings.timeout, ssl_context=context
            )
        else:
            mailbox = _Plain(settings.host, settings.port, timeout=settings.timeout)
    finally:
        _current.deadline = None
    try:
        return _login(mailbox, settings)
    except BaseException:
        with contextlib.suppress(Exception):
            mailbox.client.shutdown()
        raise


def _login(mailbox: Any, settings: ImapSettings) -> BaseMailBox:
    user, password, folder = settings.user, settings.password, settings.folder
    if user.isascii() and password.isascii():
        return mailbox.login(user, password, initial_folder=folder)
    if "AUTH=PLAIN" not in mailbox.client.capabilities:
        raise imaplib.IMAP4.error(
            f"{settings.host} does not offer AUTH=PLAIN, which a non-ASCII password needs"
        )
    return mailbox.login_utf8(user, password, initial_folder=folder)
