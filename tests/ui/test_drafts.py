"""Nothing a technician typed is lost: a reply, note or request being written is a draft on the
ticket until it is sent or discarded — Esc keeps it, the same key offers it again, a new copy
of the app (after a crash) finds it — and a save key right after fast typing or a paste stores
every character."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.driver import Driver
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from logeas_tui.app import LogeasApp
from logeas_tui.core.services import drafts
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.connection import close_store, open_store
from logeas_tui.core.store.models import MAIL_OUT, NOTE
from logeas_tui.screens.compose import ComposeScreen, ReviewScreen
from logeas_tui.screens.dialogs import ConfirmScreen
from logeas_tui.screens.main import MainScreen
from tests.ui.conftest import Seeded, settle
from tests.ui.harness import Harness, mail_ticket
from tests.ui.test_live import detail_text
from tests.ui.test_main import notifications

SIZE = (120, 40)
LONG = " ".join(f"mot{i}" for i in range(120)) + " — et les derniers mots."
ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 30  # seconds: a guard against a hang, never a measure


async def until_screen(pilot: Pilot, kind: type) -> None:
    for _ in range(200):
        await pilot.pause()
        if isinstance(pilot.app.screen, kind):
            return
    raise AssertionError(f"{kind.__name__} never came: {type(pilot.app.screen).__name__}")


def bodies(desk: Desk, number: str, kind: str) -> list[str]:
    view = queries.ticket_view(number, me=desk.who, now=desk.now())
    assert view is not None
    return [m.body for m in view.messages if m.kind == kind]


def notes(desk: Desk, number: str) -> list[str]:
    return bodies(desk, number, NOTE)


def draft_text(desk: Desk, number: str, kind: str) -> str | None:
    found = drafts.draft(desk, number, kind)
    return None if found is None else found.body


async def until(pilot: Pilot, condition: Callable[[], bool]) -> None:
    """Wait (the app running) until `condition` holds; a generous deadline guards a hang."""
    deadline = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < deadline, "never came"
        await pilot.pause(0.05)


def shown(app: Harness | LogeasApp) -> str:
    return " ".join(str(s.render()) for s in app.screen.query(Static))


def at_machine_speed(pilot: Pilot, *sent: events.Event) -> None:
    """Events as a terminal delivers them in one read (a paste, a burst of keys, then ctrl+s):
    all queued at once, none waited for."""
    driver = pilot.app._driver
    assert isinstance(driver, Driver)
    for event in sent:
        driver.send_message(event)


async def test_ctrl_s_right_after_a_paste_saves_the_whole_note_once(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Lenteurs")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("note", number)
        await until_screen(pilot, ComposeScreen)
        ctrl_s = events.Key("ctrl+s", None)
        at_machine_speed(pilot, events.Paste(LONG), ctrl_s, events.Key("ctrl+s", None))
        await asyncio.wait_for(worker.wait(), timeout=10)
        assert worker.result == number
        await pilot.pause()
        assert app.is_running and len(app.screen_stack) == 1  # the second ctrl+s did nothing
    assert notes(desk, number) == [LONG]


async def test_ctrl_s_right_after_a_paste_reviews_and_sends_the_whole_reply(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Licence expirée")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("reply", number)
        await until_screen(pilot, ComposeScreen)
        at_machine_speed(pilot, events.Paste(LONG), events.Key("ctrl+s", None))
        await until_screen(pilot, ReviewScreen)
        assert str(app.screen.query_one("#final Static", Static).render()).strip() == LONG
        await pilot.press("s")
        await asyncio.wait_for(worker.wait(), timeout=DEADLINE)
        assert worker.result == number
    assert bodies(desk, number, MAIL_OUT) == [LONG]


async def test_ctrl_s_right_after_fast_typing_saves_every_character(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Lenteurs")
    typed = "Rappeler lundi matin, sans faute."
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("note", number)
        await until_screen(pilot, ComposeScreen)
        keys = [events.Key(c if c.isalnum() else _character_to_key(c), c) for c in typed]
        at_machine_speed(pilot, *keys, events.Key("ctrl+s", None))
        await asyncio.wait_for(worker.wait(), timeout=10)
        assert worker.result == number
    assert notes(desk, number) == [typed]


# Esc, the same key, send, discard -----------------------------------------------------------


async def test_escape_keeps_the_reply_as_a_draft_and_the_same_key_offers_it(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Licence expirée")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("reply", number)
        await until_screen(pilot, ComposeScreen)
        assert "Your draft" not in shown(app)  # none yet
        await pilot.press(*"Voici la clé", "escape")
        await asyncio.wait_for(worker.wait(), timeout=DEADLINE)
        assert worker.result is None
        assert draft_text(desk, number, "reply") == "Voici la clé"
        assert "Draft kept — the same key on this ticket goes on with it." in app.messages()
        worker = app.start("reply", number)
        await until_screen(pilot, ComposeScreen)
        assert app.screen.query_one(TextArea).text == "Voici la clé"
        assert "Your draft of 2026-11-24 10:30, not sent yet." in shown(app)
        await pilot.press("escape")
        await asyncio.wait_for(worker.wait(), timeout=DEADLINE)
    assert bodies(desk, number, MAIL_OUT) == []  # nothing went out
    assert draft_text(desk, number, "reply") == "Voici la clé"


async def test_escape_on_the_review_goes_back_to_the_text_and_loses_nothing(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Licence expirée")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("reply", number)
        await until_screen(pilot, ComposeScreen)
        await pilot.press(*"Voici la clé", "ctrl+s")
        await until_screen(pilot, ReviewScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ComposeScreen)
        assert app.screen.query_one(TextArea).text == "Voici la clé"
        await pilot.press("ctrl+s")
        await until_screen(pilot, ReviewScreen)
        await pilot.press("c")  # leave from the review: the draft is kept
        await asyncio.wait_for(worker.wait(), timeout=DEADLINE)
        assert worker.result is None
    assert draft_text(desk, number, "reply") == "Voici la clé"
    assert bodies(desk, number, MAIL_OUT) == []


async def test_sending_the_draft_removes_it(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Licence expirée")
    drafts.save(desk, number, "reply", "Voici la clé")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("reply", number)
        await until_screen(pilot, ComposeScreen)
        await pilot.press(*" ABCD", "ctrl+s", "s")
        await asyncio.wait_for(worker.wait(), timeout=DEADLINE)
        assert worker.result == number
    assert bodies(desk, number, MAIL_OUT) == ["Voici la clé ABCD"]
    assert draft_text(desk, number, "reply") is None


async def test_an_ask_draft_goes_when_the_request_is_sent(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Erreur 42")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("ask", number)
        await until_screen(pilot, ComposeScreen)
        await pilot.press(*"Quelle version ?", "ctrl+s", "s", "escape")  # back to the text
        assert app.screen.query_one(TextArea).text == "Quelle version ?"
        assert draft_text(desk, number, "ask") == "Quelle version ?"
        await pilot.press("ctrl+s", "s", "enter")  # then closed
        await asyncio.wait_for(worker.wait(), timeout=DEADLINE)
        assert worker.result == number
    assert bodies(desk, number, MAIL_OUT) == ["Quelle version ?"]
    assert draft_text(desk, number, "ask") is None


async def test_f8_discards_the_draft_once_confirmed(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Lenteurs")
    drafts.save(desk, number, "note", "Voir avec G.")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("note", number)
        await until_screen(pilot, ComposeScreen)
        await pilot.press("f8")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: back to the text, the draft stays
        assert isinstance(app.screen, ComposeScreen)
        assert draft_text(desk, number, "note") == "Voir avec G."
        await pilot.press("f8", "y")
        await asyncio.wait_for(worker.wait(), timeout=DEADLINE)
        assert worker.result is None
        assert "Draft discarded." in app.messages()
    assert draft_text(desk, number, "note") is None
    assert notes(desk, number) == []


async def test_a_draft_is_each_technicians_own_and_each_actions_own(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Lenteurs")
    drafts.save(desk.acting_as("Guillaume"), number, "note", "La note de Guillaume")
    drafts.save(desk, number, "reply", "Ma réponse")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("note", number)
        await until_screen(pilot, ComposeScreen)
        assert app.screen.query_one(TextArea).text == ""
        await pilot.press("escape")
        await asyncio.wait_for(worker.wait(), timeout=DEADLINE)


# Typing is stored as it goes: a crash loses at most the last second ---------------------------


async def test_the_draft_is_stored_while_typing_and_a_new_app_offers_it(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Lenteurs")
    first = Harness(desk)
    async with first.run_test(size=SIZE) as pilot:
        first.start("note", number)
        await until_screen(pilot, ComposeScreen)
        await pilot.press(*"Rappeler lundi")
        await until(pilot, lambda: draft_text(desk, number, "note") == "Rappeler lundi")
        await pilot.press(*" matin")  # stored again, without leaving the screen
        await until(pilot, lambda: draft_text(desk, number, "note") == "Rappeler lundi matin")
    # the app ends with the screen open (as in a crash); the next one finds the text
    second = Harness(desk)
    async with second.run_test(size=SIZE) as pilot:
        worker = second.start("note", number)
        await until_screen(pilot, ComposeScreen)
        assert second.screen.query_one(TextArea).text == "Rappeler lundi matin"
        await pilot.press("ctrl+s")
        await asyncio.wait_for(worker.wait(), timeout=DEADLINE)
    assert notes(desk, number) == ["Rappeler lundi matin"]
    assert draft_text(desk, number, "note") is None


CHILD = textwrap.dedent("""
    import asyncio, sys
    from textual.widgets import TextArea
    from logeas_tui.core.config import Config
    from logeas_tui.core.services.desk import Desk
    from logeas_tui.core.store.connection import open_store
    from tests.conftest import TECHNICIANS
    from tests.ui.harness import Harness

    open_store(sys.argv[1])
    desk = Desk(Config(language="en", technicians=TECHNICIANS, me="Nicolas"))

    async def main():
        app = Harness(desk)
        async with app.run_test(size=(120, 40)) as pilot:
            app.start("note", sys.argv[2])
            while not app.screen.query(TextArea):
                await pilot.pause()
            await pilot.press(*sys.argv[3])
            print("typed", flush=True)
            await asyncio.sleep(3600)  # killed meanwhile

    asyncio.run(main())
