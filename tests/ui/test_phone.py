"""Phone intake, driven by keys: the live address hint, errors next to their field with the
typed text kept, saving, the number shown and copied, and closing."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, TextArea

from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import Ticket
from logeas_tui.screens.dialogs import ConfirmScreen
from logeas_tui.screens.phone import PhoneIntakeScreen
from tests.ui.harness import Harness

SIZE = (120, 40)
SPEAKING_ORDER = ["customer", "name", "queue", "subject", "body", "finished", "owner"]


async def open_form(app: Harness, pilot: Pilot) -> PhoneIntakeScreen:
    app.open(PhoneIntakeScreen(app.desk))
    await pilot.pause()
    assert isinstance(app.screen, PhoneIntakeScreen)
    return app.screen


def shown(screen: PhoneIntakeScreen, selector: str) -> str:
    widget = screen.query_one(selector, Static)
    return str(widget.render()) if widget.display and widget.styles.display != "none" else ""


async def test_a_phone_number_shows_the_address_it_becomes(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"01 23 45 67 89")
        assert str(screen.query_one("#customer-hint", Static).render()) == "→ 0123456789@logeas.fr"


async def test_tab_follows_the_speaking_order(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        seen = []
        for _ in SPEAKING_ORDER:
            assert screen.focused is not None
            seen.append(screen.focused.id)
            await pilot.press("tab")
    assert seen == SPEAKING_ORDER


async def test_queues_offered_are_the_active_ones(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        select = screen.query_one("#queue", Select)
        offered = [value for _, value in select._options]
        assert select.value == "LoGeAs"
        assert "LoGeAs:Relation ERF" not in offered and "LoGeAsSauv" not in offered
        assert "Secrétariat" in offered


async def test_no_owner_and_not_finished_shows_the_error_at_the_owner(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(
            *"061122",
            "tab",
            *"Bo",
            "tab",
            "tab",
            *"MdP",
            "tab",
            *"Ra",
            "tab",
            "tab",
        )
        assert screen.focused is screen.query_one("#owner", Select)
        await pilot.press("enter", "up", "enter")  # the blank choice: nobody
        assert screen.query_one("#owner", Select).value is Select.NULL
        await pilot.press("ctrl+s")
        assert "choose an owner" in shown(screen, "#owner-error")
        assert shown(screen, "#customer-error") == shown(screen, "#subject-error") == ""
        assert screen.focused is screen.query_one("#owner", Select)
        assert screen.query_one("#customer", Input).value == "061122"
        assert screen.query_one("#name", Input).value == "Bo"
        assert screen.query_one("#subject", Input).value == "MdP"
        assert screen.query_one("#body", TextArea).text == "Ra"
        assert isinstance(app.screen, PhoneIntakeScreen)
    assert Ticket.select().count() == 0


async def test_a_wrong_customer_is_shown_at_the_customer_field(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"jean@", "tab", "tab", "tab", *"Imp", "ctrl+s")
        assert "not a valid e-mail address" in shown(screen, "#customer-error")
        assert screen.focused is screen.query_one("#customer", Input)
        await pilot.press("x")  # correcting the field clears its error
        assert shown(screen, "#customer-error") == ""
    assert Ticket.select().count() == 0


async def test_saving_stores_the_ticket_and_shows_its_number(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(
            *"0123456789",
            "enter",
            *"Roux",
            "enter",
            "tab",
            *"Sauv",
            "tab",
            *"Ra",
            "ctrl+s",
        )
        number = screen.number
        assert number is not None
        assert number in shown(screen, "#done-number")
        assert not screen.query_one("#form").display
        await pilot.press("y")
        assert app.clipboard == number
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [number]
    row = queries.ticket_row(number, me=desk.who, now=desk.now())
    assert row is not None
    assert (row.customer, row.customer_name, row.queue, row.subject, row.state, row.owner) == (
        "0123456789@logeas.fr",
        "Roux",
        "LoGeAs",
        "Sauv",
        "open",
        "Nicolas",
    )
    view = queries.ticket_view(number, me=desk.who, now=desk.now())
    assert view is not None and [(m.kind, m.body) for m in view.messages] == [("phone", "Ra")]


async def test_finished_intervention_is_closed_at_once_without_owner(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        screen.query_one("#owner", Select).clear()
        await pilot.press(
            *"a@b.fr",
            "tab",
            "tab",
            "tab",
            *"MdP",
            "tab",
            "tab",
            "space",
            "ctrl+s",
        )
        number = screen.number
        await pilot.press("escape")
        await pilot.pause()
    assert number is not None and app.results == [number]
    row = queries.ticket_row(number, me=desk.who, now=desk.now())
    assert row is not None and (row.state, row.owner) == ("closed successful", None)


async def test_escape_closes_at_once_when_nothing_was_typed(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_escape_asks_before_discarding_what_was_typed(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"0611", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.screen is screen and screen.query_one("#customer", Input).value == "0611"
        await pilot.press("escape", "y")
        await pilot.pause()
    assert app.results == [None]
    assert Ticket.select().count() == 0


async def test_the_phone_line_banner_stays_on_the_top_line(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        banner = screen.query_one("#phone-banner")
        assert banner.region.y == 0 and banner.region.height == 1
        assert banner.has_class("-open")


async def test_in_french_the_core_explains_the_field_in_french(desk: Desk) -> None:
    from dataclasses import replace

    french = replace(desk, config=replace(desk.config, language="fr"))
    app = Harness(french)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"bonjour", "tab", "tab", "tab", *"Imp", "ctrl+s")
        said = shown(screen, "#customer-error")
        assert "n'est ni une adresse e-mail ni un numéro de téléphone" in said
        assert "neither" not in said
