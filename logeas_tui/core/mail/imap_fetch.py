"""Fetching new mail over IMAP without losing or doubling any.

The last stored UID is remembered per account + folder + UIDVALIDITY, in the same transaction
as the mail itself, so a sync killed at any point resumes where it stopped; a changed
UIDVALIDITY starts over, and the Message-ID/sha256 check of the ingestion stops doubles.
Mail is fetched with BODY.PEEK (never marked seen by reading) and flagged \\Seen on the server
only after it is committed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from imap_tools import MailMessage, MailMessageFlags

from logeas_tui.core.config import ServerConf
from logeas_tui.core.mail.imap_connect import ImapSettings, connect
from logeas_tui.core.mail.route import Rule
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.inbound import IngestResult, ingest
from logeas_tui.core.store.models import SyncState
from logeas_tui.core.store.tx import writing

CHUNK = 200


class RawMail(MailMessage):
    """imap-tools' message that keeps the exact bytes and skips its own parse."""

    def __init__(self, fetch_data: list[Any]) -> None:
        raw, uid_data, flag_data = self._get_message_data_parts(fetch_data)
        self._raw_uid_data = uid_data
        self._raw_flag_data = flag_data
        self.raw: bytes = raw


@dataclass
class FetchReport:
    results: list[IngestResult] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)


def imap_settings(conf: ServerConf) -> ImapSettings:
    return ImapSettings(
        host=conf.host,
        port=conf.port,
        security=conf.security,
        user=conf.user or "",
        password=conf.resolve_password() or "",
        folder=conf.folder,
    )


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fetch_new(
    desk: Desk, conf: ServerConf, rules: Sequence[Rule], *, acknowledge: bool = True
) -> FetchReport:
    report = FetchReport()
    account = f"{conf.user or ''}@{conf.host}:{conf.port}"
    mailbox = connect(imap_settings(conf))
    mailbox.email_message_class = RawMail
    try:
        status = mailbox.folder.status(conf.folder, ["UIDVALIDITY", "UIDNEXT"])
        validity = int(status["UIDVALIDITY"])
        state = SyncState.get_or_none(
            (SyncState.account == account)
            & (SyncState.folder == conf.folder)
            & (SyncState.uidvalidity == validity)
        )
        last = state.last_uid if state else 0
        if last + 1 >= int(status.get("UIDNEXT", 0) or 0) and state is not None:
            return report
        uids = [u for u in mailbox.uids(f"UID {last + 1}:*") if int(u) > last]
        for chunk in _chunks(uids, CHUNK):
            stored: list[str] = []
            for mail in mailbox.fetch(uid_list=list(chunk), mark_seen=False, bulk=True):
                assert isinstance(mail, RawMail) and mail.uid is not None
                with writing():
                    result = ingest(desk, mail.raw, rules, acknowledge=acknowledge)
                    _remember(account, conf.folder, validity, int(mail.uid))
                report.results.append(result)
                stored.append(mail.uid)
            if stored:
                mailbox.flag(stored, MailMessageFlags.SEEN, True)
    finally:
        mailbox.logout()
    return report


def _remember(account: str, folder: str, validity: int, uid: int) -> None:
    (
        SyncState.insert(account=account, folder=folder, uidvalidity=validity, last_uid=uid)
        .on_conflict(
            conflict_target=[SyncState.account, SyncState.folder, SyncState.uidvalidity],
            update={SyncState.last_uid: uid},
        )
        .execute()
    )
