"""The command line's grammar: the verbs, their arguments and the help text.

Every text is the catalogue's, in the configured language; argparse's own (its headings, `-h`,
its errors) too, handed to it through the gettext function it calls them through
(`argparse_in`). `--db`, `--config` and `--json` are accepted before or after a verb's own arguments: they live
in a parent parser shared by the main parser and every verb, with suppressed defaults so a value
given before the verb is not overwritten by the verb's parser.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any, TextIO

from logeas_tui import __version__
from logeas_tui.core.procedure import PENDING, STATES
from logeas_tui.core.services.desk import Desk
from logeas_tui.texts import Catalog

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


# argparse's own texts, by the English msgid it asks its gettext `_` for -> catalogue key
ARGPARSE_TEXTS = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positional",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "one of the arguments %s is required": "argparse.one_of",
    "not allowed with argument %s": "argparse.not_allowed",
    "expected one argument": "argparse.expected_one",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
}


@contextmanager
def argparse_in(texts: Catalog) -> Iterator[None]:
    """While inside, argparse says its own texts in `texts`' language: it builds its headings
    and `-h` when a parser is made, and its errors when parsing, through its module's `_`."""
    english = argparse._  # type: ignore[attr-defined]

    def translated(message: str) -> str:
        key = ARGPARSE_TEXTS.get(message)
        return texts.t(key) if key else english(message)

    argparse._ = translated  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = english  # type: ignore[attr-defined]


def parse(argv: Sequence[str] | None, texts: Catalog) -> argparse.Namespace:
    """The command line parsed, its help and its errors in `texts`' language."""
    with argparse_in(texts):
        return build_parser(texts).parse_args(argv)


def _state(texts: Catalog, text: str) -> str:
    """A stored state, named as stored or by its long or short name in `texts`' language."""
    word = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    names = {"pending": PENDING}
    for state in STATES:
        names |= {state: state, texts.state(state).lower(): state}
        names.setdefault(texts.state(state, short=True).lower(), state)
    if word not in names:
        states = ", ".join(texts.state(state) for state in STATES)
        raise argparse.ArgumentTypeError(
            texts.t("cli.help.unknown_state", text=texts.quoted(text), states=states)
        )
    return names[word]


def _positive(texts: Catalog, text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            texts.t("cli.help.not_whole", text=texts.quoted(text))
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(texts.t("cli.help.not_positive", text=text))
    return value


def _port(texts: Catalog, text: str) -> int:
    value = _positive(texts, text)
    if value > 65_535:
        raise argparse.ArgumentTypeError(texts.t("cli.help.not_port", text=text))
    return value


def _common(t: Callable[..., str]) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group(t("cli.help.common"))
    group.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=t("cli.help.db"))
    group.add_argument(
        "--config", metavar="PATH", default=argparse.SUPPRESS, help=t("cli.help.config")
    )
    group.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help=t("cli.help.json")
    )
    return common


# The verbs that change a ticket someone may have changed meanwhile (the keys always pass the
# version they showed; a script passes --if-version).
VERSIONED = frozenset(
    {"merge", "reply", "ask", "pending", "transfer", "move", "close", "reopen", "note", "take",
     "assign", "accept"}
)  # fmt: skip


