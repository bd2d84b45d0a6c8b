"""The daily counter behind ticket numbers, taken inside the caller's write transaction so two
processes (or the UI and the mail worker) can never hand out the same number."""

from __future__ import annotations

from datetime import date

from logeas_tui.core.numbers import make_number
from logeas_tui.core.store.models import Counter


def next_number(day: date, system_id: str) -> str:
    """Must run inside a write transaction (`store.tx.writing()`)."""
    key = f"{day:%Y%m%d}"
    updated = Counter.update(value=Counter.value + 1).where(Counter.day == key).execute()
    if not updated:
        Counter.insert(day=key, value=1).on_conflict_ignore().execute()
    value = Counter.get_by_id(key).value
    return make_number(day, system_id, value)
