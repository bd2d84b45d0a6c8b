"""`logeas backup`, `logeas restore` (tools on the store of `--db`, opened by neither) and
`logeas export` (a verb: one ticket's mails into an mbox file). Each says what it wrote."""

from __future__ import annotations

import sys
from argparse import Namespace
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from logeas_tui.cli.output import config_texts, safe
from logeas_tui.cli.progress import progress_on
from logeas_tui.core.config import write_private
from logeas_tui.core.errors import HelpdeskError, NotFound
from logeas_tui.core.mail.mbox import mbox_entry
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import backup as backups
from logeas_tui.core.store.connection import default_location
from logeas_tui.core.store.export import ticket_mails
from logeas_tui.core.store.models import Ticket
from logeas_tui.texts import Catalog


def _counted(texts: Catalog, counts: dict[str, int]) -> str:
    raw = texts.plural("count.raw_mail", counts["raw_mails"])
    return (
        f"{texts.plural('count.ticket', counts['tickets'])}, "
        f"{texts.plural('count.message', counts['messages'])} ({raw}), "
        f"{texts.plural('count.queued', counts['queued_mails'])}"
    )


def backup(args: Namespace, out: TextIO) -> int:
    location = getattr(args, "db", None) or default_location()
    texts = config_texts(args)
    with progress_on(sys.stderr, texts) as progress:
        report = backups.backup(location, Path(args.path), datetime.now(UTC), progress)
    said = texts.t(
        "cli.backup.done",
        source=report.source,
        target=report.target,
        size=texts.number(report.size / 1e6, 1),
        seconds=texts.number(report.seconds, 1),
        counts=_counted(texts, report.counts),
    )
    out.write(said + "\n")
    return 0


def restore(args: Namespace, out: TextIO) -> int:
    location = getattr(args, "db", None) or default_location()
    report = backups.restore(Path(args.path), location, datetime.now(UTC))
    texts = config_texts(args)
    done = dict(source=report.source, target=report.target, counts=_counted(texts, report.counts))
    if report.kept_aside:
        out.write(texts.t("cli.restore.done_aside", aside=report.kept_aside, **done) + "\n")
    else:
        out.write(texts.t("cli.restore.done", **done) + "\n")
    return 0


def export(desk: Desk, args: Namespace, out: TextIO) -> int:
    ticket = Ticket.get_or_none(Ticket.number == args.number)
    if ticket is None:
        raise NotFound(Sentence("no_ticket", number=args.number))
    found = ticket_mails(ticket)
    if not found.mails:
        raise HelpdeskError(Sentence("cli.export.no_bytes", number=ticket.number))
    target = Path(args.mbox).expanduser()
    if target.exists():
        raise HelpdeskError(Sentence("cli.export.exists", path=str(target)))
    write_private(target, b"".join(mbox_entry(m.sender, m.date, m.raw) for m in found.mails))
    received = sum(m.received for m in found.mails)
    texts = Catalog(desk.config.language)
    wrote = dict(
        mails=texts.plural("count.mail", len(found.mails)),
        number=safe(ticket.number),
        path=target,
        received=received,
        sent=len(found.mails) - received,
    )
    if found.without_bytes:
        left = texts.counted(
            *(
                (f"count.{kind.replace('-', '_')}", n)
                for kind, n in sorted(found.without_bytes.items())
            )
        )
        out.write(texts.t("cli.export.done_left", left=left, **wrote) + "\n")
    else:
        out.write(texts.t("cli.export.done", **wrote) + "\n")
    return 0
