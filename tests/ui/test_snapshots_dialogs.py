"""Snapshots of the dialogs, the phone form and the help screen at 120×40, fixed clock (Tuesday
2026-11-24 10:30 Paris) and fixed data; each docstring says what must be visible.
Update with `pytest tests/ui/test_snapshots_dialogs.py --snapshot-update`, then read the SVGs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from textual.pilot import Pilot
from textual.widgets import Select

from logeas_tui.core.services import drafts, tickets
from logeas_tui.core.services.desk import Desk
from logeas_tui.screens.compose import ComposeScreen
from logeas_tui.screens.help import HelpScreen
from logeas_tui.screens.phone import PhoneIntakeScreen
from tests.ui.harness import HOSTILE_SUBJECT, Harness, mail_ticket, still

SIZE = (120, 40)
SnapCompare = Callable[..., bool]


def flow(
    app: Harness, action: str, number: str, keys: Iterable[str] = ()
) -> Callable[[Pilot], Awaitable[None]]:
    async def run_before(pilot: Pilot) -> None:
        app.start(action, number)
        await pilot.pause()
        for worker in list(app.workers):  # the merge dialog's list of possible duplicates
            if worker.group == "merge-candidates":
                await worker.wait()
        await pilot.pause()
        await pilot.press(*keys)
        await still(pilot)

    return run_before


def printer(desk: Desk) -> str:
    return mail_ticket(
        desk,
        subject="Impossible d'imprimer les bordereaux",
        body="Bonjour,\nl'impression échoue depuis ce matin.\n",
    )


def test_phone_form_with_an_owner_error(desk: Desk, snap_compare: SnapCompare) -> None:
    """The phone banner on the top line ("Phone line open — closes at 12:00"); the form with
    0123456789 typed and "→ 0123456789@logeas.fr" under it, name, queue LoGeAs, subject,
    what was done, the unticked "Intervention finished" box, Owner "(nobody)" and, under it,
    the service's sentence "The intervention is not finished: choose an owner…"."""
    app = Harness(desk)

    async def run_before(pilot: Pilot) -> None:
        app.open(PhoneIntakeScreen(desk))
        await pilot.pause()
        app.screen.query_one("#owner", Select).clear()
        await pilot.press(
            *"0123456789",
            "tab",
            *"Mme Roux",
            "tab",
            "tab",
            *"Sauvegarde",
            "tab",
            *"Rappeler",
            "ctrl+s",
        )
        await still(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_phone_ticket_saved(desk: Desk, snap_compare: SnapCompare) -> None:
    """After ctrl+s: "Ticket created — give the customer this number:", the number
    2026112410000019 in large digits and in plain text, "The ticket is open; owner: Nicolas.",
    the subject, and "y: copy the number · Enter or Esc: close"."""
    app = Harness(desk)

    async def run_before(pilot: Pilot) -> None:
        app.open(PhoneIntakeScreen(desk))
        await pilot.pause()
        await pilot.press(*"0123456789", "tab", "tab", "tab", *"Sauvegarde", "ctrl+s")
        await still(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_merge_shows_both_tickets(desk: Desk, snap_compare: SnapCompare) -> None:
    """Merge dialog listing 2026112410000019 as a possible duplicate (same customer, likely
    duplicate, with "l'impression échoue depuis ce matin."), the target number typed and
    "Check both tickets, then press Enter";
    left the duplicate 2026112410000028 whose subject shows literally as
    "[bold red]x[/] ␛[31mrouge␛[0m"; right the existing ticket 2026112410000019
    "Impossible d'imprimer les bordereaux"; number, state, customer, subject, queue each."""
    target = printer(desk)
    dup = mail_ticket(desk, subject=HOSTILE_SUBJECT)
    app = Harness(desk)
    assert snap_compare(app, terminal_size=SIZE, run_before=flow(app, "merge", dup, target))


def test_merge_wrong_check_digit(desk: Desk, snap_compare: SnapCompare) -> None:
    """Merge dialog listing 2026112410000019 (same customer), 2026112410000012 typed:
    "2026112410000012 has a wrong check digit:
    it was probably mistyped."; the right-hand side still says the existing ticket will show
    there."""
    printer(desk)
    dup = mail_ticket(desk, subject="Re: imprimante")
    app = Harness(desk)
    assert snap_compare(
        app, terminal_size=SIZE, run_before=flow(app, "merge", dup, "2026112410000012")
    )


def test_canned_list_with_preview(desk: Desk, snap_compare: SnapCompare) -> None:
    """Canned answers listed by title, the second ("Install the latest update") highlighted;
    the preview pane shows its text filled in: "Hello Jean Dupont," … "Nicolas — LoGeAs
    support"."""
    number = printer(desk)
    app = Harness(desk)
    assert snap_compare(app, terminal_size=SIZE, run_before=flow(app, "canned", number, ["down"]))


def test_doc_list_with_preview(desk: Desk, snap_compare: SnapCompare) -> None:
    """Documentation references by title with their ref in brackets; the preview shows the
    mail for the first one with its URL https://doc.logeas.fr/installation/poste."""
    number = printer(desk)
    app = Harness(desk)
    assert snap_compare(app, terminal_size=SIZE, run_before=flow(app, "doc", number))


def test_compose_reply(desk: Desk, snap_compare: SnapCompare) -> None:
    """ "Reply to ticket 2026112410000019", "To: jean.dupont@exemple.fr", the editor holding
    "Bonjour,", the buttons Review (ctrl+s) / $EDITOR (ctrl+e) / Discard (F8) / Keep as draft
    (Esc) and the hint "… Esc: keep as a draft · F8: discard it"."""
    number = printer(desk)
    app = Harness(desk)
    assert snap_compare(
        app, terminal_size=SIZE, run_before=flow(app, "reply", number, [*"Bonjour,"])
    )


def test_compose_review_step(desk: Desk, snap_compare: SnapCompare) -> None:
    """Review of the reply: "Review — Reply to ticket 2026112410000019", the recipient, the
    final text "Bonjour," read-only, the buttons "Send and close" / Edit / Leave and the hint
    "s or Enter: send · e or Esc: back to the text · c: leave"."""
    number = printer(desk)
    app = Harness(desk)
    assert snap_compare(
        app, terminal_size=SIZE, run_before=flow(app, "reply", number, [*"Bonjour,", "ctrl+s"])
    )


def test_ask_info_choice(desk: Desk, snap_compare: SnapCompare) -> None:
    """After writing the request: "After sending the request, the ticket is:" with the two
    choices "closed — the customer's reply reopens it" (highlighted) and "pending — remind me
    in the number of days below", and "Remind in (days): 3"."""
    number = printer(desk)
    app = Harness(desk)
    assert snap_compare(
        app, terminal_size=SIZE, run_before=flow(app, "ask", number, ["x", "ctrl+s", "s"])
    )


def test_pending_days(desk: Desk, snap_compare: SnapCompare) -> None:
    """ "Put ticket 2026112410000019 on pending", the ticket line, "Remind in (days): 3"."""
    number = printer(desk)
    app = Harness(desk)
    assert snap_compare(app, terminal_size=SIZE, run_before=flow(app, "pending", number))


def test_transfer_list(desk: Desk, snap_compare: SnapCompare) -> None:
    """Transfer of a ticket owned by Nicolas: "Now: Nicolas (level 1)" and a list holding only
    "Guillaume — level 2" (Pétronille is level 1 too)."""
    number = printer(desk)
    tickets.take(desk, number)
    app = Harness(desk)
    assert snap_compare(app, terminal_size=SIZE, run_before=flow(app, "transfer", number))


def test_move_list(desk: Desk, snap_compare: SnapCompare) -> None:
    """Move: "Current queue: LoGeAs (only active queues are offered)"; the list of active
    queues with their purpose, without LoGeAs, LoGeAs:Relation ERF or LoGeAsSauv."""
    number = printer(desk)
    app = Harness(desk)
    assert snap_compare(app, terminal_size=SIZE, run_before=flow(app, "move", number))


def test_confirm_close(desk: Desk, snap_compare: SnapCompare) -> None:
    """ "Close ticket 2026112410000019 (successful)?", the ticket line, Yes (focused) / No and
    "y or Enter: yes · n or Esc: no"."""
    number = printer(desk)
    app = Harness(desk)
    assert snap_compare(app, terminal_size=SIZE, run_before=flow(app, "close", number))


def test_note_compose(desk: Desk, snap_compare: SnapCompare) -> None:
    """ "Internal note on ticket 2026112410000019" with no recipient line, the button
    "Save (ctrl+s)" instead of Review, and the hint "ctrl+s: save · …"."""
    number = printer(desk)
    app = Harness(desk)
    assert snap_compare(app, terminal_size=SIZE, run_before=flow(app, "note", number))


def test_compose_offers_the_draft(desk: Desk, snap_compare: SnapCompare) -> None:
    """The reply's draft offered again: under "To: jean.dupont@exemple.fr" the line "Your
    draft of 2026-11-24 10:30, not sent yet.", and the editor holding "Bonjour, voici la
    clé."."""
    number = printer(desk)
    drafts.save(desk, number, "reply", "Bonjour, voici la clé.")
    app = Harness(desk)
    assert snap_compare(app, terminal_size=SIZE, run_before=flow(app, "reply", number))


def test_help_screen(desk: Desk, snap_compare: SnapCompare) -> None:
    """ "Keys" in two columns: on the left Navigation (j / ↓, k / ↑, g, G, tab, enter, /) then
    Other (?, ctrl+p, q); on the right Ticket actions (m, u, r, a, d, i, p, t, v, c, o, n, T,
    F2 / N); each key with its description, nothing cut, and "Esc or ?: close"."""
    app = Harness(desk)
    bindings = [
        ("j / ↓", "cursor_down", "Next ticket"),
        ("k / ↑", "cursor_up", "Previous ticket"),
        ("g", "first", "First ticket"),
        ("G", "last", "Last ticket"),
        ("tab", "focus_next", "Next pane"),
        ("enter", "open", "Open the ticket"),
        ("/", "filter", "Full-text filter"),
        ("m", "merge", "Merge into…"),
        ("u", "unmerge", "Unmerge"),
        ("r", "reply", "Reply"),
        ("a", "canned", "Canned answer"),
        ("d", "doc", "Documentation reference"),
        ("i", "ask", "Ask for information"),
        ("p", "pending", "Pending reminder"),
        ("t", "transfer", "Transfer to another level"),
        ("v", "move", "Move to queue"),
        ("c", "close", "Close"),
        ("o", "reopen", "Reopen"),
        ("n", "note", "Internal note"),
        ("T", "take", "Take"),
        ("F2 / N", "phone", "New phone ticket"),
        ("?", "help", "Keys"),
        ("ctrl+p", "command_palette", "Command palette"),
        ("q", "quit", "Quit"),
    ]

    async def run_before(pilot: Pilot) -> None:
        app.open(HelpScreen(bindings))
        await still(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_compose_shows_a_hostile_recipient_literally(desk: Desk, snap_compare: SnapCompare) -> None:
    """A compose screen whose recipient is "[bold red]x[/]@exemple.fr" shows it as typed
    after "To:" (no red, no bold), and the title as given."""
    app = Harness(desk)

    async def run_before(pilot: Pilot) -> None:
        app.open(ComposeScreen("Reply to ticket 2026112410000019", to="[bold red]x[/]@exemple.fr"))
        await still(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
