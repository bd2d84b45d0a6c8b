"""The daily counter behind ticket numbers, taken inside the caller's write transaction so two
processes (or the UI and the mail worker) can never hand out the same number."""

from __future__ import annotations

from datetime import date

from logeas_tui.core.numbers import make_number
from logeas_tui.core.store.models import Counter


def next_number(day: date, system_id: str) -> str:
    """Must run inside a write transaction (`store.tx.writing()`)."""
    key = f"{day:%Y%m%d}"
    database = Counter._meta.database
    mark = database.param
    row = database.execute_sql(
        f'INSERT INTO "counter" ("day", "value") VALUES ({mark}, 1) '
        'ON CONFLICT ("day") DO UPDATE SET "value" = "counter"."value" + 1 RETURNING "value"',
        (key,),
    ).fetchone()
    return make_number(day, system_id, int(row[0]))
