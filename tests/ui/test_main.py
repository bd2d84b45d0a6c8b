"""Pilot tests of the main screen: what a technician does with the keys, checked on the screen
and in the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from rich.console import Console
from rich.style import Style

from logeas_tui.app import LogeasApp
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import Queue, Seen, Technician, Ticket
from logeas_tui.messages import TicketSelected
from logeas_tui.screens.main import MainScreen
from logeas_tui.widgets.hours_banner import HoursBanner
from logeas_tui.widgets.key_bar import KeyBar
from logeas_tui.widgets.queue_list import QueueList
from logeas_tui.widgets.ticket_detail import TicketDetail
from logeas_tui.widgets.ticket_list import TicketList
from tests.ui.conftest import Seeded, settle

SIZE = (120, 40)


def main(app: LogeasApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def list_lines(app: LogeasApp) -> list[str]:
    """The ticket list as plain text, line by line (header first)."""
    tickets = app.screen.query_one(TicketList)
    return [tickets.render_line(y).text for y in range(tickets.scrollable_content_region.height)]


def rendered(renderable: object, width: int = 100) -> str:
    console = Console(width=width, record=True, color_system=None, file=None)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


def notifications(app: LogeasApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


async def test_review_lists_new_unseen_and_due_tickets_oldest_first(app, seeded: Seeded):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tickets = main(app).ticket_list
        numbers = [tickets.row_at(i).number for i in range(tickets.count)]
        # the due reminder on top, then oldest first; seen phone tickets and held mail are not
        assert numbers == [seeded.update, seeded.printer, seeded.licence]
        lines = list_lines(app)
        # reminder due; no ●: Nicolas assigned it in the seed, and acting marks its mail seen
        assert "⏰" in lines[1] and "●" not in lines[1]
        assert seeded.printer in lines[2] and "Impossible d'imprim" in lines[2]
        assert "●" in lines[2]  # customer mail unseen


async def test_cursor_keys_move_the_selection(app, seeded: Seeded):
    selections: list[str | None] = []

    def hook(message: object) -> None:
        if isinstance(message, TicketSelected):
            selections.append(message.row.number if message.row else None)

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await settle(pilot)
        screen = main(app)
        assert screen.selected.number == seeded.update
        await pilot.press("j")
        assert screen.selected.number == seeded.printer
        await pilot.press("down", "down")  # the last row holds
        assert screen.selected.number == seeded.licence
        await pilot.press("g")
        assert screen.selected.number == seeded.update
        await pilot.press("G")
        assert screen.selected.number == seeded.licence
        await pilot.press("k", "up")
        assert screen.selected.number == seeded.update
        await pilot.press("pagedown")
        assert screen.selected.number == seeded.licence
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.selected.number == seeded.update
    assert seeded.printer in selections and seeded.licence in selections


async def test_enter_opens_the_ticket_and_marks_it_seen(app, seeded: Seeded):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        assert queries.ticket_row(seeded.printer, me="Nicolas", now=seeded.clock.now()).unseen
        await pilot.press("j", "enter")
        await settle(pilot)
        detail = screen.query_one(TicketDetail)
        assert detail.number == seeded.printer
        assert detail.has_focus
        text = rendered(detail.query_one("#body").content)
        assert "Impossible d'imprimer les bordereaux" in text
        assert "Incoming mail" in text and "capture.png" in text  # kind and attachment told
        assert text.index("Depuis ce matin") < text.index("J'ai oublié")  # messages in order
        assert "History" in text and "merge" in text
        # in the database, for me only
        nicolas = Technician.get(Technician.name == "Nicolas")
        ticket = Ticket.get(Ticket.number == seeded.printer)
        seen = Seen.get((Seen.technician == nicolas) & (Seen.ticket == ticket))
        assert seen.last_message == ticket.last_in_id
        assert not queries.ticket_row(seeded.printer, me="Nicolas", now=seeded.clock.now()).unseen
        assert queries.ticket_row(seeded.printer, me="Pétronille", now=seeded.clock.now()).unseen
        # the mark is gone from the list, the row stays under the cursor
        assert "●" not in list_lines(app)[2] and seeded.printer in list_lines(app)[2]
        assert screen.query_one(QueueList).review_count == 2
        # Escape goes back to the list
        await pilot.press("escape")
        assert screen.ticket_list.has_focus


async def test_slash_filters_the_list_and_escape_clears_it(app, seeded: Seeded):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        assert screen.ticket_list.count == 3
        await pilot.press("slash")
        assert screen.query_one("#filter").has_focus
        await pilot.press(*"licence", "enter")
        await settle(pilot)
        assert screen.ticket_list.count == 1
        assert screen.selected.number == seeded.licence
        assert screen.ticket_list.has_focus
        assert "licence" in str(screen.ticket_list.border_title)
        await pilot.press("escape")
        await settle(pilot)
        assert screen.ticket_list.count == 3
        assert not screen.query_one("#filter").display


async def test_search_finds_closed_tickets_too(app, seeded: Seeded):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"mot de passe", "enter")
        await settle(pilot)
        assert main(app).selected.number == seeded.password


async def test_queue_pane_shows_a_queue_oldest_first(app, seeded: Seeded):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        queues = screen.query_one(QueueList)
        queues.focus()
        await pilot.press("down")  # from My review to Mine: the one ticket Nicolas owns
        await settle(pilot)
        tickets = screen.ticket_list
        assert [tickets.row_at(i).number for i in range(tickets.count)] == [seeded.licence]
        await pilot.press("down")  # to LoGeAs
        await settle(pilot)
        assert [tickets.row_at(i).number for i in range(tickets.count)] == [
            seeded.update,
            seeded.printer,
            seeded.licence,
            seeded.backup,
        ]
        assert str(tickets.border_title).startswith("LoGeAs")


async def test_a_long_list_pages_without_offset(app, seeded: Seeded, monkeypatch):
    """450 open tickets, created seven at a time in the same second: j, page-down, G, k,
    page-up and g always select, and show around the cursor, the rows the list has there;
    every page is read next to one already read, or from the start or the end."""
    queue = Queue.get(Queue.name == "Saturne")
    base = datetime(2026, 10, 1, 8, 0)
    order = sorted(range(450), key=lambda i: (i * 37) % 450)  # ids not in creation order
    Ticket.insert_many(
        [
            {
                "number": f"20261001{i:08d}",
                "queue": queue.id,
                "state": "open",
                "subject": f"appel {i}",
                "created": base + timedelta(seconds=i // 7),
                "updated": base,
            }
            for i in order
        ]
    ).execute()
    reads: list[dict[str, object]] = []
    list_tickets = queries.list_tickets

    def recorded(*args, **kw):
        reads.append(kw)
        return list_tickets(*args, **kw)

    monkeypatch.setattr(queries, "list_tickets", recorded)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        queues = screen.query_one(QueueList)
        queues.highlighted = queues.get_option_index("q:Saturne")
        await settle(pilot)
        tickets = screen.ticket_list
        tickets.focus()
        everything = [
            r.number
            for r in list_tickets(tickets.filter, me="Nicolas", now=seeded.clock.now(), limit=None)
        ]
        assert tickets.count == len(everything) == 450

        async def press(key: str, row: int) -> None:
            await pilot.press(key)
            await settle(pilot)
            assert tickets.cursor == row, key
            assert screen.selected.number == everything[row], key
            top = round(tickets.scroll_y)
            shown = [tickets.row_at(top + y) for y in range(tickets.page_height)]
            assert [r.number for r in shown if r] == everything[top : top + len(shown)], key

        height = tickets.page_height
        row = 0
        for key, move, times in (("j", 1, 3), ("pagedown", height, 12), ("k", -1, 2)):
            for _ in range(times):
                row = max(0, min(row + move, 449))
                await press(key, row)
        for _ in range(5):
            row -= height
            await press("pageup", row)
        await press("G", 449)
        for row in range(448, 440, -1):
            await press("k", row)
        for _ in range(4):
            row = max(0, row - height)
            await press("pageup", row)
        Ticket.update(subject="rappelé", version=Ticket.version + 1).where(
            Ticket.number == everything[row]
        ).execute()
        tickets.reload()  # as after an action: the cursor stays, its rows are read again
        await settle(pilot)
        assert screen.selected.number == everything[row]
        assert screen.selected.subject == "rappelé"
        await press("j", row + 1)
        await press("g", 0)
        await press("G", 449)
    assert not [kw for kw in reads if kw.get("offset")]
    assert {"before": queries.END, "limit": 50} in [
        {k: kw[k] for k in ("before", "limit") if k in kw} for kw in reads
    ]  # G: the last 50 rows, read backwards from the end


async def test_queue_pane_marks_obsolete_and_sets_held_queues_apart(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        queues = main(app).query_one(QueueList)
        ids = [queues.get_option_at_index(i).id for i in range(queues.option_count)]
        prompts = {o: str(queues.get_option(o).prompt) for o in ids if o}
        assert "(obsolete)" in prompts["q:LoGeAsSauv"]
        assert "(obsolete)" not in prompts["q:LoGeAs"]
        held = ids.index("q:Spam")
        assert ids.index("q:Delete") < held and ids.index("q:Virus") > held
        assert ids[held - 1] is None  # the "Held mail" header, not a queue
        assert queues.get_option_at_index(held - 1).disabled


async def test_closed_tickets_hidden_until_x(app, seeded: Seeded):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        queues = screen.query_one(QueueList)
        queues.highlighted = queues.get_option_index("q:Secrétariat")
        await settle(pilot)
        assert screen.ticket_list.count == 0
        screen.ticket_list.focus()
        await pilot.press("x")
        await settle(pilot)
        assert screen.selected.number == seeded.password


@pytest.mark.parametrize("key, action", [("u", "unmerge"), ("o", "reopen")])
async def test_forbidden_action_key_is_greyed_and_says_why(app, seeded: Seeded, key, action):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        await pilot.press("j")  # the printer ticket: open
        assert screen.selected.state == "open"
        assert screen.active_bindings[key].enabled is False
        assert screen.active_bindings["c"].enabled is True
        items = {item.plain: item for item in screen.query_one(KeyBar)._items()}
        greyed = {
            plain
            for plain, item in items.items()
            if any(isinstance(span.style, Style) and span.style.dim for span in item.spans)
        }
        assert f"{key} {action}" in greyed and "c close" not in greyed  # shown, greyed out
        before = Ticket.get(Ticket.number == seeded.printer)
        await pilot.press(key)
        await pilot.pause()
        said = notifications(app)
        expected = (
            "not merged: nothing to unmerge."
            if action == "unmerge"
            else "not closed or pending: there is nothing to reopen."
        )
        assert any(expected in n for n in said), said
        after = Ticket.get(Ticket.number == seeded.printer)
        assert (after.state, after.version) == (before.state, before.version)


async def test_allowed_action_key_runs_the_action_and_refreshes(app, seeded: Seeded):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        await pilot.press("j")
        assert screen.selected.owner is None
        await pilot.press("T")  # take: no dialog
        await settle(pilot)
        ticket = Ticket.get(Ticket.number == seeded.printer)
        assert ticket.owner.name == "Nicolas"
        assert screen.selected.owner == "Nicolas"  # the list was read again
        assert "Nicolas" in list_lines(app)[2]


async def test_banner_follows_the_clock_across_noon(seeded: Seeded, monkeypatch):
    monkeypatch.setattr(HoursBanner, "REFRESH_SECONDS", 0.05)
    seeded.clock.set(datetime(2026, 11, 24, 10, 59, 30, tzinfo=UTC))  # 11:59:30 in Paris
    app = LogeasApp(seeded.desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        banner = app.screen.query_one(HoursBanner)
        assert "Phone line open — closes at 12:00" in str(banner.render())
        assert banner.has_class("-open")
        seeded.clock.set(datetime(2026, 11, 24, 11, 0, 30, tzinfo=UTC))  # 12:00:30
        await pilot.pause(0.2)  # the timer fires
        assert "Closed — voicemail; opens at 14:00" in str(banner.render())
        assert banner.has_class("-closed")


async def test_banner_on_a_friday_evening_and_a_holiday(seeded: Seeded):
    seeded.clock.set(datetime(2026, 11, 27, 18, 0, tzinfo=UTC))  # Friday 19:00
    app = LogeasApp(seeded.desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        banner = app.screen.query_one(HoursBanner)
        assert "Closed — voicemail; opens Mon 09:00" in str(banner.render())
        seeded.clock.set(datetime(2026, 12, 25, 9, 0, tzinfo=UTC))  # Christmas, 10:00
        banner.update_status()
        text = str(banner.render())
        assert "public holiday" in text and "opens Sat" not in text


async def test_french_texts(seeded: Seeded):
    from dataclasses import replace

    desk = replace(seeded.desk, config=replace(seeded.desk.config, language="fr"))
    app = LogeasApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Ligne ouverte — ferme à 12:00" in str(app.screen.query_one(HoursBanner).render())
        assert "Ma revue" in str(main(app).ticket_list.border_title)
        assert "Numéro" in list_lines(app)[0]
        assert main(app).active_bindings["m"].binding.description == "fusionner"


async def test_markup_and_escape_codes_in_mail_show_literally(app, seeded: Seeded, hostile):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        tickets = screen.ticket_list
        index = next(i for i in range(tickets.count) if tickets.row_at(i).number == hostile)
        tickets.cursor = index
        line = list_lines(app)[index + 1]
        assert "[bold red]x[/]" in line
        assert "\x1b" not in line and "␛[31m" in line
        await pilot.press("enter")
        await settle(pilot)
        text = rendered(screen.query_one(TicketDetail).query_one("#body").content)
        assert "[bold red]x[/] ␛[31mrouge␛[0m [link=http://evil]clic[/link]" in text
        assert "[i]Mallory[/i]" in text and "[b]gras[/b]" in text
        assert "\x1b" not in text and "\x07" not in text
        svg = app.export_screenshot()
        assert "\x1b" not in svg


async def test_keymap_from_config_rebinds_an_action(seeded: Seeded):
    from dataclasses import replace

    desk = replace(seeded.desk, config=replace(seeded.desk.config, keys=(("take", "ctrl+t"),)))
    app = LogeasApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "ctrl+t")
        await settle(pilot)
        assert Ticket.get(Ticket.number == seeded.printer).owner.name == "Nicolas"


async def test_mail_not_configured_is_said(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        status = app.screen.query_one("#sync")
        assert "Mail not configured" in str(status.render())
        assert "2 to send" in str(status.render())  # the reply and the question wait


async def test_help_lists_the_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        bindings = main(app).help_bindings()
        actions = {action for _, action, _ in bindings}
        assert {"merge", "take", "close_unsuccessful", "cursor_down", "search"} <= actions
        described = {action: text for _, action, text in bindings}
        # the state each action leaves comes from the procedure's table
        assert described["reply"] == "write a reply → closed"
        assert described["ask"] == "ask for information → closed or pending"
        assert described["transfer"] == "transfer to another support level → state kept"
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpScreen"


async def test_mail_worker_shows_a_server_error_literally(seeded: Seeded):
    """A real refused connection (nothing listens on port 1): the banner says so, the app
    stays usable. (Real servers: tests/integration/test_app_mail.py.)"""
    from dataclasses import replace

    from logeas_tui.core.config import ServerConf

    conf = replace(
        seeded.desk.config,
        imap=ServerConf(
            host="127.0.0.1", port=1, security="none", user="u", password="p", poll_seconds=3600
        ),
    )
    app = LogeasApp(replace(seeded.desk, config=conf))
    async with app.run_test(size=SIZE) as pilot:
        status = app.screen.query_one("#sync")
        for _ in range(250):
            await pilot.pause(0.02)
            if status.error:
                break
        assert "IMAP" in status.error and "refused" in status.error.lower()
        assert "Mail error" in str(status.render())
        await pilot.press("j")  # still usable
        assert main(app).selected is not None


async def test_palette_lists_phone_intake_and_the_selected_tickets_actions(app, seeded: Seeded):
    from logeas_tui.app import DeskCommands

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")  # the printer ticket, open
        provider = DeskCommands(app.screen)
        found = [hit.text async for hit in provider.discover()]
        assert "New phone ticket" in found
        assert f"Close {seeded.printer}" in found
        assert f"Reopen {seeded.printer}" not in found  # what the state forbids is not offered
        hits = [hit.text async for hit in provider.search("take")]
        assert hits == [f"Take {seeded.printer}"]
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"


async def test_the_app_destroys_delete_queue_tickets_after_the_grace_delay(seeded: Seeded):
    """No mail configured: the purge still runs in the background."""
    from datetime import timedelta

    from logeas_tui.core.services import handoff

    handoff.move(seeded.desk, seeded.backup, "Delete")
    seeded.clock.advance(timedelta(hours=seeded.desk.config.delete_grace_hours + 1))
    app = LogeasApp(seeded.desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(100):
            if not Ticket.select().where(Ticket.number == seeded.backup).exists():
                break
            await pilot.pause(0.02)
    assert not Ticket.select().where(Ticket.number == seeded.backup).exists()
    assert Ticket.select().where(Ticket.number == seeded.printer).exists()
