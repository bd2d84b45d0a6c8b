"""`logeas` run in-process on a store in `tmp_path`, with a config in a given language: what
tests/unit/test_plurals.py and test_french_cli.py read back (stdout and stderr)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from logeas_tui.cli import main

CONFIG = """\
language = "{language}"
[support]
domain = "logeas.fr"
address = "support@logeas.fr"
system_id = "10"
me = "Nicolas"
[[technicians]]
name = "Nicolas"
email = "nicolas@logeas.fr"
level = 1
[[technicians]]
name = "Guillaume"
email = "guillaume@logeas.fr"
level = 2
"""
NOW = "2026-11-24T10:30"  # a Tuesday, Paris time


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


Cli = Callable[..., Run]


def make_cli(
    tmp_path: Path,
    language: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Cli:
    """A `logeas` whose config says `language`, on its own SQLite store under `tmp_path`."""
    folder = tmp_path / language
    folder.mkdir()
    config = folder / "config.toml"
    config.write_text(CONFIG.format(language=language), encoding="utf-8")
    db = folder / "logeas.sqlite"
    for var in ("LOGEAS_DB", "LOGEAS_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LOGEAS_NOW", NOW)

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main([*args, "--db", str(db), "--config", str(config)])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def mail(folder: Path, count: int) -> Path:
    """A folder of `count` new customer mails (an empty folder when 0)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"{n}.eml").write_text(
            f"From: Client {n} <client{n}@exemple.fr>\nTo: support@logeas.fr\n"
            f"Subject: Question {n}\nMessage-ID: <q{n}@exemple.fr>\n"
            "Date: Tue, 24 Nov 2026 09:00:00 +0100\n\nBonjour,\n",
            encoding="utf-8",
        )
    return folder
