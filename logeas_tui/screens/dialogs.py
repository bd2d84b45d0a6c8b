"""Small modal dialogs the action flows ask with: yes/no, a number of days, "close or pending",
and a list to choose from (with a preview pane). Each one dismisses with its answer, or None
when cancelled (Escape). None of them knows a procedure rule: the flows call the services."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from logeas_tui.i18n import t

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """Base of the dialogs: a centred box, Escape cancels (dismisses with None)."""

    CSS_PATH = "dialogs.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def action_cancel(self) -> None:
        self.dismiss(None)


def plain(text: str, classes: str = "", id: str | None = None) -> Static:
    """A Static showing `text` as typed (catalog texts are never parsed as markup either)."""
    return Static(Text(text), classes=classes, id=id)


class ConfirmScreen(Dialog[bool]):
    """A yes/no question. `y` or Enter says yes; `n` or Escape says no."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n", "answer(False)", "No", show=False),
    ]

    def __init__(
        self,
        question: str,
        detail: Text | None = None,
        *,
        yes: str | None = None,
        no: str | None = None,
    ) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes_label = yes or t("dlg.yes")
        self.no_label = no or t("dlg.no")

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield plain(self.question, "title")
            if self.detail is not None:
                yield Static(self.detail, classes="detail")
            with Horizontal(classes="buttons"):
                yield Button(Text(self.yes_label), variant="primary", id="yes")
                yield Button(Text(self.no_label), id="no")
            yield plain(t("dlg.confirm_hint"), "hint")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        """Yes or No was pressed."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def action_cancel(self) -> None:
        self.dismiss(False)


def parse_days(value: str) -> int | None:
    """The whole number typed in a days field, or None (the range is the service's rule)."""
    try:
        return int(value.strip())
    except ValueError:
        return None


class DaysScreen(Dialog[int]):
    """How many days until the reminder? Enter accepts; Escape cancels."""

    def __init__(self, title: str, detail: Text | None = None, default: int = 3) -> None:
        super().__init__()
        self.title_text = title
        self.detail = detail
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield plain(self.title_text, "title")
            if self.detail is not None:
                yield Static(self.detail, classes="detail")
            with Horizontal(classes="field"):
                yield Label(Text(t("dlg.days_label")), classes="label")
                yield Input(str(self.default), type="integer", id="days", compact=True)
            yield plain("", "error", id="days-error")
            yield plain(t("dlg.days_hint"), "hint")

    @on(Input.Submitted, "#days")
    def submitted(self, event: Input.Submitted) -> None:
        """Enter in the days field."""
        days = parse_days(event.value)
        if days is None:
            self.query_one("#days-error", Static).update(Text(t("dlg.days_missing")))
            return
        self.dismiss(days)


@dataclass(frozen=True)
class AskOutcome:
    """After asking the customer: close (pending_days None) or pending for that many days."""

    pending_days: int | None


class AskChoiceScreen(Dialog[AskOutcome]):
    """Asking for information: close now (the reply reopens) or pending with a reminder."""

    def __init__(self, default_days: int = 3) -> None:
        super().__init__()
        self.default_days = default_days

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield plain(t("dlg.ask.title"), "title")
            yield OptionList(
                Option(Text(t("dlg.ask.close")), id="close"),
                Option(Text(t("dlg.ask.pending")), id="pending"),
                id="choice",
            )
            with Horizontal(classes="field"):
                yield Label(Text(t("dlg.days_label")), classes="label")
                yield Input(str(self.default_days), type="integer", id="days", compact=True)
            yield plain("", "error", id="days-error")
            yield plain(t("dlg.ask.hint"), "hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    @on(OptionList.OptionSelected, "#choice")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter on one of the two choices."""
        if event.option_id == "close":
            self.dismiss(AskOutcome(None))
        else:
            self._pending()

    @on(Input.Submitted, "#days")
    def days_submitted(self) -> None:
        """Enter in the days field means "pending"."""
        self._pending()

    @on(Input.Changed, "#days")
    def days_typed(self, event: Input.Changed) -> None:
        """Typing a number of days selects "pending"."""
        if event.input.has_focus:
            self.query_one(OptionList).highlighted = 1

    def _pending(self) -> None:
        days = parse_days(self.query_one("#days", Input).value)
        if days is None:
            self.query_one("#days-error", Static).update(Text(t("dlg.days_missing")))
            self.query_one("#days", Input).focus()
            return
        self.dismiss(AskOutcome(days))


@dataclass(frozen=True)
class Choice:
    """One line of a ChoiceScreen: what it returns, what it shows, what the preview shows."""

    id: str
    label: Text
    preview: Text | None = None


class ChoiceScreen(Dialog[str]):
    """Pick one item of a list (Enter), with a preview pane of the highlighted item when the
    choices have previews. `wide` widens the box for long labels."""

    def __init__(
        self,
        title: str,
        choices: Sequence[Choice],
        *,
        hint: str,
        empty: str,
        detail: Text | None = None,
        wide: bool = False,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.hint = hint
        self.empty = empty
        self.detail = detail
        self.with_preview = any(c.preview is not None for c in self.choices)
        self.wide = wide or self.with_preview

    def compose(self) -> ComposeResult:
        classes = " ".join(
            c for c, on in (("-wide", self.wide), ("-preview", self.with_preview)) if on
        )
        with Vertical(id="box", classes=classes):
            yield plain(self.title_text, "title")
            if self.detail is not None:
                yield Static(self.detail, classes="detail")
            if not self.choices:
                yield plain(self.empty, "error")
            with Horizontal(id="panes"):
                yield OptionList(*(Option(c.label, id=c.id) for c in self.choices), id="choices")
                if self.with_preview:
                    with VerticalScroll(id="preview-pane"):
                        yield Static(self.choices[0].preview or "", id="preview")
            yield plain(self.hint, "hint")

    def on_mount(self) -> None:
        if self.choices:
            self.query_one(OptionList).highlighted = 0

    @on(OptionList.OptionHighlighted, "#choices")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the preview of the highlighted item."""
        if not self.with_preview:
            return
        preview = self.choices[event.option_index].preview
        self.query_one("#preview", Static).update(preview or Text(""))
        self.query_one("#preview-pane").scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#choices")
    def selected(self, event: OptionList.OptionSelected) -> None:
        """Enter chooses the item."""
        self.dismiss(event.option_id)
