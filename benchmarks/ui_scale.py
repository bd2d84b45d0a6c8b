"""The start-up and big-mail figures of issue 10, each from fresh processes (`ui_child.py`)
launched the same way, their ratios measured side by side, rounds interleaved so the machine's
load weighs on each alike. Used by `bench_ui.py`; prints figures next to their targets."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from logeas_tui.core.mail.route import load_rules
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.inbound import ingest

CHILD = Path(__file__).with_name("ui_child.py")
CONFIG = Path("/tmp/logeas-bench-ui-config.toml")  # the default settings, written once
PYCACHE = "/tmp/logeas-bench-ui-pycache"  # bytecode outside the repository
HANG = 120.0  # a child still running after this is reported, and killed

# name -> (what it is, its body), built by the benchmark and stored through the real import
BIG_MAILS = {
    "5 MB, 40,000 lines": lambda: "".join(f"{i:06d} " + "x" * 118 + "\n" for i in range(40_000)),
    "1,000,000 short lines (3 MB)": lambda: "".join(f"{i % 100:02d}\n" for i in range(1_000_000)),
    "50 MB body": lambda: ("y" * 99 + "\n") * 500_000,
    "380 KB mail": lambda: (
        ("Bonjour, l'impression des bordereaux échoue encore. " * 2 + "\n") * 3_600
    ),
}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def child(*args: str) -> tuple[float, dict[str, object] | None]:
    """Spawn one measured process; (when it was spawned, what it printed — None if it hung)."""
    env = dict(os.environ, LOGEAS_CONFIG=str(CONFIG), PYTHONPATH=str(CHILD.parents[1]))
    # as installed: compiled once (pip does it), not compiled again at every start
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = PYCACHE
    started = time.time()
    try:
        done = subprocess.run(
            [sys.executable, str(CHILD), *args],
            capture_output=True,
            text=True,
            timeout=HANG,
            env=env,
        )
    except subprocess.TimeoutExpired:
        return started, None
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{args}: {done.stderr.strip().splitlines()[-1:]}")
    return started, json.loads(lines[-1])


def startup(big: Path, small: Path, rounds: int = 5) -> None:
    bare, large, little, rss = [], [], [], []
    for _ in range(rounds):
        for sink, args in (
            (bare, ("bare",)),
            (large, ("start", str(big))),
            (little, ("start", str(small))),
        ):
            spawned, out = child(*args)
            assert out is not None, args
            sink.append(float(out["shown"]) - spawned)  # type: ignore[arg-type]
            if args[-1] == str(big):
                rss.append(float(out["rss"]))  # type: ignore[arg-type]
    med = statistics.median
    print(
        f"start-up to a filled ticket list, 100k store: {ms(med(large))} vs a bare Textual app "
        f"{ms(med(bare))} = {med(large) / med(bare):.2f}× (target ≤ 1.3×; medians of {rounds})"
    )
    print(
        f"  the same, 100k vs 1k store ({ms(med(little))}): {med(large) / med(little):.2f}× (target ≤ 1.2×)"
    )
    print(f"RSS with the 100k store open: {max(rss):.0f} MB (target ≤ 150 MB)")


def big_mail_numbers(desk: Desk) -> dict[str, str]:
    """The tickets holding the big mails in the small store, imported once (cached beside it)."""
    cache = Path(f"/tmp/logeas-bench-ui-bigmail-{desk.config.address}.json")
    numbers: dict[str, str] = json.loads(cache.read_text()) if cache.exists() else {}
    rules = load_rules(desk.config.data_dir / "routing.toml")
    for i, (name, body) in enumerate(BIG_MAILS.items()):
        if name in numbers:
            continue
        raw = (
            f"From: Gros Client <gros{i}@exemple.fr>\r\nTo: {desk.config.address}\r\n"
            f"Subject: bench: {name}\r\nMessage-ID: <bench-big-{i}@exemple.fr>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n\r\n"
        ).encode() + body().replace("\n", "\r\n").encode()
        started = time.perf_counter()
        result = ingest(desk, raw, rules, acknowledge=False)
        assert result.number, name
        numbers[name] = result.number
        print(
            f"imported '{name}' ({len(raw) / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s"
        )
    cache.write_text(json.dumps(numbers))
    return numbers


def big_mails(small: Path, numbers: dict[str, str]) -> None:
    print(
        "opening a ticket with a big mail (targets: open ≤ 300 ms, 380 KB ≤ 150 ms; "
        "keys ≤ 50 ms; RSS ≤ 150 MB; q quits):"
    )
    for name, number in numbers.items():
        spawned, out = child("open", str(small), number)
        if out is None:
            print(f"  {name}: not shown after {HANG:.0f} s")
            continue
        moves = [float(x) for x in out["j"]]  # type: ignore[union-attr]
        print(
            f"  {name}: open {ms(float(out['open']))}, j ×20 median {ms(statistics.median(moves))} "  # type: ignore[arg-type]
            f"worst {ms(max(moves))}, e (show more) {ms(float(out['e']))}, "  # type: ignore[arg-type]
            f"RSS {float(out['rss_open']):.0f} MB, q → exit {ms(float(out['exited']) - float(out['q_at']))}"  # type: ignore[arg-type]
        )
