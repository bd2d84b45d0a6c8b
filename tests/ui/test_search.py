"""Searching as the technician types: the list follows the words typed once typing pauses,
the last word a prefix, the focus staying in the field; Enter goes to the list."""

from __future__ import annotations

import asyncio

from textual.pilot import Pilot

from logeas_tui.core.store import search
from logeas_tui.screens.main import MainScreen
from tests.ui.conftest import Seeded, settle

SIZE = (120, 40)


async def until(pilot: Pilot, done, what: str) -> None:
    """Wait for `done()` (the pause before the filter applies, then the workers); the
    deadline only guards against a hang."""
    for _ in range(500):
        await settle(pilot)
        if done():
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"never happened: {what}")


async def test_the_list_follows_the_words_as_they_are_typed(app, seeded: Seeded):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        assert screen.ticket_list.count == 3
        await pilot.press("slash", *"licen")  # no Enter: a prefix of "licence"
        await until(pilot, lambda: screen.ticket_list.count == 1, "filtered while typing")
        assert screen.selected.number == seeded.licence
        assert screen.query_one("#filter").has_focus  # typing goes on
        await pilot.press("backspace", "backspace", "backspace", "backspace")  # "l": no prefix
        await until(pilot, lambda: screen.search == "l", "the shorter text applied")
        await pilot.press("escape")
        await until(pilot, lambda: screen.ticket_list.count == 3, "the filter cleared")


async def test_a_search_past_the_limit_says_more_than(app, seeded: Seeded, monkeypatch):
    monkeypatch.setattr(search, "LIMIT", 1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        await pilot.press("slash", *"logeas", "enter")  # every customer's domain here
        await until(pilot, lambda: screen.ticket_list.count is not None, "counted")
        assert screen.ticket_list.count == 2
        assert "more than 1 tickets" in str(screen.ticket_list.border_title)
