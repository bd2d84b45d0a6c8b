"""`logeas stats`: the statistics as a table, JSON or CSV (the stats screen shows the same)."""

from __future__ import annotations

import csv
from argparse import Namespace
from datetime import UTC
from typing import Any, TextIO

from logeas_tui.cli.output import safe, write_json
from logeas_tui.core.services import stats as stats_service
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.stats import duration

COLUMNS = (
    "queue",
    "week",
    "created",
    "by_mail",
    "by_phone",
    "closed",
    "reopened",
    "still_open",
    "median_first_answer_s",
    "median_close_s",
)


def _values(row: stats_service.WeekRow) -> list[Any]:
    return [
        row.queue or "*",
        row.week,
        row.created,
        row.by_mail,
        row.by_phone,
        row.closed,
        row.reopened,
        row.still_open,
        None if row.median_first_answer is None else round(row.median_first_answer),
        None if row.median_close is None else round(row.median_close),
    ]


def stats(desk: Desk, args: Namespace, out: TextIO) -> int:
    report = stats_service.report(desk, weeks=args.weeks, queue=args.queue)
    rows = [*report.rows, *report.totals] if args.queue is None else list(report.totals)
    if getattr(args, "json", False):
        write_json(
            {
                "weeks": list(report.weeks),
                "rows": [dict(zip(COLUMNS, _values(r), strict=True)) for r in rows],
                "oldest_open": [
                    {
                        "queue": o.queue,
                        "number": o.number,
                        "created": f"{o.created:%Y-%m-%dT%H:%M:%SZ}",
                    }
                    for o in report.oldest
                ],
            },
            out,
        )
        return 0
    if args.csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(_values(r) for r in rows)
        return 0
    _table(desk, report, rows, out)
    return 0


def _table(
    desk: Desk, report: stats_service.Report, rows: list[stats_service.WeekRow], out: TextIO
) -> None:
    names = [safe(r.queue) or "all but held" for r in rows]
    width = max((len(n) for n in names), default=10)
    out.write(
        f"{'queue':<{width}}  {'week':<8}  {'new':>5} {'mail':>5} {'phone':>5} {'closed':>6}"
        f" {'reopen':>6} {'open':>5}  {'1st answer':>10}  {'to close':>10}\n"
    )
    for name, r in zip(names, rows, strict=True):
        out.write(
            f"{name:<{width}}  {r.week:<8}  {r.created:>5} {r.by_mail:>5} {r.by_phone:>5}"
            f" {r.closed:>6} {r.reopened:>6} {r.still_open:>5}"
            f"  {duration(r.median_first_answer):>10}  {duration(r.median_close):>10}\n"
        )
    if report.oldest:
        out.write("\noldest open ticket per queue\n")
        zone = desk.config.hours.zone
        for o in report.oldest:
            local = o.created.replace(tzinfo=UTC).astimezone(zone)
            out.write(f"{safe(o.queue):<{width}}  {o.number}  {local:%Y-%m-%d %H:%M}\n")
