"""`logeas backup`, `logeas restore` (tools on the store of `--db`, opened by neither) and
`logeas export` (a verb: one ticket's mails into an mbox file). Each says what it wrote."""

from __future__ import annotations

import sys
from argparse import Namespace
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from logeas_tui.cli.output import safe
from logeas_tui.cli.progress import progress_on
from logeas_tui.core.config import write_private
from logeas_tui.core.errors import HelpdeskError, NotFound
from logeas_tui.core.mail.mbox import mbox_entry
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import backup as backups
from logeas_tui.core.store.connection import default_location
from logeas_tui.core.store.export import ticket_mails
from logeas_tui.core.store.models import Ticket


def _counted(counts: dict[str, int]) -> str:
    return (
        f"{counts['tickets']:,} tickets, {counts['messages']:,} messages "
        f"({counts['raw_mails']:,} with their mail bytes), "
        f"{counts['queued_mails']:,} mails waiting to be sent"
    )


def backup(args: Namespace, out: TextIO) -> int:
    location = args.db or default_location()
    with progress_on(sys.stderr) as progress:
        report = backups.backup(location, Path(args.path), datetime.now(UTC), progress)
    out.write(
        f"Backed up {report.source} into {report.target} ({report.size / 1e6:,.1f} MB, "
        f"{report.seconds:.1f} s): {_counted(report.counts)}; its integrity check passed.\n"
    )
    return 0


def restore(args: Namespace, out: TextIO) -> int:
    location = args.db or default_location()
    report = backups.restore(Path(args.path), location, datetime.now(UTC))
    aside = f"; the store it replaced is kept as {report.kept_aside}" if report.kept_aside else ""
    out.write(f"Restored {report.source} as {report.target}: {_counted(report.counts)}{aside}.\n")
    return 0


KIND_NAMES = {
    "phone": "phone call",
    "note": "note",
    "mail-in": "received mail",
    "mail-out": "sent mail",
}


def export(desk: Desk, args: Namespace, out: TextIO) -> int:
    ticket = Ticket.get_or_none(Ticket.number == args.number)
    if ticket is None:
        raise NotFound(f"There is no ticket {args.number}.")
    found = ticket_mails(ticket)
    if not found.mails:
        raise HelpdeskError(f"Ticket {ticket.number} holds no mail bytes to export.")
    target = Path(args.mbox).expanduser()
    if target.exists():
        raise HelpdeskError(f"{target} already exists: give a new file name.")
    write_private(target, b"".join(mbox_entry(m.sender, m.date, m.raw) for m in found.mails))
    received = sum(m.received for m in found.mails)
    said = (
        f"Wrote {len(found.mails)} mail{'s' if len(found.mails) > 1 else ''} of ticket "
        f"{safe(ticket.number)} to {target} "
        f"({received} received, {len(found.mails) - received} sent)"
    )
    if found.without_bytes:
        left = ", ".join(
            f"{n} {KIND_NAMES.get(kind, kind)}{'s' if n > 1 else ''}"
            for kind, n in sorted(found.without_bytes.items())
        )
        said += f"; without mail bytes, not in it: {left}"
    out.write(said + ".\n")
    return 0
