"""The mail verbs of the command line: `logeas sync`, `logeas import`, `logeas outbox`."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from peewee import DatabaseError

from logeas_tui.cli.output import safe, write_json
from logeas_tui.core.errors import HelpdeskError, first_line
from logeas_tui.core.mail.mbox import looks_like_mail, split_mbox
from logeas_tui.core.mail.route import load_rules
from logeas_tui.core.services import mail_lease
from logeas_tui.core.services.desk import Desk, copy_parts
from logeas_tui.core.services.inbound import COPY, DUPLICATE, FOLLOWUP, IGNORED, NEW_TICKET, ingest
from logeas_tui.core.services.mail_sync import run_once
from logeas_tui.core.services.parse_ahead import parsed_chunks
from logeas_tui.core.services.write_batch import WriteBatch
from logeas_tui.core.store import outbox_queries
from logeas_tui.core.store.connection import disk_full


def sync(desk: Desk, once: bool, out: TextIO) -> int:
    """Fetch and send now (retrying failed mail at once); loop unless `once`."""
    try:
        return _sync(desk, once, out)
    finally:
        mail_lease.release(desk)  # another copy may take over at once


def _sleep(seconds: float) -> bool:
    time.sleep(seconds)
    return False


def _sync(desk: Desk, once: bool, out: TextIO) -> int:
    while True:
        report = run_once(desk, force_send=True)
        if desk.config.imap is None and desk.config.smtp is None:
            out.write("No [imap] or [smtp] section in the config: nothing to sync.\n")
        if report.held_by:
            name, host = copy_parts(report.held_by)
            whose = f"{name}'s copy on {host}" if name else f"a copy on {host}"
            out.write(f"Mail is synced by {safe(whose)}: nothing fetched or sent here.\n")
        out.write(
            f"{report.new_tickets} new tickets, {report.followups} follow-ups, "
            f"{report.ignored} ignored, {report.sent} mails sent, "
            f"{report.outbox_waiting} waiting in the outbox\n"
        )
        if report.unparsed or report.send_failed or report.purged:
            out.write(
                f"{report.unparsed} stored unparsed (raw bytes kept), "
                f"{report.send_failed} not sent (retried later), "
                f"{report.purged} destroyed from Delete\n"
            )
        if report.error:
            out.write(f"error: {safe(report.error)}\n")
        if once:
            return 1 if report.error else 0
        poll = desk.config.imap.poll_seconds if desk.config.imap else 60
        mail_lease.wait_for_next_round(desk, poll, _sleep, holding=report.held_by is None)


def raw_messages(paths: Sequence[str]) -> Iterator[tuple[Path, bytes | OSError]]:
    """Every message under the paths: .eml files, directories, Maildirs, mbox files; a file
    that cannot be read gives its OSError instead, and the others still come."""
    for name in paths:
        path = Path(name)
        try:
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        except OSError as exc:
            yield path, exc
            continue
        for file in files:
            if file.name.startswith(".") or file.suffix in (".yml", ".tsv", ".md"):
                continue
            try:
                data = file.read_bytes()
            except OSError as exc:
                yield file, exc
                continue
            if not data:
                continue  # an empty file holds no message
            if data.startswith(b"From "):  # one mail behind its envelope line, or an mbox
                for raw in split_mbox(data):
                    yield file, raw
            else:
                yield file, data


def _mails(
    found: Iterator[tuple[Path, bytes | OSError]], failed: list[str], skipped: list[str]
) -> Iterator[tuple[Path, bytes]]:
    """The mails among the files read; an unreadable file or one that is no mail is noted."""
    for path, raw in found:
        if isinstance(raw, OSError):
            failed.append(f"{safe(str(path))}: {safe(raw.strerror or str(raw))}")
        elif not looks_like_mail(raw):
            skipped.append(safe(str(path)))
        else:
            yield path, raw


def import_paths(desk: Desk, paths: Sequence[str], ack: bool, out: TextIO) -> int:
    rules = load_rules(desk.config.data_dir / "routing.toml")
    counts = {NEW_TICKET: 0, FOLLOWUP: 0, COPY: 0, DUPLICATE: 0, IGNORED: 0}
    unparsed = total = 0
    failed: list[str] = []
    skipped: list[str] = []
    started = time.perf_counter()
    with WriteBatch() as batch:
        for chunk in parsed_chunks(_mails(raw_messages(paths), failed, skipped)):
            for path, raw, parsed in chunk:
                try:
                    with batch.mail(len(raw)):
                        result = ingest(desk, raw, rules, acknowledge=ack, parsed=parsed)
                except (HelpdeskError, DatabaseError) as exc:  # this one is not stored; go on
                    said = disk_full(exc) or exc
                    failed.append(f"{safe(str(path))}: {safe(first_line(said))}")
                    continue
                counts[result.outcome] += 1
                total += 1
                if not result.parsed_ok:
                    unparsed += 1
                    out.write(f"stored but not parsed cleanly: {path}\n")
            batch.commit()  # the next chunk's parse is awaited outside the write lock
    elapsed = time.perf_counter() - started
    rate = total / elapsed if elapsed > 0 else 0.0
    out.write(
        f"{total} messages: {counts[NEW_TICKET]} new tickets, {counts[FOLLOWUP]} follow-ups, "
        f"{counts[COPY]} other copies of a stored Message-ID, {counts[DUPLICATE]} already stored, {counts[IGNORED]} ignored; "
        f"{total - unparsed} parsed cleanly, {unparsed} stored unparsed "
        f"({elapsed:.2f} s, {rate:.0f} mails/s)\n"
    )
    for name in skipped:
        out.write(f"skipped, not a mail: {name}\n")
    if skipped:
        out.write(f"{len(skipped)} files skipped: they do not start as a mail does.\n")
    for line in failed:
        out.write(f"not imported: {line}\n")
    if failed:
        out.write(f"{len(failed)} could not be imported (listed above); the others were.\n")
    return 1 if failed else 0


def outbox(desk: Desk, as_json: bool, out: TextIO) -> int:
    items = outbox_queries.outbox()
    if as_json:
        write_json([o.to_json() for o in items], out)
        return 0
    if not items:
        out.write("The outbox is empty: all mail is sent.\n")
    for o in items:
        error = f" — last error: {safe(o.last_error)}" if o.last_error else ""
        out.write(
            f"{o.ticket or '-'}  to {safe(o.recipient)}  {safe(o.subject)!r}  attempts {o.attempts}"
            f"{error}\n"
        )
    return 0
