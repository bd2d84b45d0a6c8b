"""The IMAP side of fetching mail: the exact bytes of the messages after a UID, never marked
seen by reading.

Why an adapter: imap-tools parses every message it fetches and, by default, marks it \\Seen;
the helpdesk wants the raw bytes (stored as received, parsed by core.mail.parse) fetched with
BODY.PEEK, and flags \\Seen only for mail already committed. This module speaks IMAP only:
which UID was stored last (per account, folder and UIDVALIDITY, in the same transaction as each
mail) is kept by core.services.mail_sync.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from imap_tools import MailMessage, MailMessageFlags

from logeas_tui.core.config import ServerConf
from logeas_tui.core.mail.imap_connect import Deadline, ImapSettings, connect


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
        if not self.deadline.passed:
            self._box.logout()

    def status(self) -> FolderStatus:
        status = self._box.folder.status(self.folder, ["UIDVALIDITY", "UIDNEXT"])
        return FolderStatus(int(status["UIDVALIDITY"]), int(status.get("UIDNEXT", 0) or 0))

    def uids_after(self, last: int) -> list[str]:
        """The UIDs above `last` (a `last+1:*` search also answers the highest UID)."""
        return [u for u in self._box.uids(f"UID {last + 1}:*") if int(u) > last]

    def fetch_raw(self, uids: Sequence[str]) -> Iterator[tuple[str, bytes]]:
        """(uid, exact bytes) of each message, in one FETCH, leaving the \\Seen flag alone."""
        for mail in self._box.fetch(uid_list=list(uids), mark_seen=False, bulk=True):
            assert isinstance(mail, RawMail) and mail.uid is not None
            yield mail.uid, mail.raw

    def mark_seen(self, uids: Sequence[str]) -> None:
        self._box.flag(list(uids), MailMessageFlags.SEEN, True)
