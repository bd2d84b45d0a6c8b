"""No automatic mail to automatic mail, nor to addresses no person reads."""

from __future__ import annotations

import pytest

from logeas_tui.core.mail.loopguard import forbidden_recipient, is_automatic
from logeas_tui.core.mail.parse import parse_message

OWN = ("support@logeas.fr", "Secretariat@logeas.fr")


def _mail(*headers: str) -> bytes:
    return "\r\n".join(["From: client@example.com", "Subject: s", *headers, "", "b"]).encode()


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("Auto-Submitted: auto-replied", "Auto-Submitted: auto-replied"),
        ("Auto-Submitted: auto-generated; type=vacation", "Auto-Submitted: auto-generated"),
        ("Precedence: bulk", "Precedence: bulk"),
        ("Precedence: LIST", "Precedence: list"),
        ("Precedence: junk", "Precedence: junk"),
        ("List-Id: <annonces.example.com>", "List-Id"),
        ("List-Unsubscribe: <mailto:leave@example.com>", "List-Unsubscribe"),
        ("X-Loop: support@logeas.fr", "X-Loop"),
        ("Return-Path: <>", "empty Return-Path"),
        ("X-Autoreply: yes", "X-Autoreply"),
        ("X-Auto-Response-Suppress: All", "X-Auto-Response-Suppress"),
    ],
)
def test_automatic_mail_is_recognised(header: str, reason: str) -> None:
    found = is_automatic(parse_message(_mail(header)))
    assert found is not None and reason in found


@pytest.mark.parametrize(
    "headers",
    [
        [],
        ["Auto-Submitted: no"],
        ["Auto-Submitted: No"],
        ["Precedence: first-class"],
        ["Return-Path: <client@example.com>"],
        ["X-Auto-Response-Suppress: DR, RN"],
    ],
)
def test_a_person_s_mail_is_not_automatic(headers: list[str]) -> None:
    assert is_automatic(parse_message(_mail(*headers))) is None


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("MAILER-DAEMON@mx.example.com", "mailer-daemon"),
        ("mailer_daemon@example.com", "mailer-daemon"),
        ("postmaster@example.com", "postmaster"),
        ("noreply@example.com", "no-reply"),
        ("no-reply@example.com", "no-reply"),
        ("no_reply@example.com", "no-reply"),
        ("DoNotReply@example.com", "no-reply"),
        ("do-not-reply@example.com", "no-reply"),
        ("notifications-noreply@example.com", "no-reply"),
        ("support@logeas.fr", "our own address"),
        ("<SUPPORT@LOGEAS.FR>", "our own address"),
        ("secretariat@logeas.fr", "our own address"),
        ("support+ticket@logeas.fr", "our own address"),
        ("0123456789@logeas.fr", "phone placeholder"),
        ("+33123456789@LoGeAs.fr", "phone placeholder"),
        ("", "not an e-mail address"),
        ("client", "not an e-mail address"),
    ],
)
def test_forbidden_recipients(address: str, reason: str) -> None:
    found = forbidden_recipient(address, OWN, "logeas.fr")
    assert found is not None and reason in found


@pytest.mark.parametrize(
    "address",
    [
        "client@example.com",
        "nicolas@logeas.fr",  # a person at our domain, not a system address
        "0123456789@example.com",  # digits at another domain are a real mailbox
        "casino-reply@example.com",  # "no-reply" inside a word
        "postmasters-club@example.com",
        "daemon@example.com",
    ],
)
def test_ordinary_recipients_are_allowed(address: str) -> None:
    assert forbidden_recipient(address, OWN, "logeas.fr") is None
