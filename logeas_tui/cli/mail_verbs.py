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
from logeas_tui.core.errors import HelpdeskError
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
from logeas_tui.texts import Catalog


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
    texts = Catalog(desk.config.language)
    while True:
        with progress_on(sys.stderr, texts) as progress:
            report = run_once(desk, force_send=True, progress=progress)
        if desk.config.imap is None and desk.config.smtp is None:
            out.write(texts.t("cli.sync.unconfigured") + "\n")
        if report.held_by:
            name, host = copy_parts(report.held_by)
            held = (
                texts.t("cli.sync.held_by", name=safe(name), host=safe(host))
                if name
                else texts.t("cli.sync.held_by_host", host=safe(host))
            )
            out.write(held + "\n")
        said = texts.counted(
            ("count.new_ticket", report.new_tickets),
            ("count.followup", report.followups),
            ("count.ignored", report.ignored),
            ("count.sent", report.sent),
            ("count.waiting", report.outbox_waiting),
        )
        out.write(said + "\n")
        if report.unparsed or report.send_failed or report.purged:
            said = texts.counted(
                ("count.unparsed", report.unparsed),
                ("count.not_sent", report.send_failed),
                ("count.purged", report.purged),
            )
            out.write(said + "\n")
        if report.error:
            out.write(texts.t("cli.error", said=safe(texts.say(report.error))) + "\n")
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
    with progress_on(sys.stderr, Catalog(desk.config.language)) as progress:
        code = _import(desk, paths, ack, said, progress)
    out.writelines(line + "\n" for line in said)
    return code


def _import(
    desk: Desk, paths: Sequence[str], ack: bool, said: list[str], progress: Progress
) -> int:
    texts = Catalog(desk.config.language)
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
                    why = texts.say(disk_full(exc) or exc).strip().splitlines() or [repr(exc)]
                    failed.append(f"{safe(str(path))}: {safe(why[0].rstrip('.')[:200])}")
                    continue
                counts[result.outcome] += 1
                total += 1
                if not result.parsed_ok:
                    unparsed += 1
                    said.append(texts.t("cli.import.unparsed", path=safe(str(path))))
            batch.commit()  # the next chunk's parse is awaited outside the write lock
            progress.advance(len(chunk))
    elapsed = time.perf_counter() - started
    rate = total / elapsed if elapsed > 0 else 0.0
    outcomes = texts.counted(
        ("count.new_ticket", counts[NEW_TICKET]),
        ("count.followup", counts[FOLLOWUP]),
        ("count.copy", counts[COPY]),
        ("count.duplicate", counts[DUPLICATE]),
        ("count.ignored", counts[IGNORED]),
    )
    summary = texts.t(
        "cli.import.summary",
        messages=texts.plural("count.message", total),
        outcomes=outcomes,
        parsed=texts.plural("count.parsed", total - unparsed),
        unparsed=texts.plural("count.unparsed", unparsed),
        seconds=texts.number(elapsed, 2),
        rate=texts.number(rate),
    )
    said.append(summary)
    for name in skipped:
        said.append(texts.t("cli.import.skipped", path=name))
    if skipped:
        said.append(texts.plural("cli.import.skipped_count", len(skipped)))
    for line in failed:
        said.append(texts.t("cli.import.failed", line=line))
    if failed:
        said.append(texts.plural("cli.import.failed_count", len(failed)))
    return 1 if failed else 0


def outbox(desk: Desk, as_json: bool, out: TextIO) -> int:
    items = outbox_queries.outbox()
    if as_json:
        write_json([o.to_json() for o in items], out)
        return 0
    texts = Catalog(desk.config.language)
    if not items:
        out.write(texts.t("cli.outbox.empty") + "\n")
    for o in items:
        error = texts.t("cli.outbox.error", error=safe(o.last_error)) if o.last_error else ""
        row = texts.t(
            "cli.outbox.row",
            ticket=o.ticket or "-",
            recipient=safe(o.recipient),
            subject=texts.quoted(safe(o.subject)),
            attempts=o.attempts,
        )
        out.write(row + error + "\n")
    return 0
