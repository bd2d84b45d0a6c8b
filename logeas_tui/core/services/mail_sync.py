"""One round of the mail worker: fetch new mail, send the outbox, purge the Delete queue.
The app's background thread and `logeas sync` both call `run_once`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from logeas_tui.core.errors import HelpdeskError
from logeas_tui.core.mail.imap_fetch import fetch_new
from logeas_tui.core.mail.route import load_rules
from logeas_tui.core.services.cleanup import purge_deleted
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.inbound import FOLLOWUP, IGNORED, NEW_TICKET
from logeas_tui.core.services.outbox import send_due
from logeas_tui.core.store import queries


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


def _describe(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if not isinstance(exc, HelpdeskError) else text


def run_once(desk: Desk, *, force_send: bool = False, acknowledge: bool = True) -> SyncReport:
    """Never raises for a mail-server problem: the error is in the report."""
    conf = desk.config
    errors: list[str] = []
    new = followups = ignored = unparsed = sent = failed = 0
    if conf.imap is not None:
        try:
            rules = load_rules(conf.data_dir / "routing.toml")
            fetched = fetch_new(desk, conf.imap, rules, acknowledge=acknowledge)
            new, followups = fetched.count(NEW_TICKET), fetched.count(FOLLOWUP)
            ignored = fetched.count(IGNORED)
            unparsed = sum(1 for r in fetched.results if not r.parsed_ok)
        except Exception as exc:  # a server or network fault must not stop the worker
            errors.append(f"IMAP: {_describe(exc)}")
    if conf.smtp is not None:
        try:
            report = send_due(desk, conf.smtp, force=force_send)
            sent, failed = report.sent, report.failed
            if report.error:
                errors.append(f"SMTP: {report.error}")
        except Exception as exc:
            errors.append(f"SMTP: {_describe(exc)}")
    purged = len(purge_deleted(desk))
    return SyncReport(
        desk.clock.now(),
        new,
        followups,
        ignored,
        unparsed,
        sent,
        failed,
        queries.outbox_waiting(),
        purged,
        "; ".join(errors) or None,
    )
