"""Claiming outbox rows: before a mail is handed to SMTP its row is marked with the claiming
process and the time, in one short write transaction, and only the rows a process claimed are
sent by it. Two senders therefore never send the same mail; a claim older than `stale_before`
(its holder died mid-send) may be taken again.
"""

from __future__ import annotations

from datetime import datetime

from logeas_tui.core.store.models import Outbox
from logeas_tui.core.store.tx import writing


def claim_outbox(
    holder: str,
    now: datetime,
    *,
    stale_before: datetime,
    due_at: datetime | None,
    after_id: int = 0,
    limit: int = 50,
) -> list[Outbox]:
    """Claim up to `limit` unsent rows after `after_id` (in id order) that nobody holds, or
    whose claim is stale, and that are due at `due_at` (every unsent row when None)."""
    free = Outbox.claimed_by.is_null() | (Outbox.claimed_at <= stale_before)
    wanted = Outbox.sent_at.is_null() & free & (Outbox.id > after_id)
    if due_at is not None:
        wanted &= Outbox.next_attempt.is_null() | (Outbox.next_attempt <= due_at)
    with writing():
        ids = [
            o.id for o in Outbox.select(Outbox.id).where(wanted).order_by(Outbox.id).limit(limit)
        ]
        if not ids:
            return []
        # the condition is checked again by the UPDATE itself: a row claimed meanwhile is skipped
        Outbox.update(claimed_by=holder, claimed_at=now).where(
            Outbox.id.in_(ids) & Outbox.sent_at.is_null() & free
        ).execute()
        return list(
            Outbox.select()
            .where(Outbox.id.in_(ids) & (Outbox.claimed_by == holder) & (Outbox.claimed_at == now))
            .order_by(Outbox.id)
        )


def unclaim(outbox_id: int, holder: str) -> None:
    """Let go of a row (after a failed send) so any sender may retry it when it is due."""
    Outbox.update(claimed_by=None, claimed_at=None).where(
        (Outbox.id == outbox_id) & (Outbox.claimed_by == holder)
    ).execute()
