"""Search at 100,000 tickets, as the ticket list runs it (the hits, their count and the first
page, what the technician waits for), on SQLite and — when the tests' PostgreSQL server can start — on a copy
of the same store in a throwaway PostgreSQL cluster, side by side:

- full-text words of a fixed set, rare to nearly everywhere: median and worst;
- a customer's address, its domain, a phone number typed in groups, a ticket number prefix:
  found (how many) and as fast;
- typing: each keystroke of two words typed letter by letter (the last word a prefix).

Builds the SQLite store once and keeps it in /tmp (`--db` to choose; the same file as
bench_postgres.py's, so `make bench` builds it once); the PostgreSQL cluster is removed at the
end. Prints figures next to their targets, per kind; asserts nothing about timings.
`--no-postgres` for SQLite alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_postgres import CONFIG, NOW, build, ms, store_path, timings  # noqa: E402
from peewee import Database  # noqa: E402

from logeas_tui.core.store import queries  # noqa: E402
from logeas_tui.core.store.connection import open_apart  # noqa: E402
from logeas_tui.core.store.copy import copy_store  # noqa: E402
from logeas_tui.core.store.models import Ticket, db  # noqa: E402
from tests.pg_server import start_postgres  # noqa: E402

WORDS = (
    "imprimante",
    "cloture",
    "sauvegarde",
    "erreur imprimante",
    "reçus",
    "comptabilite",
    "bonjour",
    "logeas",
    "introuvablexyz",
)
TYPED = ("imprimante", "sauvegarde")  # typed letter by letter: a search at each keystroke
# kind -> (target for the median, target for the worst), in ms
TARGETS = {
    "words": (20, 100),
    "address": (20, 100),
    "domain": (20, 100),
    "phone": (20, 100),
    "number prefix": (20, 100),
    "keystroke": (50, 50),  # each keystroke
}


def searched(text: str) -> tuple[int, int]:
    """What the list does for a search: read its hits once, count them and read its first page
    from them."""
    filt = queries.searched(queries.TicketFilter(search=text))
    count = queries.count_tickets(filt, me=CONFIG.me, now=NOW)
    return count, len(queries.list_tickets(filt, me=CONFIG.me, now=NOW))


def by_who() -> dict[str, str]:
    """A customer's address, its domain, a phone placeholder's number typed in groups, and a
    ticket number's first 12 digits, taken from the store itself."""
    mailer = Ticket.select().where(Ticket.customer.contains(".org")).order_by(Ticket.id).first()
    phone = Ticket.select().where(Ticket.customer.startswith("0")).order_by(Ticket.id).first()
    digits = phone.customer.split("@")[0] if phone else "0123456789"
    newest = Ticket.select().order_by(Ticket.id.desc()).first()
    return {
        "address": mailer.customer if mailer else "x@example.org",
        "domain": (mailer.customer if mailer else "x@example.org").split("@")[1],
        "phone": " ".join(digits[i : i + 2] for i in range(0, len(digits), 2)),
        "number prefix": newest.number[:12] if newest else "2026",
    }


Figures = dict[str, dict[str, tuple[list[float], Any]]]  # label -> engine -> (runs, result)


def measure(stores: dict[str, Database]) -> Figures:
    figures: Figures = {}
    db.initialize(next(iter(stores.values())))
    texts = {f"words {w!r}": w for w in WORDS}
    texts.update({f"{k} {v!r}": v for k, v in by_who().items()})
    for word in TYPED:
        texts.update({f"keystroke {word[:n]!r}": word[:n] for n in range(2, len(word) + 1)})
    for label, text in texts.items():
        for engine, database in stores.items():
            db.initialize(database)
            figures.setdefault(label, {})[engine] = timings(lambda t=text: searched(t))
    return figures


def report(figures: Figures) -> None:
    engines = list(next(iter(figures.values())))
    print("\nsearch = count + first page, median / worst of the runs in ms; found (tickets)")
    print(f"  {'what':<46}" + "".join(f"{e:>18}" for e in engines) + "   found")
    kinds: dict[str, dict[str, list[float]]] = {k: {e: [] for e in engines} for k in TARGETS}
    for label, by_engine in figures.items():
        found = {f"{r[0]:,}" for _, r in by_engine.values()}
        said = found.pop() if len(found) == 1 else " vs ".join(sorted(found)) + " (differ!)"
        print(
            f"  {label:<46}"
            + "".join(
                f"{ms(statistics.median(runs)):>10} /{ms(max(runs)):>6}"
                for runs, _ in by_engine.values()
            )
            + f"   {said}"
        )
        kind = next(k for k in TARGETS if label.startswith(k))
        for engine, (runs, _) in by_engine.items():
            kinds[kind][engine] += runs
    print("\nper kind, all runs: median / worst in ms (target)")
    print(f"  {'kind':<16}" + "".join(f"{e:>18}" for e in engines) + "   target")
    for kind, by_engine in kinds.items():
        median, worst = TARGETS[kind]
        print(
            f"  {kind:<16}"
            + "".join(
                f"{ms(statistics.median(runs)):>10} /{ms(max(runs)):>6}"
                for runs in by_engine.values()
            )
            + f"   median <= {median}, worst <= {worst}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="the SQLite store (kept)")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    path = args.db or store_path(args.tickets)
    build(path, args.tickets)
    stores = {"SQLite": open_apart(str(path))}
    server = None
    if not args.no_postgres:
        try:
            server = start_postgres()
        except RuntimeError as exc:
            print(f"PostgreSQL skipped: it cannot run here ({exc})")
    try:
        if server is not None:
            url = server.new_database(template=None)
            copy_store(str(path), url)
            stores["PostgreSQL"] = open_apart(url)
        report(measure(stores))
    finally:
        for database in stores.values():
            database.close()
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
