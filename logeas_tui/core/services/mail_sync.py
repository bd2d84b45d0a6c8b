"""One round of the mail worker: fetch new mail, send the outbox, purge the Delete queue.
The app's background thread and `logeas sync` both call `run_once`. Fetching and sending happen
only in the copy holding the team's mail lease (core.services.mail_lease); another copy's round
reports who holds it and only purges the Delete queue.

Fetching loses and doubles no mail: the last stored UID is remembered per account + folder +
UIDVALIDITY, in the same transaction as the mail itself, so a sync killed at any point resumes
where it stopped; a changed UIDVALIDITY starts over, and the Message-ID/sha256 check of the
ingestion (core.services.inbound) stops doubles. core.mail.imap_fetch reads the raw bytes
without marking them seen; \\Seen is set on the server only after the mail is committed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime

from logeas_tui.core.config import ServerConf
from logeas_tui.core.errors import DiskFull, HelpdeskError
from logeas_tui.core.mail.imap_connect import Deadline, connection_lost
from logeas_tui.core.mail.imap_fetch import Folder, imap_settings
from logeas_tui.core.mail.route import Rule, load_rules
from logeas_tui.core.progress import QUIET, Progress
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services import mail_lease
from logeas_tui.core.services.cleanup import purge_deleted
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.inbound import (
    FOLLOWUP,
    IGNORED,
    NEW_TICKET,
    IngestResult,
    ingest,
)
from logeas_tui.core.services.outbox import send_due
from logeas_tui.core.services.parse_ahead import parsed_chunks
from logeas_tui.core.services.write_batch import WriteBatch
from logeas_tui.core.store import outbox_queries
from logeas_tui.core.store.connection import disk_full
from logeas_tui.core.store.models import SyncState

CHUNK = 200
# A fetch round ends after this long whatever the server does (a server that drips a byte every
# few seconds defeats any per-read timeout); what was stored is kept, the next round goes on.
ROUND_SECONDS = 300.0


@dataclass
class FetchReport:
    results: list[IngestResult] = field(default_factory=list)
    error: str | None = None  # the fault that ended the round early

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fetch_new(
    desk: Desk,
    conf: ServerConf,
    rules: Sequence[Rule],
    *,
    acknowledge: bool = True,
    progress: Progress = QUIET,
) -> FetchReport:
    """Store the mail above the last stored UID, a chunk at a time. The round lasts at most
    ROUND_SECONDS; each chunk is parsed (by a worker process, see services.parse_ahead) before
    its write transaction, the mails are stored in short batches of savepoints (see
    services.write_batch), and the lease is renewed after each chunk (lost: another copy goes
    on from the last stored UID). `progress` counts the mails stored of those the server has
    above that UID."""
    report = FetchReport()
    account = f"{conf.user or ''}@{conf.host}:{conf.port}"
    deadline = Deadline(ROUND_SECONDS).start()
    try:
        with Folder(imap_settings(conf), deadline) as folder:
            status = folder.status()
            validity = status.uidvalidity
            state = SyncState.get_or_none(
                (SyncState.account == account)
                & (SyncState.folder == conf.folder)
                & (SyncState.uidvalidity == validity)
            )
            last = state.last_uid if state else 0
            if last + 1 >= status.uidnext and state is not None:
                return report
            uids = folder.uids_after(last)
            progress.begin("mails", len(uids))
            mails = (mail for chunk in _chunks(uids, CHUNK) for mail in folder.fetch_raw(chunk))
            with WriteBatch() as batch, closing(parsed_chunks(mails, CHUNK)) as chunks:
                for chunk in chunks:
                    results: list[IngestResult] = []
                    for uid, raw, parsed in chunk:
                        with batch.mail(len(raw)):
                            result = ingest(
                                desk, raw, rules, acknowledge=acknowledge, parsed=parsed
                            )
                            _remember(account, conf.folder, validity, int(uid))
                        results.append(result)
                    batch.commit()  # stored for good before the server is told
                    report.results.extend(results)
                    progress.advance(len(results))
                    folder.mark_seen([uid for uid, _, _ in chunk])
                    if mail_lease.take(desk) is not None:
                        break
    except Exception as exc:  # what was stored before the fault stays counted
        full = disk_full(exc)
        if full is not None:  # not the server's fault: the whole round stops (run_once)
            raise full from exc
        if deadline.passed:
            report.error = Sentence(
                "sync.round_too_long",
                host=conf.host,
                seconds=f"{ROUND_SECONDS:.0f}",
                count=len(report.results),
            )
        elif connection_lost(exc):
            report.error = Sentence(
                "sync.connection_lost", host=conf.host, count=len(report.results)
            )
        else:
            report.error = Sentence(
                "sync.imap_failed", where=f"{conf.host}:{conf.port}", cause=_describe(exc)
            )
    finally:
        deadline.cancel()
    return report


def _remember(account: str, folder: str, validity: int, uid: int) -> None:
    SyncState.upsert(
        ("account", "folder", "uidvalidity"),
        account=account,
        folder=folder,
        uidvalidity=validity,
        last_uid=uid,
    )


@dataclass(frozen=True)
class SyncReport:
    at: datetime
    new_tickets: int = 0
    followups: int = 0
    ignored: int = 0
    unparsed: int = 0
    sent: int = 0
    send_failed: int = 0
    outbox_waiting: int = 0
    purged: int = 0
    error: str | None = None
    held_by: str | None = None  # another copy holds the mail lease: nothing fetched or sent here


def _describe(exc: Exception) -> str:
    """An exception in a few words: a helpdesk error's own sentence, else its type and text."""
    if isinstance(exc, HelpdeskError) and exc.args and isinstance(exc.args[0], Sentence):
        return exc.args[0]
    text = str(exc).strip() or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if not isinstance(exc, HelpdeskError) else text


