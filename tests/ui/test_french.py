"""An app running in French says what the core says in French: a refusal by state, a mistyped
ticket number and a bad customer field, each compared with the French catalogue's text (not
merely "not English"), with state names from the same catalogue."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.widgets import Static

from logeas_tui.app import LogeasApp
from logeas_tui.core.numbers import make_number
from logeas_tui.core.procedure import OPEN
from logeas_tui.core.sentences import Sentence
from logeas_tui.screens.main import MainScreen
from logeas_tui.screens.merge import MergeScreen
from logeas_tui.screens.phone import PhoneIntakeScreen
from logeas_tui.texts import Catalog, fr
from tests.ui.conftest import Seeded, settle

SIZE = (120, 40)
FR = Catalog("fr")


def french(seeded: Seeded) -> LogeasApp:
    return LogeasApp(replace(seeded.desk, config=replace(seeded.desk.config, language="fr")))


def notes(app: LogeasApp) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


async def on_the_printer_ticket(app: LogeasApp, pilot) -> MainScreen:
    await settle(pilot)
    await pilot.press("j")  # the printer ticket: open
    screen = app.screen
    assert isinstance(screen, MainScreen) and screen.selected is not None
    assert screen.selected.state == OPEN
    return screen


async def test_a_refusal_by_state_is_said_in_french(seeded: Seeded) -> None:
    app = french(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await on_the_printer_ticket(app, pilot)
        await pilot.press("o")  # reopen: refused, the ticket is open
        await pilot.pause()
        refusal = fr.TEXTS["nothing_to_reopen"].format(
            number=seeded.printer, state=fr.TEXTS["state.open"]
        )
        assert refusal == (
            f"Le ticket {seeded.printer} est ouvert, ni fermé ni en attente : rien à rouvrir."
        )
        title = fr.TEXTS["act.refused"].format(action=fr.TEXTS["act.reopen"])
        assert (title, refusal) in notes(app), notes(app)
        english = Sentence("nothing_to_reopen", number=seeded.printer, state=OPEN)
        assert not any(english in message for _, message in notes(app))


async def test_a_mistyped_number_in_the_merge_dialog_is_explained_in_french(
    seeded: Seeded,
) -> None:
    wrong = seeded.licence[:-1] + str((int(seeded.licence[-1]) + 1) % 10)
    missing = make_number(date(2026, 11, 24), "10", 99_999)  # valid, but no ticket has it
    app = french(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await on_the_printer_ticket(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MergeScreen)
        problem = app.screen.query_one("#problem", Static)
        await pilot.press(*wrong)
        await pilot.pause()
        assert str(problem.render()) == fr.TEXTS["number_check_digit"].format(number=wrong)
        await pilot.press(*["backspace"] * 16, *missing)
        await pilot.pause()
        assert str(problem.render()) == fr.TEXTS["no_ticket"].format(number=missing)
        card = str(app.screen.query_one(".side", Static).render())
        assert f"{fr.TEXTS['dlg.field.state']:<10} {fr.TEXTS['state.open']}" in card


async def test_a_bad_customer_field_is_explained_in_french(seeded: Seeded) -> None:
    app = french(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PhoneIntakeScreen)
        await pilot.press(*"bonjour", "tab", "tab", "tab", *"Imp", "ctrl+s")
        await pilot.pause()
        said = str(screen.query_one("#customer-error", Static).render())
        assert said == fr.TEXTS["customer_neither"].format(text="bonjour")
        assert said != Sentence("customer_neither", text="bonjour")


async def test_the_history_names_states_in_french(seeded: Seeded) -> None:
    from logeas_tui.widgets.ticket_detail import TicketDetail
    from tests.ui.test_main import rendered

    app = french(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await on_the_printer_ticket(app, pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = rendered(app.screen.query_one(TicketDetail).query_one("#body").content)
    merged = f"{fr.TEXTS['state.short.new']} → {fr.TEXTS['state.short.open']}"
    assert fr.TEXTS["history.merge"] in text and merged in text, text
    assert "new → open" not in text
