"""One mail worker for the whole team. Every copy of the app and every `logeas sync` may run the
worker loop, but only the copy holding the "mail" lease fetches the mailbox and sends the
outbox; the others say who holds it. Every copy calls `take` at each round and every
KEEP_EVERY between rounds: the holder renews, the others find it held. A copy that dies
(kill -9) stops renewing, so the lease expires after LEASE and a waiting copy takes it on its
next call — within LEASE + KEEP_EVERY (< 60 s).
Times come from the Desk's clock, so tests move a FixedClock instead of sleeping.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from datetime import timedelta

from logeas_tui.core.services.desk import Desk, copy_parts
from logeas_tui.core.store import leases

MAIL = "mail"
LEASE = timedelta(seconds=45)
KEEP_EVERY = timedelta(seconds=10)


def take(desk: Desk) -> str | None:
    """Take or renew the mail lease; None when this copy holds it, else who does. A holder on
    this host whose process is gone (a `logeas sync` killed) is taken over at once."""
    now = desk.now()
    holder = leases.take(MAIL, desk.copy, now, now + LEASE)
    if holder != desk.copy and _gone(holder):
        leases.take_from(MAIL, holder, desk.copy, now + LEASE)
        holder = leases.take(MAIL, desk.copy, now, now + LEASE)
    return None if holder == desk.copy else holder


def _gone(holder: str) -> bool:
    """True when `holder` (a `host:pid` copy) ran on this host and its process has ended."""
    _name, host = copy_parts(holder)
    pid = holder.rpartition(":")[2]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists but is not ours to signal
        return False
    return False


def release(desk: Desk) -> None:
    """Give the lease up (a `sync --once` that ends, an app that quits)."""
    leases.release(MAIL, desk.copy)


def wait_for_next_round(
    desk: Desk, seconds: float, wait: Callable[[float], bool], *, holding: bool
) -> None:
    """Let `seconds` pass between two rounds, taking the lease every KEEP_EVERY: the holder
    renews it; a copy that was not `holding` and finds it free starts its round at once.
    `wait(step)` sleeps at most `step` seconds and is True when woken early ("sync now")."""
    left = seconds
    while left > 0:
        step = min(left, KEEP_EVERY.total_seconds())
        if wait(step):
            return
        left -= step
        if take(desk) is None and not holding:
            return
