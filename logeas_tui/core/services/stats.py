"""Statistics per queue and per ISO week: what came in (by mail, by phone), what was closed,
what a customer's reply reopened, what is still open, and how long customers waited.

Waiting is counted in the support's opening hours (`core.hours`, the banner's calendar): a
mail of Friday 17:50 answered Monday 09:10 waited 20 minutes. The counts are GROUP BY reads
(`store.stats_queries`); the medians are computed here over one compact row per ticket of
the window, so the whole report costs the same few reads at 100 and at 100,000 tickets."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from logeas_tui.core.clock import utc_naive
from logeas_tui.core.config import HoursConf
from logeas_tui.core.errors import InvalidInput
from logeas_tui.core.hours import working_seconds
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import stats_queries
from logeas_tui.core.store.models import MAIL_IN, PHONE, Queue

ALL = ""  # the queue name of the rows summing the support's queues (held mail apart)


@dataclass(frozen=True)
class WeekRow:
    queue: str  # ALL for the whole support
    week: str  # ISO week, "2026-W48"
    monday: date
    by_mail: int
    by_phone: int
    closed: int
    reopened: int
    still_open: int
    median_first_answer: float | None  # working seconds; None when nothing was answered
    median_close: float | None

    @property
    def created(self) -> int:
        return self.by_mail + self.by_phone


@dataclass(frozen=True)
class OldestOpen:
    queue: str
    number: str
    created: datetime  # naive UTC


@dataclass(frozen=True)
class Report:
    weeks: tuple[str, ...]  # oldest first
    rows: tuple[WeekRow, ...]  # per queue (queues by position), weeks oldest first
    totals: tuple[WeekRow, ...]  # the support's queues, held mail apart (or the one asked)
    oldest: tuple[OldestOpen, ...]  # of the same queues as the totals


def duration(seconds: float | None) -> str:
    """Working time as a person reads it: "20 min", "3 h 05", "–" for none."""
    if seconds is None:
        return "–"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d}"


def _mondays(today: date, weeks: int) -> list[date]:
    this_monday = today - timedelta(days=today.weekday())
    return [this_monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks + 1)]


def _bounds(mondays: list[date], conf: HoursConf) -> list[datetime]:
    return [utc_naive(datetime.combine(day, time(0), conf.zone)) for day in mondays]


def _week_name(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def _index(created: datetime, bounds: list[datetime]) -> int | None:
    for i, (lo, hi) in enumerate(zip(bounds, bounds[1:], strict=False)):
        if lo <= created < hi:
            return i
    return None


def _medians(
    pairs: Iterable[tuple[int, datetime, datetime]],
    bounds: list[datetime],
    conf: HoursConf,
    summed: set[int],
) -> dict[tuple[int | None, int], float]:
    """Median working seconds per (queue id, week), and per (None, week) over the queues
    `summed`."""
    waits: dict[tuple[int | None, int], list[float]] = defaultdict(list)
    for queue, start, end in pairs:
        index = _index(start, bounds)
        if index is None:
            continue
        seconds = working_seconds(start, end, conf)
        waits[(queue, index)].append(seconds)
        if queue in summed:
            waits[(None, index)].append(seconds)
    return {key: float(statistics.median(values)) for key, values in waits.items()}


def report(desk: Desk, *, weeks: int = 8, queue: str | None = None) -> Report:
    """The last `weeks` ISO weeks (this one included), for every queue or the one named."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    conf = desk.config.hours
    mondays = _mondays(desk.local_now().date(), weeks)
    bounds = _bounds(mondays, conf)
    every = list(Queue.select().order_by(Queue.position, Queue.name))
    queues = {q.id: q.name for q in every}
    # the support's work: held mail (Spam, Virus, Mailing) is kept apart, as in the queue pane
    work = {q.id for q in every if not q.held}
    if queue is not None:
        queues = {i: n for i, n in queues.items() if n == queue}
        if not queues:
            known = ", ".join(q.name for q in Queue.select().order_by(Queue.position))
            raise InvalidInput(Sentence("no_queue", name=queue, known=known), "queue")
    made = stats_queries.created(bounds)
    closed, reopened = stats_queries.closed_and_reopened(bounds)
    still = stats_queries.still_open(bounds)
    keep = set(queues)
    summed = keep if queue is not None else keep & work
    answered = _medians(
        (p for p in stats_queries.first_answers(bounds) if p[0] in keep), bounds, conf, summed
    )
    closing = _medians(
        (p for p in stats_queries.first_closings(bounds) if p[0] in keep), bounds, conf, summed
    )
    names = [_week_name(m) for m in mondays[:-1]]

    def row(name: str, ids: list[int], key: int | None, w: int) -> WeekRow:
        def total(counts: stats_queries.Counts) -> int:
            return sum(counts.get((i, w), 0) for i in ids)

        return WeekRow(
            queue=name,
            week=names[w],
            monday=mondays[w],
            by_mail=total(made[MAIL_IN]),
            by_phone=total(made[PHONE]),
            closed=total(closed),
            reopened=total(reopened),
            still_open=total(still),
            median_first_answer=answered.get((key, w)),
            median_close=closing.get((key, w)),
        )

    rows = [row(n, [i], i, w) for i, n in queues.items() for w in range(weeks)]
    active = {r.queue for r in rows if r.created or r.closed or r.reopened or r.still_open}
    rows = [r for r in rows if r.queue in active]
    ids = [i for i in queues if i in summed]
    if queue is not None:  # the one queue's own medians
        totals = [row(queue, ids, ids[0], w) for w in range(weeks)]
    else:
        totals = [row(ALL, ids, None, w) for w in range(weeks)]
    oldest = [
        OldestOpen(queues[q], number, at)
        for q, number, at in stats_queries.oldest_open()
        if q in summed
    ]
    order = list(queues.values())
    oldest.sort(key=lambda o: order.index(o.queue))
    return Report(tuple(names), tuple(rows), tuple(totals), tuple(oldest))
