"""Which queue a new mail lands in: ordered "header matches regex → queue" rules.

Why data, not code: like OTRS PostMaster filters, the team must be able to add a rule (a new
spam scanner's header, a partner's form mailer) by editing `data/routing.toml`, without a
release. Rules are checked in file order and the first match wins; nothing matching means the
default queue. A mistake in the file is reported with the file, the rule number and what is
wrong, when the rules are loaded, never as a surprise while mail is being stored.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from logeas_tui.core.mail.parse import ParsedMail

# Pseudo-headers: values the parser already decoded, rather than a raw header field.
PSEUDO_HEADERS: dict[str, Callable[[ParsedMail], tuple[str, ...]]] = {
    "from": lambda parsed: (parsed.from_addr,),  # the sender's address only, lower-case
    "subject": lambda parsed: (parsed.subject,),
}
_KEYS = {"name", "header", "match", "queue", "action"}


@dataclass(frozen=True)
class Rule:
    name: str
    header: str  # lower-case header name, or a pseudo-header
    pattern: re.Pattern[str]
    queue: str | None  # None when the rule ignores the mail
    ignore: bool = False

    def matches(self, parsed: ParsedMail) -> bool:
        """True when any value of the header matches; an absent header never matches."""
        pseudo = PSEUDO_HEADERS.get(self.header)
        values = pseudo(parsed) if pseudo else parsed.headers.get(self.header, ())
        return any(self.pattern.search(value) for value in values)


@dataclass(frozen=True)
class RouteDecision:
    queue: str | None  # None when ignored
    ignore: bool
    rule: str | None  # name of the rule that decided, None for the default queue


def route(parsed: ParsedMail, rules: Sequence[Rule], default_queue: str) -> RouteDecision:
    """The first rule that matches decides; otherwise the default queue."""
    for rule in rules:
        if rule.matches(parsed):
            return RouteDecision(rule.queue, rule.ignore, rule.name)
    return RouteDecision(default_queue, False, None)


def load_rules(path: Path) -> list[Rule]:
    """Read the rules of a routing file; ValueError says which rule is wrong and why."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path}: cannot read routing rules: {exc}") from exc
    entries = document.get("rule", [])
    if not isinstance(entries, list):
        raise ValueError(f"{path}: `rule` must be a list of [[rule]] tables")
    unknown = set(document) - {"rule"}
    if unknown:
        raise ValueError(f"{path}: unknown top-level key(s): {', '.join(sorted(unknown))}")
    return [_rule(path, number, entry) for number, entry in enumerate(entries, start=1)]


def _rule(path: Path, number: int, entry: Any) -> Rule:
    where = f"{path}: rule {number}"
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: must be a [[rule]] table")
    if isinstance(entry.get("name"), str) and entry["name"].strip():
        where += f" ({entry['name']})"
    unknown = set(entry) - _KEYS
    if unknown:
        raise ValueError(f"{where}: unknown key(s): {', '.join(sorted(unknown))}")
    for key in ("name", "header", "match"):
        if not isinstance(entry.get(key), str):
            raise ValueError(f"{where}: missing or non-text key `{key}`")
    name, header, match = entry["name"].strip(), entry["header"].strip(), entry["match"]
    if not name or not header or ":" in header or " " in header:
        raise ValueError(f"{where}: `name` and `header` must be non-empty; a header has no ':'")
    try:
        pattern = re.compile(match, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"{where}: bad regular expression in `match` {match!r}: {exc}") from exc
    queue, action = entry.get("queue"), entry.get("action")
    if (queue is None) == (action is None):
        raise ValueError(f'{where}: give either `queue = "…"` or `action = "ignore"`')
    if action is not None:
        if action != "ignore":
            raise ValueError(f'{where}: unknown action {action!r} (only "ignore")')
        return Rule(name, header.lower(), pattern, None, ignore=True)
    if not isinstance(queue, str) or not queue.strip():
        raise ValueError(f"{where}: `queue` must be a queue name")
    return Rule(name, header.lower(), pattern, queue.strip())
