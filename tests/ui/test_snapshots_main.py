"""Snapshots of the main screen, one per state (fixed clock, fixed data, no cursor blink).
Each docstring says what must be visible; the SVGs are in __snapshots__/."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.pilot import Pilot

from logeas_tui.app import LogeasApp
from logeas_tui.widgets.queue_list import QueueList
from tests.conftest import FIXED_NOW
from tests.ui.conftest import Seeded, at, mail_in, settle

SIZE = (120, 40)


def choose_queue(name: str):
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        queues = pilot.app.screen.query_one(QueueList)
        queues.highlighted = queues.get_option_index(f"q:{name}")
        await settle(pilot)
        pilot.app.screen.query_one("#tickets").focus()
        await settle(pilot)

    return run_before


def press(*keys: str):
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_main_line_open(snap_compare, seeded: Seeded):
    """Tuesday 10:30: the banner says "Phone line open — closes at 12:00", Nicolas, "1 waiting
    for me" (the licence ticket, his and open), "⏰ 1 due" and "Mail not configured · 2 to
    send". The queue pane shows My review (3), Mine (1), the LoGeAs
    counts (3 open, 1 due), the two obsolete queues dimmed with "(obsolete)", and Spam, Virus,
    Mailing under "Held mail". The LoGeAs list is oldest first with all columns (number, age
    6d/4d/2d/1d coloured, state, customer, subject, owner) and the ● / ⏰ marks; the key bar
    lists the whole action table on two lines (assign last), "u unmerge" greyed for the pending
    ticket."""
    assert snap_compare(
        LogeasApp(seeded.desk), terminal_size=SIZE, run_before=choose_queue("LoGeAs")
    )


def test_main_line_closed(snap_compare, seeded: Seeded):
    """Tuesday 12:30: the banner says "Closed — voicemail; opens at 14:00" (warning colour);
    the rest is the LoGeAs queue as in the open-hours snapshot."""
    seeded.clock.set(datetime(2026, 11, 24, 11, 30, tzinfo=UTC))
    assert snap_compare(
        LogeasApp(seeded.desk), terminal_size=SIZE, run_before=choose_queue("LoGeAs")
    )


def test_main_closed_friday_evening(snap_compare, seeded: Seeded):
    """Friday 19:00: the banner says "Closed — voicemail; opens Mon 09:00"."""
    seeded.clock.set(datetime(2026, 11, 27, 18, 0, tzinfo=UTC))
    assert snap_compare(LogeasApp(seeded.desk), terminal_size=SIZE, run_before=press())


def test_my_review(snap_compare, seeded: Seeded):
    """My review (the screen at start): the due reminder "Mise à jour 2026.3" on top with ⏰
    (no ●: Nicolas assigned it, so he has seen its mail), then the unseen tickets oldest first
    (printer, licence); the title says "My review · 3 tickets"; the detail pane says "Enter:
    open ticket 2026111810000012."."""
    assert snap_compare(LogeasApp(seeded.desk), terminal_size=SIZE, run_before=press())


def test_ticket_detail(snap_compare, seeded: Seeded):
    """The licence ticket opened (j j Enter): its fields (state open, queue LoGeAs, customer
    Sophie Martin, owner Nicolas, dates), then its messages in order, each framed differently:
    "← Incoming mail" (blue), "Internal note (never sent)" (yellow), "→ Outgoing mail" (green),
    "Phone call" (magenta), the customer's second mail; the list above no longer shows ● on
    it; the detail pane has the focus and most of the height."""
    assert snap_compare(
        LogeasApp(seeded.desk), terminal_size=SIZE, run_before=press("j", "j", "enter")
    )


def test_ticket_detail_history(snap_compare, seeded: Seeded):
    """The printer ticket opened and scrolled to the end (G): the mail merged from the
    duplicate says "(came from ticket … by a merge)", then the History table lists created,
    merge with who and when."""
    assert snap_compare(
        LogeasApp(seeded.desk), terminal_size=SIZE, run_before=press("j", "enter", "G")
    )


def test_hostile_subject_shows_literally(snap_compare, seeded: Seeded, hostile: str):
    """A mail whose subject is `[bold red]x[/] <ESC>[31mrouge<ESC>[0m [link=…]clic[/link]`:
    the list row and the opened ticket show the brackets as typed and the escape character as
    "␛"; nothing is bold red, nothing is cleared, the layout is intact."""
    assert snap_compare(
        LogeasApp(seeded.desk), terminal_size=SIZE, run_before=press("j", "j", "j", "enter")
    )


def test_long_mail_shown_more(snap_compare, seeded: Seeded):
    """A 300-line mail opened, `e` pressed once (all of it now shown), scrolled to the end (G):
    its lines run down to `[b]ligne 299[/b] ␛[31m`, brackets and escape shown as typed, inside
    its frame (the bottom border, blue), with no "more not shown" line; then the History table."""
    body = "".join(f"[b]ligne {i}[/b] \x1b[31m\n" for i in range(300))
    number = mail_in(
        seeded.desk,
        seeded.clock,
        at(24, 9, 5),
        sender="gros@exemple.fr",
        name="Gros",
        subject="journal",
        body=body,
    )
    seeded.clock.set(FIXED_NOW)

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        tickets = pilot.app.screen.query_one("#tickets")
        tickets.cursor = next(i for i in range(tickets.count) if tickets.row_at(i).number == number)
        for key in ("enter", "e", "G"):
            await pilot.press(key)
            await settle(pilot)

    assert snap_compare(LogeasApp(seeded.desk), terminal_size=SIZE, run_before=run_before)


def test_narrow_80x24(snap_compare, seeded: Seeded):
    """At 80×24: the banner still says the line is open and the reminder due on one line (the
    name is dropped first, then "waiting for me", which the queue pane's Mine counts); the queue
    pane shows names with one "open" and one "due" count; the list keeps number, age, state,
    subject (customer and owner dropped); the key bar wraps on three lines, nothing cut."""
    assert snap_compare(LogeasApp(seeded.desk), terminal_size=(80, 24), run_before=press())


def test_narrow_80x24_detail(snap_compare, seeded: Seeded):
    """At 80×24 with the printer ticket opened: the queue pane steps aside while reading, so
    the list shows its customer column again and the detail shows the fields, the "Messages (2)"
    title and the first incoming mail framed; the list keeps 3 rows above."""
    assert snap_compare(
        LogeasApp(seeded.desk), terminal_size=(80, 24), run_before=press("j", "enter")
    )
