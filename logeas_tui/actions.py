"""Every technician action of the UI, once: its id, default keys, where its key lives, its group
in the help, whether the key bar shows it, whether the command palette offers it, and — for
the rows of the procedure's action table — the flow that asks what it needs and calls the
service (by its name in `screens.flows`, loaded with its dialogs at the first ticket key: the
start-up needs none of them).

The bindings of the app and of the main screen, the key bar's order, the help screen's groups,
the command palette and the `[keys]` keymap (which rebinds by id) are all derived from this
table. Adding an action: its service and its row in `core.procedure`, one entry here with its
flow in `screens.flows`, and its texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.binding import Binding, BindingType
from textual.screen import Screen

from logeas_tui.core import procedure
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store.views import TicketRow
from logeas_tui.i18n import t

APP, MAIN = "app", "main"  # where the binding lives: the whole app, or the main screen
NAVIGATION, ACTIONS, OTHER = "navigation", "actions", "other"  # the help screen's groups
GROUPS = (NAVIGATION, ACTIONS, OTHER)


@dataclass(frozen=True)
class Action:
    id: str  # the binding id, rebindable in the config's [keys]
    keys: str  # default keys, comma-separated as Textual takes them
    group: str
    scope: str = MAIN
    show: bool = True  # in the key bar
    palette: bool = False  # offered by the command palette (ticket actions always are)
    priority: bool = False
    flow: str = ""  # a row of the action table, run on the selected ticket: its flow's name
    textual_action: str = ""  # what Textual runs, when it is not `act('<id>')`
    text: str = ""  # the short name's catalog key, when it is not `act.<id>` / `key.<id>`

    @property
    def on_ticket(self) -> bool:
        return bool(self.flow)

    @property
    def description(self) -> str:
        """The short name's catalog key (key bar); the help uses `<key>.long` when it exists."""
        return self.text or (f"act.{self.id}" if self.on_ticket else f"key.{self.id}")

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.textual_action or f"act('{self.id}')",
            self.description,
            show=self.show,
            priority=self.priority,
            id=self.id,
        )


def _ticket(action_id: str, keys: str, flow: str, *, show: bool = True) -> Action:
    return Action(action_id, keys, ACTIONS, flow=flow, palette=True, show=show)


REGISTRY: tuple[Action, ...] = (
    # the whole app
    Action("quit", "q", OTHER, APP, textual_action="quit", text="app.quit"),
    Action("help", "question_mark", OTHER, APP, textual_action="help", text="app.help"),
    Action(
        "palette", "ctrl+p", OTHER, APP, show=False, priority=True,
        textual_action="command_palette", text="app.palette",
    ),
    Action("phone", "f2,N", ACTIONS, APP, palette=True, textual_action="phone", text="app.phone"),
    Action(
        "sync_now", "s", OTHER, APP, show=False, palette=True, textual_action="sync_now",
        text="app.sync",
    ),
    Action(
        "stats", "S", OTHER, APP, show=False, palette=True, textual_action="stats",
        text="app.stats",
    ),
    # the main screen
    Action("search", "slash", NAVIGATION, textual_action="search"),
    Action("back", "escape", NAVIGATION, show=False, textual_action="back"),
    Action("toggle_closed", "x", OTHER, show=False, textual_action="toggle_closed"),
    Action("mine", "M", NAVIGATION, textual_action="mine"),
    Action("unfold", "e", NAVIGATION, show=False, textual_action="unfold"),
    Action("reload", "f5,ctrl+r", OTHER, show=False, palette=True, textual_action="reload"),
    # the procedure's action table, in its order
    _ticket("merge", "m", "merge_flow"),
    _ticket("unmerge", "u", "unmerge_flow"),
    _ticket("reply", "r", "reply_flow"),
    _ticket("canned", "a", "canned_flow"),
    _ticket("doc", "d", "doc_flow"),
    _ticket("ask", "i", "ask_flow"),
    _ticket("pending", "p", "pending_flow"),
    _ticket("transfer", "t", "transfer_flow"),
    _ticket("move", "v", "move_flow"),
    _ticket("close", "c", "close_flow"),
    _ticket("close_unsuccessful", "C", "close_unsuccessful_flow"),
    _ticket("reopen", "o", "reopen_flow"),
    _ticket("note", "n", "note_flow"),
    _ticket("take", "T", "take_flow"),
    _ticket("assign", "A", "assign_flow"),
    # rarely of use: the detail names its key above the mail it accepts (not in the key bar)
    _ticket("accept", "K", "accept_flow", show=False),
)  # fmt: skip

