"""The `logeas` command: parse the arguments, load the config, open the store, then start the
app or run one headless verb (`cli.verbs`) on the same core services as the keys. A tool
(`cli.store_verbs`) works on the stores named in its own arguments and opens none.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

# isort: split
# First of all: keeps psycopg out of peewee's import while the store may be SQLite.
from logeas_tui.core.store import driver  # noqa: F401

# isort: split
from peewee import DatabaseError

from logeas_tui.cli.parser import Tool, Verb, parse
from logeas_tui.core import config as config_mod
from logeas_tui.core.clock import Clock, FixedClock, SystemClock
from logeas_tui.core.config import Config
from logeas_tui.core.errors import ConfigError, HelpdeskError
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.setup import ensure_setup
from logeas_tui.core.store.connection import (
    cannot_open,
    close_store,
    default_location,
    disk_full,
    open_store,
)
from logeas_tui.texts import Catalog

if TYPE_CHECKING:
    from logeas_tui.widgets.first_reads import FirstReads


def make_clock(config: Config) -> Clock:
    """The system clock, or a frozen one when LOGEAS_NOW is set."""
    value = os.environ.get("LOGEAS_NOW", "").strip()
    if not value:
        return SystemClock()
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(Sentence("cli.bad_now", value=repr(value))) from None
    return FixedClock(at if at.tzinfo else at.replace(tzinfo=config.hours.zone))


def _config(args: argparse.Namespace, create: bool = True) -> Config:
    path = getattr(args, "config", None)
    config = config_mod.load(Path(path).expanduser() if path else None, create=create)
    for warning in config.warnings:
        texts = Catalog(config.language)
        print(texts.t("cli.warning", said=texts.say(warning)), file=sys.stderr)
    return config


def _open_desk(args: argparse.Namespace) -> Desk:
    config = _config(args)
    location = getattr(args, "db", None)
    try:
        open_store(location)
    except (DatabaseError, OSError) as exc:
        raise cannot_open(location or default_location(), exc) from None
    ensure_setup(config)
    return Desk(config, make_clock(config))


def prepare_app(desk: Desk) -> FirstReads:
    """What the app's start does before Textual loads: the main screen's first reads begin in
    a thread, and the garbage collector pauses — loading Textual and the screens makes objects
    by the hundred thousand, which its collections would walk again and again (a tenth of the
    start-up); the app resumes it, freezing what was made, once its first frame is drawn."""
    from logeas_tui.widgets.first_reads import FirstReads

    gc.disable()
    return FirstReads.start(desk)


def run_app(desk: Desk) -> int:
    first_reads = prepare_app(desk)
    from logeas_tui import keymap  # Textual is loaded only for the app, not for verbs
    from logeas_tui.app import LogeasApp

    keymap.check(desk.config)
    app = LogeasApp(desk, first_reads)
    app.run()
    return app.return_code or 0  # 1 after a crash (`logeas_tui.crash`)


def configured_language(argv: Sequence[str] | None) -> str:
    """The language of the config the command line names (or the default one), read before
    parsing so that `--help` and argparse's errors speak it; for a file that cannot be read,
    the language its `language` line asks for (the verb then says why, once parsed)."""
    peek = argparse.ArgumentParser(add_help=False)
    peek.add_argument("--config")
    known, _ = peek.parse_known_args(argv)
    path = Path(known.config).expanduser() if known.config else None
    try:
        return config_mod.load(path, create=False).language
    except (HelpdeskError, OSError, ValueError):
        return config_mod.language_written(path)


def main(argv: Sequence[str] | None = None) -> int:
    language = configured_language(argv)
    try:
        args = parse(argv, Catalog(language))
    except SystemExit as exc:  # --help, --version (0) or a mistyped command line (2)
        return exc.code if isinstance(exc.code, int) else 2
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    try:
        tool: Tool | None = getattr(args, "tool", None)
        if tool is not None:  # no store of its own to open, and the config only for its language
            language = _config(args, create=False).language
            return tool(args, sys.stdout)
        desk = _open_desk(args)
        language = desk.config.language
        func: Verb | None = getattr(args, "func", None)
        if func is None:
            return run_app(desk)
        return func(desk, args, sys.stdout)
    except HelpdeskError as exc:
        _error(language, Catalog(language).say(exc))
        return 1
    except DatabaseError as exc:
        full = disk_full(exc)
        said = Catalog(language).t("cli.db_refused", cause=exc) if full is None else full
        _error(language, Catalog(language).say(said))
        return 1
    except BrokenPipeError:  # `logeas list | head`: the reader left, stay quiet
        _silence_stdout()
        return 1
    except OSError as exc:
        _error(language, f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        close_store()


def _error(language: str, said: str) -> None:
    print(Catalog(language).t("cli.error", said=said), file=sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush raises nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
