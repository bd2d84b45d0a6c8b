"""Hand finished mail to the SMTP server: the one place that talks to yagmail.

Why yagmail, and why only this much of it: it connects (SSL or STARTTLS) and logs in, which is
worth reusing, but its message builder makes HTML multipart mail with `<br>` in the text and
repeats Message-IDs. So `compose` builds each message and this adapter sends it through
yagmail's logged-in `smtplib` connection (`client.smtp.send_message`). Three yagmail habits are
neutralised here: it never prompts for a password (no password means no login, or an error when
a user is set), a user name without "@" is not turned into a Gmail address, and its logger is
silenced (it writes to stderr, which would corrupt the terminal UI). The client is always
closed: an unclosed client once hung a test process at exit.

smtplib encodes AUTH in ASCII (a password such as "pässwörd€" raised UnicodeEncodeError), so a
user name or password that is not ASCII logs in with AUTH PLAIN in UTF-8 (RFC 4616).

TLS certificates are verified (smtplib does not by default). Errors never raise: each message gets None (sent) or an error text, so the outbox can keep the
failed ones and retry them later.
"""

from __future__ import annotations

import base64
import contextlib
import smtplib
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

import yagmail

from logeas_tui.core.mail.tls import SECURITIES, tls_context
from logeas_tui.core.sentences import Sentence


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # "none" | "starttls" | "ssl"
    user: str | None = None  # None: the server needs no login
    password: str | None = None
    timeout: float = 30.0  # seconds per network operation
    verify_certificate: bool = True  # False only for a known self-signed server


def _describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):  # the server's own words, not a tuple
        said = (
            exc.smtp_error.decode("utf-8", "replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        return Sentence("smtp.refused", code=exc.smtp_code, said=" ".join(said.split()))
    text = str(exc).strip() or "no detail"
    return f"{type(exc).__name__}: {text}"


class _Smtp(smtplib.SMTP):
    """smtplib's connection, logging in with AUTH PLAIN in UTF-8 when the user or password
    is not ASCII."""

    def login(
        self, user: str, password: str, *, initial_response_ok: bool = True
    ) -> tuple[int, bytes]:
        if user.isascii() and password.isascii():
            return super().login(user, password, initial_response_ok=initial_response_ok)
        self.ehlo_or_helo_if_needed()
        if "PLAIN" not in self.esmtp_features.get("auth", "").upper().split():
            raise smtplib.SMTPException(
                "the server does not offer AUTH PLAIN, which a non-ASCII password needs"
            )
        token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
        code, answer = self.docmd("AUTH", f"PLAIN {token}")
        if code not in (235, 503):  # 503: already authenticated
            raise smtplib.SMTPAuthenticationError(code, answer)
        return code, answer


class _SmtpSsl(_Smtp, smtplib.SMTP_SSL):
    pass


class _Yagmail(yagmail.SMTP):
    @property
    def connection(self) -> type[smtplib.SMTP]:
        return _SmtpSsl if self.ssl else _Smtp


def _client(settings: SmtpSettings) -> Any:
    context = tls_context(settings.verify_certificate)
    extra: dict[str, Any] = {"context": context} if settings.security == "ssl" else {}
    client = _Yagmail(
        user=settings.user or None,
        password=settings.password,
        host=settings.host,
        port=settings.port,
        smtp_ssl=settings.security == "ssl",
        smtp_starttls={"context": context} if settings.security == "starttls" else False,
        smtp_skip_login=not settings.user,
        soft_email_validation=False,
        timeout=settings.timeout,  # passed on to smtplib, like `extra`
        **extra,
    )
    client.set_logging(None)
    if settings.user:
        client.user = settings.user  # undo yagmail's "@gmail.com" completion
    return client


def _close(client: Any) -> None:
    with contextlib.suppress(Exception):  # the server may be gone; free the socket anyway
        client.close()
    connection = getattr(client, "smtp", None)
    if connection is not None:
        with contextlib.suppress(Exception):
            connection.close()
    client.is_closed = True


def _send_one(client: Any, message: EmailMessage) -> str | None:
    refused = client.smtp.send_message(message)
    if refused:
        return "refused: " + "; ".join(
            f"{addr} ({code} {text!r})" for addr, (code, text) in refused.items()
        )
    return None


def send_messages(settings: SmtpSettings, messages: Sequence[EmailMessage]) -> list[str | None]:
    """Send `messages` over one connection; per message None when sent, else the error text."""
    return list(send_each(settings, messages))


def send_each(
    settings: SmtpSettings, messages: Sequence[EmailMessage]
) -> Generator[str | None, None, None]:
    """Like `send_messages`, but each result is given as soon as that message was sent, so the
    caller can record it before the next one goes (a kill then resends at most one)."""
    if not messages:
        return
    if settings.security not in SECURITIES:
        yield from [Sentence("smtp.bad_security", security=settings.security)] * len(messages)
        return
    if settings.user and settings.password is None:
        yield from [Sentence("smtp.no_password", user=settings.user)] * len(messages)
        return
    where = f"{settings.host}:{settings.port}"
    client: Any = None
    try:
        client = _client(settings)
        client.login()
    except Exception as exc:
        if client is not None:
            _close(client)
        cannot = Sentence("smtp.cannot_connect", where=where, cause=_describe(exc))
        yield from [cannot] * len(messages)
        return
    try:
        for done, message in enumerate(messages):
            try:
                result = _send_one(client, message)
            except smtplib.SMTPServerDisconnected:
                try:  # reconnect and retry this message once; else give up on the rest
                    client.login()
                    result = _send_one(client, message)
                except Exception as exc:
                    lost = Sentence("smtp.lost", where=where, cause=_describe(exc))
                    yield from [lost] * (len(messages) - done)
                    break
            except Exception as exc:
                result = _describe(exc)
            yield result
    finally:
        _close(client)
