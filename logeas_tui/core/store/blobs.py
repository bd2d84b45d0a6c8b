"""Big blobs written without the driver copying them whole (issue 9.7: memory per mail).

Why: sqlite3 binds a blob parameter by copying it, and SQLite copies it again into the row's
record, so a 67 MB mail was held three times at once while it was stored. On SQLite a big
value is inserted empty, then set to a zeroblob of its size (by an UPDATE: an INSERT trigger,
the full-text one, would build the whole row in memory) and written in pieces of CHUNK bytes
through incremental blob I/O (`Connection.blobopen`), inside the same transaction. This
saves the copies only for a blob that is its row's last column (`attachment.data`,
`raw_mail.raw`): SQLite writes out in full a zeroblob that other columns follow, which costs
as much (why a mail's bytes left `message` for a table of their own, schema v8). PostgreSQL
takes the bytes as a parameter. One function each, so services never branch on the engine.
"""

from __future__ import annotations

from peewee import Field, SqliteDatabase, fn

from logeas_tui.core.store.models import db

BIG = 1 << 20  # smaller values are bound as they are: their copies cost little
CHUNK = 1 << 20


def _streamed(data: bytes) -> bool:
    return len(data) >= BIG and isinstance(db.obj, SqliteDatabase)


def value(data: bytes) -> object:
    """What to insert for `data`: the bytes, or for a big one on SQLite nothing yet (`fill`
    writes it once the row exists)."""
    return b"" if _streamed(data) else data


def fill(field: Field, row_id: int, data: bytes) -> None:
    """Write `data` into the zeroblob `value` gave the row `row_id` (nothing otherwise)."""
    if not _streamed(data):
        return
    model = field.model
    model.update({field: fn.zeroblob(len(data))}).where(model._meta.primary_key == row_id).execute()
    table = model._meta.table_name
    view = memoryview(data)
    with db.connection().blobopen(table, field.column_name, row_id) as blob:
        for offset in range(0, len(view), CHUNK):
            blob.write(view[offset : offset + CHUNK])
