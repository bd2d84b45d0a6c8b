"""The statistics screen: `S` (or the palette) opens it over the main screen, its table shows
the week's numbers once the worker has read them, Escape closes it; one snapshot with its
plots (fixed clock: Tuesday 2026-11-24 10:30 Paris, the seeded tickets)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from logeas_tui.app import LogeasApp
from logeas_tui.screens.main import MainScreen
from logeas_tui.screens.stats import StatsScreen
from tests.ui.conftest import Seeded, settle

SIZE = (120, 40)


def _cells(table: DataTable[str]) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_s_opens_the_statistics_and_escape_closes_them(seeded: Seeded) -> None:
    app = LogeasApp(seeded.desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        rows = _cells(app.screen.query_one("#numbers", DataTable))
        assert [row[0] for row in rows] == [f"2026-W{w}" for w in range(41, 49)]
        # week 47: five mails and two calls (one closed at once), five still open; week 48:
        # the licence ticket answered (closed) on Monday; this morning's spam is not counted
        assert rows[-2] == ["2026-W47", "5", "2", "1", "0", "5", "4 h 12", "2 min"]
        assert rows[-1] == ["2026-W48", "0", "0", "1", "0", "0", "–", "–"]
        assert rows[0][1:6] == ["0", "0", "0", "0", "0"]
        oldest = str(app.screen.query_one("#oldest", Static).render())
        assert f"{seeded.update}  2026-11-18 09:40  LoGeAs\n" in oldest  # its reminder is due
        assert seeded.erf in oldest
        assert seeded.spam not in oldest
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


def test_statistics_snapshot(snap_compare, seeded: Seeded) -> None:
    """The title "Statistics — all queues but held mail, last 8 weeks"; on the left the bars "Tickets per
    week" (created and closed, W41 … W48: tickets in W47 and W48 only), on the right the line "Median
    time to first answer (minutes)"; under them the table of the eight weeks (W47: 5 by mail, 2 by
    phone, 1 closed, 5 still open, 4 h 12 to a first answer), then "Oldest open ticket per
    queue" with LoGeAs's and LoGeAs:Relation ERF's (no Spam); the hint "Esc close" at the bottom."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)

    assert snap_compare(LogeasApp(seeded.desk), terminal_size=SIZE, run_before=run_before)


async def test_the_palette_opens_the_statistics(seeded: Seeded) -> None:
    app = LogeasApp(seeded.desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Statistics")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        assert app.screen.query_one("#numbers", DataTable).row_count == 8
