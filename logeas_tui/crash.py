"""What the app does with an error nobody expected: the technician reads one sentence, the
details go to a file readable by the user alone — without local variables, so no setting or
password a frame held is ever written or shown — and `logeas` exits with status 1. A store
that is busy or unreachable is not a crash: the action is refused with a notice."""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

import platformdirs
from peewee import InterfaceError, OperationalError

from logeas_tui.core.config import APP, private_folder, write_private

# busy (locked), unreachable or gone: not a bug of ours; an IntegrityError still is one
STORE_ERRORS = (OperationalError, InterfaceError)


def store_trouble(error: BaseException) -> BaseException | None:
    """The store error behind `error` (a worker's failure carries its own), or None."""
    cause = getattr(error, "error", error)
    return cause if isinstance(cause, STORE_ERRORS) else None


def write_report(error: BaseException) -> Path | None:
    """The traceback (no locals) in the user's log folder; None when it cannot be written."""
    folder = Path(platformdirs.user_log_dir(APP))
    path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    try:
        private_folder(folder)
        text = "".join(traceback.format_exception(error))
        write_private(path, text.encode("utf-8", "replace"))
    except OSError:
        return None
    return path
