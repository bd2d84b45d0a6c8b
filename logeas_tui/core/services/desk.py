"""The context every service receives: settings, the clock, and who is acting."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field, replace
from datetime import datetime

from logeas_tui.core.clock import Clock, SystemClock, utc_naive
from logeas_tui.core.config import Config


def this_copy(me: str = "") -> str:
    """Names this running copy of the app (or `logeas sync`) in the team's shared store:
    `Nicolas@pc-atelier:4242` — whose copy, on which host, which process."""
    return (
        f"{me}@{socket.gethostname()}:{os.getpid()}"
        if me
        else f"{socket.gethostname()}:{os.getpid()}"
    )


def copy_parts(copy: str) -> tuple[str, str]:
    """(technician, host) of a copy's name; the technician is "" for a nameless one."""
    machine = copy.rpartition(":")[0] or copy
    name, _, host = machine.rpartition("@")
    return name, host


@dataclass(frozen=True)
class Desk:
    config: Config
    clock: Clock = field(default_factory=SystemClock)
    me: str = ""
    copy: str = ""  # holder of mail leases and outbox claims; this_copy() when not given

    def __post_init__(self) -> None:
        if not self.copy:
            object.__setattr__(self, "copy", this_copy(self.config.me))

    @property
    def who(self) -> str:
        return self.me or self.config.me

    def now(self) -> datetime:
        """Now, as stored (naive UTC)."""
        return utc_naive(self.clock.now())

    def local_now(self) -> datetime:
        return self.clock.now().astimezone(self.config.hours.zone)

    def acting_as(self, name: str) -> Desk:
        return replace(self, me=name)


@dataclass(frozen=True)
class ActionResult:
    """What an action did: the ticket number and, if any, a notice for the technician."""

    number: str
    notice: str | None = None
