"""The mail verbs of the command line: `logeas sync`, `logeas import`, `logeas outbox`."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from peewee import DatabaseError

from logeas_tui.cli.output import safe, write_json
from logeas_tui.cli.progress import progress_on
from logeas_tui.core.errors import HelpdeskError, first_line
from logeas_tui.core.mail.mbox import looks_like_mail, split_mbox
from logeas_tui.core.mail.route import load_rules
from logeas_tui.core.progress import QUIET, Progress
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
        with progress_on(sys.stderr) as progress:
            report = run_once(desk, force_send=True, progress=progress)
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


def _files(paths: Sequence[str]) -> Iterator[tuple[Path, OSError | None]]:
    """The files under the paths that may hold mail, or a folder that cannot be listed."""
    for name in paths:
        path = Path(name)
        try:
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        except OSError as exc:
            yield path, exc
            continue
        for file in files:
            if not (file.name.startswith(".") or file.suffix in (".yml", ".tsv", ".md")):
                yield file, None


def raw_messages(
    paths: Sequence[str], progress: Progress = QUIET
) -> Iterator[tuple[Path, bytes | OSError]]:
    """Every message under the paths: .eml files, directories, Maildirs, mbox files; a file
    that cannot be read gives its OSError instead, and the others still come. The files are
    listed first: `progress` is told one mail per file, and an mbox's count once it is read."""
    files = list(_files(paths))
    progress.begin("mails", len(files))
    for file, unlisted in files:
        if unlisted is not None:
            yield file, unlisted
            continue
        try:
            data = file.read_bytes()
        except OSError as exc:
            yield file, exc
            continue
        if not data:
            progress.more(-1)
            continue  # an empty file holds no message
        if data.startswith(b"From "):  # one mail behind its envelope line, or an mbox
            mails = split_mbox(data)
            progress.more(len(mails) - 1)
            for raw in mails:
                yield file, raw
        else:
            yield file, data


def _mails(
    found: Iterator[tuple[Path, bytes | OSError]],
    failed: list[str],
    skipped: list[str],
    progress: Progress,
) -> Iterator[tuple[Path, bytes]]:
    """The mails among the files read; an unreadable file or one that is no mail is noted
    (and counted done)."""
    for path, raw in found:
        if isinstance(raw, OSError):
            failed.append(f"{safe(str(path))}: {safe(raw.strerror or str(raw))}")
            progress.advance()
        elif not looks_like_mail(raw):
            skipped.append(safe(str(path)))
            progress.advance()
        else:
            yield path, raw


def import_paths(desk: Desk, paths: Sequence[str], ack: bool, out: TextIO) -> int:
    """Store the mails under `paths`, a bar on a terminal's stderr meanwhile; then the
    summary on `out` (the unclean, skipped and failed files named)."""
    said: list[str] = []
    with progress_on(sys.stderr) as progress:
        code = _import(desk, paths, ack, said, progress)
    out.writelines(line + "\n" for line in said)
    return code


def _import(
    desk: Desk, paths: Sequence[str], ack: bool, said: list[str], progress: Progress
) -> int:
    rules = load_rules(desk.config.data_dir / "routing.toml")
    counts = {NEW_TICKET: 0, FOLLOWUP: 0, COPY: 0, DUPLICATE: 0, IGNORED: 0}
    unparsed = total = 0
    failed: list[str] = []
    skipped: list[str] = []
    started = time.perf_counter()
    found = _mails(raw_messages(paths, progress), failed, skipped, progress)
    with WriteBatch() as batch:
        for chunk in parsed_chunks(found):
            for path, raw, parsed in chunk:
                try:
                    with batch.mail(len(raw)):
                        result = ingest(desk, raw, rules, acknowledge=ack, parsed=parsed)
                except (HelpdeskError, DatabaseError) as exc:  # this one is not stored; go on
                    refused = disk_full(exc) or exc
                    failed.append(f"{safe(str(path))}: {safe(first_line(refused))}")
                    continue
                counts[result.outcome] += 1
                total += 1
                if not result.parsed_ok:
                    unparsed += 1
                    said.append(f"stored but not parsed cleanly: {path}")
            batch.commit()  # the next chunk's parse is awaited outside the write lock
            progress.advance(len(chunk))
    elapsed = time.perf_counter() - started
    rate = total / elapsed if elapsed > 0 else 0.0
    said.append(
        f"{total} messages: {counts[NEW_TICKET]} new tickets, {counts[FOLLOWUP]} follow-ups, "
        f"{counts[COPY]} other copies of a stored Message-ID, {counts[DUPLICATE]} already stored, {counts[IGNORED]} ignored; "
        f"{total - unparsed} parsed cleanly, {unparsed} stored unparsed "
        f"({elapsed:.2f} s, {rate:.0f} mails/s)"
    )
    said.extend(f"skipped, not a mail: {name}" for name in skipped)
    if skipped:
        said.append(f"{len(skipped)} files skipped: they do not start as a mail does.")
    said.extend(f"not imported: {line}" for line in failed)
    if failed:
        said.append(f"{len(failed)} could not be imported (listed above); the others were.")
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
