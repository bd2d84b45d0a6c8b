"""`logeas stats --json` at 100,000 tickets, as a technician runs it: the whole command in a
fresh process (start-up, the GROUP BY reads, the medians in opening hours, the JSON), and the
report alone in this process (`services.stats.report`, what the stats screen's worker waits
for). Target: the command under 1 s.

Builds the demo store once (`logeas demo --tickets 100000`) and keeps it in /tmp (`--db` to
choose). Prints figures next to their target; asserts nothing about timings.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from logeas_tui.core.config import Config  # noqa: E402
from logeas_tui.core.services import stats  # noqa: E402
from logeas_tui.core.services.desk import Desk  # noqa: E402
from logeas_tui.core.store.connection import close_store, open_store  # noqa: E402

TARGET = 1.0  # seconds, the whole `logeas stats --json`
LOGEAS = Path(sys.executable).with_name("logeas")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/stats100k.sqlite")
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not Path(args.db).exists():
        print(f"building {args.tickets:,} demo tickets in {args.db} …", flush=True)
        subprocess.run(
            [str(LOGEAS), "demo", "--tickets", str(args.tickets), "--db", args.db], check=True
        )
    command = [str(LOGEAS), "stats", "--json", "--db", args.db]
    subprocess.run(command, check=True, capture_output=True)  # warm the file cache
    whole = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        whole.append(time.perf_counter() - start)
    open_store(args.db)
    desk = Desk(Config())
    alone = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        stats.report(desk)
        alone.append(time.perf_counter() - start)
    close_store()
    print(
        f"logeas stats --json, {args.tickets:,} tickets, 8 weeks: median "
        f"{statistics.median(whole):.2f} s, worst {max(whole):.2f} s (target {TARGET:.0f} s)"
    )
    print(
        f"report alone (the screen's read): median {statistics.median(alone) * 1000:.0f} ms, "
        f"worst {max(alone) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