def build_parser(texts: Catalog | None = None) -> argparse.ArgumentParser:
    """The parser, its texts in `texts`' language (English when None); argparse's own texts
    are in it only when built and used inside `argparse_in` (`parse` does both)."""
    texts = texts or Catalog("en")
    t = texts.t
    common = _common(t)
    positive, state = partial(_positive, texts), partial(_state, texts)
    parser = argparse.ArgumentParser(
        prog="logeas",
        parents=[common],
        epilog=t("cli.help.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=t("cli.help.description"),
    )
    parser.add_argument(
        "-V",
        "--version",
        action="version",
        version=f"logeas {__version__}",
        help=t("cli.help.version"),
    )
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB")

    def verb(name: str, func: Verb) -> argparse.ArgumentParser:
        help = t(f"cli.verb.{name}")
        sub = subparsers.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(func=func)
        if name in VERSIONED:
            sub.add_argument(
                "--if-version", type=positive, metavar="V", help=t("cli.help.if_version")
            )
        return sub

    def tool(name: str, func: Tool) -> argparse.ArgumentParser:
        help = t(f"cli.verb.{name}")
        sub = subparsers.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(tool=func)
        return sub

    verb("queues", _later("verbs", "queues"))
    verb("technicians", _later("verbs", "technicians"))

    p = verb("stats", _later("stats_verb", "stats"))
    p.add_argument("--weeks", type=positive, default=8, metavar="N")
    p.add_argument("--queue", metavar="Q")
    p.add_argument("--csv", action="store_true", help=t("cli.arg.csv"))

    p = verb("demo", _later("verbs", "demo"))
    p.add_argument("--tickets", type=positive, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")

    p = verb("list", _later("verbs", "list_tickets"))
    p.add_argument("--queue", metavar="Q")
    p.add_argument(
        "--state",
        type=state,
        metavar="S",
        help=t("cli.arg.state", states=", ".join(texts.state(state) for state in STATES)),
    )
    p.add_argument("--search", metavar="TEXT", help=t("cli.arg.search"))
    p.add_argument(
        "--review",
        action="store_true",
        help=t("cli.arg.review"),
    )
    p.add_argument("--limit", type=positive, metavar="N", help=t("cli.arg.limit"))

    p = verb("show", _later("verbs", "show"))
    p.add_argument("number")

    p = verb("raw", _later("verbs", "raw"))
    p.add_argument("number")
    p.add_argument(
        "--message",
        type=positive,
        metavar="K",
        help=t("cli.arg.raw_message"),
    )

    p = verb("phone", _later("verbs", "phone"))
    p.add_argument(
        "--customer",
        required=True,
        metavar="X",
        help=t("cli.arg.customer"),
    )
    p.add_argument("--queue", required=True, metavar="Q")
    p.add_argument("--subject", required=True, metavar="S")
    p.add_argument("--body", required=True, metavar="B", help=t("cli.arg.body"))
    p.add_argument("--name", default="", metavar="N", help=t("cli.arg.name"))
    done = p.add_mutually_exclusive_group()
    done.add_argument("--close", action="store_true", help=t("cli.arg.close"))
    done.add_argument("--owner", metavar="NAME", help=t("cli.arg.owner"))

    p = verb("merge", _later("verbs", "merge"))
    p.add_argument("duplicate", metavar="DUP")
    p.add_argument("target", metavar="TARGET")

    p = verb("duplicates", _later("duplicates_verb", "duplicates"))
    p.add_argument("number", metavar="N")

    p = verb("unmerge", _later("verbs", "unmerge"))
    p.add_argument("number", metavar="N")

    p = verb("reply", _later("verbs", "reply"))
    p.add_argument("number", metavar="N")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--body-file", metavar="F", help=t("cli.arg.answer_file"))
    how.add_argument("--canned", metavar="NAME", help=t("cli.arg.canned"))
    how.add_argument("--doc", metavar="REF", help=t("cli.arg.doc"))

    p = verb("ask", _later("verbs", "ask"))
    p.add_argument("number", metavar="N")
    p.add_argument("--body-file", required=True, metavar="F", help=t("cli.arg.question_file"))
    p.add_argument(
        "--pending-days",
        type=positive,
        metavar="X",
        help=t("cli.arg.pending_days"),
    )

    p = verb("pending", _later("verbs", "pending"))
    p.add_argument("number", metavar="N")
    p.add_argument("--days", type=positive, required=True, metavar="X")

    p = verb("transfer", _later("verbs", "transfer"))
    p.add_argument("number", metavar="N")
    p.add_argument("technician", metavar="TECHNICIAN")

    p = verb("move", _later("verbs", "move"))
    p.add_argument("number", metavar="N")
    p.add_argument("queue", metavar="QUEUE")

    p = verb("close", _later("verbs", "close"))
    p.add_argument("number", metavar="N")
    p.add_argument("--unsuccessful", action="store_true")

    p = verb("reopen", _later("verbs", "reopen"))
    p.add_argument("number", metavar="N")

    p = verb("note", _later("verbs", "note"))
    p.add_argument("number", metavar="N")
    p.add_argument("--body-file", required=True, metavar="F", help=t("cli.arg.note_file"))

    p = verb("take", _later("verbs", "take"))
    p.add_argument("number", metavar="N")

    p = verb("assign", _later("verbs", "assign"))
    p.add_argument("number", metavar="N")
    p.add_argument("technician", metavar="TECHNICIAN")

    p = verb("accept", _later("verbs", "accept"))
    p.add_argument("number", metavar="N")
    p.add_argument(
        "--message",
        type=positive,
        metavar="K",
        help=t("cli.arg.accept_message"),
    )

    verb("purge", _later("verbs", "purge"))

    p = verb("sync", _later("verbs", "sync"))
    p.add_argument("--once", action="store_true", help=t("cli.arg.once"))

    p = verb("import", _later("verbs", "import_mail"))
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--no-ack", action="store_true", help=t("cli.arg.no_ack"))

    verb("outbox", _later("verbs", "outbox"))

    p = verb("serve", _later("serve_verb", "serve"))
    p.add_argument(
        "--host",
        default=SERVE_HOST,
        metavar="H",
        help=t("cli.arg.host", host=SERVE_HOST),
    )
    p.add_argument("--port", type=partial(_port, texts), default=SERVE_PORT, metavar="P")

    p = verb("export", _later("backup_verbs", "export"))
    p.add_argument("number", metavar="N")
    p.add_argument("--mbox", required=True, metavar="FILE", help=t("cli.arg.mbox"))

    p = tool("backup", _later("backup_verbs", "backup"))
    p.add_argument("path", metavar="PATH", help=t("cli.arg.backup_path"))

    p = tool("restore", _later("backup_verbs", "restore"))
    p.add_argument("path", metavar="BACKUP")

    p = tool("migrate-store", _later("store_verbs", "migrate_store"))
    p.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="PATH_OR_URL",
        help=t("cli.arg.from"),
    )
    p.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="URL_OR_PATH",
        help=t("cli.arg.to"),
    )
    p.add_argument("--force", action="store_true", help=t("cli.arg.force"))
    return parser
