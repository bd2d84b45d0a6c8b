"""The tools of `logeas` that work on whole stores, named in their own arguments, rather than
on the helpdesk of `--db`: `logeas migrate-store`. They take the parsed arguments and the
text stream to print on, and return the exit status."""

from __future__ import annotations

import sys
from argparse import Namespace
from typing import TextIO

from logeas_tui.cli.output import config_texts, write_json
from logeas_tui.cli.progress import progress_on
from logeas_tui.core.store.copy import CopyReport, copy_store
from logeas_tui.texts import Catalog

# The tables the report names, in its order (each a `count.row.<table>` text); the columns
# whose sha256 it compares (each a `count.digest.<column>` text).
ROWS = (
    "ticket",
    "message",
    "raw_mail",
    "history",
    "attachment",
    "outbox",
    "queue",
    "technician",
    "seen",
    "counter",
    "auto_reply_count",
    "sync_state",
    "lease",
    "draft",
)
DIGESTS = ("raw_mail.raw", "message.legacy_raw", "outbox.raw", "attachment.data")


def describe(report: CopyReport, texts: Catalog) -> str:
    """The report in two sentences: what was copied where, and what was found equal."""
    copied = [texts.plural(f"count.row.{t}", report.rows[t]) for t in ROWS if report.rows.get(t)]
    others = sum(n for t, n in report.rows.items() if t not in ROWS)
    if others:
        copied.append(texts.plural("count.row.other", others))
    first = texts.t(
        "cli.migrate.copied",
        what=texts.listed(copied) if copied else texts.t("cli.migrate.nothing"),
        source=report.source,
        target=report.target,
        seconds=texts.number(report.seconds, 1),
    )
    checked = [
        texts.plural(f"count.digest.{c.replace('.', '_')}", report.digests[c])
        for c in DIGESTS
        if report.digests.get(c)
    ]
    if not checked:
        return first + " " + texts.t("cli.migrate.counts_match")
    return first + " " + texts.t("cli.migrate.sha_match", what=texts.listed(checked))


def migrate_store(args: Namespace, out: TextIO) -> int:
    texts = config_texts(args)
    with progress_on(sys.stderr, texts) as progress:
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
        out.write(describe(report, texts) + "\n")
    return 0
