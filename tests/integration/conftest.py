"""Real servers on loopback: one Dovecot for the whole session (a fresh user per test) and a
fresh SMTP server per test. Both are stopped in finalizers so no process outlives the suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers import Dovecot, SmtpServer, dovecot_binary, start_dovecot


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    if dovecot_binary() is None:
        pytest.skip("Dovecot is not installed (apt-get install dovecot-imapd): IMAP test skipped")
    server = start_dovecot()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
