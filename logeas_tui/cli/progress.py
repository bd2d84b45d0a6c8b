"""The bar the long verbs draw while they work (`logeas import`, `sync`, `migrate-store`,
`backup`, `demo`): what is counted, a bar, "340/2,000", the time spent and the time left.

It goes to stderr, so stdout (a `--json` answer, the summary lines) stays as it was, and only
when stderr is a terminal: piped or redirected, a verb prints its summary lines alone. rich
draws at most `REFRESH` times a second whatever the number of advances, each of which only
adds to a count. The bar is shown from the first stage that has something to count, and it is
gone (its last state left on screen) when the `with` ends, before the verb prints its summary.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as Bars
from rich.text import Text

from logeas_tui.core.progress import QUIET, Progress
from logeas_tui.texts import Catalog

REFRESH = 10  # redraws per second at most


class _Counts(ProgressColumn):
    """ "340/2,000" (the count alone while the total is not known), as the language writes
    numbers."""

    def __init__(self, texts: Catalog) -> None:
        super().__init__()
        self.texts = texts

    def render(self, task: Task) -> Text:
        done = self.texts.number(int(task.completed))
        total = None if task.total is None else self.texts.number(int(task.total))
        return Text(done if total is None else f"{done}/{total}")


class TerminalProgress:
    """Progress drawn by rich: one line per stage (a store copy's tables, one under the other);
    a stage with nothing to count draws nothing."""

    def __init__(self, console: Console, texts: Catalog) -> None:
        self.texts = texts
        self._bars = Bars(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            _Counts(texts),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            refresh_per_second=REFRESH,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task: TaskID | None = None
        self.started = False

    def begin(self, what: str, total: int | None) -> None:
        self._task = None
        if total == 0:
            return
        if not self.started:
            self._bars.start()
            self.started = True
        # what is counted, in the language (a store copy's tables named as they are)
        label = self.texts.texts.get(f"progress.what.{what}", what)
        self._task = self._bars.add_task(label, total=total)

    def advance(self, count: int = 1) -> None:
        if self._task is not None:
            self._bars.advance(self._task, count)

    def more(self, count: int) -> None:
        if self._task is not None:
            total = self._bars.tasks[-1].total
            if total is not None:
                self._bars.update(self._task, total=total + count)

    def stop(self) -> None:
        if self.started:
            self._bars.stop()


@contextmanager
def progress_on(stream: TextIO, texts: Catalog) -> Iterator[Progress]:
    """A bar on `stream` while the block runs, when it is a terminal, in the language of
    `texts`; QUIET otherwise."""
    if not stream.isatty():
        yield QUIET
        return
    bars = TerminalProgress(Console(file=stream), texts)
    try:
        yield bars
    finally:
        bars.stop()
