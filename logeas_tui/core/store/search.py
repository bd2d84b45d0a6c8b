"""Which tickets a search finds: those whose own words (number, customer address and name,
subject: `fulltext.ticket_hits`) or one of whose messages (`fulltext.message_hits`) hold every
word typed, the last one as a prefix while it is typed.

At most `LIMIT` + 1 tickets, the newest: hits are read from the indexes newest first, in
batches, until that many distinct tickets are found, so a word found in nearly every message
costs what a rare one costs — never an `IN` over every message that holds it. A list of more
than `LIMIT` says so ("more than N") instead of counting the rest.
"""

from __future__ import annotations

from typing import Any

from logeas_tui.core.store import fulltext
from logeas_tui.core.store.id_lists import one_of
from logeas_tui.core.store.models import Ticket

LIMIT = 500
_BATCH = 1_000  # messages read from the index at once (a ticket holds two or three)


def _kept(ids: list[int], within: Any | None) -> list[int]:
    """The tickets of `ids` that `within` (a condition on Ticket) keeps, in the same order."""
    if within is None or not ids:
        return ids
    rows: Any = Ticket.select(Ticket.id).where(one_of(Ticket.id, ids) & within).tuples()
    kept = {row[0] for row in rows}
    return [i for i in ids if i in kept]


def limit() -> int:
    """How many tickets a search lists at most (one more says there are more)."""
    return LIMIT


def ticket_ids(text: str, within: Any | None = None) -> list[int]:
    """Ids of the newest `LIMIT` + 1 tickets that `text` finds (and `within` keeps), newest
    first; none when `text` holds no word."""
    if not fulltext.has_words(text):
        return []
    wanted = LIMIT + 1
    from_messages: dict[int, None] = {}
    before: int | None = None
    while len(from_messages) < wanted:
        hits = fulltext.message_hits(text, before, _BATCH)
        fresh = list(dict.fromkeys(t for _, t in hits if t not in from_messages))
        from_messages.update(dict.fromkeys(_kept(fresh, within)))
        if len(hits) < _BATCH:
            break
        before = hits[-1][0]
    # the tickets found by their own words matter from the `wanted`-th newest found by a
    # message up: any older one is past the list's end (a word in many subjects: ~4 ms less)
    newest = sorted(from_messages, reverse=True)
    lowest = newest[wanted - 1] if len(newest) >= wanted else 0
    found = dict.fromkeys(_kept(fulltext.ticket_hits(text, wanted, lowest), within))
    found.update(from_messages)
    return sorted(found, reverse=True)[:wanted]  # ticket ids grow with time: newest first
