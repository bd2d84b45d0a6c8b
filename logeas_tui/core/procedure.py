"""The procedure's action table, written once (PROC-NFlog-2 § 1.5 and the product decisions).

For every action a technician can take — and for a customer's reply, which is the other thing
that changes a ticket's state — this table says which states accept it, which state it
leaves, and the sentence that refuses it; and what an obsolete queue still allows (moving the
ticket out). The keys grey themselves out from it, the services check it before they change
anything, the command line refuses with it and the help screen lists it. Change a rule here
and every one of them follows.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from logeas_tui.core.sentences import Sentence

# The states, as stored and as the procedure names them.
NEW = "new"
OPEN = "open"
PENDING = "pending reminder"
CLOSED_OK = "closed successful"
CLOSED_KO = "closed unsuccessful"
MERGED = "merged"
REMOVED = "removed"
STATES = (NEW, OPEN, PENDING, CLOSED_OK, CLOSED_KO, MERGED, REMOVED)
CLOSED_STATES = (CLOSED_OK, CLOSED_KO)
# A ticket that can still be worked on: not merged away, not removed.
LIVE_STATES = (NEW, OPEN, PENDING, CLOSED_OK, CLOSED_KO)
# A ticket still waiting for work: the review and the list without closed tickets show these.
IN_PROGRESS = (NEW, OPEN, PENDING)

KEPT = "kept"  # `leaves`: the state stays as it is
BEFORE = "before"  # `leaves`: the state the ticket had before (unmerge)
REPLIED = "replied"  # `leaves`: the state a customer's reply leaves (CUSTOMER_REPLY below)

# What a ticket can hold that an action needs (`Action.needs`), or where it can be that
# forbids an action (`marks`), besides a state.
UNKNOWN_SENDER = "unknown sender"  # a mail from an unknown sender, not accepted yet
OBSOLETE_QUEUE = "obsolete queue"  # the ticket's queue is obsolete: see IN_OBSOLETE_QUEUE


@dataclass(frozen=True)
class Action:
    """One row of the action table."""

    id: str
    accepts: tuple[str, ...]  # the states in which the action is allowed
    leaves: tuple[str, ...]  # the state(s) it leaves (KEPT, BEFORE, REPLIED or a state)
    refused: str  # sentence key said in a state the action does not accept (but live)
    needs: str = ""  # a mark the ticket must hold too (UNKNOWN_SENDER), else `lacking` is said
    lacking: str = ""


def _live_but(*states: str) -> tuple[str, ...]:
    return tuple(s for s in LIVE_STATES if s not in states)


ACTIONS: dict[str, Action] = {
    action.id: action
    for action in (
        # a duplicate or a complement: merge it into the existing ticket, which is open
        Action("merge", LIVE_STATES, (OPEN,), "merged_away"),
        Action("unmerge", (MERGED,), (BEFORE,), "not_merged"),
        # the technician knows the answer: reply, canned answer, documentation → closed
        Action("reply", LIVE_STATES, (CLOSED_OK,), "merged_away"),
        Action("canned", LIVE_STATES, (CLOSED_OK,), "merged_away"),
        Action("doc", LIVE_STATES, (CLOSED_OK,), "merged_away"),
        # lacking information: ask → closed (the reply reopens it), or pending with a reminder
        Action("ask", LIVE_STATES, (CLOSED_OK, PENDING), "merged_away"),
        Action("pending", LIVE_STATES, (PENDING,), "merged_away"),
        # not knowing the answer: another support level; state unchanged, owner changed
        Action("transfer", LIVE_STATES, (KEPT,), "merged_away"),
        # the wrong queue: move it; state left as it is
        Action("move", LIVE_STATES, (KEPT,), "merged_away"),
        Action("close", _live_but(CLOSED_OK), (CLOSED_OK,), "already_state"),
        Action("close_unsuccessful", _live_but(CLOSED_KO), (CLOSED_KO,), "already_state"),
        Action("reopen", (PENDING, *CLOSED_STATES), (OPEN,), "nothing_to_reopen"),
        Action("note", LIVE_STATES, (KEPT,), "merged_away"),
        Action("take", LIVE_STATES, (KEPT,), "merged_away"),
        Action("assign", LIVE_STATES, (KEPT,), "merged_away"),
        # a follow-up by number from an unknown sender is the customer's (or a colleague's)
        # after all: it does what their reply would have done
        Action(
            "accept", LIVE_STATES, (REPLIED,), "merged_away", UNKNOWN_SENDER, "nothing_to_accept"
        ),
    )
}

# Obsolete queues are read-only (PROCEDURE.md § 3): a ticket there is read and moved out,
# nothing else — no reopen, note or answer. (A customer's reply still joins it and moves it to
# the default queue: core.services.inbound.customer_replied.)
IN_OBSOLETE_QUEUE = frozenset({"move"})
assert set(ACTIONS) >= IN_OBSOLETE_QUEUE

# A customer's reply (by mail) to a ticket: a closed or pending ticket is reopened, a new one
# stays new. A reply to a merged ticket goes to the ticket it was merged into; one to a removed
# ticket becomes a new ticket. A mail that names the ticket's number but comes from an unknown
# sender (neither the customer nor anyone who wrote on the ticket) changes no state until a
# technician accepts it (the `accept` row above).
CUSTOMER_REPLY: dict[str, str] = {
    NEW: NEW,
    OPEN: OPEN,
    PENDING: OPEN,
    CLOSED_OK: OPEN,
    CLOSED_KO: OPEN,
}


def refusal(
    action: str,
    state: str,
    number: str = "",
    target: str = "",
    marks: Collection[str] = (),
) -> Sentence | None:
    """None when `action` is allowed on a ticket in `state` holding `marks`, else why not (one
    sentence). `number` is the ticket's, `target` the ticket a merged one was merged into."""
    rule = ACTIONS[action]
    if state in rule.accepts:
        if OBSOLETE_QUEUE in marks and action not in IN_OBSOLETE_QUEUE:
            return Sentence("obsolete_read_only", number=number)
        if rule.needs and rule.needs not in marks:
            return Sentence(rule.lacking, number=number)
        return None
    if state == REMOVED:
        return Sentence("removed", number=number)
    if state == MERGED:
        return Sentence("merged_away", number=number, target=target or "?")
    return Sentence(rule.refused, number=number, state=state)


def allowed(
    state: str, number: str = "", target: str = "", marks: Collection[str] = ()
) -> dict[str, Sentence | None]:
    """Every action with its refusal (None = allowed) for a ticket in `state` holding `marks`."""
    return {action: refusal(action, state, number, target, marks) for action in ACTIONS}


def leaves(action: str, choice: int = 0) -> str:
    """The state `action` leaves (`choice` picks among the alternatives, e.g. ask → pending)."""
    return ACTIONS[action].leaves[choice]


def after_customer_reply(state: str) -> str:
    """The state a ticket takes when its customer writes again (and when a mail from an
    unknown sender is accepted as theirs: REPLIED)."""
    return CUSTOMER_REPLY.get(state, state)
