"""A lease row: one holder at a time for a named team-wide job, until it expires.

Taking is one conditional UPDATE (free when expired, or already ours) and, when no row exists
yet, an INSERT that does nothing on conflict; both are single statements inside a write
transaction, so two processes (or two engines) never both believe they hold it.
"""

from __future__ import annotations

from datetime import datetime

from logeas_tui.core.store.models import Lease
from logeas_tui.core.store.tx import writing


def take(name: str, holder: str, now: datetime, until: datetime) -> str:
    """Take or renew `name` for `holder` until `until` when it is free, expired or already
    `holder`'s; returns who holds it afterwards (`holder` when taken)."""
    with writing():
        renewed = (
            Lease.update(holder=holder, expires_at=until)
            .where((Lease.name == name) & ((Lease.holder == holder) | (Lease.expires_at <= now)))
            .execute()
        )
        if not renewed:
            Lease.insert(name=name, holder=holder, expires_at=until).on_conflict_ignore().execute()
        return str(Lease.get(Lease.name == name).holder)


def take_from(name: str, gone: str, holder: str, until: datetime) -> bool:
    """Take `name` over from `gone` (a holder known to be dead) for `holder`; False when
    `gone` no longer holds it (someone else was quicker, or it renewed)."""
    with writing():
        done = (
            Lease.update(holder=holder, expires_at=until)
            .where((Lease.name == name) & (Lease.holder == gone))
            .execute()
        )
    return bool(done)


def release(name: str, holder: str) -> None:
    """Give `name` up at once if `holder` holds it (the next taker need not wait the expiry)."""
    with writing():
        Lease.delete().where((Lease.name == name) & (Lease.holder == holder)).execute()
