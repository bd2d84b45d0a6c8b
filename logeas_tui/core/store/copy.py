"""Copying a whole store into another — SQLite to PostgreSQL, back, or into another file —
with every row and every byte of mail (`logeas migrate-store`).

Both stores are opened apart (`connection.open_apart`: each migrated to the current schema,
as opening it would); the models are bound to the target, and the source is read by passing
its database to each query. The source is read as one snapshot (a read transaction, REPEATABLE
READ on PostgreSQL), table by table in foreign-key order and page by page in primary-key order
(keyset), each page bounded in rows and in blob bytes, so memory stays flat however big the
store and its mails. The target is written in one transaction: emptied first (only when told),
rows inserted with their own ids, sequences moved past them, the full-text index built once at
the end (`fulltext.built_after`: it is never copied, each engine has its own), then compared
with the source — rows per table, and the sha256 of every raw mail and attachment recomputed
on both sides, per id — before it commits. A failure or a difference leaves the target as it
was.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from peewee import BlobField, Database, DatabaseError, Field, Model, SqliteDatabase, fn

# peewee's own wrapper: a driver's error raised as peewee's (IntegrityError…); not in its stubs
from peewee import __exception_wrapper__ as driver_errors  # type: ignore[attr-defined]

from logeas_tui.core.errors import HelpdeskError, first_line
from logeas_tui.core.progress import QUIET, Progress
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.store import fulltext
from logeas_tui.core.store.connection import (
    cannot_open,
    is_url,
    move_sequences,
    open_apart,
    shown,
)
from logeas_tui.core.store.models import (
    TABLES,
    Attachment,
    Message,
    MessageIndex,
    Outbox,
    Queue,
    RawMail,
    Ticket,
)

ROWS = 1000  # rows per page read and written
BLOB_BYTES = 32 * 1024 * 1024  # at most this much mail in one page (but at least one row)
WAL_FILES = ("-wal", "-shm")  # beside a SQLite file
DIGEST_ROWS = 10_000  # (id, sha256) pairs per page when PostgreSQL computes them

# The blobs whose sha256 is compared, per id, on both sides.
DIGESTED: tuple[tuple[type[Model], Field], ...] = (
    (RawMail, RawMail.raw),
    (Message, Message.legacy_raw),  # mail kept by a copy of the app older than schema v8
    (Outbox, Outbox.raw),
    (Attachment, Attachment.data),
)


@dataclass(frozen=True)
class CopyReport:
    """What was copied: rows per table (equal on both sides) and, per digested blob column
    (`raw_mail.raw`…), how many values' sha256 were compared and found equal."""

    source: str  # as it may be printed (no password)
    target: str
    rows: dict[str, int]
    digests: dict[str, int]
    seconds: float


def copy_store(
    source: str, target: str, *, force: bool = False, progress: Progress = QUIET
) -> CopyReport:
    """Copy the store at `source` (a path or a postgresql:// URL) into `target`, which must be
    empty (no queue, ticket or message) unless `force`: then whatever it held is replaced.
    `progress` counts the rows copied, table by table."""
    if _same_place(source, target):
        raise HelpdeskError(Sentence("same_store", where=shown(source)))
    started = time.perf_counter()
    source_db = _open(source)
    try:
        rows, digests = _into(source_db, target, force, progress)
    finally:
        source_db.close()
    return CopyReport(shown(source), shown(target), rows, digests, time.perf_counter() - started)


def _into(
    source: Database, target: str, force: bool, progress: Progress
) -> tuple[dict[str, int], dict[str, int]]:
    """The copy into the store at `target`; a file that was not there before is removed
    again if the copy fails (the target is otherwise left as it was: one transaction)."""
    new_file = None if is_url(target) else Path(target).expanduser()
    if new_file is not None and new_file.exists():
        new_file = None
    try:
        target_db = _open(target)
        try:
            return _copy(source, target_db, shown(target), force, progress)
        except DatabaseError as exc:
            raise HelpdeskError(
                Sentence("copy_failed", where=shown(target), cause=first_line(exc))
            ) from None
        finally:
            target_db.close()
    except BaseException:
        if new_file is not None:
            for path in (new_file, *(new_file.with_name(new_file.name + x) for x in WAL_FILES)):
                path.unlink(missing_ok=True)
        raise


