"""Parse received mail on another core while this one writes.

Parsing (the standard library's email parser) and storing cost about the same per mail, so the
ingestion parses the next chunk in a worker process while the writer stores the current one.
Parsing is pure (`parse_message`), and it stays outside the write transaction (issue 9.6). Mail
whose bytes are stored already is not parsed at all: a re-sync costs a read per mail. A small
chunk (fewer than POOL_FROM mails, the only one) is parsed here: a worker is not worth starting.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from multiprocessing import resource_tracker
from types import MappingProxyType
from typing import TypeVar

from logeas_tui.core.mail.parse import ParsedMail, parse_message
from logeas_tui.core.services.inbound import stored_shas

K = TypeVar("K")
CHUNK = 200
CHUNK_BYTES = 16 * 1024 * 1024  # a chunk ends early on big mail: at most two are held at once
POOL_FROM = 50
PARENT_CHECK_SECONDS = 1.0
Parsed = tuple[K, bytes, ParsedMail | None]


def _parse_all(raws: list[bytes | None]) -> list[ParsedMail | None]:
    """In the worker: the parse, in a form that crosses processes (a plain dict of headers)."""
    parsed = [None if raw is None else parse_message(raw) for raw in raws]
    return [None if p is None else replace(p, headers=dict(p.headers)) for p in parsed]


def _take(source: Iterator[tuple[K, bytes]], size: int) -> list[tuple[K, bytes]]:
    """The next chunk: `size` mails, or fewer once they pass CHUNK_BYTES."""
    chunk: list[tuple[K, bytes]] = []
    held = 0
    for item in source:
        chunk.append(item)
        held += len(item[1])
        if len(chunk) >= size or held >= CHUNK_BYTES:
            break
    return chunk


def _fresh(chunk: list[tuple[K, bytes]]) -> list[bytes | None]:
    """The raw bytes to parse, None for those already stored (one read for the chunk)."""
    shas = [hashlib.sha256(raw).hexdigest() for _, raw in chunk]
    stored = stored_shas(shas)
    return [None if sha in stored else raw for sha, (_, raw) in zip(shas, chunk, strict=True)]


def _joined(chunk: list[tuple[K, bytes]], parsed: list[ParsedMail | None]) -> list[Parsed[K]]:
    return [
        (key, raw, None if p is None else replace(p, headers=MappingProxyType(dict(p.headers))))
        for (key, raw), p in zip(chunk, parsed, strict=True)
    ]


def _watch_parent(parent: int) -> None:
    """In each worker, first: leave when the process that asked for the parse is gone. A pool's
    workers wait on a queue they hold both ends of, so a `logeas sync` killed (kill -9, a crash,
    a closed terminal) left them, its fork server and its resource tracker running for good."""

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:  # another user's process has its number now
                os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _start_tracker() -> None:
    """multiprocessing's resource tracker, started on first use, is handed `sys.stderr`'s file
    descriptor. A running Textual app has replaced sys.stderr by a capture whose fileno is -1,
    and the start fails ("bad value(s) in fds_to_keep": the app's first sync of 50 mails or
    more stored none): the tracker is started on the process's own stderr instead."""
    try:
        captured = sys.stderr.fileno() < 0
    except (AttributeError, OSError, ValueError):
        captured = False  # no stderr at all: the tracker starts without one
    if captured:
        with contextlib.redirect_stderr(sys.__stderr__):
            resource_tracker.ensure_running()


def parsed_chunks(
    items: Iterable[tuple[K, bytes]], size: int = CHUNK
) -> Generator[list[Parsed[K]], None, None]:
    """(key, raw, parse or None when already stored), a chunk at a time, in order; the next
    chunk is parsed by a worker process while the caller stores this one."""
    source = iter(items)
    first = _take(source, size)
    if not first:
        return
    second = _take(source, size)
    if not second and len(first) < POOL_FROM:
        yield _joined(first, [None if r is None else parse_message(r) for r in _fresh(first)])
        return
    workers = max(1, min(2, (os.cpu_count() or 2) - 1))
    # Not forked: a forked worker would share this process's store connection (a PostgreSQL
    # socket it closes on exit); a fork server starts clean workers.
    context = multiprocessing.get_context("forkserver")
    _start_tracker()
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_watch_parent,
        initargs=(os.getpid(),),
    ) as pool:
        pending: list[tuple[list[tuple[K, bytes]], Future[list[ParsedMail | None]]]] = []
        chunk = first
        while chunk or pending:
            if chunk:
                pending.append((chunk, pool.submit(_parse_all, _fresh(chunk))))
            if len(pending) > workers or not chunk:
                done, future = pending.pop(0)
                yield _joined(done, future.result())
            chunk, second = second, (_take(source, size) if second else [])
