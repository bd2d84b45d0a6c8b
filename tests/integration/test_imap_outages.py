"""A hostile or broken IMAP server cannot hold the mail worker: a server that drips its greeting
one byte at a time, or keeps answering `* OK` without ever finishing the login, is cut off at
the round's deadline, the round says so, and the outbox is still sent over SMTP."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest

from logeas_tui.core.config import ServerConf
from logeas_tui.core.services import answers, mail_sync
from logeas_tui.core.services.mail_sync import run_once
from tests.factories import stored_mail
from tests.integration.mailflow import received, unsent
from tests.servers import HOST

pytestmark = pytest.mark.integration
HANG = 120  # seconds after which the round is taken for hung (its deadline here is 2 s)


class SlowServer:
    """Accepts connections and, on each, sends `chunks` one every `every` seconds, for ever."""

    def __init__(self, chunks: Iterator[bytes], every: float) -> None:
        self.chunks, self.every = chunks, every
        self.listener = socket.create_server((HOST, 0))
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        with conn:
            for chunk in self.chunks:
                if self.stop.wait(self.every):
                    return
                try:
                    conn.sendall(chunk)
                except OSError:
                    return

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


def drip_greeting() -> Iterator[bytes]:
    while True:
        yield from (bytes([b]) for b in b"* OK IMAP4rev1 ready, slowly, very slowly...")


def ok_forever() -> Iterator[bytes]:
    yield b"* OK IMAP4rev1 ready\r\n"
    while True:  # whatever the client asks, an untagged OK and never the tagged answer
        yield b"* OK still thinking\r\n"


@pytest.mark.parametrize("chunks", [drip_greeting, ok_forever], ids=["drip", "keepalive"])
def test_a_server_that_never_finishes_is_cut_off_and_the_outbox_still_goes(
    desk, smtp_server, monkeypatch, chunks
):
    monkeypatch.setattr(mail_sync, "ROUND_SECONDS", 2.0)
    server = SlowServer(chunks(), every=0.3)
    try:
        imap = ServerConf(HOST, server.port, "none", "u", "p", poll_seconds=5)
        smtp = ServerConf(smtp_server.host, smtp_server.port, "none")
        desk = replace(desk, config=replace(desk.config, imap=imap, smtp=smtp))
        number = stored_mail(desk, sender="c@client.example", name="C", subject="S", body="b")
        answers.reply(desk, number, "Bonjour,\nla réponse.\n")
        waiting = unsent()
        reports: list[mail_sync.SyncReport] = []
        worker = threading.Thread(target=lambda: reports.append(run_once(desk)), daemon=True)
        worker.start()
        worker.join(HANG)
    finally:
        server.close()
    assert not worker.is_alive(), "the sync hung on the server"
    (report,) = reports
    assert report.error and "did not finish within 2 s" in report.error, report.error
    assert report.sent == waiting and unsent() == 0  # IMAP's trouble did not stop SMTP
    assert len(received(smtp_server)) == waiting
