"""Each key of the action table, pressed on the main screen, opens that action's dialog for
the selected ticket (or, for take, changes the ticket at once) — the wiring between the keys
and the flows, as a technician uses it."""

from __future__ import annotations

import pytest

from logeas_tui.core.store.models import Technician, Ticket
from logeas_tui.screens.compose import ComposeScreen
from logeas_tui.screens.dialogs import ChoiceScreen, ConfirmScreen, DaysScreen
from logeas_tui.screens.main import MainScreen
from logeas_tui.screens.merge import MergeScreen
from tests.ui.conftest import Seeded, settle

SIZE = (120, 40)

DIALOGS = [
    ("m", MergeScreen),
    ("r", ComposeScreen),
    ("a", ChoiceScreen),
    ("d", ChoiceScreen),
    ("i", ComposeScreen),
    ("p", DaysScreen),
    ("t", ChoiceScreen),
    ("v", ChoiceScreen),
    ("c", ConfirmScreen),
    ("C", ConfirmScreen),
    ("n", ComposeScreen),
]


@pytest.mark.parametrize(("key", "dialog"), DIALOGS)
async def test_action_key_opens_its_dialog_and_escape_changes_nothing(
    app, seeded: Seeded, key, dialog
):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")  # the printer ticket, open
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.selected.number == seeded.printer
        before = Ticket.get(Ticket.number == seeded.printer).version
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, dialog), type(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        if not isinstance(app.screen, MainScreen):  # "discard what was typed?" — nothing was
            await pilot.press("escape")
            await pilot.pause()
    assert Ticket.get(Ticket.number == seeded.printer).version == before


async def test_take_key_makes_me_the_owner_at_once(app, seeded: Seeded):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await pilot.press("T")
        await settle(pilot)
    ticket = Ticket.get(Ticket.number == seeded.printer)
    assert Technician.get_by_id(ticket.owner_id).name == "Nicolas"
