"""The command line's grammar: the verbs, their arguments and the help text.

`--db`, `--config` and `--json` are accepted before or after a verb's own arguments: they live
in a parent parser shared by the main parser and every verb, with suppressed defaults so a value
given before the verb is not overwritten by the verb's parser.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from typing import Any, TextIO

from logeas_tui import __version__
from logeas_tui.core.procedure import PENDING, STATES
from logeas_tui.core.services.desk import Desk

EPILOG = """\
environment:
  LOGEAS_DB       database file (or postgresql:// URL); --db wins over it
  LOGEAS_CONFIG   settings file; --config wins over it
  LOGEAS_NOW      freeze the clock at this ISO date-time, e.g. 2026-11-24T10:30
                  (no offset = the configured time zone); for demos and tests

Errors print one sentence on stderr and exit with status 1 (2 for a mistyped command line).
"""

SERVE_HOST, SERVE_PORT = "127.0.0.1", 8000  # where `logeas serve` listens unless told

Verb = Callable[[Desk, argparse.Namespace, TextIO], int]
Tool = Callable[[argparse.Namespace, TextIO], int]  # works on the stores it is given: opens none


def _later(module: str, name: str) -> Callable[..., int]:
    """The function `name` of `logeas_tui.cli.<module>`, imported when it runs: the app (no
    verb) starts without loading every verb's services."""

    def run(*args: Any) -> int:
        func: Callable[..., int] = getattr(
            importlib.import_module(f"logeas_tui.cli.{module}"), name
        )
        return func(*args)

    run.__name__ = run.__qualname__ = name
    return run


def _state(text: str) -> str:
    word = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    word = {"pending": PENDING}.get(word, word)
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


def _port(text: str) -> int:
    value = _positive(text)
    if value > 65_535:
        raise argparse.ArgumentTypeError(f"{text} is not a port (1 to 65535)")
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


# The verbs that change a ticket someone may have changed meanwhile (the keys always pass the
# version they showed; a script passes --if-version).
VERSIONED = frozenset(
    {"merge", "reply", "ask", "pending", "transfer", "move", "close", "reopen", "note", "take",
     "assign", "accept"}
)  # fmt: skip


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
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB")

    def verb(name: str, func: Verb, help: str) -> argparse.ArgumentParser:
        sub = subparsers.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(func=func)
        if name in VERSIONED:
            sub.add_argument(
                "--if-version",
                type=_positive,
                metavar="V",
                help="refuse if the ticket is no longer at version V (see `show --json`): "
                "someone else changed it since you read it",
            )
        return sub

    def tool(name: str, func: Tool, help: str) -> argparse.ArgumentParser:
        sub = subparsers.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(tool=func)
        return sub

    verb("queues", _later("verbs", "queues"), "the queues, with ticket counts per state")
    verb("technicians", _later("verbs", "technicians"), "the technicians and their support level")

    p = verb("stats", _later("stats_verb", "stats"), "tickets per queue and week, waits in hours")
    p.add_argument("--weeks", type=_positive, default=8, metavar="N")
    p.add_argument("--queue", metavar="Q")
    p.add_argument("--csv", action="store_true", help="print CSV instead of text")

    p = verb("demo", _later("verbs", "demo"), "add realistic demo tickets to the database")
    p.add_argument("--tickets", type=_positive, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")

    p = verb("list", _later("verbs", "list_tickets"), "tickets, oldest first")
    p.add_argument("--queue", metavar="Q")
    p.add_argument("--state", type=_state, metavar="S", help=f"one of: {', '.join(STATES)}")
    p.add_argument("--search", metavar="TEXT", help="full-text search in subjects and mails")
    p.add_argument(
        "--review",
        action="store_true",
        help="my daily review: new tickets, unseen customer mail, reminders due",
    )
    p.add_argument("--limit", type=_positive, metavar="N", help="at most N tickets (default all)")

    p = verb("show", _later("verbs", "show"), "one ticket with its messages and history")
    p.add_argument("number")

    p = verb("raw", _later("verbs", "raw"), "the original bytes of a received mail")
    p.add_argument("number")
    p.add_argument(
        "--message",
        type=_positive,
        metavar="K",
        help="the K-th received mail of the ticket (default the first)",
    )

    p = verb("phone", _later("verbs", "phone"), "record a phone call as a new ticket")
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

    p = verb(
        "merge", _later("verbs", "merge"), "merge a duplicate into an existing ticket (→ open)"
    )
    p.add_argument("duplicate", metavar="DUP")
    p.add_argument("target", metavar="TARGET")

    p = verb(
        "duplicates",
        _later("duplicates_verb", "duplicates"),
        "the tickets N may be a duplicate of (the customer's, then similar subjects)",
    )
    p.add_argument("number", metavar="N")

    p = verb("unmerge", _later("verbs", "unmerge"), "undo the merge of a ticket")
    p.add_argument("number", metavar="N")

    p = verb("reply", _later("verbs", "reply"), "answer the customer and close the ticket")
    p.add_argument("number", metavar="N")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--body-file", metavar="F", help="the answer's text ('-' = stdin)")
    how.add_argument("--canned", metavar="NAME", help="a canned answer from data/canned/")
    how.add_argument("--doc", metavar="REF", help="a documentation reference from data/docs.toml")

    p = verb(
        "ask", _later("verbs", "ask"), "ask the customer for information (→ closed, or pending)"
    )
    p.add_argument("number", metavar="N")
    p.add_argument("--body-file", required=True, metavar="F", help="the question ('-' = stdin)")
    p.add_argument(
        "--pending-days",
        type=_positive,
        metavar="X",
        help="stay pending and remind me in X days instead of closing",
    )

    p = verb("pending", _later("verbs", "pending"), "set a pending reminder in X days")
    p.add_argument("number", metavar="N")
    p.add_argument("--days", type=_positive, required=True, metavar="X")

    p = verb(
        "transfer",
        _later("verbs", "transfer"),
        "hand over to a technician of another support level (state kept)",
    )
    p.add_argument("number", metavar="N")
    p.add_argument("technician", metavar="TECHNICIAN")

    p = verb("move", _later("verbs", "move"), "move to another queue (state kept)")
    p.add_argument("number", metavar="N")
    p.add_argument("queue", metavar="QUEUE")

    p = verb("close", _later("verbs", "close"), "close the ticket (successful unless told)")
    p.add_argument("number", metavar="N")
    p.add_argument("--unsuccessful", action="store_true")

    p = verb("reopen", _later("verbs", "reopen"), "reopen a closed or pending ticket")
    p.add_argument("number", metavar="N")

    p = verb("note", _later("verbs", "note"), "add an internal note")
    p.add_argument("number", metavar="N")
    p.add_argument("--body-file", required=True, metavar="F", help="the note's text ('-' = stdin)")

    p = verb("take", _later("verbs", "take"), "become the ticket's owner")
    p.add_argument("number", metavar="N")

    p = verb("assign", _later("verbs", "assign"), "give the ticket to a technician")
    p.add_argument("number", metavar="N")
    p.add_argument("technician", metavar="TECHNICIAN")

    p = verb(
        "accept",
        _later("verbs", "accept"),
        "accept the ticket's mail from an unknown sender as the customer's (does what their "
        "reply does: closed or pending → open)",
    )
    p.add_argument("number", metavar="N")
    p.add_argument(
        "--message",
        type=_positive,
        metavar="K",
        help="only the K-th message as `show` numbers them (default every one marked)",
    )

    verb(
        "purge",
        _later("verbs", "purge"),
        "destroy the Delete queue's tickets whose grace delay is over",
    )

    p = verb("sync", _later("verbs", "sync"), "fetch mail and send the outbox now")
    p.add_argument("--once", action="store_true", help="one round, then exit (default: loop)")

    p = verb(
        "import",
        _later("verbs", "import_mail"),
        "store mail files (.eml, Maildir, mbox) as tickets",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--no-ack", action="store_true", help="send no acknowledgement")

    verb("outbox", _later("verbs", "outbox"), "mail waiting to be sent")

    p = verb(
        "serve", _later("serve_verb", "serve"), "serve the app to a browser (same config and store)"
    )
    p.add_argument(
        "--host",
        default=SERVE_HOST,
        metavar="H",
        help="address to listen on (default %(default)s; another needs [serve] password)",
    )
    p.add_argument("--port", type=_port, default=SERVE_PORT, metavar="P")

    p = verb(
        "export",
        _later("backup_verbs", "export"),
        "write one ticket's mails (their bytes) to an mbox",
    )
    p.add_argument("number", metavar="N")
    p.add_argument("--mbox", required=True, metavar="FILE", help="a new mbox file (mboxrd)")

    p = tool(
        "backup",
        _later("backup_verbs", "backup"),
        "copy the store of --db, while apps use it, into a new file and check the copy",
    )
    p.add_argument("path", metavar="PATH", help="a new file, or a folder to write a dated one into")

    p = tool(
        "restore",
        _later("backup_verbs", "restore"),
        "put a backup in place of the store of --db (refused while it is open; the replaced "
        "store is kept aside)",
    )
    p.add_argument("path", metavar="BACKUP")

    p = tool(
        "migrate-store",
        _later("store_verbs", "migrate_store"),
        "copy a whole store into another (SQLite <-> PostgreSQL) and check the copy; "
        "--db is not used",
    )
    p.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="PATH_OR_URL",
        help="the store to copy (brought to the current schema first, as opening it would)",
    )
    p.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="URL_OR_PATH",
        help="an empty PostgreSQL database, or a new file",
    )
    p.add_argument(
        "--force", action="store_true", help="replace what the target holds (default: refuse)"
    )
    return parser
