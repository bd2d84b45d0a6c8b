"""Merge into…: the possible duplicates are listed first (services.duplicates, read by a worker
thread): the arrows move in the list and show the highlighted ticket beside the duplicate, Enter
merges into it. Or type the target ticket's number: its check digit is checked as it is typed,
and both tickets (the duplicate and the target) are shown side by side before Enter confirms."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from logeas_tui.core import numbers
from logeas_tui.core.services import duplicates
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.views import TicketRow
from logeas_tui.i18n import say, t
from logeas_tui.screens.dialogs import Dialog, plain
from logeas_tui.widgets.background import in_thread
from logeas_tui.widgets.literal import literal

NUMBER_LENGTH = 16


def ticket_card(heading: str, row: TicketRow) -> Text:
    """Number, state, customer, subject and queue of `row`; mail text stays literal."""
    text = Text()
    text.append(heading + "\n", style="bold")
    customer = literal(row.customer)
    if row.customer_name:
        customer = literal(f"{row.customer_name} <{row.customer}>")
    for label, value in (
        (t("dlg.field.number"), Text(row.number, style="bold")),
        (t("dlg.field.state"), Text(t(f"state.{row.state}"))),
        (t("dlg.field.customer"), customer),
        (t("dlg.field.subject"), literal(row.subject)),
        (t("dlg.field.queue"), literal(row.queue)),
    ):
        text.append(f"{label:<10} ", style="dim")
        text.append_text(value)
        text.append("\n")
    text.rstrip()
    return text


def candidate_line(candidate: duplicates.Candidate) -> Text:
    """One candidate of the list: number, state, customer, subject, why; its first line."""
    text = Text()
    text.append(candidate.number, style="bold")
    text.append(f"  {t(f'state.short.{candidate.state}')}  ")
    text.append_text(literal(candidate.customer_name or candidate.customer))
    text.append(" — ")
    text.append_text(literal(candidate.subject or t("list.no_subject")))
    why = t("dup.same_customer" if candidate.same_customer else "dup.similar")
    if candidate.strong:
        why += ", " + t("dup.strong")
    text.append(f"  ({why})", style="dim")
    if candidate.first_line:
        text.append("\n    ")
        text.append_text(literal(candidate.first_line, "dim italic"))
    return text


class MergeScreen(Dialog[str]):
    """Asks for the ticket `row` is a duplicate of; dismisses with that ticket's number."""

    BINDINGS = [
        Binding("down", "candidate(1)", show=False),
        Binding("up", "candidate(-1)", show=False),
    ]

    class CandidatesRead(Message):
        """Private: the possible duplicates, read by the worker, with their rows for the card."""

        def __init__(self, found: list[duplicates.Candidate], rows: dict[str, TicketRow]) -> None:
            super().__init__()
            self.found = found
            self.rows = rows

    def __init__(self, desk: Desk, row: TicketRow) -> None:
        super().__init__()
        self.desk = desk
        self.row = row
        self.target: TicketRow | None = None
        self.candidates: list[duplicates.Candidate] = []
        self.candidate_rows: dict[str, TicketRow] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield plain(t("dlg.merge.title", number=self.row.number), "title")
            yield plain(t("dlg.merge.looking"), "hint", id="candidates-said")
            candidates = OptionList(id="candidates")
            candidates.can_focus = False  # the number field keeps the keys; ↑↓ move here
            candidates.display = False
            yield candidates
            yield Input(placeholder=t("dlg.merge.placeholder"), id="target", compact=True)
            yield plain(t("dlg.merge.type_number"), "error -progress", id="problem")
            with Horizontal(id="sides"):
                yield Static(ticket_card(t("dlg.merge.duplicate"), self.row), classes="side")
                yield Static(
                    Text(t("dlg.merge.target_empty")), classes="side -empty", id="target-side"
                )
            yield plain(t("dlg.merge.hint"), "hint")

    def on_mount(self) -> None:
        self.query_one("#target", Input).focus()
        self.read_candidates()

    @work(thread=True, group="merge-candidates", exclusive=True, exit_on_error=False)
    def read_candidates(self) -> None:
        """The possible duplicates and their rows, off the event loop."""

        def read() -> tuple[list[duplicates.Candidate], dict[str, TicketRow]]:
            found = duplicates.candidates(self.desk, self.row.number)
            now = self.desk.now()
            rows = {}
            for candidate in found:
                row = queries.ticket_row(candidate.number, me=self.desk.who, now=now)
                if row is not None:
                    rows[candidate.number] = row
            return found, rows

        self.post_message(self.CandidatesRead(*in_thread(read)))

    def on_merge_screen_candidates_read(self, message: CandidatesRead) -> None:
        """List the candidates; the first is highlighted (Enter merges into it)."""
        self.candidates = [c for c in message.found if c.number in message.rows]
        self.candidate_rows = message.rows
        said = self.query_one("#candidates-said", Static)
        listed = self.query_one("#candidates", OptionList)
        if not self.candidates:
            said.update(Text(t("dlg.merge.no_candidates")))
            return
        said.update(Text(t("dlg.merge.candidates")))
        listed.add_options(Option(candidate_line(c), id=c.number) for c in self.candidates)
        listed.display = True
        listed.highlighted = 0
        if not self.query_one("#target", Input).value:
            self.show_target("")

    def action_candidate(self, step: int) -> None:
        """↑/↓: move in the candidates (what is typed gives way to the list)."""
        listed = self.query_one("#candidates", OptionList)
        if not self.candidates:
            return
        field = self.query_one("#target", Input)
        if field.value:
            field.value = ""  # Input.Changed shows the highlighted candidate again
        current = listed.highlighted if listed.highlighted is not None else -step
        listed.highlighted = max(0, min(len(self.candidates) - 1, current + step))
        self.show_target("")

    @on(OptionList.OptionSelected, "#candidates")
    def clicked(self, event: OptionList.OptionSelected) -> None:
        """A click on a candidate chooses it."""
        if event.option_id:
            self.dismiss(event.option_id)

    def _highlighted(self) -> TicketRow | None:
        listed = self.query_one("#candidates", OptionList)
        if not self.candidates or listed.highlighted is None:
            return None
        return self.candidate_rows.get(self.candidates[listed.highlighted].number)

    @on(Input.Changed, "#target")
    def typed(self, event: Input.Changed) -> None:
        """Check the number as it is typed and show the target when it is a real ticket."""
        self.show_target(event.value)

    def show_target(self, value: str) -> None:
        number = value.replace(" ", "")
        self.target = None
        problem: str | None = None
        progress = False
        if not number and (chosen := self._highlighted()) is not None:
            self.target = chosen
        elif not number:
            problem, progress = t("dlg.merge.type_number"), True
        elif number.isdigit() and len(number) < NUMBER_LENGTH:
            problem, progress = t("dlg.merge.digits", count=len(number), total=NUMBER_LENGTH), True
        else:
            invalid = numbers.explain_invalid(number)
            problem = say(invalid) if invalid else None
            if problem is None:
                self.target = queries.ticket_row(number, me=self.desk.who, now=self.desk.now())
                if self.target is None:
                    problem = t("no_ticket", number=number)
        label = self.query_one("#problem", Static)
        label.update(Text(problem or t("dlg.merge.ready")))
        label.set_class(progress or problem is None, "-progress")
        side = self.query_one("#target-side", Static)
        side.set_class(self.target is None, "-empty")
        side.update(
            ticket_card(t("dlg.merge.target"), self.target)
            if self.target
            else Text(t("dlg.merge.target_empty"))
        )

    @on(Input.Submitted, "#target")
    def submitted(self) -> None:
        """Enter confirms once the target is shown."""
        if self.target is not None:
            self.dismiss(self.target.number)
