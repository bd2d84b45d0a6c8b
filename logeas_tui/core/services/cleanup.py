"""The Delete queue: tickets moved there are destroyed after a grace delay (default 24 h) so a
mistaken move can still be undone by moving the ticket out."""

from __future__ import annotations

from datetime import timedelta

from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.handoff import DELETE_QUEUE
from logeas_tui.core.store.models import Queue, Ticket
from logeas_tui.core.store.tx import writing


def purge_deleted(desk: Desk) -> list[str]:
    """Destroy the tickets whose grace delay in Delete has run out; returns their numbers."""
    limit = desk.now() - timedelta(hours=desk.config.delete_grace_hours)
    with writing():
        doomed = list(
            Ticket.select(Ticket.id, Ticket.number)
            .join(Queue)
            .where((Queue.name == DELETE_QUEUE) & (Ticket.moved_to_delete_at <= limit))
        )
        # Tickets merged into a doomed one have their messages there: they go with it.
        frontier = [t.id for t in doomed]
        while frontier:
            merged = list(
                Ticket.select(Ticket.id, Ticket.number).where(Ticket.merged_into.in_(frontier))
            )
            doomed += merged
            frontier = [t.id for t in merged]
        ids = [t.id for t in doomed]
        if ids:  # messages, history… and their search index go by cascade and trigger
            Ticket.delete().where(Ticket.id.in_(ids)).execute()
    return [t.number for t in doomed]
