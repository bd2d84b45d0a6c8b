"""Demo data at scale: `generate` of 100,000 tickets into a fresh database, then the reads a
screen or the command line does on it (first page of the biggest queue, counts, full-text
search, the daily review, listing everything). Prints figures; asserts nothing about time.

    python benchmarks/bench_demo.py [--tickets N] [--keep PATH]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from logeas_tui import demo  # noqa: E402
from logeas_tui.core.clock import FixedClock  # noqa: E402
from logeas_tui.core.config import Config  # noqa: E402
from logeas_tui.core.services.desk import Desk  # noqa: E402
from logeas_tui.core.services.setup import ensure_setup  # noqa: E402
from logeas_tui.core.store import queries  # noqa: E402
from logeas_tui.core.store.connection import close_store, open_store  # noqa: E402
from logeas_tui.core.store.models import Message, Ticket, db  # noqa: E402

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def timed(label: str, func: Callable[[], Any], repeat: int = 3) -> Any:
    """Best of `repeat` runs (the first one also warms the page cache)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - started)
    size = len(result) if isinstance(result, list) else result
    print(f"  {label:<44} {best * 1000:9.1f} ms   ({size})")
    return result


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--keep", metavar="PATH", help="write the database here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "demo.sqlite"
        if path.exists():
            sys.exit(f"{path} exists: give a new file to --keep")
        open_store(str(path))
        config = Config(language="fr")
        ensure_setup(config)
        desk = Desk(config, FixedClock(NOW))

        print(f"demo.generate: {args.tickets:,} tickets on {os.cpu_count()} CPUs")
        started = time.perf_counter()
        demo.generate(desk, args.tickets)
        elapsed = time.perf_counter() - started
        messages = Message.select().count()
        print(
            f"  {elapsed:.1f} s, {args.tickets / elapsed:,.0f} tickets/s, "
            f"{messages:,} messages ({messages / elapsed:,.0f}/s), "
            f"{size_mb(path):.0f} MB with WAL"
        )
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"  database after checkpoint: {size_mb(path):.0f} MB")

        biggest = max(queries.queues(NOW), key=lambda q: sum(q.counts.values())).name
        print(f"reads (biggest queue: {biggest}, {Ticket.select().count():,} tickets)")
        me = desk.who
        everything = queries.TicketFilter()
        in_queue = queries.TicketFilter(queue=biggest)
        search = queries.TicketFilter(search="imprimante")
        review = queries.TicketFilter(review=True)
        timed("queues with counts per state", lambda: queries.queues(NOW))
        timed(
            "list_tickets first page of all tickets",
            lambda: queries.list_tickets(everything, me=me, now=NOW),
        )
        timed(
            f"list_tickets first page of {biggest}",
            lambda: queries.list_tickets(in_queue, me=me, now=NOW),
        )
        timed(
            f"list_tickets page at offset 20,000 of {biggest}",
            lambda: queries.list_tickets(in_queue, me=me, now=NOW, offset=20_000),
        )
        before = queries.list_tickets(in_queue, me=me, now=NOW, offset=19_950, limit=50)
        key = queries.row_key(in_queue, before[-1])
        timed(
            f"list_tickets page after row 20,000 of {biggest} (keyset)",
            lambda: queries.list_tickets(in_queue, me=me, now=NOW, after=key),
        )
        timed(
            f"list_tickets last page of {biggest} (backwards)",
            lambda: queries.list_tickets(in_queue, me=me, now=NOW, before=queries.END),
        )
        timed(f"count_tickets {biggest}", lambda: queries.count_tickets(in_queue, me=me, now=NOW))
        timed("count_tickets all", lambda: queries.count_tickets(everything, me=me, now=NOW))
        timed(
            "FTS search 'imprimante' first page",
            lambda: queries.list_tickets(search, me=me, now=NOW),
        )
        timed(
            "FTS search 'imprimante' count", lambda: queries.count_tickets(search, me=me, now=NOW)
        )
        timed("review count", lambda: queries.count_tickets(review, me=me, now=NOW))
        timed("review first page", lambda: queries.list_tickets(review, me=me, now=NOW))
        number = queries.list_tickets(in_queue, me=me, now=NOW, limit=1)[0].number
        timed(
            "ticket_view of the oldest ticket",
            lambda: queries.ticket_view(number, me=me, now=NOW) and 1,
        )

        from logeas_tui.cli import verbs

        timed(
            "every ticket, paged as `logeas list` does",
            lambda: sum(1 for _ in verbs._rows(desk, everything, None)),
            repeat=1,
        )
        close_store()


if __name__ == "__main__":
    main()
