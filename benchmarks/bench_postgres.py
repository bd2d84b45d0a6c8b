"""PostgreSQL next to SQLite at 100,000 tickets, in one run: builds a demo store on SQLite (once,
kept in /tmp), copies it with `migrate-store` into a throwaway PostgreSQL cluster (and back into
a new file), then runs the reads the app runs on both engines side by side:

- the first page of a ticket list (all tickets, the biggest queue, my review) and its count,
  and the queue pane's counts;
- full-text searches for a few words (first page, and the count), median and worst;
- opening a ticket as Enter does (mark seen, then read it with its messages and history).

Prints figures and the targets they are measured against; asserts nothing about timings.
Skips, saying why, where PostgreSQL cannot run. `--tickets N` and `--db PATH` to vary.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from peewee import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from logeas_tui.cli.store_verbs import describe  # noqa: E402
from logeas_tui.core.clock import FixedClock  # noqa: E402
from logeas_tui.core.config import Config, TechnicianConf  # noqa: E402
from logeas_tui.core.services.desk import Desk  # noqa: E402
from logeas_tui.core.services.setup import ensure_setup  # noqa: E402
from logeas_tui.core.services.tickets import mark_seen  # noqa: E402
from logeas_tui.core.store import queries  # noqa: E402
from logeas_tui.core.store.connection import close_store, open_apart, open_store  # noqa: E402
from logeas_tui.core.store.copy import copy_store  # noqa: E402
from logeas_tui.core.store.models import Ticket, db  # noqa: E402
from logeas_tui.core.store.ui_queries import desk_summary  # noqa: E402
from logeas_tui.texts import Catalog  # noqa: E402
from tests.pg_server import start_postgres  # noqa: E402

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
CONFIG = Config(
    language="fr",
    me="Nicolas",
    technicians=(TechnicianConf("Nicolas", "nicolas@logeas.fr", 1),),
)
WORDS = ("imprimante", "cloture", "sauvegarde", "erreur imprimante", "reçus", "comptabilite")
REPEAT = 7  # runs of each read (the first warms the caches); median and worst of them
TARGET_READ_MS = 100  # a read the UI waits for (a page, a count, a search, a ticket)


def store_path(count: int) -> Path:
    """The demo store kept in /tmp, shared with bench_search.py (built by whichever runs first)."""
    return Path(f"/tmp/logeas-bench-postgres-{count}.sqlite")


def build(path: Path, count: int) -> None:
    """The demo store, built once and kept (like bench_ui's)."""
    open_store(str(path))
    try:
        ensure_setup(CONFIG)
        have = Ticket.select().count()
        if have < count:
            from logeas_tui.demo import generate

            started = time.perf_counter()
            generate(Desk(CONFIG, FixedClock(NOW)), count - have)
            print(f"built {count - have:,} demo tickets in {time.perf_counter() - started:.1f} s")
        print(f"SQLite store: {path} ({Ticket.select().count():,} tickets)")
    finally:
        close_store()


def timings(func: Callable[[], Any]) -> tuple[list[float], Any]:
    result, runs = None, []
    for _ in range(REPEAT):
        started = time.perf_counter()
        result = func()
        runs.append(time.perf_counter() - started)
    return runs, result


Figures = dict[str, dict[str, tuple[list[float], str]]]  # read -> engine -> (runs, result)


def measure(stores: dict[str, Database]) -> Figures:
    """Each read's run times on each store, one store after the other for each read (so a
    burst of load on the machine hits both alike), with what the read returned."""
    figures: Figures = {}

    def read(label: str, func: Callable[[], Any], said: Callable[[Any], str]) -> None:
        for engine, database in stores.items():
            db.initialize(database)
            runs, result = timings(func)
            figures.setdefault(label, {})[engine] = (runs, said(result))

    def rows(result: list[Any]) -> str:
        return f"{len(result):,} rows from {result[0].number}" if result else "none"

    db.initialize(next(iter(stores.values())))
    desk = Desk(CONFIG, FixedClock(NOW))
    me = desk.who
    biggest = max(queries.queues(NOW), key=lambda q: sum(q.counts.values())).name
    lists = {
        "all tickets": queries.TicketFilter(),
        f"queue {biggest}": queries.TicketFilter(queue=biggest),
        "my review": queries.TicketFilter(review=True),
    }
    oldest = queries.list_tickets(lists[f"queue {biggest}"], me=me, now=NOW, limit=1)[0].number

    read(
        "queue pane: counts, review, reminders",
        lambda: desk_summary(me=me, now=NOW),
        lambda summary: f"review {summary.review:,}, {summary.reminders_due:,} due",
    )
    for name, filt in lists.items():
        read(f"first page of {name}", lambda f=filt: queries.list_tickets(f, me=me, now=NOW), rows)
        read(
            f"count of {name}",
            lambda f=filt: queries.count_tickets(f, me=me, now=NOW),
            "{:,}".format,
        )
    for word in WORDS:
        filt = queries.TicketFilter(search=word)
        read(
            f"search {word!r}, first page",
            lambda f=filt: queries.list_tickets(f, me=me, now=NOW),
            rows,
        )
        read(
            f"search {word!r}, count",
            lambda f=filt: queries.count_tickets(f, me=me, now=NOW),
            "{:,} tickets".format,
        )

    def open_ticket() -> int:
        mark_seen(desk, oldest)
        view = queries.ticket_view(oldest, me=me, now=NOW)
        return len(view.messages) if view else 0

    read("open a ticket (mark seen + read)", open_ticket, "{} messages".format)
    return figures


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def report(figures: Figures) -> None:
    engines = list(next(iter(figures.values())))
    print(f"\nreads, {REPEAT} runs each: median / worst in ms (target: under {TARGET_READ_MS} ms)")
    print(f"  {'what':<44}" + "".join(f"{engine:>17}" for engine in engines) + "   result")
    searches: dict[str, list[float]] = {engine: [] for engine in engines}
    for label, by_engine in figures.items():
        results = {result for _, result in by_engine.values()}
        said = results.pop() if len(results) == 1 else " vs ".join(results) + " (differ!)"
        print(
            f"  {label:<44}"
            + "".join(
                f"{ms(statistics.median(runs)):>9} /{ms(max(runs)):>6}"
                for runs, _ in by_engine.values()
            )
            + f"   {said}"
        )
        if label.startswith("search"):
            for engine, (runs, _) in by_engine.items():
                searches[engine] += runs
    print(
        "  all searches: median / worst "
        + ", ".join(
            f"{engine} {ms(statistics.median(runs))} / {ms(max(runs))} ms"
            for engine, runs in searches.items()
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="the SQLite store (kept)")
    args = parser.parse_args()
    try:
        server = start_postgres()
    except RuntimeError as exc:
        print(f"skipped: PostgreSQL cannot run here ({exc})")
        return
    try:
        path = args.db or store_path(args.tickets)
        build(path, args.tickets)
        url = server.new_database(template=None)

        print("\nmigrate-store SQLite -> PostgreSQL (target: a 100,000-ticket store in minutes)")
        print("  " + describe(copy_store(str(path), url), Catalog("en")))
        with tempfile.TemporaryDirectory() as tmp:
            print("migrate-store PostgreSQL -> a new SQLite file")
            print("  " + describe(copy_store(url, str(Path(tmp) / "back.sqlite")), Catalog("en")))

        stores = {"SQLite": open_apart(str(path)), "PostgreSQL": open_apart(url)}
        try:
            report(measure(stores))
        finally:
            for database in stores.values():
                database.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
