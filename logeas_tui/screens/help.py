"""`?` help: every key of the main screen with what it does, grouped as navigation, the action
table, and the rest. The caller passes the bindings it really has (so rebinding through the
config shows here too); Escape or `?` closes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from logeas_tui.actions import GROUPS, group_of
from logeas_tui.i18n import t
from logeas_tui.screens.dialogs import Dialog, plain


def help_text(bindings: Sequence[tuple[str, str, str]], groups: Sequence[str] = GROUPS) -> Text:
    """The bindings of `groups`, grouped and aligned (keys left, descriptions right)."""
    grouped: dict[str, list[tuple[str, str]]] = {group: [] for group in GROUPS}
    for key, action, description in bindings:
        grouped[group_of(action)].append((key, description))
    width = max((len(key) for key, _, _ in bindings), default=4) + 2
    text = Text()
    for group in groups:
        if not grouped[group]:
            continue
        if text:
            text.append("\n")
        text.append(t(f"dlg.help.{group}") + "\n", style="bold underline")
        for key, description in grouped[group]:
            text.append(f"  {key:<{width}}", style="bold")
            text.append(description + "\n")
    text.rstrip()
    return text


class HelpScreen(Dialog[None]):
    """The keys, grouped; rows are (key, action id, description). Navigation and the rest on
    the left, the action table on the right."""

    BINDINGS = [Binding("question_mark", "cancel", "Close", show=False)]

    def __init__(self, bindings: Sequence[tuple[str, str, str]]) -> None:
        super().__init__()
        self.bindings = list(bindings)

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield plain(t("dlg.help.title"), "title")
            with VerticalScroll(id="help-keys"), Horizontal():
                yield Static(help_text(self.bindings, ("navigation", "other")), classes="column")
                yield Static(help_text(self.bindings, ("actions",)), classes="column")
            yield plain(t("dlg.help.hint"), "hint")
