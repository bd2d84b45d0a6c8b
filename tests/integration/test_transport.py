"""Sending through a real SMTP server (aiosmtpd) and reading through a real IMAP server
(Dovecot), both on loopback."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage

import pytest

from logeas_tui.core.mail.compose import build_message
from logeas_tui.core.mail.imap_connect import ImapSettings, connect
from logeas_tui.core.mail.transport import SmtpSettings, send_messages
from tests.servers import UTF8_PASSWORD, UTF8_USER, Dovecot, SmtpServer

pytestmark = pytest.mark.integration

WHEN = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def _ack(
    number: int = 1, body: str = "Votre demande a bien été reçue.\nÀ bientôt"
) -> tuple[EmailMessage, str]:
    return build_message(
        from_addr="support@logeas.fr",
        to="client@example.com",
        subject=f"[Ticket#2026112410000{number}] Accusé de réception",
        body=body,
        in_reply_to="<original-1@example.com>",
        references=["thread-0@example.com"],
        auto_submitted=True,
        loop_address="support@logeas.fr",
        message_id_domain="logeas.fr",
        date=WHEN,
    )


def _settings(server: SmtpServer, **changes: object) -> SmtpSettings:
    values: dict[str, object] = {"host": server.host, "port": server.port, "security": "none"}
    values.update(changes)
    return SmtpSettings(**values)  # type: ignore[arg-type]


def _received(server: SmtpServer, index: int = 0) -> EmailMessage:
    message = email.message_from_bytes(server.received[index].content, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_a_built_message_arrives_with_its_threading_and_loop_headers(
    smtp_server: SmtpServer,
) -> None:
    message, message_id = _ack()
    assert send_messages(_settings(smtp_server), [message]) == [None]

    assert len(smtp_server.received) == 1
    envelope = smtp_server.received[0]
    assert envelope.mail_from == "support@logeas.fr"
    assert envelope.rcpt_tos == ["client@example.com"]
    got = _received(smtp_server)
    assert got["Message-ID"] == f"<{message_id}>"
    assert got["In-Reply-To"] == "<original-1@example.com>"
    assert got["References"] == "<thread-0@example.com> <original-1@example.com>"
    assert got["Auto-Submitted"] == "auto-replied"
    assert got["X-Loop"] == "support@logeas.fr"
    assert got["Subject"] == "[Ticket#20261124100001] Accusé de réception"
    assert got.get_content_type() == "text/plain" and not got.is_multipart()
    text = got.get_content().replace("\r\n", "\n")  # CRLF is the wire's line ending
    assert text == "Votre demande a bien été reçue.\nÀ bientôt\n"
    assert b"<br" not in envelope.content


def test_several_messages_go_over_one_connection_each_with_its_own_message_id(
    smtp_server: SmtpServer,
) -> None:
    messages = [_ack(n, body="Same body") for n in range(1, 4)]
    assert send_messages(_settings(smtp_server), [m for m, _ in messages]) == [None] * 3
    ids = [_received(smtp_server, i)["Message-ID"] for i in range(3)]
    assert ids == [f"<{mid}>" for _, mid in messages]
    assert len(set(ids)) == 3


def test_a_stopped_server_gives_one_error_per_message_and_nothing_raises(
    smtp_server: SmtpServer,
) -> None:
    smtp_server.stop()
    results = send_messages(_settings(smtp_server, timeout=5), [_ack(1)[0], _ack(2)[0]])
    assert len(results) == 2
    assert all(r and f"127.0.0.1:{smtp_server.port}" in r for r in results)

    smtp_server.start()  # back on the same port: the outbox's retry then goes through
    assert send_messages(_settings(smtp_server), [_ack(3)[0]]) == [None]
    assert len(smtp_server.received) == 1


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # loopback only
def test_login_uses_the_user_name_as_given_and_a_wrong_password_is_an_error() -> None:
    server = SmtpServer(user="alice", password="secret")  # no "@": yagmail would add gmail.com
    server.start()
    try:
        good = _settings(server, user="alice", password="secret")
        assert send_messages(good, [_ack()[0]]) == [None]
        bad = send_messages(_settings(server, user="alice", password="wrong"), [_ack()[0]])
        assert bad[0] is not None and "535" in bad[0]
        anonymous = send_messages(_settings(server), [_ack()[0]])
        assert anonymous[0] is not None  # the server requires AUTH
        assert len(server.received) == 1
    finally:
        server.stop()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # loopback only
def test_a_non_ascii_password_logs_in_over_smtp() -> None:
    server = SmtpServer(user="alice", password=UTF8_PASSWORD)
    server.start()
    try:
        good = _settings(server, user="alice", password=UTF8_PASSWORD)
        assert send_messages(good, [_ack()[0]]) == [None]
        near = _settings(server, user="alice", password=UTF8_PASSWORD.replace("€", "e"))
        bad = send_messages(near, [_ack()[0]])
        assert bad[0] is not None and "535" in bad[0]
        assert len(server.received) == 1
    finally:
        server.stop()


def test_a_user_without_password_is_refused_without_prompting(smtp_server: SmtpServer) -> None:
    results = send_messages(_settings(smtp_server, user="alice", password=None), [_ack()[0]])
    assert results == ["no SMTP password configured for alice"]
    assert smtp_server.received == []


def test_tls_against_a_plain_server_fails_cleanly(smtp_server: SmtpServer) -> None:
    results = send_messages(_settings(smtp_server, security="ssl", timeout=5), [_ack()[0]])
    assert results[0] is not None and "cannot connect" in results[0]
    assert smtp_server.received == []


def _new_account(dovecot: Dovecot) -> ImapSettings:
    return ImapSettings(dovecot.host, dovecot.port, "none", dovecot.new_account(), "pw")


def test_imap_connect_fetches_an_appended_mail_without_marking_it_seen(dovecot: Dovecot) -> None:
    settings = _new_account(dovecot)
    message, message_id = _ack()
    dovecot.append(settings.user, settings.password, message.as_bytes())

    mailbox = connect(settings)
    try:
        mails = list(mailbox.fetch(mark_seen=False))
    finally:
        mailbox.logout()

    assert [m.headers["message-id"][0].strip("<>") for m in mails] == [message_id]
    assert [m.subject for m in mails] == ["[Ticket#20261124100001] Accusé de réception"]
    flags = dovecot.flags(settings.user, settings.password)
    assert len(flags) == 1 and "\\Seen" not in flags[0]

    mailbox = connect(settings)  # the check above can fail: a plain fetch does mark it
    try:
        list(mailbox.fetch())
    finally:
        mailbox.logout()
    assert "\\Seen" in dovecot.flags(settings.user, settings.password)[0]


def test_imap_connect_with_a_wrong_password_raises(dovecot: Dovecot) -> None:
    settings = _new_account(dovecot)
    connect(settings).logout()  # the account exists: only the password below is wrong
    wrong = ImapSettings(settings.host, settings.port, "none", settings.user, "nope")
    with pytest.raises(Exception, match="(?i)auth"):
        connect(wrong)


def test_imap_connect_with_a_non_ascii_password_logs_in(dovecot: Dovecot) -> None:
    settings = ImapSettings(dovecot.host, dovecot.port, "none", UTF8_USER, UTF8_PASSWORD)
    connect(settings).logout()
    wrong = ImapSettings(settings.host, settings.port, "none", UTF8_USER, "pässwörd")
    with pytest.raises(Exception, match="(?i)auth"):
        connect(wrong)
