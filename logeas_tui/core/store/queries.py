"""Read-side queries. Each returns frozen dataclasses from `views`.

Ticket lists are paged by keyset: a page is the rows just after (or just before) the key of a
row already shown, in the list's own order — (created, id), oldest first, and in the review
(due reminder first, created, id) — so the next page costs the same at row 50 and at row
55,000, and the last page is read backwards from the end instead of past a huge OFFSET. An
offset is left for a far jump that no row already read is near."""

from __future__ import annotations

import json
import operator
from dataclasses import dataclass, replace
from datetime import datetime
from functools import reduce
from typing import Any

from peewee import JOIN, Case, Tuple, fn

from logeas_tui.core.clock import utc_naive
from logeas_tui.core.procedure import IN_PROGRESS, NEW, OPEN, PENDING, STATES
from logeas_tui.core.store import raw_mails, search
from logeas_tui.core.store.id_lists import one_of
from logeas_tui.core.store.models import (
    MAIL_OUT,
    History,
    Message,
    Outbox,
    Queue,
    Seen,
    Technician,
    Ticket,
)
from logeas_tui.core.store.views import (
    AttachmentView,
    HistoryView,
    MessageView,
    QueueView,
    TechnicianView,
    TicketRow,
    TicketView,
)


@dataclass(frozen=True)
class TicketFilter:
    """What a ticket list shows. `review` = the daily review of technician `me`; `owner`: the
    tickets of that technician only. `pin` keeps ticket number `pin` in the list whatever the
    rest says: a list read again under the cursor of a technician reading that ticket (someone
    else closed it, or it was seen and left the review) keeps it there, in its new state."""

    queue: str | None = None
    state: str | None = None
    search: str | None = None
    review: bool = False
    hide_closed: bool = False
    owner: str | None = None
    pin: str | None = None
    found: tuple[int, ...] | None = None  # the search's hits, read once (`searched`)


def _pairs(query: Any) -> dict[int, int]:
    """id -> count from a two-column grouped select."""
    return {key: count for key, count in query.tuples()}


def queues(now: datetime) -> list[QueueView]:
    counts: dict[int, dict[str, int]] = {}
    rows: Any = (
        Ticket.select(Ticket.queue, Ticket.state, fn.COUNT(Ticket.id))
        .group_by(Ticket.queue, Ticket.state)
        .tuples()
    )
    for queue_id, state, count in rows:
        counts.setdefault(queue_id, {})[state] = count
    due = _pairs(
        Ticket.select(Ticket.queue, fn.COUNT(Ticket.id))
        .where((Ticket.state == PENDING) & (Ticket.pending_until <= utc_naive(now)))
        .group_by(Ticket.queue)
    )
    return [
        QueueView(
            q.name,
            q.purpose,
            q.valid,
            q.acknowledge,
            q.held,
            {s: counts.get(q.id, {}).get(s, 0) for s in STATES},
            due.get(q.id, 0),
        )
        for q in Queue.select().order_by(Queue.position, Queue.name)
    ]


def technicians() -> list[TechnicianView]:
    return [
        TechnicianView(t.name, t.email, t.level)
        for t in Technician.select().order_by(Technician.level, Technician.name)
    ]


def _technician_id(name: str | None) -> int:
    if not name:
        return 0
    row = Technician.select(Technician.id).where(Technician.name == name).first()
    return row.id if row else 0


def _queue_id(name: str) -> int:
    row = Queue.select(Queue.id).where(Queue.name == name).first()
    return row.id if row else 0


def _ticket_conditions(filt: TicketFilter) -> list[Any]:
    """What `filt` asks of the ticket row itself (queue, state, owner)."""
    wanted: list[Any] = []
    if filt.queue:
        # by the queue's id, not its name through the join: PostgreSQL then knows how many
        # tickets the queue holds and reads its first page from the (queue, created) index
        # instead of sorting all of them (bench_postgres: 97 ms -> 3 ms for 55,000 tickets)
        wanted.append(Ticket.queue == _queue_id(filt.queue))
    if filt.state:
        wanted.append(Ticket.state == filt.state)
    if filt.hide_closed:
        wanted.append(Ticket.state.in_(IN_PROGRESS))
    if filt.owner:
        wanted.append(Ticket.owner == _technician_id(filt.owner))
    return wanted


