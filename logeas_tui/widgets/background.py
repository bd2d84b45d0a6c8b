"""Store reads and writes made by worker threads. Each thread has its own database connection
(peewee keeps one per thread); it is closed when the work is done so no connection outlives
its thread's task."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from logeas_tui.core.store.models import db

T = TypeVar("T")


def in_thread(work: Callable[[], T]) -> T:
    """Run `work` (store calls) on this worker thread, then close this thread's connection."""
    try:
        return work()
    finally:
        if db.obj is not None and not db.is_closed():
            db.close()
