"""The drafts' rows: one per ticket, technician and kind, written over as the text grows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from logeas_tui.core.store.models import Draft, Ticket


@dataclass(frozen=True)
class DraftView:
    number: str
    technician: str
    kind: str  # the action it is written for: reply, note, ask
    body: str
    updated: datetime  # naive UTC, as stored


def put(ticket_id: int, technician: str, kind: str, body: str, at: datetime) -> None:
    """Store `body` as the draft, replacing the one there (one statement on both engines)."""
    (
        Draft.insert(ticket=ticket_id, technician=technician, kind=kind, body=body, updated=at)
        .on_conflict(
            conflict_target=[Draft.ticket, Draft.technician, Draft.kind],
            update={Draft.body: body, Draft.updated: at},
        )
        .execute()
    )


def remove(ticket_id: int, technician: str, kind: str) -> None:
    Draft.delete().where(
        (Draft.ticket == ticket_id) & (Draft.technician == technician) & (Draft.kind == kind)
    ).execute()


def drafts(number: str, technician: str) -> list[DraftView]:
    """The drafts of `technician` on ticket `number`, by kind."""
    query = (
        Draft.select(Draft.technician, Draft.kind, Draft.body, Draft.updated)
        .join(Ticket)
        .where((Ticket.number == number) & (Draft.technician == technician))
        .order_by(Draft.kind)
    )
    return [DraftView(number, d.technician, d.kind, d.body, d.updated) for d in query]