""")


def test_a_draft_survives_the_app_killed_with_sigkill(db_path: Path, desk: Desk) -> None:
    number = mail_ticket(desk, subject="Lenteurs")
    typed = "Rappeler lundi, la clé est refusée."
    close_store()  # the child is another copy of the app on the same store
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), number, typed],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == b"typed\n"
        open_store(str(db_path))
        deadline = time.monotonic() + DEADLINE
        while draft_text(desk, number, "note") != typed:  # stored within about a second
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "the draft was never stored"
            time.sleep(0.05)
        close_store()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=DEADLINE)
    assert child.returncode == -signal.SIGKILL
    open_store(str(db_path))
    assert draft_text(desk, number, "note") == typed


# The main screen: the key is named, and offers the draft -------------------------------------


async def test_escape_names_the_key_that_goes_on_with_the_draft(
    app: LogeasApp, seeded: Seeded
) -> None:
    desk = seeded.desk
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "r")  # reply to the printer ticket
        await until_screen(pilot, ComposeScreen)
        await pilot.press(*"Essayez l'autre imprimante.", "escape")
        await until_screen(pilot, MainScreen)
        await settle(pilot)
        said = f"Draft kept — press r on ticket {seeded.printer} again to go on with it."
        assert any(said in n for n in notifications(app)), notifications(app)
        await pilot.press("r")
        await until_screen(pilot, ComposeScreen)
        assert app.screen.query_one(TextArea).text == "Essayez l'autre imprimante."
        await pilot.press("ctrl+s", "s")
        await until_screen(pilot, MainScreen)
        await settle(pilot)
    assert bodies(desk, seeded.printer, MAIL_OUT) == ["Essayez l'autre imprimante."]
    assert draft_text(desk, seeded.printer, "reply") is None


async def test_the_detail_says_a_draft_waits_and_names_its_key_until_it_is_sent(
    app: LogeasApp, seeded: Seeded
) -> None:
    """A draft is not hidden behind its key: the opened ticket says it waits, and which key
    goes on with it; once the note is saved the line is gone."""
    kept = "Your note is kept as a draft, not saved — n: go on with it"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        detail = app.screen.query_one("#detail")
        await until(pilot, lambda: detail.number == seeded.printer)
        assert kept not in detail_text(app)
        await pilot.press("n")
        await until_screen(pilot, ComposeScreen)
        await pilot.press(*"Rappeler lundi", "escape")
        await until_screen(pilot, MainScreen)
        await until(pilot, lambda: kept in detail_text(app))
        await pilot.press("n")
        await until_screen(pilot, ComposeScreen)
        await pilot.press("ctrl+s")
        await until_screen(pilot, MainScreen)
        await until(
            pilot, lambda: kept not in detail_text(app) and "Rappeler lundi" in detail_text(app)
        )
    assert notes(seeded.desk, seeded.printer) == ["Rappeler lundi"]
