"""Merge into…: type the target ticket's number; its check digit is checked as it is typed, and
both tickets (the duplicate and the target) are shown side by side before Enter confirms."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from logeas_tui.core import numbers
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.views import TicketRow
from logeas_tui.i18n import say, t
from logeas_tui.screens.dialogs import Dialog, plain
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


class MergeScreen(Dialog[str]):
    """Asks for the ticket `row` is a duplicate of; dismisses with that ticket's number."""

    def __init__(self, desk: Desk, row: TicketRow) -> None:
        super().__init__()
        self.desk = desk
        self.row = row
        self.target: TicketRow | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield plain(t("dlg.merge.title", number=self.row.number), "title")
            yield Input(placeholder=t("dlg.merge.placeholder"), id="target", compact=True)
            yield plain(t("dlg.merge.type_number"), "error -progress", id="problem")
            with Horizontal(id="sides"):
                yield Static(ticket_card(t("dlg.merge.duplicate"), self.row), classes="side")
                yield Static(
                    Text(t("dlg.merge.target_empty")), classes="side -empty", id="target-side"
                )
            yield plain(t("dlg.merge.hint"), "hint")

    @on(Input.Changed, "#target")
    def typed(self, event: Input.Changed) -> None:
        """Check the number as it is typed and show the target when it is a real ticket."""
        self.show_target(event.value)

    def show_target(self, value: str) -> None:
        number = value.replace(" ", "")
        self.target = None
        problem: str | None = None
        progress = False
        if not number:
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
