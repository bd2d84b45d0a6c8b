"""The `logeas` command: parse the arguments, load the config, open the store, then start the
app or run one headless verb (`commands`) on the same core services as the keys.

`--db`, `--config` and `--json` are accepted before or after a verb's own arguments: they live
in a parent parser shared by the main parser and every verb, with suppressed defaults so a value
given before the verb is not overwritten by the verb's parser.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from peewee import DatabaseError

from logeas_tui import __version__
from logeas_tui.cli import verbs as commands
from logeas_tui.core import config as config_mod
from logeas_tui.core.clock import Clock, FixedClock, SystemClock
from logeas_tui.core.config import Config
from logeas_tui.core.errors import ConfigError, HelpdeskError
from logeas_tui.core.procedure import STATES
from logeas_tui.core.sentences import localized
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.setup import ensure_setup
from logeas_tui.core.store.connection import close_store, default_location, open_store

EPILOG = """\
environment:
  LOGEAS_DB       database file (or postgresql:// URL); --db wins over it
  LOGEAS_CONFIG   settings file; --config wins over it
  LOGEAS_NOW      freeze the clock at this ISO date-time, e.g. 2026-11-24T10:30
                  (no offset = the configured time zone); for demos and tests

Errors print one sentence on stderr and exit with status 1 (2 for a mistyped command line).
"""

Verb = Callable[[Desk, argparse.Namespace, TextIO], int]


def _state(text: str) -> str:
    word = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    word = {"pending": "pending reminder"}.get(word, word)
    if word not in STATES:
        raise argparse.ArgumentTypeError(f"unknown state {text!r} (states: {', '.join(STATES)})")
    return word


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} must be 1 or more")
    return value


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("common options (before or after the verb)")
    group.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="database file or postgresql:// URL (env LOGEAS_DB)",
    )
    group.add_argument(
        "--config",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="settings file (env LOGEAS_CONFIG)",
    )
    group.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON instead of text"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="logeas",
        parents=[common],
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Logeas Informatique's helpdesk. Without a verb, start the full-screen app.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"logeas {__version__}")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")

    def verb(name: str, func: Verb, help: str) -> argparse.ArgumentParser:
        sub = verbs.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(func=func)
        return sub

    verb("queues", commands.queues, "the queues, with ticket counts per state")
    verb("technicians", commands.technicians, "the technicians and their support level")

    p = verb("demo", commands.demo, "add realistic demo tickets to the database")
    p.add_argument("--tickets", type=_positive, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")

    p = verb("list", commands.list_tickets, "tickets, oldest first")
    p.add_argument("--queue", metavar="Q")
    p.add_argument("--state", type=_state, metavar="S", help=f"one of: {', '.join(STATES)}")
    p.add_argument("--search", metavar="TEXT", help="full-text search in subjects and mails")
    p.add_argument(
        "--review",
        action="store_true",
        help="my daily review: new tickets, unseen customer mail, reminders due",
    )
    p.add_argument("--limit", type=_positive, metavar="N", help="at most N tickets (default all)")

    p = verb("show", commands.show, "one ticket with its messages and history")
    p.add_argument("number")

    p = verb("raw", commands.raw, "the original bytes of a received mail")
    p.add_argument("number")
    p.add_argument(
        "--message",
        type=_positive,
        metavar="K",
        help="the K-th received mail of the ticket (default the first)",
    )

    p = verb("phone", commands.phone, "record a phone call as a new ticket")
    p.add_argument(
        "--customer",
        required=True,
        metavar="X",
        help="e-mail address, or phone number (becomes <digits>@<support domain>)",
    )
    p.add_argument("--queue", required=True, metavar="Q")
    p.add_argument("--subject", required=True, metavar="S")
    p.add_argument("--body", required=True, metavar="B", help="outline of the intervention")
    p.add_argument("--name", default="", metavar="N", help="the customer's name")
    done = p.add_mutually_exclusive_group()
    done.add_argument("--close", action="store_true", help="the intervention is finished")
    done.add_argument("--owner", metavar="NAME", help="who carries on with the remaining actions")

    p = verb("merge", commands.merge, "merge a duplicate into an existing ticket (→ open)")
    p.add_argument("duplicate", metavar="DUP")
    p.add_argument("target", metavar="TARGET")

    p = verb("unmerge", commands.unmerge, "undo the merge of a ticket")
    p.add_argument("number", metavar="N")

    p = verb("reply", commands.reply, "answer the customer and close the ticket")
    p.add_argument("number", metavar="N")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--body-file", metavar="F", help="the answer's text ('-' = stdin)")
    how.add_argument("--canned", metavar="NAME", help="a canned answer from data/canned/")
    how.add_argument("--doc", metavar="REF", help="a documentation reference from data/docs.toml")

    p = verb("ask", commands.ask, "ask the customer for information (→ closed, or pending)")
    p.add_argument("number", metavar="N")
    p.add_argument("--body-file", required=True, metavar="F", help="the question ('-' = stdin)")
    p.add_argument(
        "--pending-days",
        type=_positive,
        metavar="X",
        help="stay pending and remind me in X days instead of closing",
    )

    p = verb("pending", commands.pending, "set a pending reminder in X days")
    p.add_argument("number", metavar="N")
    p.add_argument("--days", type=_positive, required=True, metavar="X")

    p = verb(
        "transfer",
        commands.transfer,
        "hand over to a technician of another support level (state kept)",
    )
    p.add_argument("number", metavar="N")
    p.add_argument("technician", metavar="TECHNICIAN")

    p = verb("move", commands.move, "move to another queue (state kept)")
    p.add_argument("number", metavar="N")
    p.add_argument("queue", metavar="QUEUE")

    p = verb("close", commands.close, "close the ticket (successful unless told)")
    p.add_argument("number", metavar="N")
    p.add_argument("--unsuccessful", action="store_true")

    p = verb("reopen", commands.reopen, "reopen a closed or pending ticket")
    p.add_argument("number", metavar="N")

    p = verb("note", commands.note, "add an internal note")
    p.add_argument("number", metavar="N")
    p.add_argument("--body-file", required=True, metavar="F", help="the note's text ('-' = stdin)")

    p = verb("take", commands.take, "become the ticket's owner")
    p.add_argument("number", metavar="N")

    p = verb("assign", commands.assign, "give the ticket to a technician")
    p.add_argument("number", metavar="N")
    p.add_argument("technician", metavar="TECHNICIAN")

    verb("purge", commands.purge, "destroy the Delete queue's tickets whose grace delay is over")

    p = verb("sync", commands.sync, "fetch mail and send the outbox now")
    p.add_argument("--once", action="store_true", help="one round, then exit (default: loop)")

    p = verb("import", commands.import_mail, "store mail files (.eml, Maildir, mbox) as tickets")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--no-ack", action="store_true", help="send no acknowledgement")

    verb("outbox", commands.outbox, "mail waiting to be sent")
    return parser


def make_clock(config: Config) -> Clock:
    """The system clock, or a frozen one when LOGEAS_NOW is set."""
    value = os.environ.get("LOGEAS_NOW", "").strip()
    if not value:
        return SystemClock()
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"LOGEAS_NOW={value!r} is not an ISO date-time such as 2026-11-24T10:30."
        ) from None
    return FixedClock(at if at.tzinfo else at.replace(tzinfo=config.hours.zone))


def _open_desk(args: argparse.Namespace) -> Desk:
    path = getattr(args, "config", None)
    config = config_mod.load(Path(path).expanduser() if path else None)
    location = getattr(args, "db", None)
    try:
        open_store(location)
    except (DatabaseError, OSError) as exc:
        where = location or default_location()
        raise HelpdeskError(f"Cannot open the database {where}: {exc}.") from None
    ensure_setup(config)
    return Desk(config, make_clock(config))


def run_app(desk: Desk) -> int:
    try:
        from logeas_tui.app import LogeasApp
    except ImportError as exc:
        print(
            f"error: the full-screen app is not available in this build ({exc}).", file=sys.stderr
        )
        return 1
    LogeasApp(desk).run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) or a mistyped command line (2)
        return exc.code if isinstance(exc.code, int) else 2
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    language = "en"
    try:
        desk = _open_desk(args)
        language = desk.config.language
        func: Verb | None = getattr(args, "func", None)
        if func is None:
            return run_app(desk)
        return func(desk, args, sys.stdout)
    except HelpdeskError as exc:
        print(f"error: {localized(exc, language)}", file=sys.stderr)
        return 1
    except DatabaseError as exc:
        print(f"error: the database refused the change: {exc}.", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `logeas list | head`: the reader left, stay quiet
        _silence_stdout()
        return 1
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        close_store()


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush raises nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


if __name__ == "__main__":
    raise SystemExit(main())
