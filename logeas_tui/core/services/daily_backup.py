"""The daily backup the config may ask for (`[backup] folder`, `keep`): the first app of the
day to look makes it, the others find it made. One file per local day, `logeas-YYYYMMDD.sqlite`
(`store.backup`: a consistent copy of the live store, checked); the oldest beyond `keep` are
removed."""

from __future__ import annotations

from pathlib import Path

from logeas_tui.core.errors import HelpdeskError
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store.backup import backup
from logeas_tui.core.store.connection import current_location

PATTERN = "logeas-????????.sqlite"


def _daily_name(desk: Desk) -> str:
    return f"logeas-{desk.local_now():%Y%m%d}.sqlite"


def backup_if_due(desk: Desk) -> Path | None:
    """Today's backup, when it is made now (None: none is asked for, or it exists already —
    or another copy is making it at this moment)."""
    folder = desk.config.backup_folder
    if folder is None:
        return None
    target = folder / _daily_name(desk)
    if target.exists() or target.with_name(f".{target.name}.partial").exists():
        return None
    try:
        report = backup(current_location(), target, desk.now())
    except FileExistsError:  # another copy of the app began the same backup just now
        return None
    except HelpdeskError:
        if target.exists():
            return None
        raise
    for old in sorted(folder.glob(PATTERN))[: -desk.config.backup_keep]:
        old.unlink(missing_ok=True)
    return report.target
