"""A ticket in an obsolete queue is read-only on the main screen: every action key but move is
greyed out and says why when pressed, the palette offers only the move, and the help says what
an obsolete queue still allows."""

from __future__ import annotations

from textual.pilot import Pilot

from logeas_tui.app import DeskCommands, LogeasApp
from logeas_tui.core.store.models import Ticket
from logeas_tui.screens.dialogs import ChoiceScreen
from logeas_tui.screens.main import MainScreen
from logeas_tui.widgets.queue_list import QueueList
from tests.ui.conftest import Seeded, settle

SIZE = (120, 40)
WORKING_KEYS = ("m", "r", "a", "d", "i", "p", "t", "c", "C", "n", "T", "A")


async def in_obsolete_queue(app: LogeasApp, pilot: Pilot, seeded: Seeded) -> MainScreen:
    """The main screen with the ERF ticket (queue "LoGeAs:Relation ERF", obsolete) selected."""
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, MainScreen)
    queues = screen.query_one(QueueList)
    queues.highlighted = queues.get_option_index("q:LoGeAs:Relation ERF")
    await settle(pilot)
    screen.ticket_list.focus()
    await settle(pilot)
    assert screen.selected is not None and screen.selected.number == seeded.erf
    return screen


async def test_only_move_is_offered_in_an_obsolete_queue(app: LogeasApp, seeded: Seeded):
    async with app.run_test(size=SIZE) as pilot:
        screen = await in_obsolete_queue(app, pilot, seeded)
        assert screen.selected.state == "new"  # a state that allows them all elsewhere
        for key in WORKING_KEYS:
            assert screen.active_bindings[key].enabled is False, key
        assert screen.active_bindings["v"].enabled is True
        before = Ticket.get(Ticket.number == seeded.erf).version
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen  # no compose: the refusal is said instead
        said = [f"{n.title}: {n.message}" for n in app._notifications]
        assert any(
            n.startswith("“note” refused")
            and f"Ticket {seeded.erf} is in an obsolete queue, which is read-only" in n
            for n in said
        ), said
        provider = DeskCommands(app.screen)
        found = [hit.text async for hit in provider.discover()]
        assert f"Move {seeded.erf} to a queue" in found
        assert not any(seeded.erf in text and "Move" not in text for text in found), found
        rows = {action: text for _, action, text in screen.help_bindings()}
        assert rows["obsolete_queue"] == "in an obsolete queue, read-only: only v (move it out)"
        await pilot.press("v")  # moving it out is allowed
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert Ticket.get(Ticket.number == seeded.erf).version == before
