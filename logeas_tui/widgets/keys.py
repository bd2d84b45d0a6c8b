"""Keys: the action table's keys, and bindings' descriptions in the current language.

Bindings are declared with catalog keys as descriptions (class attributes are built before
the language is known); each instance swaps them for the text in the current language."""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode
from textual.screen import Screen

from logeas_tui.core import procedure
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.store.views import TicketRow
from logeas_tui.i18n import t, texts
from logeas_tui.texts import Catalog

# The action table: (key, action id). The id is also the binding id (rebindable in the config)
# and the description's catalog key is "act.<id>".
ACTION_KEYS = (
    ("m", "merge"), ("u", "unmerge"), ("r", "reply"), ("a", "canned"), ("d", "doc"),
    ("i", "ask"), ("p", "pending"), ("t", "transfer"), ("v", "move"), ("c", "close"),
    ("C", "close_unsuccessful"), ("o", "reopen"), ("n", "note"), ("T", "take"),
)  # fmt: skip
ACTIONS = tuple(action for _, action in ACTION_KEYS)
assert set(ACTIONS) <= set(procedure.ACTIONS), "every key is a row of the action table"


def refusal_for(action: str, row: TicketRow) -> Sentence | None:
    """Why the procedure forbids `action` on the ticket of `row` (None: it is allowed)."""
    return procedure.refusal(action, row.state, row.number, row.merged_into or "")


# Textual's own bindings worth listing in the help (in our words, "help.<action>").
TEXTUAL_KEYS = frozenset({
    "focus_next", "focus_previous", "scroll_up", "scroll_down", "scroll_home", "scroll_end",
    "page_up", "page_down", "quit", "cursor_up", "cursor_down", "first", "last", "select",
})  # fmt: skip


def translate_bindings(node: DOMNode, catalog: Catalog | None = None) -> None:
    """Replace `node`'s binding descriptions (catalog keys) by their translation, from
    `catalog` or else the running app's (an App translates its own before it runs)."""
    catalog = catalog or texts()
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=catalog.t(b.description)) if b.description else b
            for b in bindings
        ]


def help_rows(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(key, action id, description) of every key active on `screen`, for the help screen."""
    out = []
    for active in screen.active_bindings.values():
        binding = active.binding
        action = binding.id if binding.id in ACTIONS else binding.action
        if binding.id is None:  # one of Textual's own keys: ours to name, or left out
            name = action.rpartition(".")[2]
            if name not in TEXTUAL_KEYS:
                continue
            description = t(f"help.{name}")
        elif binding.id in ACTIONS:
            description = t(f"act.{binding.id}.long")
        else:
            description = binding.description
        out.append((screen.app.get_key_display(binding), action, description))
    return out
