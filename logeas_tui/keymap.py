"""The `[keys]` section checked against the action registry before the app starts: an unknown
action id, a key Textual cannot read, or a key that another action (or the panes' own movement
keys) already uses is refused with the file, the line and the key — `merge = "r"` would hide
reply, and `merge = "q"` would take quit's place."""

from __future__ import annotations

from functools import cache

from textual.binding import Binding
from textual.keys import Keys, _character_to_key, key_to_character

from logeas_tui import actions
from logeas_tui.core.config import Config, setting_error
from logeas_tui.core.sentences import Sentence
from logeas_tui.widgets.queue_list import QueueList
from logeas_tui.widgets.ticket_detail import TicketDetail
from logeas_tui.widgets.ticket_list import TicketList

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")


@cache
def _names() -> frozenset[str]:
    named = {key.value for key in Keys} | {_character_to_key(chr(c)) for c in range(32, 127)}
    return frozenset(named | {f"f{n}" for n in range(1, 25)})


def readable(key: str) -> bool:
    """True when Textual knows `key` ("M", "f5", "ctrl+x", "question_mark", "é")."""
    *mods, base = key.split("+") if key != "+" else ["+"]
    if any(mod not in MODIFIERS for mod in mods) or not base:
        return False
    if len(base) == 1:
        return base.isprintable()
    return base in _names() or key_to_character(base) is not None


def _pane_keys() -> dict[str, str]:
    """The movement keys of the panes (j, k, g, G, enter…): not rebindable, never shadowed."""
    out: dict[str, str] = {}
    for widget in (TicketList, QueueList, TicketDetail):
        for binding in widget.BINDINGS:
            if isinstance(binding, Binding):
                for key in binding.key.split(","):
                    out.setdefault(key.strip(), binding.id or binding.action)
    return out


def check(config: Config) -> None:
    """Raise ConfigError for the first `[keys]` entry the app could not honour."""
    chosen = dict(config.keys)
    effective: dict[str, list[str]] = {}  # key -> the actions it would run
    for action in actions.REGISTRY:
        for key in chosen.get(action.id, action.keys).split(","):
            effective.setdefault(key.strip(), []).append(action.id)
    panes = _pane_keys()
    ids = ", ".join(action.id for action in actions.REGISTRY)
    for action_id, keys in config.keys:
        if action_id not in actions.BY_ID:
            raise setting_error(config, "keys", action_id, Sentence("config.no_action", ids=ids))
        for key in (k.strip() for k in keys.split(",")):
            if not readable(key):
                raise setting_error(
                    config, "keys", action_id, Sentence("config.not_key", typed=repr(key))
                )
            others = [other for other in effective.get(key, ()) if other != action_id]
            if others:
                raise setting_error(
                    config,
                    "keys",
                    action_id,
                    Sentence("config.key_taken", typed=repr(key), other=others[0]),
                )
            if key in panes:
                raise setting_error(
                    config,
                    "keys",
                    action_id,
                    Sentence("config.key_moves", typed=repr(key), panes=panes[key]),
                )
