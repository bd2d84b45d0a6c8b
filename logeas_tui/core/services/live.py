"""The live team view: several technicians on one store, each screen showing the others' work.

The UI asks `watch()` about once a second whether anyone changed the tickets (the store's cheap
check, `store.changes`) and re-reads what it shows when so; an action refused because the
ticket changed meanwhile reads the ticket again here (`current_row`) and, for an answer to the
customer, whether someone else answered it since the screen showed it (`answer_after`).
"""

from __future__ import annotations

from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.changes import ChangeWatch
from logeas_tui.core.store.changes import watch as _watch
from logeas_tui.core.store.views import MessageView, TicketRow

__all__ = ["ChangeWatch", "answer_after", "current_row", "watch"]


def watch() -> ChangeWatch:
    """A change watch on the store this process opened (close it when done)."""
    return _watch()


def current_row(desk: Desk, number: str) -> TicketRow | None:
    """Ticket `number` as a list shows it now (None: it no longer exists)."""
    return queries.ticket_row(number, me=desk.who, now=desk.now())


def answer_after(number: str, message_id: int) -> MessageView | None:
    """The newest answer a technician sent the customer of ticket `number` after message
    `message_id` (the newest one the screen had shown), acknowledgements left out."""
    return queries.answer_after(number, message_id)
