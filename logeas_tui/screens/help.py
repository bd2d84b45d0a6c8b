"""`?` help: every key of the main screen with what it does, grouped as navigation, the action
table, and the rest. The caller passes the bindings it really has (so rebinding through the
config shows here too); Escape or `?` closes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from logeas_tui.actions import GROUPS, group_of
from logeas_tui.i18n import t
from logeas_tui.screens.dialogs import Dialog, plain


def help_text(
    bindings: Sequence[tuple[str, str, str]], groups: Sequence[str] = GROUPS
) -> RenderableType:
    """The bindings of `groups`, grouped and aligned: keys left, descriptions right, a long
    description wrapping under its own column (a grid per group, not padded text)."""
    grouped: dict[str, list[tuple[str, str]]] = {group: [] for group in GROUPS}
    for key, action, description in bindings:
        grouped[group_of(action)].append((key, description))
    width = max((len(key) for key, _, _ in bindings), default=4)
    parts: list[RenderableType] = []
    for group in groups:
        if not grouped[group]:
            continue
        if parts:
            parts.append(Text())
        parts.append(Text(t(f"dlg.help.{group}"), style="bold underline"))
        grid = Table.grid(padding=(0, 2, 0, 0))
        grid.add_column(width=width + 2, no_wrap=True)  # two spaces of indent, then the key
        grid.add_column(ratio=1)
        for key, description in grouped[group]:
            grid.add_row(Text(f"  {key}", style="bold"), Text(description))
        parts.append(grid)
    return Group(*parts)


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