def _open(location: str) -> Database:
    try:
        return open_apart(location)
    except (DatabaseError, OSError) as exc:
        raise cannot_open(location, exc) from None


def _same_place(a: str, b: str) -> bool:
    """Whether two locations name the same store (a copy onto itself would empty it)."""
    if is_url(a) != is_url(b):
        return False
    if is_url(a):
        return _server_and_name(a) == _server_and_name(b)
    first, second = Path(a).expanduser(), Path(b).expanduser()
    if first.exists() and second.exists():
        return os.path.samefile(first, second)
    return first.resolve() == second.resolve()


def _server_and_name(url: str) -> tuple[str, int, str]:
    parts = urlsplit(url)
    return (parts.hostname or "localhost", parts.port or 5432, parts.path.strip("/"))


def _copy(
    source: Database, target: Database, where: str, force: bool, progress: Progress
) -> tuple[dict[str, int], dict[str, int]]:
    with target.bind_ctx([*TABLES, MessageIndex]), _writing(target), _snapshot(source):
        held = {model: model.select().count(target) for model in (Ticket, Message, Queue)}
        if any(held.values()) and not force:
            raise HelpdeskError(
                Sentence(
                    "store_not_empty",
                    where=where,
                    tickets=held[Ticket],
                    messages=held[Message],
                    queues=held[Queue],
                )
            )
        with fulltext.built_after(target):
            for model in reversed(TABLES):
                model.delete().execute(target)
            for model in TABLES:
                progress.begin(model._meta.table_name, model.select().count(source))
                _copy_table(model, source, target, progress)
        move_sequences(target, TABLES)
        _analyze(target)
        rows = _compare_counts(source, target, where)
        digests = {
            f"{model._meta.table_name}.{field.name}": _compare_digests(
                model, field, source, target, where
            )
            for model, field in DIGESTED
        }
    return rows, digests


def _analyze(database: Database) -> None:
    """PostgreSQL plans from statistics that its autovacuum gathers only a while after a bulk
    load: gathered at once, in the copy's transaction (which they count the rows of), so the
    first lists and searches on the copy are planned right. (The app never asks SQLite for
    statistics: its queries are written for its planner.)"""
    if not isinstance(database, SqliteDatabase):
        database.execute_sql("ANALYZE " + ", ".join(f'"{m._meta.table_name}"' for m in TABLES))


@contextmanager
def _writing(database: Database) -> Iterator[None]:
    """One write transaction; SQLite takes its write lock up front."""
    immediate = isinstance(database, SqliteDatabase)
    with database.atomic("IMMEDIATE") if immediate else database.atomic():
        yield


@contextmanager
def _snapshot(database: Database) -> Iterator[None]:
    """One read transaction: every table is read as it was at its first read, even while
    others write (SQLite's WAL gives a read transaction that already; PostgreSQL needs
    REPEATABLE READ)."""
    with database.atomic():
        if not isinstance(database, SqliteDatabase):
            database.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


# --- copying ---------------------------------------------------------------------------------


def _pages(model: type[Model], fields: list[Field], database: Database) -> Iterator[list[Any]]:
    """The rows of `model` (tuples of `fields`, the primary key among them) in primary-key
    order, a page at a time: at most ROWS rows and, where the table holds blobs, BLOB_BYTES of
    them (one bigger row alone)."""
    key = _key(model)
    at = _position(fields, key)
    size = _blob_size(model)
    last: Any = None
    while True:
        query = model.select(*fields).order_by(key).limit(ROWS)
        if last is not None:
            query = query.where(key > last)
        if size is not None:
            end = _page_end(model, size, last, database)
            if end is None:
                return
            query = query.where(key <= end)
        page = list(query.tuples().execute(database))
        if not page:
            return
        yield page
        last = page[-1][at]


def _key(model: type[Model]) -> Field:
    key = model._meta.primary_key
    assert isinstance(key, Field)  # every table has one (False would mean none)
    return key


def _position(fields: list[Field], field: Field) -> int:
    """Where `field` is in `fields` (not `list.index`: a field's == builds an expression)."""
    return next(n for n, each in enumerate(fields) if each is field)


def _blob_size(model: type[Model]) -> Any | None:
    """An expression of a row's blob bytes (None: the table holds no blob)."""
    blobs = [f for f in model._meta.sorted_fields if isinstance(f, BlobField)]
    if not blobs:
        return None
    sizes = [fn.COALESCE(fn.LENGTH(blob), 0) for blob in blobs]
    total: Any = sizes[0]
    for size in sizes[1:]:
        total = total + size
    return total


