"""The merge dialog lists the possible duplicates first: the customer's other tickets, then
similar subjects, with their first lines; ↑↓ move, Enter merges into the highlighted one (both
tickets shown side by side first); typing a number still works. The ticket detail says
"Possible duplicate of N" when a candidate is strong."""

from __future__ import annotations

import asyncio

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from logeas_tui.app import LogeasApp
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.screens.merge import MergeScreen
from tests.ui.conftest import settle
from tests.ui.harness import HOSTILE_SUBJECT, Harness, closed_ticket, mail_ticket
from tests.ui.test_live import detail_text

SIZE = (120, 40)


def state(desk: Desk, number: str) -> tuple[str, str | None]:
    found = queries.ticket_row(number, me=desk.who, now=desk.now())
    assert found is not None
    return found.state, found.merged_into


async def listed(pilot: Pilot) -> MergeScreen:
    """The merge dialog once its worker has listed the candidates."""
    screen = pilot.app.screen
    assert isinstance(screen, MergeScreen)
    for _ in range(100):
        await pilot.pause(0.02)
        if "Looking" not in str(screen.query_one("#candidates-said", Static).render()):
            break
    return screen


def lines(screen: MergeScreen) -> list[str]:
    options = screen.query_one("#candidates", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def target_side(screen: MergeScreen) -> str:
    return str(screen.query_one("#target-side", Static).render())


async def test_the_dialog_lists_the_customers_tickets_then_similar_subjects(desk: Desk) -> None:
    older = mail_ticket(desk, subject="Licence expirée", body="Bonjour,\nma licence a expiré.\n")
    other = mail_ticket(desk, subject="Sauvegarde bloquée", sender="paul@ailleurs.example")
    closed_ticket(desk, subject="Ancienne demande")  # closed: not offered
    dup = mail_ticket(desk, subject="Re: sauvegarde bloquee")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("merge", dup)
        await pilot.pause()
        screen = await listed(pilot)
        shown = lines(screen)
        assert len(shown) == 2
        assert shown[0].startswith(older) and "Licence expirée" in shown[0]
        assert "same customer" in shown[0] and "ma licence a expiré." in shown[0]
        assert shown[1].startswith(other) and "similar subject" in shown[1]
        # the first one is shown beside the duplicate, ready to merge
        assert older in target_side(screen)
        await pilot.press("escape")
        await asyncio.wait_for(worker.wait(), timeout=5)
    assert state(desk, dup) == ("new", None)


async def test_enter_on_a_candidate_merges_into_it(desk: Desk) -> None:
    mail_ticket(desk, subject="Licence expirée")
    other = mail_ticket(desk, subject="Sauvegarde bloquée", sender="paul@ailleurs.example")
    dup = mail_ticket(desk, subject="Re: sauvegarde bloquee")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("merge", dup)
        await pilot.pause()
        screen = await listed(pilot)
        await pilot.press("down")
        assert other in target_side(screen) and "Sauvegarde bloquée" in target_side(screen)
        await pilot.press("enter")
        await asyncio.wait_for(worker.wait(), timeout=5)
        assert worker.result == other
    assert state(desk, dup) == ("merged", other)
    assert state(desk, other)[0] == "open"


async def test_typing_a_number_still_works(desk: Desk) -> None:
    candidate = mail_ticket(desk, subject="Licence expirée")
    unrelated = mail_ticket(desk, subject="Imprimante", sender="paul@ailleurs.example")
    dup = mail_ticket(desk, subject="Autre chose")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("merge", dup)
        await pilot.pause()
        screen = await listed(pilot)
        assert lines(screen)[0].startswith(candidate)
        await pilot.press(*unrelated)
        assert unrelated in target_side(screen)
        await pilot.press("enter")
        await asyncio.wait_for(worker.wait(), timeout=5)
        assert worker.result == unrelated
    assert state(desk, dup) == ("merged", unrelated)
    assert state(desk, candidate) == ("new", None)


async def test_no_candidate_says_to_type_the_number(desk: Desk) -> None:
    dup = mail_ticket(desk, subject="Seul au monde")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        app.open(MergeScreen(desk, app.row(dup)))
        screen = await listed(pilot)
        said = str(screen.query_one("#candidates-said", Static).render())
        assert said == "No likely duplicate found: type the number."
        await pilot.press("enter")  # nothing to merge into: the dialog stays
        assert app.screen is screen


async def test_candidate_text_is_shown_as_typed(desk: Desk) -> None:
    mail_ticket(desk, subject=HOSTILE_SUBJECT, body="\x1b[2J[b]effacé[/b]\n")
    dup = mail_ticket(desk, subject="Autre")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        app.open(MergeScreen(desk, app.row(dup)))
        screen = await listed(pilot)
        (line,) = lines(screen)
        assert "[bold red]x[/]" in line and "[b]effacé[/b]" in line
        assert "\x1b" not in line


async def test_the_detail_says_possible_duplicate_of_a_strong_candidate(desk: Desk) -> None:
    first = mail_ticket(desk, subject="Licence expirée")
    second = mail_ticket(desk, subject="RE: licence expiree")
    alone = mail_ticket(desk, subject="Imprimante", sender="paul@ailleurs.example")
    app = LogeasApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the oldest ticket of the review: the first one
        await settle(pilot)
        assert f"Ticket {first}" in str(app.screen.query_one("#detail").border_title)
        assert f"Possible duplicate of {second}" in detail_text(app)
        app.screen.query_one("#detail").blur()
        await pilot.press("escape", "down", "down", "enter")  # the third: nobody else's
        await settle(pilot)
        assert alone in str(app.screen.query_one("#detail").border_title)
        assert "Possible duplicate" not in detail_text(app)