def _within(filt: TicketFilter) -> Any | None:
    wanted = _ticket_conditions(filt)
    return reduce(operator.and_, wanted) if wanted else None


def _base(filt: TicketFilter, me_id: int, now: datetime) -> Any:
    owner = Technician.alias()
    merged = Ticket.alias()
    seen_last = fn.COALESCE(Seen.last_message, 0)
    due = (Ticket.state == PENDING) & (Ticket.pending_until <= utc_naive(now))
    query = (
        Ticket.select(
            Ticket.id,
            Ticket.number,
            Queue.name.alias("queue_name"),
            Queue.valid.alias("queue_valid"),
            Ticket.state,
            owner.name.alias("owner_name"),
            Ticket.customer,
            Ticket.customer_name,
            Ticket.subject,
            Ticket.created,
            Ticket.updated,
            Ticket.pending_until,
            merged.number.alias("merged_number"),
            Ticket.version,
            (Ticket.last_in_id > seen_last).alias("unseen"),
            Case(None, [(due, 1)], 0).alias("due"),
        )
        .join(Queue, on=(Ticket.queue == Queue.id))
        .switch(Ticket)
        .join(owner, JOIN.LEFT_OUTER, on=(Ticket.owner == owner.id))
        .switch(Ticket)
        .join(merged, JOIN.LEFT_OUTER, on=(Ticket.merged_into == merged.id))
        .switch(Ticket)
        .join(Seen, JOIN.LEFT_OUTER, on=((Seen.ticket == Ticket.id) & (Seen.technician == me_id)))
    )
    wanted = _ticket_conditions(filt) + _found(filt)
    if filt.review:
        unseen = Ticket.last_in_id > seen_last
        # a customer reply reopens a ticket, so the review needs no closed one for it (naming
        # the live states lets SQLite start from the state index); but a mail from an unknown
        # sender reopens nothing until accepted (an index holds just those, see models)
        marked = Message.select(Message.ticket).where(Message.unknown_sender)
        wanted.append(
            Queue.valid
            & ~Queue.held
            & (
                (Ticket.state.in_(IN_PROGRESS) & ((Ticket.state == NEW) | unseen | due))
                | (unseen & Ticket.id.in_(marked))
            )
        )
    return _where(query, filt, wanted), due


def _found(filt: TicketFilter) -> list[Any]:
    """What `filt`'s search asks: one of its hits (read now, or `found` before)."""
    if not filt.search:
        return []
    # the search keeps its newest hits among the tickets the rest keeps (store.search)
    return [one_of(Ticket.id, _hits(filt))]


def _hits(filt: TicketFilter) -> list[int] | tuple[int, ...]:
    if filt.found is not None:
        return filt.found
    return search.ticket_ids(filt.search or "", _within(filt))


def _where(query: Any, filt: TicketFilter, wanted: list[Any]) -> Any:
    """`query` kept to the rows `wanted` asks for, and ticket `filt.pin` whatever they say."""
    if not wanted:
        return query
    condition = reduce(operator.and_, wanted)
    return query.where(condition | (Ticket.number == filt.pin) if filt.pin else condition)


def _counted(filt: TicketFilter, me_id: int, now: datetime) -> Any:
    """The rows of `filt`'s list, to be counted. Only the review asks something of the tables
    the list joins (the queue's flags, what I have seen); any other list is counted from the
    ticket table alone, the same rows (each join finds one row or none), read from an index:
    a queue with its closed tickets, 55,000 of them, 45 → 6.5 ms; its open ones 102 → 0.2 ms."""
    if filt.review:
        return _base(filt, me_id, now)[0]
    return _where(Ticket.select(Ticket.id), filt, _ticket_conditions(filt) + _found(filt))


