"""The demo's rows as they go into the store: column order, positions in a ticket row, and
the parts handed from the drawing to the writing (possibly across a process boundary)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TICKET_FIELDS = (
    "id",
    "number",
    "queue",
    "state",
    "owner",
    "customer",
    "customer_name",
    "subject",
    "created",
    "updated",
    "last_customer_contact",
    "pending_until",
    "merged_into",
    "moved_to_delete_at",
    "unparsed",
    "last_in_id",
    "version",
)
MESSAGE_FIELDS = (
    "id",
    "ticket",
    "origin_ticket",
    "kind",
    "from_addr",
    "to_addr",
    "cc",
    "subject",
    "body",
    "message_id",
    "in_reply_to",
    "references",
    "date",
    "author",
    "raw",
    "raw_sha256",
    "attachments",
    "parse_problem",
)
HISTORY_FIELDS = ("ticket", "at", "who", "action", "old", "new", "detail", "data")
SEEN_FIELDS = ("technician", "ticket", "last_message")
# Positions in a ticket row.
T_NUMBER, T_STATE, T_OWNER, T_UPDATED, T_LAST_IN, T_VERSION = 1, 3, 4, 9, 15, 16
T_TIMES = (8, 9, 10, 11, 13)


@dataclass
class Part:
    """Rows to append, in insertion order; the last part also carries what spans all parts."""

    tickets: list[tuple[Any, ...]]
    messages: list[tuple[Any, ...]]
    history: list[tuple[Any, ...]]
    first_message: int
    # last part only: merge targets written in an earlier part (last_in, updated, version, id),
    # seen marks, and the daily counters (day, value)
    patches: list[tuple[Any, ...]] = field(default_factory=list)
    seen: list[tuple[int, int, int]] = field(default_factory=list)
    counters: list[tuple[str, int]] = field(default_factory=list)


def stored(row: list[Any]) -> tuple[Any, ...]:
    """A ticket row with its times as peewee stores them on SQLite."""
    out = list(row)
    for i in T_TIMES:
        if out[i] is not None:
            out[i] = str(out[i])
    return tuple(out)
