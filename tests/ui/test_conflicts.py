"""Acting on a ticket someone else changed meanwhile: the change is refused with who changed it
and how, the screen then shows the ticket's new state (so the next try works), and nothing
typed is lost — the same key offers the text again. An answer to the customer right after
someone else's shows theirs and goes out only once confirmed."""

from __future__ import annotations

import asyncio

import pytest
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from logeas_tui.app import LogeasApp
from logeas_tui.core.services import answers, drafts, handoff, tickets
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import MAIL_OUT, NOTE
from logeas_tui.core.store.views import TicketView
from logeas_tui.messages import TicketChanged
from logeas_tui.screens.compose import ComposeScreen
from logeas_tui.screens.dialogs import ConfirmScreen
from logeas_tui.screens.main import MainScreen
from tests.ui.conftest import Seeded, settle
from tests.ui.harness import Harness, mail_ticket
from tests.ui.test_main import notifications, rendered

pytestmark = pytest.mark.both_engines  # two copies on one SQLite file or PostgreSQL database

SIZE = (120, 40)


def view(desk: Desk, number: str) -> TicketView:
    found = queries.ticket_view(number, me=desk.who, now=desk.now())
    assert found is not None
    return found


def sent_by(desk: Desk, number: str) -> list[tuple[str, str]]:
    """(author, body) of the ticket's outgoing mail."""
    return [(m.author, m.body) for m in view(desk, number).messages if m.kind == MAIL_OUT]


async def until_screen(pilot: Pilot, kind: type) -> None:
    for _ in range(100):
        await pilot.pause()
        if isinstance(pilot.app.screen, kind):
            return
    raise AssertionError(f"{kind.__name__} never came: {type(pilot.app.screen).__name__}")


# The flows, on the harness ----------------------------------------------------------------


async def test_a_stale_change_says_who_and_what_and_has_the_screen_read_again(desk: Desk):
    number = mail_ticket(desk, subject="Question")
    app = Harness(desk)
    posted: list[str | None] = []

    def hook(message: object) -> None:
        if isinstance(message, TicketChanged):
            posted.append(message.number)

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        worker = app.start("close", number)  # the row is read now…
        await pilot.pause()
        tickets.take(desk.acting_as("Guillaume"), number)  # …someone else changes the ticket
        await pilot.press("y")
        await asyncio.wait_for(worker.wait(), timeout=5)
        assert worker.result is None
    assert queries.ticket_row(number, me=None, now=desk.now()).state == "new"
    assert app.messages("warning") == [
        f"Ticket {number} was changed by Guillaume meanwhile (owner → Guillaume). "
        "The screen now shows its new state."
    ]
    assert set(posted) == {number}  # the screen reads the ticket again


async def test_a_note_refused_by_a_change_meanwhile_is_offered_again(desk: Desk):
    number = mail_ticket(desk, subject="Question")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("note", number)
        await until_screen(pilot, ComposeScreen)
        await pilot.press(*"Rappeler lundi")
        handoff.move(desk.acting_as("Guillaume"), number, "Secrétariat")
        await pilot.press("ctrl+s")
        await asyncio.wait_for(worker.wait(), timeout=5)
        assert worker.result is None
        said = app.messages("warning")
        assert "changed by Guillaume meanwhile (queue → Secrétariat)" in said[0]
        assert "it is kept: the same key offers it again" in said[1]
        # the same key on the ticket as it now is: the text is there, and goes in
        worker = app.start("note", number)
        await until_screen(pilot, ComposeScreen)
        assert app.screen.query_one(TextArea).text == "Rappeler lundi"
        await pilot.press("ctrl+s")
        await asyncio.wait_for(worker.wait(), timeout=5)
        assert worker.result == number
    notes = [m.body for m in view(desk, number).messages if m.kind == NOTE]
    assert notes == ["Rappeler lundi"]
    assert drafts.draft(desk, number, "note") is None  # sent: no draft left


# The main screen --------------------------------------------------------------------------