def _rows(query: Any) -> list[TicketRow]:
    rows = list(query.dicts())
    # ticket id -> (messages, newest message id, mails from an unknown sender not accepted)
    counts: dict[int, tuple[int, int, int]] = {}
    if rows:
        ids = [r["id"] for r in rows]
        unknown = fn.SUM(Case(None, [(Message.unknown_sender, 1)], 0))
        for start in range(0, len(ids), 10_000):  # a statement of a sensible length
            grouped: Any = (
                Message.select(Message.ticket, fn.COUNT(Message.id), fn.MAX(Message.id), unknown)
                .where(one_of(Message.ticket, ids[start : start + 10_000]))
                .group_by(Message.ticket)
                .tuples()
            )
            counts.update({ticket: (count, newest, n) for ticket, count, newest, n in grouped})
    return [
        TicketRow(
            id=r["id"],
            number=r["number"],
            queue=r["queue_name"],
            state=r["state"],
            owner=r["owner_name"],
            customer=r["customer"],
            customer_name=r["customer_name"],
            subject=r["subject"],
            created=r["created"],
            updated=r["updated"],
            pending_until=r["pending_until"],
            merged_into=r["merged_number"],
            messages=counts.get(r["id"], (0, 0, 0))[0],
            unseen=bool(r["unseen"]),
            reminder_due=bool(r["due"]),
            version=r["version"],
            last_message=counts.get(r["id"], (0, 0, 0))[1],
            unknown_sender=bool(counts.get(r["id"], (0, 0, 0))[2]),
            obsolete_queue=not r["queue_valid"],
        )
        for r in rows
    ]


Key = tuple[Any, ...]
END: Key = ()  # `before=END`: the last page


def _order(filt: TicketFilter, due: Any) -> list[Any]:
    """The columns `filt`'s list is sorted on, the order `row_key` gives."""
    order: list[Any] = [Ticket.created, Ticket.id]
    if filt.review:
        order.insert(0, Case(None, [(due, 0)], 1))
    return order


def _newest_first(filt: TicketFilter) -> bool:
    """A search lists its hits newest first; every other list is oldest first."""
    return bool(filt.search)


def _beyond(filt: TicketFilter, order: list[Any], key: Key, *, backwards: bool = False) -> Any:
    """The rows after the row keyed `key` in `filt`'s list (`backwards`: before it)."""
    if backwards != _newest_first(filt):
        return Tuple(*order) < Tuple(*key)
    return Tuple(*order) > Tuple(*key)


def row_key(filt: TicketFilter, row: TicketRow) -> Key:
    """Where `row` sits in the order of `filt`'s list: what `after=` and `before=` take."""
    if filt.review:
        return (0 if row.reminder_due else 1, row.created, row.id)
    return (row.created, row.id)


def searched(filt: TicketFilter) -> TicketFilter:
    """`filt` with its search's hits read once (`found`): a list that reads its count and its
    pages from them searches once instead of at each read, and shows the same tickets from
    page to page until it is read again. `filt` itself when it searches nothing."""
    if not filt.search or filt.found is not None:
        return filt
    return replace(filt, found=tuple(search.ticket_ids(filt.search, _within(filt))))


def list_tickets(
    filt: TicketFilter,
    *,
    me: str | None,
    now: datetime,
    after: Key | None = None,
    before: Key | None = None,
    offset: int = 0,
    limit: int | None = 50,
) -> list[TicketRow]:
    """Tickets oldest first (the review puts due reminders on top, a search newest first),
    one page: the first ones, those just after the row keyed `after`, or those just before
    the row keyed `before` (`END`: the last page), read backwards and returned in order. `offset` skips rows in the
    reading direction, reading every row it skips: for far jumps only."""
    if after is not None and before is not None:
        raise ValueError("a page is read after a row or before one, not both")
    query, due = _base(filt, _technician_id(me), now)
    order = _order(filt, due)
    if after:
        query = query.where(_beyond(filt, order, after))
    if before:
        query = query.where(_beyond(filt, order, before, backwards=True))
    backwards = (before is not None) != _newest_first(filt)
    query = query.order_by(*(column.desc() for column in order) if backwards else order)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    elif offset:
        query = query.offset(offset)
    rows = _rows(query)
    return rows[::-1] if before is not None else rows


def count_tickets(filt: TicketFilter, *, me: str | None, now: datetime) -> int:
    if filt.search and not filt.review and not filt.pin:
        return len(_hits(filt))  # they are the list
    return int(_counted(filt, _technician_id(me), now).count())


