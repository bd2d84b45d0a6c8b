"""Demo data: realistic tickets for trying the app, measuring it and taking screenshots.

Two years of tickets in every queue of the procedure (the obsolete ones hold only tickets older
than a year), in every state, with French and English mails, phone calls, answers, notes and
history, shaped as the services would have left them (a merged ticket can be unmerged): rows
are built by the store's row builders (`core.store.rows`) and worded by the services' own
functions (`core.services.wording`), so neither a column nor a sentence can drift. Numbers
are real DateChecksum numbers of each ticket's local day, and the daily counters are moved past
them so live tickets of the same day never collide. Data is appended: ids continue after the
existing rows and Message-IDs embed the new row ids.

Speed (100,000 tickets must take seconds, not minutes): rows go in with `executemany` on the
raw SQLite connection inside one write transaction — peewee model inserts cost ~20 times more —
and for big runs the drawing (`generator`) runs in a forked process that hands over parts while
this one writes the previous part, so both cores work.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
import threading
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any

from peewee import Model

from logeas_tui.core.errors import HelpdeskError
from logeas_tui.core.progress import QUIET, Progress
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.setup import ensure_setup
from logeas_tui.core.store import fulltext
from logeas_tui.core.store.connection import is_sqlite, move_sequences
from logeas_tui.core.store.models import (
    Counter,
    History,
    Message,
    Queue,
    RawMail,
    Seen,
    Technician,
    Ticket,
    db,
)
from logeas_tui.core.store.tx import writing
from logeas_tui.demo.generator import Generator
from logeas_tui.demo.rows import (
    HISTORY_FIELDS,
    MESSAGE_FIELDS,
    RAW_FIELDS,
    SEEN_FIELDS,
    TICKET_FIELDS,
    Part,
)

__all__ = ["DEMO_TECHNICIANS", "ensure_technicians", "generate"]

DEMO_TECHNICIANS = (
    ("Nicolas", "nicolas@logeas.fr", 1),
    ("Pétronille", "petronille@logeas.fr", 1),
    ("Guillaume", "guillaume@logeas.fr", 2),
    ("Sophie", "sophie@logeas.fr", 2),
)
PARALLEL_MIN = 20_000  # below this, drawing in this process is as quick as forking
BATCH = 50_000  # rows per executemany


def ensure_technicians() -> None:
    """The demo's technicians of levels 1 and 2, added when missing."""
    for name, email, level in DEMO_TECHNICIANS:
        Technician.insert(name=name, email=email, level=level).on_conflict_ignore().execute()


def generate(desk: Desk, tickets: int, seed: int = 1, progress: Progress = QUIET) -> int:
    """Append `tickets` demo tickets with their messages, history and seen marks;
    `progress` counts the tickets written."""
    if tickets <= 0:
        return 0
    if not Queue.select().exists():
        ensure_setup(desk.config)
    with writing():
        ensure_technicians()
        gen = Generator(desk, seed)
        progress.begin("tickets", tickets)
        with fulltext.bulk_append() as index_appended:
            for part in _parts(gen, tickets):
                _write(part)
                progress.advance(len(part.tickets))
                index_appended()  # while the next part is drawn
        move_sequences(db.obj, [Ticket, Message])  # their ids were given explicitly
    return tickets


# --- drawing, here or in a forked process ----------------------------------------------------


def _can_fork() -> bool:
    # Forking a process with threads can deadlock the child; other systems spawn, not fork.
    return (
        sys.platform.startswith("linux")
        and threading.active_count() == 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


def _parts(gen: Generator, count: int) -> Iterator[Part]:
    if count < PARALLEL_MIN or not _can_fork():
        yield from gen.parts(count)
        return
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_draw, args=(gen, count, sender), daemon=True)
    child.start()
    sender.close()
    try:
        while True:
            try:
                kind, payload = pickle.loads(receiver.recv_bytes())
            except EOFError:
                raise HelpdeskError(Sentence("demo.stopped")) from None
            if kind == "error":
                raise HelpdeskError(Sentence("demo.failed", cause=payload))
            if kind == "end":
                return
            yield payload
    finally:
        receiver.close()
        child.join(timeout=10)
        if child.is_alive():
            child.terminate()


def _draw(gen: Generator, count: int, sender: Connection) -> None:
    """In the forked child: draw and send; never touches the store."""
    try:
        for part in gen.parts(count):
            sender.send_bytes(pickle.dumps(("part", part), pickle.HIGHEST_PROTOCOL))
        sender.send_bytes(pickle.dumps(("end", None)))
    except BaseException as exc:  # reported to the parent, which raises
        sender.send_bytes(pickle.dumps(("error", f"{type(exc).__name__}: {exc}")))
    finally:
        sender.close()


# --- writing ---------------------------------------------------------------------------------


def _insert(model: type[Model], names: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Append rows: executemany on SQLite, insert_many in batches elsewhere."""
    if not rows:
        return
    if is_sqlite():
        cols = ", ".join(f'"{model._meta.fields[n].column_name}"' for n in names)
        marks = ", ".join("?" * len(names))
        sql = f'INSERT INTO "{model._meta.table_name}" ({cols}) VALUES ({marks})'
        for start in range(0, len(rows), BATCH):
            db.connection().executemany(sql, rows[start : start + BATCH])
        return
    fields = [model._meta.fields[n] for n in names]
    for start in range(0, len(rows), 1000):
        model.insert_many(rows[start : start + 1000], fields=fields).execute()


def _patch(rows: list[tuple[Any, ...]]) -> None:
    """Tickets of earlier parts that a later duplicate was merged into."""
    if is_sqlite():
        sql = (
            f'UPDATE "{Ticket._meta.table_name}" SET "last_in_id" = ?, "updated" = ?, '
            '"version" = ? WHERE "id" = ?'
        )
        db.connection().executemany(sql, rows)
        return
    for last_in, updated, version, ticket_id in rows:
        Ticket.update(last_in_id=last_in, updated=updated, version=version).where(
            Ticket.id == ticket_id
        ).execute()


def _write(part: Part) -> None:
    _insert(Ticket, TICKET_FIELDS, part.tickets)
    _insert(Message, MESSAGE_FIELDS, part.messages)
    _insert(RawMail, RAW_FIELDS, part.raws)
    _insert(History, HISTORY_FIELDS, part.history)
    _patch(part.patches)
    _insert(Seen, SEEN_FIELDS, part.seen)
    for day, value in part.counters:
        (
            Counter.insert(day=day, value=value)
            .on_conflict(conflict_target=[Counter.day], update={Counter.value: value})
            .execute()
        )
