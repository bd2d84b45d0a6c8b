"""The statistics' reads: counts per queue and per week done by the database (GROUP BY over a
CASE that names the week), and the few compact tuples the medians need.

Weeks are given as their boundaries (naive UTC instants of local Monday midnights), so the
same SQL runs on SQLite and PostgreSQL: no engine's own date functions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from peewee import JOIN, SQL, Case, fn

from logeas_tui.core.procedure import CLOSED_STATES, IN_PROGRESS, OPEN
from logeas_tui.core.store.models import MAIL_IN, MAIL_OUT, PHONE, History, Message, Ticket

SYSTEM = "system"  # who sends the automatic acknowledgements (not a technician's answer)
CUSTOMER_MAIL = "customer mail"  # the history action a customer's reply writes (inbound)

Counts = dict[tuple[int, int], int]  # (queue id, week index) → count


def _week(column: Any, bounds: Sequence[datetime]) -> Any:
    """The index of the week `column` falls in (None outside the window)."""
    return Case(
        None,
        [
            ((column >= lo) & (column < hi), index)
            for index, (lo, hi) in enumerate(zip(bounds, bounds[1:], strict=False))
        ],
        None,
    )


def _columns(count: int) -> list[Any]:
    """GROUP BY the first `count` selected columns by position: the week's CASE carries bound
    parameters, and PostgreSQL does not take a second copy of it as the same expression."""
    return [SQL(str(i)) for i in range(1, count + 1)]


def _tuples(query: Any) -> list[tuple[Any, ...]]:
    """The rows of a select as plain tuples."""
    return list(query.tuples())


def _counted(query: Any) -> Counts:
    return {(int(q), int(w)): int(n) for q, w, n in _tuples(query) if w is not None}


def _first_message_id() -> Any:
    first = Message.alias()
    return first.select(fn.MIN(first.id)).where(first.ticket == Ticket.id)


def created(bounds: Sequence[datetime]) -> dict[str, Counts]:
    """Tickets created per queue and week, by the kind of their first message."""
    week = _week(Ticket.created, bounds)
    query = (
        Ticket.select(Ticket.queue, week, Message.kind, fn.COUNT(Ticket.id))
        .join(Message, JOIN.LEFT_OUTER, on=(Message.id == _first_message_id()))
        .where((Ticket.created >= bounds[0]) & (Ticket.created < bounds[-1]))
        .group_by(*_columns(3))
    )
    out: dict[str, Counts] = {MAIL_IN: {}, PHONE: {}}
    for queue, index, kind, count in _tuples(query):
        if index is None:
            continue
        bucket = out[PHONE if kind == PHONE else MAIL_IN]
        key = (int(queue), int(index))
        bucket[key] = bucket.get(key, 0) + int(count)
    return out


def _closing() -> Any:
    return History.new.in_(CLOSED_STATES) & History.old.not_in(CLOSED_STATES)


def _reopening() -> Any:
    return (
        (History.action == CUSTOMER_MAIL) & History.old.in_(CLOSED_STATES) & (History.new == OPEN)
    )


def _counts(condition: Any) -> Any:
    return fn.SUM(Case(None, [(condition, 1)], 0))


def closed_and_reopened(bounds: Sequence[datetime]) -> tuple[Counts, Counts]:
    """Per queue and week, in one pass over the window's history: the rows that take a ticket
    into a closed state, and the closed tickets a customer's reply opened again."""
    week = _week(History.at, bounds)
    query = (
        History.select(Ticket.queue, week, _counts(_closing()), _counts(_reopening()))
        .join(Ticket, on=(History.ticket == Ticket.id))
        .where((History.at >= bounds[0]) & (History.at < bounds[-1]) & (_closing() | _reopening()))
        .group_by(*_columns(2))
    )
    closed: Counts = {}
    reopened: Counts = {}
    for queue, index, closings, reopenings in _tuples(query):
        if index is not None:
            closed[(int(queue), int(index))] = int(closings or 0)
            reopened[(int(queue), int(index))] = int(reopenings or 0)
    return closed, reopened


def still_open(bounds: Sequence[datetime]) -> Counts:
    """Tickets created per queue and week that are still in progress now."""
    week = _week(Ticket.created, bounds)
    return _counted(
        Ticket.select(Ticket.queue, week, fn.COUNT(Ticket.id))
        .where(
            (Ticket.created >= bounds[0])
            & (Ticket.created < bounds[-1])
            & Ticket.state.in_(IN_PROGRESS)
        )
        .group_by(*_columns(2))
    )


def first_answers(bounds: Sequence[datetime]) -> list[tuple[int, datetime, datetime]]:
    """(queue id, created, first answer) of the window's tickets a technician answered: the
    first mail out or phone call after the ticket's first message, acknowledgements aside."""
    answered = Message.select(fn.MIN(Message.date)).where(
        (Message.ticket == Ticket.id)
        & Message.kind.in_((MAIL_OUT, PHONE))
        & (Message.author != SYSTEM)
        & (Message.id > _first_message_id())
    )
    return _pairs(answered, bounds)


def first_closings(bounds: Sequence[datetime]) -> list[tuple[int, datetime, datetime]]:
    """(queue id, created, first closing) of the window's tickets that were closed."""
    closing = History.select(fn.MIN(History.at)).where((History.ticket == Ticket.id) & _closing())
    return _pairs(closing, bounds)


def _pairs(after: Any, bounds: Sequence[datetime]) -> list[tuple[int, datetime, datetime]]:
    moment = after.alias("moment")
    rows = Ticket.select(Ticket.queue, Ticket.created, moment).where(
        (Ticket.created >= bounds[0]) & (Ticket.created < bounds[-1])
    )
    return [(int(q), c, _as_datetime(m)) for q, c, m in _tuples(rows) if m is not None]


def _as_datetime(value: Any) -> datetime:
    """A MIN() over a date column comes back as text on SQLite."""
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def oldest_open() -> list[tuple[int, str, datetime]]:
    """(queue id, number, created) of each queue's oldest ticket in progress."""
    oldest = (
        Ticket.select(Ticket.queue, fn.MIN(Ticket.created).alias("created"))
        .where(Ticket.state.in_(IN_PROGRESS))
        .group_by(Ticket.queue)
    )
    out: list[tuple[int, str, datetime]] = []
    for queue, at in _tuples(oldest):
        first = (
            Ticket.select(Ticket.number, Ticket.created)
            .where((Ticket.queue == queue) & (Ticket.created == at) & Ticket.state.in_(IN_PROGRESS))
            .order_by(Ticket.id)
            .first()
        )
        if first is not None:
            out.append((int(queue), str(first.number), _as_datetime(first.created)))
    return out
