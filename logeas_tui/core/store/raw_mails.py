"""The bytes of each received mail, as they came: kept here, read from here — nowhere else.

Since schema v9 they are the rows of `raw_mail` (models.RawMail), the bytes last in the row so
that a big mail is written in pieces by SQLite's incremental blob I/O (`store.blobs`) instead
of being copied whole by the driver and again by SQLite (issue 9.7). Mail stored before v9 was
moved there by the migration; a copy of the app older than v9 sharing the store still writes
`message.raw` (`Message.legacy_raw`), so the readers here look there when `raw_mail` has
nothing. The sha256 that finds a mail already stored stays on `message` (`raw_sha256`).
"""

from __future__ import annotations

from typing import Any

from peewee import JOIN, fn

from logeas_tui.core.store import blobs
from logeas_tui.core.store.models import Message, RawMail, db


def keep(message_id: int, data: bytes) -> None:
    """Keep `data` as the received bytes of message `message_id` (in the caller's
    transaction). Plain SQL: building a peewee insert costs more than running it (issue 10)."""
    mark = db.obj.param
    db.execute_sql(
        f'INSERT INTO "raw_mail" ("message_id", "raw") VALUES ({mark}, {mark})',
        (message_id, blobs.value(data)),
    )
    blobs.fill(RawMail.raw, message_id, data)


def read(message_id: int, limit: int | None = None) -> bytes | None:
    """The received bytes of message `message_id` (only the first `limit` of them, when
    given); None when it has none (a phone call, a note, a mail sent)."""
    value: Any = fn.COALESCE(RawMail.raw, Message.legacy_raw)
    if limit is not None:
        value = fn.substr(value, 1, limit)
    found = (
        Message.select(value)
        .join(RawMail, JOIN.LEFT_OUTER, on=(RawMail.message == Message.id))
        .where(Message.id == message_id)
        .scalar()
    )
    return None if found is None else bytes(found)


def kept() -> Any:
    """A condition on `Message`: its received bytes are kept."""
    return Message.id.in_(RawMail.select(RawMail.message)) | Message.legacy_raw.is_null(False)