async def test_a_stale_close_shows_the_new_state_and_the_next_try_works(
    app: LogeasApp, seeded: Seeded
):
    desk = seeded.desk
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("j", "enter")  # the printer ticket, open, read in the detail
        await settle(pilot)
        await pilot.press("c")
        await until_screen(pilot, ConfirmScreen)
        handoff.move(desk.acting_as("Guillaume"), seeded.printer, "Secrétariat")
        await pilot.press("y")
        await settle(pilot)
        said = notifications(app)
        assert any(
            f"Ticket {seeded.printer} was changed by Guillaume meanwhile (queue → Secrétariat)."
            " The screen now shows its new state." in n
            for n in said
        ), said
        body = rendered(screen.detail.query_one("#body", Static).content)
        assert "Secrétariat" in body and "open" in body
        assert screen.selected.number == seeded.printer
        assert screen.selected.queue == "Secrétariat"
        # not refused again: the close now starts from the version on screen
        await pilot.press("c")
        await until_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert screen.selected.state == "closed successful"
        assert "closed successful" in rendered(screen.detail.query_one("#body", Static).content)


async def test_a_reply_refused_by_a_change_meanwhile_keeps_its_text(app: LogeasApp, seeded: Seeded):
    desk = seeded.desk
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "r")  # reply to the printer ticket
        await until_screen(pilot, ComposeScreen)
        await pilot.press(*"Essayez l'autre imprimante.")
        tickets.note(desk.acting_as("Guillaume"), seeded.printer, "Le client a rappelé.")
        await pilot.press("ctrl+s", "s")  # review, send: refused
        await until_screen(pilot, MainScreen)
        await settle(pilot)
        assert any("changed by Guillaume meanwhile (note)" in n for n in notifications(app))
        assert sent_by(desk, seeded.printer) == []
        # the same key gives the text back; sent on the ticket as it now is
        await pilot.press("r")
        await until_screen(pilot, ComposeScreen)
        assert app.screen.query_one(TextArea).text == "Essayez l'autre imprimante."
        await pilot.press("ctrl+s", "s")
        await until_screen(pilot, MainScreen)
        await settle(pilot)
    assert sent_by(desk, seeded.printer) == [("Nicolas", "Essayez l'autre imprimante.")]


async def test_a_second_answer_at_once_shows_the_first_and_waits_for_a_yes(
    app: LogeasApp, seeded: Seeded
):
    desk = seeded.desk
    theirs = "Bonjour,\nVotre imprimante est réparée.\nCordialement,\nGuillaume\n"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "r")
        await until_screen(pilot, ComposeScreen)
        await pilot.press(*"Redémarrez le poste.")
        answers.reply(desk.acting_as("Guillaume"), seeded.printer, theirs)  # the same moment
        await pilot.press("ctrl+s", "s")
        await until_screen(pilot, ConfirmScreen)
        said = notifications(app)
        assert any(
            f"Ticket {seeded.printer} was just answered by Guillaume: “Bonjour, Votre imprimante"
            in n
            for n in said
        ), said
        dialog = app.screen
        shown = " ".join(rendered(s.content) for s in dialog.query(Static))
        assert "Guillaume has just answered" in shown and "réparée" in shown
        assert sent_by(desk, seeded.printer) == [("Guillaume", theirs)]  # nothing more yet
        await pilot.press("n")  # no: mine is not sent, and kept
        await until_screen(pilot, MainScreen)
        await settle(pilot)
        assert sent_by(desk, seeded.printer) == [("Guillaume", theirs)]
        assert any("it is kept" in n for n in notifications(app))
        await pilot.press("r")  # I still want to: the text is back…
        await until_screen(pilot, ComposeScreen)
        assert app.screen.query_one(TextArea).text == "Redémarrez le poste."
        await pilot.press("ctrl+s", "s")
        await until_screen(pilot, MainScreen)
        await settle(pilot)
    # …and it goes out on the version that shows their answer
    assert sent_by(desk, seeded.printer) == [
        ("Guillaume", theirs),
        ("Nicolas", "Redémarrez le poste."),
    ]


async def test_a_second_answer_goes_out_when_confirmed(app: LogeasApp, seeded: Seeded):
    desk = seeded.desk
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "r")
        await until_screen(pilot, ComposeScreen)
        await pilot.press(*"Redémarrez le poste.")
        answers.reply(desk.acting_as("Guillaume"), seeded.printer, "C'est réparé.")
        await pilot.press("ctrl+s", "s")
        await until_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await until_screen(pilot, MainScreen)
        await settle(pilot)
    assert sent_by(desk, seeded.printer) == [
        ("Guillaume", "C'est réparé."),
        ("Nicolas", "Redémarrez le poste."),
    ]
