"""The tools of `logeas` that work on whole stores, named in their own arguments, rather than
on the helpdesk of `--db`: `logeas migrate-store`. They take the parsed arguments and the
text stream to print on, and return the exit status."""

from __future__ import annotations

import sys
from argparse import Namespace
from typing import TextIO

from logeas_tui.cli.output import write_json
from logeas_tui.cli.progress import progress_on
from logeas_tui.core.store.copy import CopyReport, copy_store

# What a table's rows are called in the report, in the order it names them.
ROWS = {
    "ticket": ("ticket", "tickets"),
    "message": ("message", "messages"),
    "raw_mail": ("raw mail", "raw mails"),
    "history": ("history row", "history rows"),
    "attachment": ("attachment", "attachments"),
    "outbox": ("outgoing mail", "outgoing mails"),
    "queue": ("queue", "queues"),
    "technician": ("technician", "technicians"),
    "seen": ("seen mark", "seen marks"),
    "counter": ("daily counter", "daily counters"),
    "auto_reply_count": ("auto-reply count", "auto-reply counts"),
    "sync_state": ("mailbox sync state", "mailbox sync states"),
    "lease": ("lease", "leases"),
}
DIGESTS = {
    "raw_mail.raw": ("raw mail", "raw mails"),
    "message.legacy_raw": ("raw mail kept the old way", "raw mails kept the old way"),
    "outbox.raw": ("outgoing mail", "outgoing mails"),
    "attachment.data": ("attachment", "attachments"),
}


def _count(n: int, names: tuple[str, str]) -> str:
    return f"{n:,} {names[0] if n == 1 else names[1]}"


def _enumerate(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def describe(report: CopyReport) -> str:
    """The report in two sentences: what was copied where, and what was found equal."""
    copied = [_count(report.rows[t], names) for t, names in ROWS.items() if report.rows.get(t)]
    others = sum(n for t, n in report.rows.items() if t not in ROWS)
    if others:
        copied.append(_count(others, ("other row", "other rows")))
    what = _enumerate(copied) if copied else "nothing (the source is empty)"
    first = f"Copied {what} from {report.source} to {report.target} in {report.seconds:.1f} s."
    checked = [
        _count(report.digests[c], names) for c, names in DIGESTS.items() if report.digests.get(c)
    ]
    if not checked:
        return f"{first} Every count matches (no raw mail or attachment to compare)."
    return f"{first} Every count matches, and so does the sha256 of all {_enumerate(checked)}."


def migrate_store(args: Namespace, out: TextIO) -> int:
    with progress_on(sys.stderr) as progress:
        report = copy_store(args.source, args.target, force=args.force, progress=progress)
    if getattr(args, "json", False):
        write_json(
            {
                "from": report.source,
                "to": report.target,
                "rows": report.rows,
                "sha256_equal": report.digests,
                "seconds": round(report.seconds, 2),
            },
            out,
        )
    else:
        out.write(describe(report) + "\n")
    return 0
