"""Storing the attachments of a received mail: small ones 100 rows per statement (25,000
one-row inserts took 1.5 s), a big one alone, written through `store.blobs` so its bytes
are not copied whole by the driver."""

from __future__ import annotations

from collections.abc import Sequence

from peewee import chunked

from logeas_tui.core.mail.parse import Attachment as Part
from logeas_tui.core.store import blobs
from logeas_tui.core.store.models import Attachment


def store_attachments(message_id: int, parts: Sequence[Part]) -> None:
    small = [p for p in parts if len(p.data) < blobs.BIG]
    rows = (
        {
            "message": message_id,
            "filename": p.filename,
            "content_type": p.content_type,
            "data": p.data,
        }
        for p in small
    )
    for batch in chunked(rows, 100):
        Attachment.insert_many(batch).execute()
    for part in parts:
        if len(part.data) >= blobs.BIG:
            row = Attachment.create(
                message=message_id,
                filename=part.filename,
                content_type=part.content_type,
                data=blobs.value(part.data),
            )
            blobs.fill(Attachment.data, row.id, part.data)