BY_ID = {action.id: action for action in REGISTRY}
TICKET_ACTIONS = tuple(action.id for action in REGISTRY if action.on_ticket)
assert set(TICKET_ACTIONS) <= set(procedure.ACTIONS), "every ticket key is a row of the table"

# Textual's own bindings (they carry no id) that the help lists, with their group.
TEXTUAL_KEYS = {
    "focus_next": NAVIGATION, "focus_previous": NAVIGATION, "scroll_up": NAVIGATION,
    "scroll_down": NAVIGATION, "scroll_home": NAVIGATION, "scroll_end": NAVIGATION,
    "page_up": NAVIGATION, "page_down": NAVIGATION, "cursor_up": NAVIGATION,
    "cursor_down": NAVIGATION, "first": NAVIGATION, "last": NAVIGATION, "select": NAVIGATION,
    "quit": OTHER,
}  # fmt: skip
OBSOLETE_NOTE = "obsolete_queue"  # the help's line on what obsolete queues allow (no key)


def bindings(scope: str) -> list[BindingType]:
    """The bindings that live in `scope` (APP or MAIN), in the registry's order."""
    return [action.binding() for action in REGISTRY if action.scope == scope]


def group_of(binding_id: str) -> str:
    """The help group of a binding: the registry's, else navigation (the panes' own keys)."""
    if binding_id == OBSOLETE_NOTE:
        return ACTIONS
    action = BY_ID.get(binding_id)
    return action.group if action else TEXTUAL_KEYS.get(binding_id, NAVIGATION)


def refusal_for(action: str, row: TicketRow) -> Sentence | None:
    """Why the procedure forbids `action` on the ticket of `row` (None: it is allowed); the
    flows check it too."""
    return procedure.refusal(action, row.state, row.number, row.merged_into or "", row.marks)


async def run(screen: Screen[Any], desk: Desk, action_id: str, row: TicketRow) -> str | None:
    """Run ticket action `action_id` on `row` (see `flows.run_action`)."""
    from logeas_tui.screens import flows  # and the dialogs: loaded on the first ticket key

    action = BY_ID[action_id]
    assert action.flow, action_id
    return await flows.run_action(screen, desk, action_id, getattr(flows, action.flow), row)


def leaves_text(action_id: str) -> str:
    """The state the procedure's table says `action_id` leaves, in words ("closed or pending")."""
    words = {
        procedure.KEPT: "help.leaves_kept",
        procedure.BEFORE: "help.leaves_before",
        procedure.REPLIED: "help.leaves_replied",
    }
    names = [
        t(words[state]) if state in words else t(f"state.short.{state}")
        for state in procedure.ACTIONS[action_id].leaves
    ]
    return t("help.leaves_or").join(names)


def help_rows(screen: Screen[Any]) -> list[tuple[str, str, str]]:
    """(key, id, description) of every key active on `screen`, for the help screen; Textual's
    own keys carry their action's name as id. The action table ends with what an obsolete
    queue still allows (its keys, keyless row)."""
    out = []
    still: list[str] = []  # the keys an obsolete queue allows
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.id is None:  # one of Textual's own keys: ours to name, or left out
            name = binding.action.rpartition(".")[2]
            if name not in TEXTUAL_KEYS:
                continue
            out.append((screen.app.get_key_display(binding), name, t(f"help.{name}")))
            continue
        description = binding.description
        action = BY_ID.get(binding.id)
        if action is not None and action.on_ticket:
            description = f"{t(f'{action.description}.long')} → {leaves_text(action.id)}"
            if action.id in procedure.IN_OBSOLETE_QUEUE:
                still.append(screen.app.get_key_display(binding))
        out.append((screen.app.get_key_display(binding), binding.id, description))
    if still:
        out.append(("", OBSOLETE_NOTE, t("help.obsolete", keys=", ".join(still))))
    return out
