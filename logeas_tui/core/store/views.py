"""Frozen dataclasses handed to the UI and the command line — never peewee model instances,
so no lazy foreign-key read can hide a query on the UI thread."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from logeas_tui.core.procedure import OBSOLETE_QUEUE, UNKNOWN_SENDER


def iso(value: datetime | None) -> str | None:
    return value.replace(tzinfo=UTC).isoformat() if value else None


@dataclass(frozen=True)
class QueueView:
    name: str
    purpose: str
    valid: bool
    acknowledge: bool
    held: bool
    counts: dict[str, int]  # state word -> count
    pending_due: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "purpose": self.purpose,
            "valid": self.valid,
            "held": self.held,
            "counts": dict(self.counts),
            "pending_due": self.pending_due,
        }


@dataclass(frozen=True)
class TechnicianView:
    name: str
    email: str
    level: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class TicketRow:
    """One line of a ticket list."""

    id: int
    number: str
    queue: str
    state: str
    owner: str | None
    customer: str
    customer_name: str
    subject: str
    created: datetime
    updated: datetime
    pending_until: datetime | None
    merged_into: str | None
    messages: int
    unseen: bool = False  # a customer message I have not seen yet
    reminder_due: bool = False
    version: int = 1
    last_message: int = 0  # id of its newest message when read (what came after is new to me)
    unknown_sender: bool = False  # holds a mail from an unknown sender not accepted yet
    obsolete_queue: bool = False  # its queue is obsolete: read-only

    @property
    def marks(self) -> frozenset[str]:
        """What the ticket holds that an action of the procedure's table needs (`needs`), and
        where it is that forbids actions (an obsolete queue)."""
        held = {UNKNOWN_SENDER} if self.unknown_sender else set()
        return frozenset(held | ({OBSOLETE_QUEUE} if self.obsolete_queue else set()))

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "queue": self.queue,
            "state": self.state,
            "owner": self.owner,
            "customer": self.customer,
            "customer_name": self.customer_name,
            "subject": self.subject,
            "created": iso(self.created),
            "updated": iso(self.updated),
            "pending_until": iso(self.pending_until),
            "merged_into": self.merged_into,
            "messages": self.messages,
            "unknown_sender": self.unknown_sender,
            "version": self.version,
        }


@dataclass(frozen=True)
class AttachmentView:
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class MessageView:
    id: int
    kind: str
    from_addr: str
    to_addr: str
    cc: str
    subject: str
    body: str
    date: datetime
    author: str
    message_id: str | None
    raw_sha256: str | None
    attachments: tuple[AttachmentView, ...]
    parse_problem: str | None
    merged_from: str | None  # number of the ticket it came from by a merge
    unknown_sender: bool = False  # from an unknown sender, not accepted yet

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "from": self.from_addr,
            "to": self.to_addr,
            "cc": self.cc,
            "subject": self.subject,
            "body": self.body,
            "date": iso(self.date),
            "author": self.author,
            "message_id": self.message_id,
            "raw_sha256": self.raw_sha256,
            "attachments": [asdict(a) for a in self.attachments],
            "parse_problem": self.parse_problem,
            "unknown_sender": self.unknown_sender,
        }


@dataclass(frozen=True)
class HistoryView:
    at: datetime
    who: str
    action: str
    old: str
    new: str
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {
            "at": iso(self.at),
            "who": self.who,
            "action": self.action,
            "old": self.old,
            "new": self.new,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class TicketView:
    row: TicketRow
    messages: tuple[MessageView, ...]
    history: tuple[HistoryView, ...]
    merged_here: tuple[str, ...]  # numbers of tickets merged into this one
    duplicate_of: str | None = None  # a strong candidate (services.duplicates), when looked for
    drafts: tuple[str, ...] = ()  # the kinds of my drafts on it (services.drafts), when looked for

    def to_json(self) -> dict[str, Any]:
        data = self.row.to_json()
        data["messages"] = [m.to_json() for m in self.messages]
        data["history"] = [h.to_json() for h in self.history]
        data["merged_here"] = list(self.merged_here)
        return data


@dataclass(frozen=True)
class OutboxView:
    id: int
    ticket: str | None
    recipient: str
    subject: str
    created: datetime
    attempts: int
    last_error: str | None
    next_attempt: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "ticket": self.ticket,
            "recipient": self.recipient,
            "subject": self.subject,
            "created": iso(self.created),
            "attempts": self.attempts,
            "last_error": self.last_error,
            "next_attempt": iso(self.next_attempt),
        }