def _joined(errors: list[str]) -> str | None:
    """The round's faults (at most the fetch's and the send's) as one sentence."""
    if len(errors) > 1:
        return Sentence("sync.faults", first=errors[0], second=_joined(errors[1:]))
    return errors[0] if errors else None


def run_once(
    desk: Desk,
    *,
    force_send: bool = False,
    acknowledge: bool = True,
    progress: Progress = QUIET,
) -> SyncReport:
    """Never raises for a mail-server problem: the error is in the report. `progress` counts
    the new mails fetched (see `fetch_new`)."""
    conf = desk.config
    errors: list[str] = []
    new = followups = ignored = unparsed = sent = failed = 0
    held_by = mail_lease.take(desk) if conf.imap is not None or conf.smtp is not None else None
    full = False
    if conf.imap is not None and held_by is None:
        try:
            rules = load_rules(conf.data_dir / "routing.toml")
            fetched = fetch_new(desk, conf.imap, rules, acknowledge=acknowledge, progress=progress)
            new, followups = fetched.count(NEW_TICKET), fetched.count(FOLLOWUP)
            ignored = fetched.count(IGNORED)
            unparsed = sum(1 for r in fetched.results if not r.parsed_ok)
            if fetched.error:
                errors.append(Sentence("sync.imap", cause=fetched.error))
        except DiskFull as exc:  # the mails stay on the server, unflagged, for the next round
            errors.append(_describe(exc))
            full = True
        except Exception as exc:  # a server or network fault must not stop the worker
            errors.append(Sentence("sync.imap", cause=_describe(exc)))
    if conf.smtp is not None and held_by is None and not full:
        held_by = mail_lease.take(desk)  # renewed after a long fetch (or lost meanwhile)
    # on a full disk nothing is sent: a mail sent could not be marked sent, and would go twice
    if conf.smtp is not None and held_by is None and not full:
        try:
            report = send_due(desk, conf.smtp, force=force_send)
            sent, failed = report.sent, report.failed
            if report.error:
                errors.append(Sentence("sync.smtp", cause=report.error))
        except Exception as exc:
            errors.append(Sentence("sync.smtp", cause=_describe(exc)))
    purged = len(purge_deleted(desk))
    return SyncReport(
        desk.clock.now(),
        new,
        followups,
        ignored,
        unparsed,
        sent,
        failed,
        outbox_queries.outbox_waiting(),
        purged,
        _joined(errors),
        held_by,
    )
