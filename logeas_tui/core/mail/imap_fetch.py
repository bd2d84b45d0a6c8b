"""The IMAP side of fetching mail: the exact bytes of the messages after a UID, never marked
seen by reading.

Why an adapter: imap-tools parses every message it fetches and, by default, marks it \\Seen;
the helpdesk wants the raw bytes (stored as received, parsed by core.mail.parse) fetched with
BODY.PEEK, and flags \\Seen only for mail already committed. This module speaks IMAP only:
which UID was stored last (per account, folder and UIDVALIDITY, in the same transaction as each
mail) is kept by core.services.mail_sync.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from imap_tools import MailMessage, MailMessageFlags

from logeas_tui.core.config import ServerConf
from logeas_tui.core.mail.imap_connect import Deadline, ImapSettings, connect

BATCH_BYTES = 16 * 1024 * 1024  # at most this much mail fetched in one FETCH (a big one alone)


class RawMail(MailMessage):
    """imap-tools' message that keeps the exact bytes and skips its own parse."""

    def __init__(self, fetch_data: list[Any]) -> None:
        raw, uid_data, flag_data = self._get_message_data_parts(fetch_data)
        self._raw_uid_data = uid_data
        self._raw_flag_data = flag_data
        self.raw: bytes = raw


def imap_settings(conf: ServerConf) -> ImapSettings:
    return ImapSettings(
        host=conf.host,
        port=conf.port,
        security=conf.security,
        user=conf.user or "",
        password=conf.resolve_password() or "",
        folder=conf.folder,
    )


@dataclass(frozen=True)
class FolderStatus:
    uidvalidity: int
    uidnext: int  # 0 when the server does not say


class Folder:
    """A logged-in mailbox with `settings.folder` selected; `with` logs out at the end. The
    whole session, from the connection to the logout, ends when `deadline` passes."""

    def __init__(self, settings: ImapSettings, deadline: Deadline) -> None:
        self.folder = settings.folder
        self.deadline = deadline  # started by the caller, which cancels it at the end
        self._box = connect(settings, deadline)
        self._box.email_message_class = RawMail

    def __enter__(self) -> Folder:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.deadline.passed:
            return
        if kind is None:
            self._box.logout()
        else:  # the fault in flight is the one to report; a failing LOGOUT would hide it
            with contextlib.suppress(Exception):
                self._box.logout()

    def status(self) -> FolderStatus:
        status = self._box.folder.status(self.folder, ["UIDVALIDITY", "UIDNEXT"])
        return FolderStatus(int(status["UIDVALIDITY"]), int(status.get("UIDNEXT", 0) or 0))

    def uids_after(self, last: int) -> list[str]:
        """The UIDs above `last` (a `last+1:*` search also answers the highest UID)."""
        return [u for u in self._box.uids(f"UID {last + 1}:*") if int(u) > last]

    def sizes(self, uids: Sequence[str]) -> dict[str, int]:
        """The RFC822.SIZE of each message (missing from the answer: taken as big)."""
        if not uids:
            return {}
        status, data = self._box.client.uid("FETCH", ",".join(uids), "(RFC822.SIZE)")
        found: dict[str, int] = {}
        if status == "OK":
            for item in data:
                line = item[0] if isinstance(item, tuple) else item
                if isinstance(line, bytes):
                    uid = re.search(rb"UID (\d+)", line)
                    size = re.search(rb"RFC822\.SIZE (\d+)", line)
                    if uid and size:
                        found[uid.group(1).decode()] = int(size.group(1))
        return {uid: found.get(uid, BATCH_BYTES) for uid in uids}

    def fetch_raw(self, uids: Sequence[str]) -> Iterator[tuple[str, bytes]]:
        """(uid, exact bytes) of each message, leaving the \\Seen flag alone. Messages come in
        FETCHes of at most BATCH_BYTES together (a big one alone), so the memory a round holds
        is bounded by that, not by how many mails a chunk has (30 mails of 14 MB were 618 MB)."""
        sizes = self.sizes(uids)
        batch: list[str] = []
        held = 0
        for uid in uids:
            if batch and held + sizes[uid] > BATCH_BYTES:
                yield from self._fetch(batch)
                batch, held = [], 0
            batch.append(uid)
            held += sizes[uid]
        if batch:
            yield from self._fetch(batch)

    def _fetch(self, uids: Sequence[str]) -> Iterator[tuple[str, bytes]]:
        for mail in self._box.fetch(uid_list=list(uids), mark_seen=False, bulk=True):
            assert isinstance(mail, RawMail) and mail.uid is not None
            yield mail.uid, mail.raw

    def mark_seen(self, uids: Sequence[str]) -> None:
        self._box.flag(list(uids), MailMessageFlags.SEEN, True)
