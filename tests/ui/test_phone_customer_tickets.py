"""The phone form says, as the customer is typed, how many tickets that customer has in
progress and which (newest first) — by address, or by phone number whatever its spelling."""

from __future__ import annotations

from textual.pilot import Pilot

from logeas_tui.core.services.desk import Desk
from tests.ui.harness import Harness, closed_ticket, mail_ticket, phone_ticket
from tests.ui.test_phone import SIZE, open_form, shown


async def after_the_pause(pilot: Pilot) -> None:
    for _ in range(20):
        await pilot.pause(0.05)


async def test_the_customers_open_tickets_show_as_the_address_is_typed(desk: Desk) -> None:
    older = mail_ticket(desk, subject="Licence expirée")
    newer = mail_ticket(desk, subject="[b]Sauvegarde[/b]")
    closed_ticket(desk, subject="Ancienne demande")  # same customer, closed: not counted
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"Jean.Dupont@exemple.fr")
        await after_the_pause(pilot)
        line = shown(screen, "#customer-tickets")
        assert line == f"2 open tickets — {newer} [b]Sauvegarde[/b] · {older} Licence expirée"
        await pilot.press("backspace")  # no longer that customer
        await after_the_pause(pilot)
        assert shown(screen, "#customer-tickets") == ""


async def test_a_phone_number_finds_the_calls_however_it_is_written(desk: Desk) -> None:
    earlier = phone_ticket(desk, subject="Question sur la sauvegarde")  # "01 23 45 67 89"
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(app, pilot)
        await pilot.press(*"+33 1 23 45 67 89")
        await after_the_pause(pilot)
        assert shown(screen, "#customer-tickets") == (
            f"1 open ticket — {earlier} Question sur la sauvegarde"
        )
