"""The daily counters: the one behind ticket numbers, taken inside the caller's write transaction
so two processes (or the UI and the mail worker) can never hand out the same number; and the
automatic mails sent to each address each day, which the loop guard's daily cap reads."""

from __future__ import annotations

from datetime import date

from logeas_tui.core.numbers import make_number
from logeas_tui.core.store.models import AutoReplyCount, Counter


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


def auto_replies(address: str, day: str) -> int:
    """How many automatic mails went to `address` on `day` (YYYYMMDD): the daily cap's count."""
    row = AutoReplyCount.find(address=address, day=day)
    return row.count if row is not None else 0


def count_auto_reply(address: str, day: str) -> None:
    """One more automatic mail to `address` on `day`, in the caller's write transaction."""
    database = AutoReplyCount._meta.database
    mark = database.param
    database.execute_sql(
        f'INSERT INTO "auto_reply_count" ("address", "day", "count") VALUES ({mark}, {mark}, 1) '
        'ON CONFLICT ("address", "day") DO UPDATE SET "count" = "auto_reply_count"."count" + 1',
        (address, day),
    )
