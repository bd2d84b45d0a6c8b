"""Time comes from a clock object so tests and snapshots can freeze it.

Everything stored is UTC; local time (for ticket numbers and phone hours) is derived from the
configured time zone.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to (tests, snapshots)."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._at = at

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        self._at = at

    def advance(self, delta: timedelta) -> None:
        self._at += delta


def utc_naive(value: datetime) -> datetime:
    """The form times are stored in: naive UTC."""
    return value if value.tzinfo is None else value.astimezone(UTC).replace(tzinfo=None)


def as_utc(value: datetime) -> datetime:
    """A stored naive-UTC time made aware again."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value
