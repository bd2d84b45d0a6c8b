"""Many received mails per write transaction, each mail still all-or-nothing.

Committing once per mail costs more than storing it (issue 10's profile: a commit per mail was
a seventh of the import). A batch keeps one write transaction open over several mails and gives
each mail its own savepoint: a mail that fails is rolled back alone and the others stay; a crash
loses the uncommitted batch whole, and with it the last-UID bookkeeping written in the same
savepoints, so a restart resumes exactly after the last committed mail.

Several app copies share one store and see each other's changes live, so a batch commits after
MAX_MAILS mails, MAX_BYTES of raw mail or MAX_SECONDS, whichever comes first: other copies'
writers never wait long for the lock.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

from logeas_tui.core.store.tx import one_mail, writing

MAX_MAILS = 200
MAX_BYTES = 8 * 1024 * 1024
MAX_SECONDS = 0.25


class WriteBatch:
    """`with WriteBatch() as batch:` then `with batch.mail(len(raw)):` around each mail's
    writes. `commit()` ends the open transaction now (before telling a server the mails are
    stored); leaving the block commits what is left, or rolls it back on an exception."""

    def __init__(
        self,
        max_mails: int = MAX_MAILS,
        max_bytes: int = MAX_BYTES,
        max_seconds: float = MAX_SECONDS,
    ) -> None:
        self.max_mails, self.max_bytes, self.max_seconds = max_mails, max_bytes, max_seconds
        self._tx: Any = None
        self._mails = self._bytes = 0
        self._opened = 0.0

    def __enter__(self) -> WriteBatch:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._tx is not None:
            tx, self._tx = self._tx, None
            tx.__exit__(kind, error, trace)

    @contextmanager
    def mail(self, size: int) -> Iterator[None]:
        """One mail's writes: a savepoint inside the batch's transaction (opened on demand);
        an exception rolls back this mail only, then goes on up."""
        if self._tx is None:
            self._tx = writing()
            self._tx.__enter__()
            self._mails = self._bytes = 0
            self._opened = time.monotonic()
        with one_mail():
            yield
        self._mails += 1
        self._bytes += size
        if (
            self._mails >= self.max_mails
            or self._bytes >= self.max_bytes
            or time.monotonic() - self._opened >= self.max_seconds
        ):
            self.commit()

    def commit(self) -> None:
        if self._tx is not None:
            tx, self._tx = self._tx, None
            tx.__exit__(None, None, None)
