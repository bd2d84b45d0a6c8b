"""Messages that cross widgets. Panes post them up; the main screen routes them down as
attributes ("attributes down, messages up"). Messages that can come in floods (cursor moves,
mail status) collapse in the queue with `can_replace`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

from logeas_tui.core.store.views import TicketRow

if TYPE_CHECKING:
    from logeas_tui.core.services.mail_sync import SyncReport


class TicketSelected(Message):
    """The cursor of the ticket list is on `row` (None: the list is empty)."""

    def __init__(self, row: TicketRow | None) -> None:
        super().__init__()
        self.row = row

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TicketSelected)


class TicketOpened(Message):
    """The technician asked to read `row` (Enter)."""

    def __init__(self, row: TicketRow) -> None:
        super().__init__()
        self.row = row


class TicketChanged(Message):
    """Ticket `number` was changed (an action, a new ticket): lists, counts and detail reload."""

    def __init__(self, number: str | None) -> None:
        super().__init__()
        self.number = number


class StoreChanged(Message):
    """Someone (another copy of the app, a script, this copy's mail worker) changed tickets:
    what is on screen is read again. Floods collapse: one re-read says it all."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, StoreChanged)


class MailSynced(Message):
    """The mail worker finished a round; `report` is its SyncReport."""

    def __init__(self, report: SyncReport | Any) -> None:
        super().__init__()
        self.report = report

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, (MailSynced, SyncFailed))


class MailProgress(Message):
    """The mail worker's round has stored `done` of the `total` new mails it found (a long
    sync); a later count, or the round's end, replaces it in the queue."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, (MailProgress, MailSynced, SyncFailed))


class SyncFailed(Message):
    """The mail worker could not run a round (or mail is not set up)."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, (MailSynced, SyncFailed))
