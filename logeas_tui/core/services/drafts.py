"""Drafts: a reply, a note or a request for information being written is kept on the ticket,
for the technician writing it, until it is sent or explicitly discarded — so neither Esc nor a
crash of the app loses it, and the same action on the same ticket offers it again. Sending
drops it in the same transaction as the send: the text is either sent or still a draft."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from logeas_tui.core.services.common import get_ticket
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import draft_queries
from logeas_tui.core.store.draft_queries import DraftView
from logeas_tui.core.store.tx import writing
from logeas_tui.core.store.views import TicketView

KINDS = ("reply", "note", "ask")  # the actions whose text is written by hand
T = TypeVar("T")


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"no draft is kept for {kind!r}")  # a caller's mistake, not a user's
    return kind


def save(desk: Desk, number: str, kind: str, body: str) -> None:
    """Keep `body` as the technician's `kind` draft on ticket `number` (a blank text keeps
    nothing: the draft goes)."""
    kind = _kind(kind)
    with writing():
        ticket = get_ticket(number)
        if body.strip():
            draft_queries.put(ticket.id, desk.who, kind, body, desk.now())
        else:
            draft_queries.remove(ticket.id, desk.who, kind)


def draft(desk: Desk, number: str, kind: str) -> DraftView | None:
    """The technician's `kind` draft on ticket `number`, if any."""
    kind = _kind(kind)
    return next((d for d in draft_queries.drafts(number, desk.who) if d.kind == kind), None)


def marked(desk: Desk, view: TicketView | None) -> TicketView | None:
    """`view` with the kinds of the technician's drafts on it: the detail names them and the
    key that goes on with each."""
    if view is None:
        return view
    kinds = tuple(d.kind for d in draft_queries.drafts(view.row.number, desk.who))
    return replace(view, drafts=kinds) if kinds else view


def discard(desk: Desk, number: str, kind: str) -> None:
    """Drop the technician's `kind` draft on ticket `number` (asked for: nothing is kept)."""
    kind = _kind(kind)
    with writing():
        draft_queries.remove(get_ticket(number).id, desk.who, kind)


def sent(desk: Desk, number: str, kind: str, send: Callable[[], T]) -> T:
    """`send()` the text (a service call writing on ticket `number`) and drop its draft in the
    same transaction; when `send` fails, the draft stays as it was."""
    kind = _kind(kind)
    with writing():
        result = send()
        draft_queries.remove(get_ticket(number).id, desk.who, kind)
    return result
