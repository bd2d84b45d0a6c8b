"""The live team view: an open app shows what another process changed in the store — a close,
a new ticket, a customer's new mail, a ticket handed to me — without a key press, the cursor
staying on its ticket and a dialog being typed in left alone; "Mine" lists my tickets. The other technician is a real second process (the
`logeas` command line, as Guillaume) writing to the same SQLite file."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from logeas_tui.app import LogeasApp
from logeas_tui.screens.compose import ComposeScreen
from logeas_tui.screens.main import MainScreen
from logeas_tui.widgets.hours_banner import HoursBanner
from logeas_tui.widgets.queue_list import QueueList
from logeas_tui.widgets.ticket_detail import TicketDetail
from tests.conftest import FIXED_NOW, TECHNICIANS
from tests.ui.conftest import Seeded, at, mail_in, settle
from tests.ui.test_main import rendered

pytestmark = pytest.mark.both_engines  # two copies on one SQLite file or PostgreSQL database

SIZE = (120, 40)
LOGEAS = str(Path(sys.executable).with_name("logeas"))


def guillaume_config(folder: Path) -> Path:
    """The settings of Guillaume's copy: the same team, another `me`."""
    lines = ['language = "en"', "[support]", 'me = "Guillaume"']
    for tech in TECHNICIANS:
        lines += [
            "[[technicians]]",
            f'name = "{tech.name}"',
            f'email = "{tech.email}"',
            f"level = {tech.level}",
        ]
    path = folder / f"guillaume-{os.getpid()}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def guillaume(db_path: Path | str, *args: str, stdin: bytes | None = None) -> str:
    """Run one `logeas` verb in another process, as Guillaume, on the app's store."""
    config = guillaume_config(Path(tempfile.gettempdir()))
    proc = await asyncio.create_subprocess_exec(
        LOGEAS,
        "--db",
        str(db_path),
        "--config",
        str(config),
        *args,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "LOGEAS_NOW": "2026-11-24T10:31"},
    )
    out, err = await asyncio.wait_for(proc.communicate(stdin), timeout=60)
    assert proc.returncode == 0, err.decode()
    return out.decode()


async def shows(pilot: Pilot, seen: Callable[[], bool], within: float = 15.0) -> None:
    """Let the app run, without a key, until `seen()` (what the screen shows) is true. (It
    shows within a second or two; the bound is loose for a loaded machine, not a target.)"""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        await pilot.pause(0.05)
        if seen():
            return
    raise AssertionError("the screen never showed the other process's change")


def numbers_shown(tickets: Any) -> list[str | None]:
    """The numbers of the list's rows as drawn (None: a row whose page is still loading)."""
    return [getattr(tickets.row_at(i), "number", None) for i in range(tickets.count)]


def main(app: LogeasApp) -> MainScreen:
    assert app.main_screen is not None
    return app.main_screen


def list_lines(app: LogeasApp) -> list[str]:
    """The ticket list as plain text (header first), whichever screen is on top."""
    tickets = main(app).ticket_list
    return [tickets.render_line(y).text for y in range(tickets.scrollable_content_region.height)]


def detail_text(app: LogeasApp) -> str:
    detail = main(app).query_one(TicketDetail)
    return rendered(detail.query_one("#body").content)


def line_of(app: LogeasApp, number: str) -> str:
    return next((line for line in list_lines(app) if number in line), "")


async def test_a_close_by_another_process_shows_on_the_open_ticket_and_its_row(
    app, seeded: Seeded, db_path: Path
):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")  # reading the printer ticket, open, in my review
        await settle(pilot)
        screen = main(app)
        assert "open" in line_of(app, seeded.printer)
        await guillaume(db_path, "close", seeded.printer)
        await shows(pilot, lambda: "closed" in line_of(app, seeded.printer))
        await shows(pilot, lambda: "closed successful" in detail_text(app))
        # the row stays under my cursor (closed tickets are not in the review otherwise),
        # the keys follow its new state and the history says who did it
        assert screen.selected.number == seeded.printer
        assert screen.selected.state == "closed successful"
        assert not screen.check_action("act", ("close",))
        assert "Guillaume" in detail_text(app)
        assert screen.detail.number == seeded.printer


async def test_the_cursor_follows_its_ticket_when_a_row_above_leaves_the_list(
    app, seeded: Seeded, db_path: Path
):
    latest = mail_in(
        seeded.desk,
        seeded.clock,
        at(24, 9, 20),
        sender="paul@exemple.fr",
        name="Paul Durand",
        subject="Écran noir",
        body="Plus rien ne s'affiche.\n",
    )
    seeded.clock.set(FIXED_NOW)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        await pilot.press("j", "j")  # update, printer, [licence], latest
        assert screen.selected.number == seeded.licence
        await guillaume(db_path, "close", seeded.printer)  # a row above mine goes away
        await shows(pilot, lambda: seeded.printer not in "".join(list_lines(app)))
        await settle(pilot)
        assert screen.selected.number == seeded.licence
        assert screen.ticket_list.cursor == 1
        lines = list_lines(app)
        assert seeded.licence in lines[2] and latest in lines[3]  # line 0 is the header


