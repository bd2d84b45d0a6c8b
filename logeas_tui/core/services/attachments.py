"""Storing the attachments of a received mail: the small ones in one `executemany` of an
INSERT built once (25,000 one-row inserts through peewee took 1.5 s), a big one alone,
written through `store.blobs` so its bytes are not copied whole by the driver."""

from __future__ import annotations

from collections.abc import Sequence

from logeas_tui.core.mail.parse import Attachment as Part
from logeas_tui.core.store import blobs
from logeas_tui.core.store.models import Attachment


def store_attachments(message_id: int, parts: Sequence[Part]) -> None:
    Attachment.insert_rows(
        ("message", "filename", "content_type", "data"),
        (
            (message_id, p.filename, p.content_type, p.data)
            for p in parts
            if len(p.data) < blobs.BIG
        ),
    )
    for part in parts:
        if len(part.data) >= blobs.BIG:
            row = Attachment.create(
                message=message_id,
                filename=part.filename,
                content_type=part.content_type,
                data=blobs.value(part.data),
            )
            blobs.fill(Attachment.data, row.id, part.data)
