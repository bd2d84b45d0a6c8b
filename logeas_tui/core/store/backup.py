"""Backing up a live store and putting a backup back (`logeas backup`, `logeas restore`).

A SQLite store is copied with SQLite's online backup API inside one read transaction of the
source: the copy is the store as it was at one instant, the mails still in the write-ahead log
included (a plain `cp` of the main file misses them), while apps go on reading and writing. The
copy is written to a temporary file beside the target, checked (`PRAGMA integrity_check`, then
its row counts against the source's in the same snapshot), and only then renamed into place,
readable by the user alone. A PostgreSQL store is backed up into a SQLite file by the store
copy (`store.copy`), which compares every row count and raw mail's sha256.

A restore refuses while another process has the store open (on SQLite, the shared lock each
connection holds on the `-shm` file; on PostgreSQL, another session on the database), and keeps
the store it replaces aside, beside it, under a dated name.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from logeas_tui.core.config import private_folder
from logeas_tui.core.errors import HelpdeskError, first_line
from logeas_tui.core.progress import QUIET, Progress
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.store.connection import database_for, is_url, shown

# What a backup's report counts, as (name, SQL): the same query on the source and on the copy.
# Raw mails are in `raw_mail` since schema v9 (`store.raw_mails`), and in `message.raw` in a
# backup made before it, or where a copy of the app older than v9 wrote them.
_OLD_RAW_MAILS = "SELECT COUNT(*) FROM message WHERE raw IS NOT NULL"
COUNTS = {
    "tickets": "SELECT COUNT(*) FROM ticket",
    "messages": "SELECT COUNT(*) FROM message",
    "raw_mails": f"SELECT (SELECT COUNT(*) FROM raw_mail) + ({_OLD_RAW_MAILS})",
    "queued_mails": "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL",
}
PAGES_PER_STEP = 1024  # pages copied per backup step (4 MB with 4 KB pages)
WAL_FILES = ("-wal", "-shm")
_DMS_BYTE = 128  # the wal-index byte every open connection holds a shared lock on (SQLite)


@dataclass(frozen=True)
class BackupReport:
    source: str  # as it may be printed
    target: Path
    counts: dict[str, int]
    size: int  # bytes written
    seconds: float


@dataclass(frozen=True)
class RestoreReport:
    source: Path
    target: str
    counts: dict[str, int]
    kept_aside: str | None  # where the replaced store went (None: there was none)


def stamp(at: datetime) -> str:
    return at.strftime("%Y%m%d-%H%M%S")


def backup_name(at: datetime) -> str:
    """The file name of a backup made at `at` into a folder."""
    return f"logeas-{stamp(at)}.sqlite"


def target_for(path: Path, at: datetime) -> Path:
    """Where `logeas backup PATH` writes: into PATH when it is a folder, else PATH itself,
    which must not exist yet (a backup never overwrites anything)."""
    path = path.expanduser()
    if path.is_dir():
        path = path / backup_name(at)
    if path.exists() or path.is_symlink():
        raise HelpdeskError(Sentence("backup.exists", path=path))
    return path


def _sqlite_path(location: str) -> Path:
    path = Path(location).expanduser()
    if not path.is_file():
        raise HelpdeskError(Sentence("backup.no_store", path=path))
    return path


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    before_v9 = not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'raw_mail'").fetchone()
    queries = {**COUNTS, "raw_mails": _OLD_RAW_MAILS} if before_v9 else COUNTS
    return {name: int(conn.execute(sql).fetchone()[0]) for name, sql in queries.items()}


def _private_file(path: Path) -> None:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    path.chmod(0o600)


def _pages_copied(progress: Progress) -> Callable[[int, int, int], None]:
    """sqlite3's backup callback (status, pages left, pages in all) as progress in pages."""
    copied: int | None = None

    def step(_status: int, left: int, total: int) -> None:
        nonlocal copied
        if copied is None:
            progress.begin("pages", total)
            copied = 0
        progress.advance(total - left - copied)
        copied = total - left

    return step


def _copy_sqlite(source: Path, target: Path, progress: Progress) -> dict[str, int]:
    """Copy the SQLite file `source` into the new file `target` as one snapshot, check the
    copy and return its counts (equal to the source's in that snapshot)."""
    src = sqlite3.connect(source, isolation_level=None, timeout=10)
    try:
        src.execute("BEGIN")  # one snapshot for the counts and every backup step
        counts = _counts(src)
        _private_file(target)
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            src.backup(dst, pages=PAGES_PER_STEP, progress=_pages_copied(progress))
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            checked = dst.execute("PRAGMA integrity_check").fetchone()[0]
            if checked != "ok":
                raise HelpdeskError(Sentence("backup.integrity", target=target, checked=checked))
            copied = _counts(dst)
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()
    if copied != counts:
        raise HelpdeskError(Sentence("backup.mismatch", target=target, copied=copied))
    return counts


