"""A hostile or broken IMAP server cannot hold the mail worker: a server that drips its greeting
one byte at a time, or keeps answering `* OK` without ever finishing the login, is cut off at
the round's deadline, the round says so, and the outbox is still sent over SMTP.

Outages of the real Dovecot, staged by a proxy (tests/proxy.py): every byte delayed, the
connection dropped mid-fetch, the connection frozen mid-fetch. The round ends by its deadline
with one sentence, the next round retries, and every mail is stored and acknowledged once —
through `run_once` and through the running app's mail worker."""

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
from tests.integration.mailflow import customer_mail, mail_desk, received, ticket_count, unsent
from tests.proxy import DROP, FREEZE, SLOW, Fault, Proxy
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


MAILS = 40  # ~25 KB of mail: at 0.2 ms a byte, its fetch alone outlasts the 2 s deadline
FAULTS = {
    "slow": (Fault(SLOW, delay=0.0002), "did not finish within 2 s"),
    "drop": (Fault(DROP, budget=6000), "the connection to 127.0.0.1 was lost"),
    "freeze": (Fault(FREEZE, budget=6000), "did not finish within 2 s"),
}


def _round(desk) -> mail_sync.SyncReport:
    reports: list[mail_sync.SyncReport] = []
    worker = threading.Thread(target=lambda: reports.append(run_once(desk)), daemon=True)
    worker.start()
    worker.join(HANG)
    assert not worker.is_alive(), "the round hung"
    return reports[0]


def _behind_proxy(desk, dovecot, smtp_server, fault: Fault):
    """The desk's IMAP account, filled with MAILS customer mails, reached through a proxy."""
    desk, user = mail_desk(desk, dovecot, smtp_server)
    mails = [
        customer_mail(f"Demande {n}", sender=f"C{n} <c{n}@client.example>") for n in range(MAILS)
    ]
    dovecot.append_many(user, "pw", mails)
    proxy = Proxy(dovecot.port, fault)
    imap = replace(desk.config.imap, host=proxy.host, port=proxy.port)
    return replace(desk, config=replace(desk.config, imap=imap)), proxy


def _each_mail_stored_and_acknowledged_once(smtp_server) -> None:
    assert ticket_count() == MAILS
    acks = [str(m["Message-ID"]) for m in received(smtp_server)]
    assert len(acks) == MAILS and len(set(acks)) == MAILS
    assert sorted(str(m["To"]) for m in received(smtp_server)) == sorted(
        f"c{n}@client.example" for n in range(MAILS)
    )


def _one_sentence(error: str | None) -> str:
    assert error and "\n" not in error and "Traceback" not in error, error
    return error


@pytest.mark.parametrize("name", FAULTS)
def test_an_imap_outage_ends_the_round_by_its_deadline_and_the_next_round_loses_nothing(
    desk, dovecot, smtp_server, monkeypatch, name
):
    fault, said = FAULTS[name]
    monkeypatch.setattr(mail_sync, "ROUND_SECONDS", 2.0)
    desk, proxy = _behind_proxy(desk, dovecot, smtp_server, fault)
    try:
        first = _round(desk)
        assert said in _one_sentence(first.error)
        assert ticket_count() < MAILS  # the outage struck before the round was through
        assert proxy.faults_struck == (0 if fault.kind == SLOW else 1)
        proxy.heal()
        second = _round(desk)
    finally:
        proxy.close()
    assert second.error is None, second.error
    _each_mail_stored_and_acknowledged_once(smtp_server)


async def test_the_app_shows_a_frozen_server_and_its_next_round_brings_everything(
    desk, dovecot, smtp_server, monkeypatch
):
    from logeas_tui.app import LogeasApp
    from tests.integration.test_app_mail import _until

    monkeypatch.setattr(mail_sync, "ROUND_SECONDS", 2.0)
    desk, proxy = _behind_proxy(desk, dovecot, smtp_server, Fault(FREEZE, budget=6000))
    hour = replace(desk.config.imap, poll_seconds=3600)  # only "sync now" starts a round
    desk = replace(desk, config=replace(desk.config, imap=hour))
    app = LogeasApp(desk)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            status = app.screen.query_one("#sync")
            assert await _until(pilot, lambda: status.error is not None, tries=HANG * 50)
            assert "did not finish within 2 s" in _one_sentence(status.error)
            assert "did not finish within 2 s" in str(status.render())
            proxy.heal()
            await pilot.press("s")  # sync now
            assert await _until(pilot, lambda: ticket_count() == MAILS, tries=HANG * 50)
            assert await _until(pilot, lambda: status.error is None)
            assert await _until(pilot, lambda: len(smtp_server.received) == MAILS)
    finally:
        proxy.close()
    _each_mail_stored_and_acknowledged_once(smtp_server)
