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
from logeas_tui.texts import Catalog

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


# the text table's headings (catalogue `cli.stats.col.<name>`) and their least widths
HEADINGS = {"queue": 5, "week": 8, "new": 5, "mail": 5, "phone": 5, "closed": 6}
HEADINGS |= {"reopened": 6, "open": 5, "answer": 10, "close": 10}
FIGURES = ("new", "mail", "phone", "closed", "reopened", "open")


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
    texts = Catalog(desk.config.language)
    names = [safe(r.queue) or texts.t("cli.stats.all") for r in rows]
    head = {c: texts.t(f"cli.stats.col.{c}") for c in HEADINGS}
    width = max((len(n) for n in [head["queue"], *names]), default=10)
    # each column as wide as its heading, at least as wide as the figures it shows
    w = {c: max(len(head[c]), least) for c, least in HEADINGS.items()}
    out.write(
        f"{head['queue']:<{width}}  {head['week']:<{w['week']}}  "
        + " ".join(f"{head[c]:>{w[c]}}" for c in FIGURES)
        + f"  {head['answer']:>{w['answer']}}  {head['close']:>{w['close']}}\n"
    )
    for name, r in zip(names, rows, strict=True):
        figures = (r.created, r.by_mail, r.by_phone, r.closed, r.reopened, r.still_open)
        out.write(
            f"{name:<{width}}  {r.week:<{w['week']}}  "
            + " ".join(f"{n:>{w[c]}}" for c, n in zip(FIGURES, figures, strict=True))
            + f"  {duration(r.median_first_answer):>{w['answer']}}"
            f"  {duration(r.median_close):>{w['close']}}\n"
        )
    if report.oldest:
        out.write("\n" + texts.t("cli.stats.oldest") + "\n")
        zone = desk.config.hours.zone
        for o in report.oldest:
            local = o.created.replace(tzinfo=UTC).astimezone(zone)
            out.write(f"{safe(o.queue):<{width}}  {o.number}  {local:%Y-%m-%d %H:%M}\n")