async def test_a_new_mail_ticket_from_another_process_joins_the_review_and_its_count(
    app, seeded: Seeded, db_path: Path, tmp_path: Path
):
    mail = tmp_path / "new.eml"
    mail.write_bytes(
        b"From: Paul Durand <paul@exemple.fr>\r\nTo: support@logeas.fr\r\n"
        b"Subject: Sauvegarde impossible\r\nMessage-ID: <sauvegarde@exemple.fr>\r\n"
        b"Date: Tue, 24 Nov 2026 10:31:00 +0100\r\n\r\nLa sauvegarde s'arrete.\r\n"
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        queues = main(app).query_one(QueueList)
        assert queues.review_count == 3
        await guillaume(db_path, "import", "--no-ack", str(mail))
        await shows(pilot, lambda: "Sauvegarde impossible" in "".join(list_lines(app)))
        await shows(pilot, lambda: queues.review_count == 4)
        assert main(app).selected.number == seeded.update  # the cursor did not move


async def test_a_new_mail_from_another_process_joins_the_search_shown(
    app, seeded: Seeded, db_path: Path, tmp_path: Path
):
    """The list reads a search's hits once for its count and pages; read again when the store
    changes, it searches again and finds the new mail."""
    mail = tmp_path / "new.eml"
    mail.write_bytes(
        b"From: Paul Durand <paul@exemple.fr>\r\nTo: support@logeas.fr\r\n"
        b"Subject: Onduleur en panne\r\nMessage-ID: <onduleur@exemple.fr>\r\n"
        b"Date: Tue, 24 Nov 2026 10:31:00 +0100\r\n\r\nL'onduleur sonne.\r\n"
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tickets = main(app).ticket_list
        await pilot.press("slash", *"onduleur ", "enter")
        await shows(pilot, lambda: tickets.filter.search is not None and tickets.count == 0)
        await guillaume(db_path, "import", "--no-ack", str(mail))
        await shows(pilot, lambda: "Onduleur en panne" in "".join(list_lines(app)))
        assert tickets.count == 1


async def test_a_customer_mail_on_the_open_ticket_shows_in_its_detail(
    app, seeded: Seeded, db_path: Path, tmp_path: Path
):
    follow_up = tmp_path / "relance.eml"
    follow_up.write_bytes(
        b"From: s.martin@cabinet-martin.fr\r\nTo: support@logeas.fr\r\n"
        b"Subject: Re: [Ticket#" + seeded.licence.encode() + b"] Erreur de licence\r\n"
        b"Message-ID: <relance@cabinet-martin.fr>\r\n\r\nToujours refusee ce matin.\r\n"
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        assert "Toujours refusee" not in detail_text(app)
        await guillaume(db_path, "import", "--no-ack", str(follow_up))
        await shows(pilot, lambda: "Toujours refusee ce matin." in detail_text(app))
        assert main(app).detail.has_focus  # reading goes on where it was


async def test_a_dialog_being_typed_in_is_left_alone_while_the_list_changes(
    app, seeded: Seeded, db_path: Path
):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "r")  # a reply to the licence ticket
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen)
        await pilot.press(*"Bonjour")
        await guillaume(db_path, "close", seeded.printer)
        await shows(pilot, lambda: seeded.printer not in "".join(list_lines(app)))
        # the list beneath was read again; the dialog, its text and its focus are untouched
        assert isinstance(app.screen, ComposeScreen)
        editor = app.screen.query_one(TextArea)
        assert editor.text == "Bonjour" and editor.has_focus
        await pilot.press(*" Madame")
        assert editor.text == "Bonjour Madame"


async def test_mine_lists_my_tickets_and_a_transfer_to_me_shows_up_in_it(
    app, seeded: Seeded, db_path: Path
):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        banner = screen.query_one(HoursBanner)
        assert "1 waiting for me" in banner.render().plain
        await pilot.press("M")  # my tickets: the licence ticket, which Nicolas took
        await settle(pilot)
        tickets = screen.ticket_list
        assert numbers_shown(tickets) == [seeded.licence]
        assert str(tickets.border_title) == "Mine · 1 ticket"
        assert screen.query_one(QueueList).mine_count == 1
        # Guillaume hands me his pending ticket, whose reminder is due: it waits for me now
        await guillaume(db_path, "transfer", seeded.update, "Nicolas")
        await shows(pilot, lambda: numbers_shown(tickets) == [seeded.update, seeded.licence])
        await shows(pilot, lambda: "2 waiting for me" in banner.render().plain)
        assert screen.query_one(QueueList).mine_count == 2
        await pilot.press("M")  # again: back to my review
        await settle(pilot)
        assert str(tickets.border_title).startswith("My review")
