"""The figures of a `make bench` run that have a target, gathered in one table at the end.

`make bench` tees every benchmark's output into a log; this reads it back and prints each line
that names a target, under the benchmark that printed it, with a verdict where the line says
"OVER" (bench_pathological's own marker). It measures nothing itself."""

from __future__ import annotations

import sys
from pathlib import Path


def rows(log: str) -> list[tuple[str, str]]:
    """(benchmark, line) for every line of the log that states a target, with the line it
    belongs to when it is indented under one (`IMAP sync …` above `vs mbsync …: ratio`), and
    a table's rows under a heading that names the targets."""
    found: list[tuple[str, str]] = []
    bench = "?"
    context = ""  # a heading line naming a target applies to the indented lines below it
    head = ""  # the last line that is not indented, until it is printed
    for line in log.splitlines():
        if line.startswith("== "):
            bench = Path(line[3:].strip()).stem
            context = head = ""
            continue
        stripped = line.strip()
        if not stripped:
            continue
        if not line.startswith((" ", "|")):
            context = stripped if "target" in stripped.lower() else ""
            head = "" if context else stripped
        lowered = stripped.lower()
        under = context and line.startswith(("  ", "|"))
        if "target" in lowered or "over:" in lowered or under:
            if head and line.startswith(" "):
                found.append((bench, head))
            head = ""
            found.append((bench, stripped))
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: table.py LOG", file=sys.stderr)
        return 2
    log = Path(argv[1]).read_text(encoding="utf-8", errors="replace")
    print("\n== figures with their targets (issue 10's table), from this run")
    last = None
    for bench, line in rows(log):
        if bench != last:
            print(f"[{bench}]")
            last = bench
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