def position(filt: TicketFilter, number: str, *, me: str | None, now: datetime) -> int | None:
    """Where ticket `number` sits in `filt`'s list (0: first), None when it is not in it."""
    me_id = _technician_id(me)
    query, due = _base(filt, me_id, now)
    rows = _rows(query.where(Ticket.number == number))
    if not rows:
        return None
    order = _order(filt, due)
    before = _beyond(filt, order, row_key(filt, rows[0]), backwards=True)
    return int(_counted(filt, me_id, now).where(before).count())


def waiting_for(me: str | None, now: datetime) -> int:
    """How many of `me`'s tickets wait for them: new or open, or a pending reminder that is
    due (a pending ticket before its day waits for the customer; a closed one for nobody)."""
    me_id = _technician_id(me)
    if not me_id:
        return 0
    due = (Ticket.state == PENDING) & (Ticket.pending_until <= utc_naive(now))
    return int(
        Ticket.select()
        .where((Ticket.owner == me_id) & (Ticket.state.in_((NEW, OPEN)) | due))
        .count()
    )


def ticket_row(number: str, *, me: str | None, now: datetime) -> TicketRow | None:
    query, _ = _base(TicketFilter(), _technician_id(me), now)
    rows = _rows(query.where(Ticket.number == number))
    return rows[0] if rows else None


def ticket_view(number: str, *, me: str | None, now: datetime) -> TicketView | None:
    row = ticket_row(number, me=me, now=now)
    if row is None:
        return None
    origin = Ticket.alias()
    query: Any = (
        Message.select(Message, origin.number.alias("origin_number"))
        .join(origin, JOIN.LEFT_OUTER, on=(Message.origin_ticket == origin.id))
        .where(Message.ticket == row.id)
        .order_by(Message.date, Message.id)
        .objects()
    )  # flat: the alias lands on the message, not on the joined ticket
    messages = [_message_view(m, m.origin_number) for m in query]
    history = tuple(
        HistoryView(h.at, h.who, h.action, h.old, h.new, h.detail)
        for h in History.select().where(History.ticket == row.id).order_by(History.at, History.id)
    )
    merged_here = tuple(
        t.number
        for t in Ticket.select(Ticket.number)
        .where(Ticket.merged_into == row.id)
        .order_by(Ticket.id)
    )
    return TicketView(row, tuple(messages), history, merged_here)


def _message_view(m: Message, merged_from: str | None = None) -> MessageView:
    files = tuple(
        AttachmentView(a.get("filename", ""), a.get("content_type", ""), int(a.get("size", 0)))
        for a in json.loads(m.attachments or "[]")
    )
    return MessageView(
        m.id,
        m.kind,
        m.from_addr,
        m.to_addr,
        m.cc,
        m.subject,
        m.body,
        m.date,
        m.author,
        m.message_id,
        m.raw_sha256,
        files,
        m.parse_problem,
        merged_from,
        bool(m.unknown_sender),
    )


def answer_after(number: str, message_id: int) -> MessageView | None:
    """The newest mail a technician sent the customer of ticket `number` after message
    `message_id`; automatic mail (acknowledgements) does not count."""
    automatic = Outbox.select(Outbox.message).where(
        Outbox.automatic & Outbox.message.is_null(False)
    )
    found = (
        Message.select(Message)
        .join(Ticket, on=(Message.ticket == Ticket.id))
        .where(
            (Ticket.number == number)
            & (Message.kind == MAIL_OUT)
            & (Message.id > message_id)
            & Message.id.not_in(automatic)
        )
        .order_by(Message.id.desc())
        .first()
    )
    return _message_view(found) if found is not None else None


def raw_message(number: str, index: int | None = None) -> bytes | None:
    """The original bytes of the ticket's received mail (the `index`-th, 1-based; else first)."""
    pos = (index or 1) - 1
    if pos < 0:
        return None
    found = (
        Message.select(Message.id)
        .join(Ticket, on=(Message.ticket == Ticket.id))
        .where((Ticket.number == number) & raw_mails.kept())
        .order_by(Message.date, Message.id)
        .offset(pos)
        .first()
    )
    return None if found is None else raw_mails.read(found.id)


def reminders_due(now: datetime) -> int:
    return int(
        Ticket.select()
        .where((Ticket.state == PENDING) & (Ticket.pending_until <= utc_naive(now)))
        .count()
    )
