"""The app never crashes on a store that is busy or unreachable: the action is refused with a
notice and the app goes on. An error nobody expected ends it with status 1, one sentence and a
report file — never a traceback with the frames' local variables (settings, passwords)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from logeas_tui.app import LogeasApp
from logeas_tui.core.config import Secret
from tests.ui.conftest import settle
from tests.ui.test_main import notifications

SIZE = (120, 40)


async def test_a_write_that_waits_too_long_for_the_lock_is_a_notice_not_a_crash(
    app: LogeasApp, db_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        other = sqlite3.connect(db_path, isolation_level=None)  # a long import, say
        other.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("enter")  # opening a ticket marks it seen: a write
            for _ in range(600):  # the store's busy timeout is 10 s
                await pilot.pause(0.05)
                if any("The store is busy" in n for n in notifications(app)):
                    break
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert any("The store is busy or unreachable" in n for n in notifications(app))
        assert app.is_running and app.return_code is None
        await pilot.press("escape", "enter")  # the lock is free: it opens now
        await settle(pilot)
        assert app.main_screen is not None and app.main_screen.detail.number is not None


async def test_an_unexpected_error_ends_with_status_1_a_sentence_and_no_locals(
    app: LogeasApp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    password = Secret("hunter2-s3cret")

    def boom() -> None:
        secret_in_a_frame = password + "!"  # noqa: F841 (a local Textual would have printed)
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):  # Pilot re-raises it for the test
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            app.call_later(boom)
            await pilot.pause(0.5)
    assert app.return_code == 1
    said = " ".join(capsys.readouterr().err.split())  # as printed, folded to the width
    assert "logeas stopped on an unexpected error (RuntimeError: boom)" in said
    assert "hunter2" not in said
    reports = list(tmp_path.rglob("crash-*.txt"))
    assert len(reports) == 1 and "hunter2" not in reports[0].read_text()
    assert "RuntimeError: boom" in reports[0].read_text()


async def test_the_screen_answers_keys_while_a_write_waits_for_the_store_and_the_write_then_lands(
    app: LogeasApp, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A confirmed close waits for a lock another process holds: meanwhile the help opens on
    its key (the event loop is free), and once the lock is released the close is done."""
    from logeas_tui.core.store.models import Ticket, db
    from logeas_tui.screens.help import HelpScreen

    # the write must wait for us, not give up: a long busy timeout on the app's connections
    longer = [(k, 600_000 if k == "busy_timeout" else v) for k, v in db.obj._pragmas]
    monkeypatch.setattr(db.obj, "_pragmas", longer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = app.main_screen
        assert main is not None and main.selected is not None
        number = main.selected.number
        await pilot.press("c")  # close: the confirmation opens
        await settle(pilot)
        other = sqlite3.connect(db_path, isolation_level=None)  # a long import, say
        other.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("y")  # confirmed: the close now waits for the lock
            await pilot.press("question_mark")
            for _ in range(600):
                await pilot.pause(0.05)
                if isinstance(app.screen, HelpScreen):
                    break
            assert isinstance(app.screen, HelpScreen), "the key waited for the write"
            state = other.execute("SELECT state FROM ticket WHERE number = ?", (number,))
            assert state.fetchone()[0] != "closed successful"  # still waiting: not written
        finally:
            other.execute("ROLLBACK")
            other.close()
        await pilot.press("escape")
        for _ in range(600):
            await pilot.pause(0.05)
            if any(number in n and "closed" in n.lower() for n in notifications(app)):
                break
        assert not any("busy" in n for n in notifications(app))
        assert Ticket.get(Ticket.number == number).state.startswith("closed")


async def test_a_note_on_a_full_disk_is_a_notice_saying_so_and_nothing_is_written(
    app: LogeasApp, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills while the app runs: saving a note says "the disk … is full" in one
    notice (not "cannot rollback"), the app goes on, and the ticket is as it was."""
    from textual.widgets import TextArea

    from logeas_tui.core.store.models import Message, Ticket, db

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = app.main_screen
        assert main is not None and main.selected is not None
        number = main.selected.number
        ticket = Ticket.get(Ticket.number == number)
        before = Message.select().where(Message.ticket == ticket).count()
        with sqlite3.connect(db_path) as con:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            pages = con.execute("PRAGMA page_count").fetchone()[0]
        # from now on, every new connection (each write runs on its own) cannot grow the file
        full = [*db.obj._pragmas, ("max_page_count", pages)]
        monkeypatch.setattr(db.obj, "_pragmas", full)
        await pilot.press("n")
        await settle(pilot)
        editor = app.screen.query_one(TextArea)
        editor.load_text("Le client rappelle : toujours en panne.\n" * 20_000)  # a paste, say
        await pilot.press("ctrl+s")
        for _ in range(600):
            await pilot.pause(0.05)
            if any("disk" in n for n in notifications(app)):
                break
        said = notifications(app)
        assert any("The disk holding the store is full" in n for n in said), said
        assert any(str(db_path) in n for n in said), said
        assert not any("rollback" in n for n in said), said
        assert app.is_running and app.return_code is None
    monkeypatch.undo()
    assert Message.select().where(Message.ticket == ticket).count() == before
