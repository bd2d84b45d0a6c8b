"""Processes creating tickets at the same moment against one store (a SQLite file, a PostgreSQL
database) never hand out the same number: the daily counter is taken inside each writer's
transaction, never counted in a process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from logeas_tui.core import numbers
from logeas_tui.core.store.connection import close_store, open_store
from logeas_tui.core.store.models import Ticket

# One process: wait for the starting signal, then record 500 phone calls as fast as it can.
WRITER = """
import sys, time
from datetime import UTC, datetime
from logeas_tui.core.clock import FixedClock
from logeas_tui.core.config import Config
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.setup import ensure_setup
from logeas_tui.core.services.tickets import create_phone_ticket
from logeas_tui.core.store.connection import open_store

db, start, name = sys.argv[1], sys.argv[2], sys.argv[3]
open_store(db)
config = Config(language="en")
ensure_setup(config)
desk = Desk(config, FixedClock(datetime(2026, 11, 24, 9, 30, tzinfo=UTC)))
print("ready", flush=True)
while not __import__("os").path.exists(start):
    time.sleep(0.005)
for i in range(500):
    result = create_phone_ticket(desk, customer="01 23 45 67 89", queue="LoGeAs",
                                 subject=f"{name} call {i}", body="b", close=True)
    print(result.number)
"""


def test_two_processes_get_distinct_valid_numbers(tmp_path: Path, db_path: Path | str) -> None:
    db = db_path
    start = tmp_path / "start"
    open_store(str(db))  # create the schema once, so both writers only insert
    close_store()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), str(start), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    ]
    for proc in writers:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    start.touch()  # both begin together
    outputs = [proc.communicate(timeout=120) for proc in writers]
    for proc, (_out, err) in zip(writers, outputs, strict=True):
        assert proc.returncode == 0, err
    got = [line for out, _err in outputs for line in out.split()]
    assert len(got) == 1000
    assert len(set(got)) == 1000
    assert all(numbers.is_valid(n) and n.startswith("2026112410") for n in got)
    # the daily counter ran 1..1000 with no gap and no repeat across the two processes
    assert sorted(int(n[10:15]) for n in got) == list(range(1, 1001))
    open_store(str(db))
    try:
        assert Ticket.select().count() == 1000
    finally:
        close_store()


CONFIG = 'language = "en"\n[support]\nsystem_id = "10"\n'


def test_forty_phone_commands_from_eight_processes_get_forty_numbers(
    tmp_path: Path, db_path: Path | str
) -> None:
    """`logeas phone` run 5 times in a row by each of 8 shells started together."""
    config = tmp_path / "config.toml"
    config.write_text(CONFIG, encoding="utf-8")
    open_store(str(db_path))
    close_store()
    phone = [sys.executable, "-m", "logeas_tui", "phone", "--customer", "01 23 45 67 89"]
    phone += ["--queue", "LoGeAs", "--subject", "Appel", "--body", "b", "--close"]
    phone += ["--db", str(db_path), "--config", str(config)]
    loop = 'for i in 1 2 3 4 5; do "$@" || exit 1; done'
    shells = [
        subprocess.Popen(
            ["sh", "-c", loop, "sh", *phone],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "LOGEAS_NOW": "2026-11-24T10:30"},
        )
        for _ in range(8)
    ]
    outputs = [proc.communicate(timeout=300) for proc in shells]
    for proc, (_out, err) in zip(shells, outputs, strict=True):
        assert proc.returncode == 0, err
    got = [line for out, _err in outputs for line in out.split()]
    assert len(got) == 40 and len(set(got)) == 40
    assert all(numbers.is_valid(n) and n.startswith("2026112410") for n in got)
