"""Which actions a ticket's state allows — the procedure's rule, asked by the keys (to grey
them out) and the same refusals the services raise. Action ids are the key-binding ids."""

from __future__ import annotations

from logeas_tui.core.sentences import Sentence
from logeas_tui.core.store.models import CLOSED_STATES, MERGED, PENDING, REMOVED

ACTIONS = (
    "merge",
    "unmerge",
    "reply",
    "canned",
    "doc",
    "ask",
    "pending",
    "transfer",
    "move",
    "close",
    "close_unsuccessful",
    "reopen",
    "note",
    "take",
)


def refusal(action: str, state: str) -> str | None:
    """None when `action` is allowed on a ticket in `state`, else the reason (one sentence)."""
    if state == REMOVED:
        return Sentence("refused_removed")
    if action == "unmerge":
        return None if state == MERGED else Sentence("refused_unmerge")
    if state == MERGED:
        return Sentence("refused_merged")
    if action == "reopen" and state not in (*CLOSED_STATES, PENDING):
        return Sentence("refused_reopen")
    if action == "close" and state == CLOSED_STATES[0]:
        return Sentence("refused_closed")
    if action == "close_unsuccessful" and state == CLOSED_STATES[1]:
        return Sentence("refused_closed_ko")
    return None


def allowed(state: str) -> dict[str, str | None]:
    return {action: refusal(action, state) for action in ACTIONS}
