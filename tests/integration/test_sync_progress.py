"""A long first sync against the real Dovecot shows how far it got: the app's banner says
"Mail: 50 / 300" (French "Courrier : 200 / 1 200") while a sync of more than one chunk runs,
then "Mail synced at HH:MM"; `logeas sync` draws a bar on a terminal and only its summary on a
pipe.

The banner is observed mid-sync without racing the worker: the chunk is made small, the banner
is told every count (no throttle), and the worker is held after its second chunk — at its lease
renewal, once the store holds two chunks of tickets — until the test has seen the banner."""

from __future__ import annotations

import textwrap
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from logeas_tui import app as app_module
from logeas_tui.app import LogeasApp
from logeas_tui.core.services import mail_lease, mail_sync
from logeas_tui.core.store.models import Ticket
from logeas_tui.messages import MailProgress
from tests.integration.mailflow import customer_mail, mail_desk
from tests.servers import Dovecot
from tests.unit.test_cli_progress import bar, on_pipes, on_terminal

pytestmark = pytest.mark.integration


def _deliver(dovecot: Dovecot, user: str, count: int) -> None:
    mails = [
        customer_mail(f"Demande {n}", sender=f"client{n}@client.example") for n in range(count)
    ]
    dovecot.append_many(user, "pw", mails)


async def _until(pilot, condition, seconds: float = 180.0) -> bool:
    """Wait (the app running) until `condition` holds; the deadline guards a hang only: a
    thousand mails into PostgreSQL on a loaded 2-core machine took over 30 s."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await pilot.pause(0.02)
    return condition()


@pytest.mark.parametrize(
    ("language", "mails", "chunk", "mid_sync"),
    [("en", 300, 25, "Mail: 50 / 300"), ("fr", 1200, 100, "Courrier : 200 / 1\u00a0200")],
)
async def test_the_banner_counts_the_mails_of_a_long_first_sync(
    desk, dovecot, smtp_server, monkeypatch, language, mails, chunk, mid_sync
):
    desk, user = mail_desk(desk, dovecot, smtp_server)
    config = replace(desk.config, language=language, smtp=None)  # no acknowledgements to send
    desk = replace(desk, config=replace(config, imap=replace(config.imap, poll_seconds=3600)))
    _deliver(dovecot, user, mails)
    monkeypatch.setattr(mail_sync, "CHUNK", chunk)
    monkeypatch.setattr(app_module, "PROGRESS_EVERY_SECONDS", 0.0)  # every count reaches it

    held, go = threading.Event(), threading.Event()
    renew = mail_lease.take

    def take_after_two_chunks(desk):
        if not held.is_set() and Ticket.select().count() >= 2 * chunk:
            held.set()
            go.wait(60)
        return renew(desk)

    monkeypatch.setattr(mail_lease, "take", take_after_two_chunks)
    counts: list[tuple[int, int]] = []

    def hook(message):
        if isinstance(message, MailProgress):
            counts.append((message.done, message.total))

    app = LogeasApp(desk)
    async with app.run_test(size=(160, 40), message_hook=hook) as pilot:
        status = app.screen.query_one("#sync")
        try:
            assert await _until(pilot, held.is_set), str(status.render())
            assert await _until(pilot, lambda: mid_sync in str(status.render()))
            assert status.last_sync is None  # still the first sync
        finally:
            go.set()
        assert await _until(pilot, lambda: status.last_sync is not None)
        shown = str(status.render())
        assert shown.startswith("Mail synced at" if language == "en" else "Courrier synchronisé")
        assert "/" not in shown
    assert Ticket.select().count() == mails
    assert counts[0] == (0, mails) and (2 * chunk, mails) in counts
    assert [done for done, _ in counts] == sorted(done for done, _ in counts)


async def test_a_sync_of_one_chunk_shows_no_count(desk, dovecot, smtp_server, monkeypatch):
    desk, user = mail_desk(desk, dovecot, smtp_server)
    desk = replace(desk, config=replace(desk.config, smtp=None))
    _deliver(dovecot, user, 20)
    monkeypatch.setattr(mail_sync, "CHUNK", 20)
    counts: list[MailProgress] = []

    def hook(message):
        if isinstance(message, MailProgress):
            counts.append(message)

    app = LogeasApp(desk)
    async with app.run_test(size=(160, 40), message_hook=hook) as pilot:
        status = app.screen.query_one("#sync")
        assert await _until(pilot, lambda: status.last_sync is not None)
    assert Ticket.select().count() == 20
    assert counts == []  # one chunk of twenty: the banner keeps its usual words


def _imap_config(tmp_path: Path, dovecot: Dovecot, user: str) -> Path:
    path = tmp_path / f"{user}.toml"
    path.write_text(
        textwrap.dedent(f"""
        language = "en"
        [support]
        me = "Nicolas"
        [imap]
        host = "{dovecot.host}"
        port = {dovecot.port}
        security = "none"
        user = "{user}"
        password = "pw"
        """)
    )
    path.chmod(0o600)  # it holds a password
    return path


def test_logeas_sync_draws_a_bar_on_a_terminal_and_only_sums_up_on_a_pipe(tmp_path, dovecot):
    first, second = dovecot.new_account(), dovecot.new_account()
    _deliver(dovecot, first, 300)
    _deliver(dovecot, second, 300)

    place = ["--db", str(tmp_path / "one.sqlite"), "--config"]
    shown = on_terminal("sync", "--once", *place, str(_imap_config(tmp_path, dovecot, first)))
    assert shown.code == 0, shown.terminal
    assert bar("mails", 300, 300).search(shown.terminal), shown.terminal[-2000:]
    assert "300 new tickets, 0 customer replies" in shown.terminal

    place = ["--db", str(tmp_path / "two.sqlite"), "--config"]
    piped = on_pipes("sync", "--once", *place, str(_imap_config(tmp_path, dovecot, second)))
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith("300 new tickets, 0 customer replies")
    assert piped.stderr == ""
