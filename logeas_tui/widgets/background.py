"""Store reads and writes made by worker threads. Each thread has its own database connection
(peewee keeps one per thread); it is closed when the work is done so no connection outlives
its thread's task."""

from __future__ import annotations

import asyncio
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


async def off_loop(work: Callable[[], T]) -> T:
    """Run the store write (or read) `work` on a worker thread and wait for it without
    holding the event loop: while it waits for the store's lock, keys, the banner and other
    workers go on. Its errors are raised here, as if it had run in place."""
    return await asyncio.to_thread(in_thread, work)
