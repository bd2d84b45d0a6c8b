"""A on the main screen assigns the selected ticket to a colleague of my support level, through
the service the command line's `assign` uses: a list of them (not me, not another level — that
is a transfer), Enter assigns, the store and the ticket's history say so."""

from __future__ import annotations

from textual.widgets import OptionList

from logeas_tui.app import DeskCommands, LogeasApp
from logeas_tui.core.store.models import History, Ticket
from logeas_tui.screens.dialogs import ChoiceScreen
from logeas_tui.screens.main import MainScreen
from logeas_tui.widgets.ticket_detail import TicketDetail
from tests.ui.conftest import Seeded, settle
from tests.ui.test_main import rendered

SIZE = (120, 40)


async def test_a_assigns_the_ticket_to_a_colleague_of_my_level(app: LogeasApp, seeded: Seeded):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")  # the printer ticket: open, nobody owns it
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.selected.number == seeded.printer
        assert screen.selected.owner is None
        await pilot.press("A")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceScreen)
        options = dialog.query_one(OptionList)
        offered = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert offered == ["Pétronille — level 1"]  # Nicolas is me, Guillaume is level 2
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        ticket = Ticket.get(Ticket.number == seeded.printer)
        assert ticket.owner.name == "Pétronille"
        last = History.select().where(History.ticket == ticket.id).order_by(History.id.desc()).get()
        assert (last.who, last.action, last.old, last.new) == ("Nicolas", "owner", "", "Pétronille")
        assert screen.selected.owner == "Pétronille"  # the list was read again
        await pilot.press("enter")  # open it: the history shows the assignment
        await settle(pilot)
        text = rendered(screen.query_one(TicketDetail).query_one("#body").content, width=200)
        rows = [row for row in text.splitlines() if "→ Pétronille" in row]
        assert rows and "Nicolas" in rows[-1] and "owner" in rows[-1], text


async def test_assign_is_greyed_where_the_state_forbids_it(app: LogeasApp, seeded: Seeded):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("j")  # the printer: assign allowed
        assert screen.active_bindings["A"].enabled is True
        provider = DeskCommands(app.screen)
        found = [hit.text async for hit in provider.discover()]
        assert f"Assign {seeded.printer} to a colleague of my level" in found  # in the palette
        merged = screen.ticket_list  # the duplicate, merged away, in its queue
        queues = screen.query_one("#queues")
        queues.highlighted = queues.get_option_index("q:LoGeAs")  # type: ignore[attr-defined]
        await settle(pilot)
        merged.focus()
        await pilot.press("x")  # closed and merged tickets too
        await settle(pilot)
        for _ in range(merged.count or 0):
            if screen.selected is not None and screen.selected.number == seeded.duplicate:
                break
            await pilot.press("j")
            await pilot.pause()
        assert screen.selected.number == seeded.duplicate
        assert screen.active_bindings["A"].enabled is False
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)  # no dialog: the refusal is said
        said = [n.message for n in app._notifications]
        assert any(f"was merged into {seeded.printer}" in n for n in said), said
