"""Every row of the action table, driven by its keys through `run_action` (as the main screen
runs it), with the result checked in the database — and the refusals, with their reasons."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from logeas_tui.core.services import merge, tickets
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import NOTE, Outbox
from logeas_tui.core.store.views import TicketRow
from logeas_tui.screens.dialogs import AskChoiceScreen, ChoiceScreen, DaysScreen
from logeas_tui.screens.merge import MergeScreen
from tests.ui.harness import Harness, closed_ticket, mail_ticket, phone_ticket

SIZE = (120, 40)


async def act(app: Harness, pilot: Pilot, action: str, number: str, *keys: str) -> str | None:
    """Start `action` on `number`, press `keys`, wait for the flow to end; its result."""
    worker = app.start(action, number)
    await pilot.pause()
    for key in keys:
        await pilot.press(key)
    await asyncio.wait_for(worker.wait(), timeout=5)
    return worker.result


def row(desk: Desk, number: str) -> TicketRow:
    found = queries.ticket_row(number, me=desk.who, now=desk.now())
    assert found is not None
    return found


def outbox_bodies(number: str) -> list[str]:
    return [
        o.raw.decode("utf-8", "replace")
        for o in Outbox.select()
        if o.ticket and o.ticket.number == number
    ]


# Merge / unmerge ---------------------------------------------------------------------------


async def test_merge_moves_the_duplicate_into_the_target(desk: Desk) -> None:
    target = mail_ticket(desk, subject="Imprimante introuvable")
    dup = mail_ticket(desk, subject="Re: imprimante", body="C'est le poste de l'accueil.\n")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "merge", dup, *target, "enter") == target
    assert row(desk, dup).state == "merged"
    assert row(desk, dup).merged_into == target
    assert row(desk, target).state == "open"
    view = queries.ticket_view(target, me=desk.who, now=desk.now())
    assert view is not None and [m.merged_from for m in view.messages] == [None, dup]
    assert any(f"merged into {target}" in m for m in app.messages("information"))


async def test_merge_shows_both_tickets_and_explains_a_wrong_check_digit(desk: Desk) -> None:
    target = mail_ticket(desk, subject="Imprimante introuvable")
    dup = mail_ticket(desk, subject="Re: imprimante")
    mistyped = target[:-1] + str((int(target[-1]) + 1) % 10)
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("merge", dup)
        await pilot.pause()
        await pilot.press(*mistyped)
        screen = app.screen
        assert isinstance(screen, MergeScreen)
        problem = str(screen.query_one("#problem", Static).render())
        assert "wrong check digit" in problem
        await pilot.press("enter")  # refused: the dialog stays
        assert app.screen is screen
        await pilot.press("ctrl+u", *target)
        side = str(screen.query_one("#target-side", Static).render())
        assert target in side and "Imprimante introuvable" in side
        assert dup in str(screen.query_one(".side", Static).render())
        await pilot.press("escape")
        await asyncio.wait_for(worker.wait(), timeout=5)
        assert worker.result is None
    assert row(desk, dup).state == "new" and row(desk, target).state == "new"


async def test_merge_into_itself_is_refused_by_the_service(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Imprimante introuvable")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "merge", number, *number, "enter") is None
    assert row(desk, number).state == "new"
    assert app.messages("error") == [
        "A ticket cannot be merged into itself: choose another target."
    ]


async def test_unmerge_restores_both_tickets(desk: Desk) -> None:
    target = mail_ticket(desk, subject="Imprimante introuvable")
    dup = mail_ticket(desk, subject="Re: imprimante")
    merge.merge(desk, dup, target)
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "unmerge", dup, "y") == dup
    assert row(desk, dup).state == "new" and row(desk, dup).merged_into is None
    assert row(desk, target).state == "new"
    assert row(desk, dup).messages == 1


async def test_unmerge_answered_no_changes_nothing(desk: Desk) -> None:
    target = mail_ticket(desk, subject="Imprimante introuvable")
    dup = mail_ticket(desk, subject="Re: imprimante")
    merge.merge(desk, dup, target)
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "unmerge", dup, "n") is None
    assert row(desk, dup).state == "merged"


# Answers -----------------------------------------------------------------------------------


async def test_reply_goes_through_review_then_closes_and_queues_one_mail(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Licence expirée")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        result = await act(app, pilot, "reply", number, *"Clé", "ctrl+s", "s")
    assert result == number
    assert row(desk, number).state == "closed successful"
    view = queries.ticket_view(number, me=desk.who, now=desk.now())
    assert view is not None and (view.messages[-1].kind, view.messages[-1].body) == (
        "mail-out",
        "Clé",
    )
    assert [o.recipient for o in Outbox.select()] == ["jean.dupont@exemple.fr"]


async def test_reply_to_a_phone_customer_closes_and_says_nothing_was_mailed(desk: Desk) -> None:
    number = phone_ticket(desk)
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "reply", number, *"Ok", "ctrl+s", "s") == number
    assert row(desk, number).state == "closed successful"
    assert Outbox.select().count() == 0
    assert any("no mailbox" in m for m in app.messages("warning"))


async def test_canned_answer_sends_the_filled_text(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Plantage au démarrage")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("canned", number)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChoiceScreen)
        await pilot.press("down")  # merci → mise-a-jour
        preview = str(screen.query_one("#preview", Static).render())
        assert "Hello Jean Dupont" in preview and "latest LoGeAs release" in preview
        await pilot.press("enter")
        await asyncio.wait_for(worker.wait(), timeout=5)
    assert row(desk, number).state == "closed successful"
    view = queries.ticket_view(number, me=desk.who, now=desk.now())
    assert view is not None
    sent = view.messages[-1]
    assert sent.kind == "mail-out" and sent.body == preview
    assert len(outbox_bodies(number)) == 1


async def test_documentation_reference_sends_the_link(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Restaurer une sauvegarde")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "doc", number, "down", "enter") == number
    assert row(desk, number).state == "closed successful"
    view = queries.ticket_view(number, me=desk.who, now=desk.now())
    assert view is not None
    assert "https://doc.logeas.fr/administration/sauvegarde" in view.messages[-1].body
    assert len(outbox_bodies(number)) == 1


async def test_ask_for_information_then_close(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Erreur 42")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        result = await act(app, pilot, "ask", number, *"Vers ?", "ctrl+s", "s", "enter")
    assert result == number
    found = row(desk, number)
    assert found.state == "closed successful" and found.pending_until is None
    assert len(outbox_bodies(number)) == 1


async def test_ask_for_information_then_pending_three_days(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Erreur 42")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        result = await act(app, pilot, "ask", number, *"Vers ?", "ctrl+s", "s", "tab", "3", "enter")
    assert result == number
    found = row(desk, number)
    assert found.state == "pending reminder"
    assert found.pending_until == desk.now() + timedelta(days=3)
    assert len(outbox_bodies(number)) == 1


async def test_ask_escape_at_the_choice_goes_back_to_the_text(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Erreur 42")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("ask", number)
        await pilot.pause()
        await pilot.press(*"Vers ?", "ctrl+s", "s", "escape")
        from textual.widgets import TextArea

        assert app.screen.query_one(TextArea).text == "Vers ?"
        await pilot.press("escape")  # the kept text is the technician's own: asks first
        await pilot.press("y")
        await asyncio.wait_for(worker.wait(), timeout=5)
        assert worker.result is None
    assert row(desk, number).state == "new" and Outbox.select().count() == 0


# State actions -----------------------------------------------------------------------------


async def test_pending_with_typed_days(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Mise à jour à planifier")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "pending", number, "7", "enter") == number
    found = row(desk, number)
    assert found.state == "pending reminder"
    assert found.pending_until == desk.now() + timedelta(days=7)


async def test_pending_out_of_range_says_why_and_asks_again(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Mise à jour à planifier")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("pending", number)
        await pilot.pause()
        await pilot.press("0", "enter")
        assert app.messages("error") == ["Remind in 1 to 365 days."]
        assert row(desk, number).state == "new"
        assert isinstance(app.screen, DaysScreen)  # asked again
        await pilot.press("2", "enter")
        await asyncio.wait_for(worker.wait(), timeout=5)
    found = row(desk, number)
    assert found.state == "pending reminder"
    assert found.pending_until == desk.now() + timedelta(days=2)


async def test_ask_with_refused_days_asks_again_and_keeps_the_text(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Erreur 42")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("ask", number)
        await pilot.pause()
        await pilot.press(*"Vers ?", "ctrl+s", "s", "tab", *"400", "enter")
        assert app.messages("error") == ["Remind in 1 to 365 days."]
        assert isinstance(app.screen, AskChoiceScreen)
        await pilot.press("enter")  # close instead
        await asyncio.wait_for(worker.wait(), timeout=5)
    assert row(desk, number).state == "closed successful"
    view = queries.ticket_view(number, me=desk.who, now=desk.now())
    assert view is not None and view.messages[-1].body == "Vers ?"


async def test_transfer_offers_other_levels_only_and_keeps_the_state(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Base corrompue")
    tickets.take(desk, number)  # Nicolas, level 1
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("transfer", number)
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        names = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert names == ["Guillaume — level 2"]  # not Pétronille: same level as Nicolas
        await pilot.press("enter")
        await asyncio.wait_for(worker.wait(), timeout=5)
    found = row(desk, number)
    assert found.owner == "Guillaume" and found.state == "new"


async def test_move_offers_active_queues_only_and_keeps_the_state(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Facture")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        worker = app.start("move", number)
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert "LoGeAs:Relation ERF" not in ids and "LoGeAsSauv" not in ids  # obsolete
        assert "LoGeAs" not in ids  # where it already is
        for _ in range(ids.index("Secrétariat")):
            await pilot.press("down")
        await pilot.press("enter")
        await asyncio.wait_for(worker.wait(), timeout=5)
    found = row(desk, number)
    assert found.queue == "Secrétariat" and found.state == "new"


async def test_close_asks_then_closes(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Question réglée")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "close", number, "n") is None
        assert row(desk, number).state == "new"
        assert await act(app, pilot, "close", number, "y") == number
    assert row(desk, number).state == "closed successful"
    assert f"Ticket {number} closed." in app.messages("information")


async def test_close_unsuccessful(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Demande impossible")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "close_unsuccessful", number, "enter") == number
    assert row(desk, number).state == "closed unsuccessful"


async def test_reopen_a_closed_ticket(desk: Desk) -> None:
    number = closed_ticket(desk)
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "reopen", number) == number
    assert row(desk, number).state == "open"


async def test_reopen_of_an_open_ticket_is_refused_with_the_reason(desk: Desk) -> None:
    number = phone_ticket(desk)
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "reopen", number) is None
        assert len(app.screen_stack) == 1  # no dialog was opened
    assert row(desk, number).state == "open"
    assert app.messages("warning") == [
        f"Ticket {number} is open, not closed or pending: there is nothing to reopen."
    ]  # the same sentence as the service and the command line


async def test_actions_on_a_merged_ticket_are_refused(desk: Desk) -> None:
    target = mail_ticket(desk, subject="Imprimante introuvable")
    dup = mail_ticket(desk, subject="Re: imprimante")
    merge.merge(desk, dup, target)
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "reply", dup) is None
    assert f"was merged into {target}: work on {target}" in app.messages("warning")[0]
    assert Outbox.select().count() == 0


async def test_note_is_saved_without_review_and_keeps_the_state(desk: Desk) -> None:
    number = mail_ticket(desk, subject="Lenteurs")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "note", number, *"Voir G.", "ctrl+s") == number
    view = queries.ticket_view(number, me=desk.who, now=desk.now())
    assert view is not None and view.row.state == "new"
    notes = [m for m in view.messages if m.kind == NOTE]
    assert [m.body for m in notes] == ["Voir G."]
    assert Outbox.select().count() == 0


async def test_take_needs_no_dialog(desk: Desk) -> None:
    number = phone_ticket(desk, owner="Pétronille")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        assert await act(app, pilot, "take", number) == number
    assert row(desk, number).owner == "Nicolas"