def backup(location: str, path: Path, at: datetime, progress: Progress = QUIET) -> BackupReport:
    """Back up the store at `location` (a SQLite file or a PostgreSQL URL) into `path` (a new
    file, or a folder to write a dated file into). Nothing is left behind on failure.
    `progress` counts the pages copied (a PostgreSQL store's rows, table by table)."""
    target = target_for(path, at)
    private_folder(target.parent)
    partial = target.with_name(f".{target.name}.partial")
    started = time.monotonic()
    try:
        if is_url(location):
            from logeas_tui.core.store.copy import copy_store  # a PostgreSQL store only

            # it compares every count and raw mail
            copy_store(location, str(partial), progress=progress)
            counts = _checked_backup(partial)
        else:
            counts = _copy_sqlite(_sqlite_path(location), partial, progress)
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise HelpdeskError(
            Sentence("backup.failed", where=shown(location), cause=first_line(exc))
        ) from None
    finally:
        for leftover in (partial, *(partial.with_name(partial.name + s) for s in WAL_FILES)):
            leftover.unlink(missing_ok=True)
    return BackupReport(
        shown(location), target, counts, target.stat().st_size, time.monotonic() - started
    )


def opened_by(location: str) -> int | None:
    """The id of another process that has the SQLite store at `location` open (None: none)."""
    try:
        fd = os.open(f"{Path(location).expanduser()}-shm", os.O_RDWR)
    except OSError:
        return None  # no wal-index: no connection is open
    try:
        asked = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, _DMS_BYTE, 1, 0)
        kind, _, _, _, pid = struct.unpack("hhqqi", fcntl.fcntl(fd, fcntl.F_GETLK, asked))
    finally:
        os.close(fd)
    return None if kind == fcntl.F_UNLCK else pid


def _checked_backup(source: Path) -> dict[str, int]:
    """The counts of the backup file `source`, after its integrity check."""
    if not source.is_file():
        raise HelpdeskError(Sentence("backup.none_at", source=source))
    try:
        conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            checked = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if checked != "ok":
                raise HelpdeskError(Sentence("backup.damaged", source=source, checked=checked))
            return _counts(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise HelpdeskError(
            Sentence("backup.not_backup", source=source, cause=first_line(exc))
        ) from None


def restore(source: Path, location: str, at: datetime) -> RestoreReport:
    """Put the backup file `source` in place of the store at `location`, the store it replaces
    kept aside; refused while another process has that store open."""
    source = source.expanduser()
    counts = _checked_backup(source)
    if is_url(location):
        return _restore_postgres(source, location, at, counts)
    target = Path(location).expanduser()
    pid = opened_by(str(target))
    if pid is not None:
        raise HelpdeskError(Sentence("restore.open_by", target=target, pid=pid))
    private_folder(target.parent)
    partial = target.with_name(f".{target.name}.restoring")
    partial.unlink(missing_ok=True)
    _copy_sqlite(source, partial, QUIET)
    aside = None
    if target.exists():
        aside = target.with_name(f"{target.name}.replaced-{stamp(at)}")
        _settle(target)
        os.replace(target, aside)
        for suffix in WAL_FILES:  # a log left by a crash stays with the file it belongs to
            if Path(f"{target}{suffix}").exists():
                os.replace(f"{target}{suffix}", f"{aside}{suffix}")
    os.replace(partial, target)
    return RestoreReport(source, str(target), counts, str(aside) if aside else None)


def _settle(path: Path) -> None:
    """Fold the write-ahead log of the (closed) store at `path` into its file."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=10)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _restore_postgres(
    source: Path, location: str, at: datetime, counts: dict[str, int]
) -> RestoreReport:
    database = database_for(location)
    try:
        others = database.execute_sql(
            "SELECT COUNT(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()[0]
    finally:
        database.close()
    if others:
        raise HelpdeskError(Sentence("restore.sessions", target=shown(location), count=others))
    from logeas_tui.core.store.copy import copy_store

    aside = source.with_name(f"replaced-{stamp(at)}.sqlite")
    copy_store(location, str(aside))
    copy_store(str(source), location, force=True)
    return RestoreReport(source, shown(location), counts, str(aside))
