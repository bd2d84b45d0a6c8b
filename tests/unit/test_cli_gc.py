"""The CLI pauses the garbage collector while it loads and until the app's first frame, never
for a verb or a tool: they run with it collecting, and `main` leaves it as it found it."""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys

import pytest

from logeas_tui import cli


def test_importing_the_cli_leaves_the_collector_running() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import gc, logeas_tui.cli; print(gc.isenabled())"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip() == "True", done.stderr


@pytest.mark.parametrize("kind", ["func", "tool"])
def test_a_verb_runs_with_the_collector_running(kind: str, monkeypatch) -> None:
    seen: list[bool] = []

    def verb(*_args: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(cli, "configured_language", lambda argv: "en")
    monkeypatch.setattr(cli, "parse", lambda argv, texts: argparse.Namespace(**{kind: verb}))
    monkeypatch.setattr(
        cli, "_open_desk", lambda args: argparse.Namespace(config=argparse.Namespace(language="en"))
    )
    monkeypatch.setattr(cli, "_config", lambda args, create=True: argparse.Namespace(language="en"))
    monkeypatch.setattr(cli, "close_store", lambda: None)
    assert cli.main([]) == 0
    assert seen == [True]
    assert gc.isenabled()
