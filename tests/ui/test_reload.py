"""F5 (or ctrl+r, or the palette's "Read the screen again") reads the queues pane, the list and
the opened ticket again from the store: a change the live view does not notice — made through
another connection without a history line, as a script or another tool would — shows."""

from __future__ import annotations

import sqlite3

import pytest

from logeas_tui.app import DeskCommands, LogeasApp
from logeas_tui.core.store.models import db
from logeas_tui.screens.main import MainScreen
from logeas_tui.widgets.queue_list import QueueList
from logeas_tui.widgets.ticket_detail import TicketDetail
from tests.ui.conftest import Seeded, settle
from tests.ui.test_main import list_lines, rendered

SIZE = (120, 40)
NEW_SUBJECT = "Bordereaux : imprimante réinstallée"


def changed_elsewhere(seeded: Seeded) -> None:
    """Another connection to the store changes a ticket's subject and state, writing no
    history line, no message, no ticket: nothing the live view's stamp moves on."""
    other = sqlite3.connect(db.database, timeout=10)
    with other:
        other.execute(
            "UPDATE ticket SET subject = ?, state = 'new' WHERE number = ?",
            (NEW_SUBJECT, seeded.printer),
        )
    other.close()


def queue_line(app: LogeasApp, name: str = "LoGeAs") -> str:
    """The queue's line in the queues pane: its name and counts (new, open, due)."""
    return " ".join(str(app.screen.query_one(QueueList).get_option(f"q:{name}").prompt).split())


@pytest.mark.parametrize("key", ["f5", "ctrl+r", "palette"])
async def test_reload_reads_the_screen_again(app: LogeasApp, seeded: Seeded, key: str):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("j", "enter")  # the printer ticket, opened
        await settle(pilot)
        detail = screen.query_one(TicketDetail)
        before = queue_line(app)  # new, open, due
        changed_elsewhere(seeded)
        for _ in range(3):  # the live view looks every second: it sees nothing to read again
            await pilot.pause(0.5)
            await settle(pilot)
        assert not any(NEW_SUBJECT[:20] in line for line in list_lines(app))
        assert NEW_SUBJECT not in rendered(detail.query_one("#body").content, width=200)
        assert queue_line(app) == before
        screen.ticket_list.focus()
        if key == "palette":
            provider = DeskCommands(app.screen)
            hits = [hit async for hit in provider.search("read the screen")]
            assert [hit.text for hit in hits] == ["Read the screen again"]
            hits[0].command()
        else:
            await pilot.press(key)
        await settle(pilot)
        assert any(NEW_SUBJECT[:20] in line for line in list_lines(app)), list_lines(app)
        assert NEW_SUBJECT in rendered(detail.query_one("#body").content, width=200)
        assert (before, queue_line(app)) == ("LoGeAs · 3 1", "LoGeAs 1 2 1")  # new, open, due
        assert screen.selected.number == seeded.printer  # the cursor stays on its ticket


async def test_the_palette_names_the_reload_key_the_keymap_gave_it(seeded: Seeded) -> None:
    from dataclasses import replace

    keys = (("reload", "ctrl+l"),)
    app = LogeasApp(replace(seeded.desk, config=replace(seeded.desk.config, keys=keys)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        hits = [hit async for hit in DeskCommands(app.screen).search("read the screen")]
        assert [hit.help for hit in hits] == [
            "Queues, list and ticket as the store holds them now (^l)"
        ], [hit.help for hit in hits]