def _page_end(model: type[Model], size: Any, after: Any, database: Database) -> Any | None:
    """The key of the last row of the next page: rows after `after` up to BLOB_BYTES (a blob's
    length is read without reading the blob on both engines)."""
    key = _key(model)
    query = model.select(key, size).order_by(key).limit(ROWS)
    if after is not None:
        query = query.where(key > after)
    total, end = 0, None
    for row_key, row_size in query.tuples().execute(database):
        if end is not None and total + row_size > BLOB_BYTES:
            break
        total += row_size
        end = row_key
    return end


def _copy_table(model: type[Model], source: Database, target: Database, progress: Progress) -> None:
    fields = list(model._meta.sorted_fields)
    write = _writer(model, fields, target)
    # A ticket may be merged into a younger one: merged_into is set once all tickets are in.
    merged_at = _position(fields, Ticket.merged_into) if model is Ticket else None
    merges: list[tuple[int, int]] = []
    for page in _pages(model, fields, source):
        if merged_at is not None:
            merges += [(row[0], row[merged_at]) for row in page if row[merged_at] is not None]
            page = [(*row[:merged_at], None, *row[merged_at + 1 :]) for row in page]
        write(page)
        progress.advance(len(page))
    for ticket_id, into in merges:
        Ticket.update(merged_into=into).where(Ticket.id == ticket_id).execute(target)


def _writer(
    model: type[Model], fields: list[Field], target: Database
) -> Callable[[list[Any]], None]:
    """What inserts a page of rows: one statement run for each row by the driver's
    `executemany` (psycopg pipelines them). peewee's `insert_many` built one statement of
    thousands of values per page, which the driver then parsed again: two thirds of the copy's
    time. Values go through each field's `db_value`, as in peewee's own inserts."""
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    marks = ", ".join([target.param] * len(fields))
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    converters = [field.db_value for field in fields]

    def write(page: list[Any]) -> None:
        values = [
            tuple(db_value(v) for db_value, v in zip(converters, row, strict=True)) for row in page
        ]
        with driver_errors:  # raised as peewee's IntegrityError, DatabaseError…
            target.cursor().executemany(sql, values)

    return write


# --- comparing -------------------------------------------------------------------------------


def _mismatch(where: str, detail: str) -> HelpdeskError:
    return HelpdeskError(Sentence("copy_mismatch", where=where, detail=detail))


def _compare_counts(source: Database, target: Database, where: str) -> dict[str, int]:
    rows = {}
    for model in TABLES:
        name = model._meta.table_name
        had, has = model.select().count(source), model.select().count(target)
        if had != has:
            raise _mismatch(where, f"{name}: {had} rows in the source, {has} in the copy")
        rows[name] = has
    return rows


def _compare_digests(
    model: type[Model], field: Field, source: Database, target: Database, where: str
) -> int:
    """How many values of `field` have the same sha256 on both sides, id by id."""
    name = f"{model._meta.table_name}.{field.name}"
    compared = 0
    pairs = itertools.zip_longest(_digests(model, field, source), _digests(model, field, target))
    for had, has in pairs:
        if had is None or had != has:
            row = (had or has or ("?",))[0]
            raise _mismatch(where, f"{name} of row {row} is not the same")
        if had[1] is not None:
            compared += 1
    return compared


def _digests(
    model: type[Model], field: Field, database: Database
) -> Iterator[tuple[Any, str | None]]:
    """(id, hex sha256 of `field` or None) in id order: computed by PostgreSQL itself (no blob
    crosses the network), by Python on SQLite."""
    key = _key(model)
    if isinstance(database, SqliteDatabase):
        for page in _pages(model, [key, field], database):
            for row_key, value in page:
                yield row_key, None if value is None else hashlib.sha256(value).hexdigest()
        return
    digest = fn.encode(fn.sha256(field), "hex")
    last: Any = None
    while True:
        query = model.select(key, digest).order_by(key).limit(DIGEST_ROWS)
        if last is not None:
            query = query.where(key > last)
        page = list(query.tuples().execute(database))
        if not page:
            return
        yield from page
        last = page[-1][0]
