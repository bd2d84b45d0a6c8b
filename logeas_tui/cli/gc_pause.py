"""Imported first by the CLI: the garbage collector pauses while the CLI's modules load — they
make objects by the ten thousand, and each of its dozens of collections walks all of them
again. `cli` resumes it once they are loaded (`resume`); `cli.main` pauses it again until the
app's first frame, or the verb's start."""

from __future__ import annotations

import gc

_collecting = gc.isenabled()
gc.disable()


def resume() -> None:
    """The collector as it was before this module paused it."""
    if _collecting:
        gc.enable()
