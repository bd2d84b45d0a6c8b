"""A key that acts on a ticket (here p, pending) marks its customer mail seen by me, as opening
it does: the ● goes from its line without the ticket being opened, and its queue's count of
my review goes down."""

from __future__ import annotations

from logeas_tui.app import LogeasApp
from logeas_tui.core.store import queries
from logeas_tui.screens.main import MainScreen
from logeas_tui.widgets.queue_list import QueueList
from tests.ui.conftest import Seeded, settle
from tests.ui.test_main import list_lines

SIZE = (120, 40)


async def test_pending_from_its_key_marks_the_mail_seen(app: LogeasApp, seeded: Seeded):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("j")  # the printer ticket: its customer mail not seen yet
        assert screen.selected.number == seeded.printer
        line = next(line for line in list_lines(app) if seeded.printer in line)
        assert line.lstrip().startswith("●")
        assert screen.query_one(QueueList).review_count == 3
        await pilot.press("p", "3", "enter")
        await settle(pilot)
        row = queries.ticket_row(seeded.printer, me="Nicolas", now=seeded.clock.now())
        assert row is not None and row.state == "pending reminder" and not row.unseen
        line = next(line for line in list_lines(app) if seeded.printer in line)
        assert "●" not in line  # kept in the list under the cursor, without the mark
        assert screen.query_one(QueueList).review_count == 2  # pending, seen: not to review
        assert screen.detail.number is None  # it was never opened
