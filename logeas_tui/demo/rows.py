"""The demo's rows as they go into the store: each table's column order, positions in a ticket
row, and the parts handed from the drawing to the writing (possibly across a process boundary).

Rows are built by the store's own builders (`core.store.rows`, which the services write
through) and kept as value tuples in the builders' field order, the row's id first: a tuple
pickles and binds several times faster than a dict, and a hundred thousand tickets make more
than half a million rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from logeas_tui.core.store.rows import history_row, message_row, ticket_row

TICKET_FIELDS = ("id", *ticket_row(number="", queue=0, created="", updated=""))
MESSAGE_FIELDS = ("id", *message_row(ticket=0, kind="", date=""))
HISTORY_FIELDS = tuple(history_row(ticket=0, at="", who="", action=""))
SEEN_FIELDS = ("technician", "ticket", "last_message")
RAW_FIELDS = ("message", "raw")
# Positions in a ticket row and a message row.
T_NUMBER, T_STATE, T_OWNER, T_UPDATED, T_LAST_IN, T_VERSION = (
    TICKET_FIELDS.index(name)
    for name in ("number", "state", "owner", "updated", "last_in_id", "version")
)
T_TIMES = tuple(
    TICKET_FIELDS.index(name)
    for name in (
        "created",
        "updated",
        "last_customer_contact",
        "pending_until",
        "moved_to_delete_at",
    )
)
M_KIND = MESSAGE_FIELDS.index("kind")


@dataclass
class Part:
    """Rows to append, in insertion order; the last part also carries what spans all parts."""

    tickets: list[tuple[Any, ...]]
    messages: list[tuple[Any, ...]]
    history: list[tuple[Any, ...]]
    raws: list[tuple[int, bytes]]  # (message id, the received mail's bytes)
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
