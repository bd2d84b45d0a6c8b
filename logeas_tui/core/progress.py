"""How long work tells whoever watches it how far it got: an IMAP sync, an import, a store
copy, a backup, the demo generator.

The work calls `begin(what, total)` when it knows how much there is (`total` None: it does
not), then `advance(n)` as it goes (`more(n)` when the total turns out bigger); a later `begin` starts the next stage (the next table of a
store copy). The command line draws a bar from it (cli.progress), the app a line in its banner,
everyone else passes nothing and gets `QUIET`. The work calls as often as it likes: the watcher
decides how often to draw — `Throttled` calls its report at most every `every` seconds (and
always at the end of a stage), so a flood of advances costs a clock read each.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol


class Progress(Protocol):
    def begin(self, what: str, total: int | None) -> None:
        """A stage starts: `what` names its items ("mails", "pages", a table), `total` how
        many there are (None: not known)."""

    def advance(self, count: int = 1) -> None:
        """`count` more items of the stage are done."""

    def more(self, count: int) -> None:
        """The stage holds `count` more items than it said (a file listed as one mail turned
        out to be an mbox of many); negative: fewer."""


class Quiet:
    """Progress nobody watches."""

    def begin(self, what: str, total: int | None) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass

    def more(self, count: int) -> None:
        pass


QUIET: Progress = Quiet()

Report = Callable[[str, int, int | None], None]  # (what, done, total)


class Throttled:
    """Progress that calls `report(what, done, total)` at the start of each stage, at most once
    every `every` seconds while it goes on, and when it reaches its total."""

    def __init__(
        self,
        report: Report,
        every: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.report, self.every, self.clock = report, every, clock
        self.what = ""
        self.done = 0
        self.total: int | None = None
        self._next = 0.0

    def begin(self, what: str, total: int | None) -> None:
        self.what, self.done, self.total = what, 0, total
        self._told()

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.done == self.total or self.clock() >= self._next:
            self._told()

    def more(self, count: int) -> None:
        if self.total is not None:
            self.total += count

    def _told(self) -> None:
        self._next = self.clock() + self.every
        self.report(self.what, self.done, self.total)
