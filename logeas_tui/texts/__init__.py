"""Every text the helpdesk shows, one catalogue per language: `fr.py` and `en.py`.

A catalogue is a flat dict key -> text holding the UI's texts, the core's sentences and the
state names (`state.<state>` long, `state.short.<state>` short), so each text is written once
per language. `Catalog(language)` looks texts up in one of them. This package is plain data:
the core imports it to spell its English `Sentence`s, so it imports no textual, rich, UI or
core module. Which language a screen shows is carried by whoever shows it (the app, the
command line), never chosen here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, TypeGuard

from logeas_tui.texts import en, fr

CATALOGUES: dict[str, dict[str, str]] = {"fr": fr.TEXTS, "en": en.TEXTS}


class Catalog:
    """The texts of one language (English for any language without a catalogue)."""

    def __init__(self, language: str) -> None:
        self.language = language if language in CATALOGUES else "en"
        self.texts = CATALOGUES[self.language]

    def __repr__(self) -> str:
        return f"Catalog({self.language!r})"

    def t(self, key: str, **values: object) -> str:
        """The text of `key` with its `{fields}` filled; a missing key shows itself."""
        text = self.texts.get(key)
        if text is None:
            return key
        return text.format(**values) if values else text

    def plural(self, key: str, count: int, **values: object) -> str:
        """`key.one` or `key.other` as `count` asks in this language (French says 0 and 1 in
        the singular, English 1 only), with `{count}` and the other fields filled."""
        one = count in (0, 1) if self.language == "fr" else count == 1
        return self.t(f"{key}.{'one' if one else 'other'}", count=count, **values)

    def counted(self, *counts: tuple[str, int], sep: str = ", ") -> str:
        """Several `plural` counts in a row: `counted(("count.new_ticket", 1), ...)`."""
        return sep.join(self.plural(key, count) for key, count in counts)

    def number(self, value: float, decimals: int = 0) -> str:
        """`value` with `decimals` digits after the point, grouped by thousands as this
        language writes numbers (1,234.5 in English, 1 234,5 in French)."""
        text = f"{value:,.{decimals}f}"
        if self.language == "fr":
            return text.replace(",", "\u00a0").replace(".", ",")
        return text

    def listed(self, items: list[str]) -> str:
        """`a`, `a and b`, `a, b and c` in this language."""
        if len(items) < 2:
            return "".join(items)
        return self.t("list.and", head=", ".join(items[:-1]), last=items[-1])

    def quoted(self, text: object) -> str:
        """`text` between this language's quotation marks (“…” in English, « … » in French)."""
        return self.t("quote", text=text)

    def state(self, state: str, *, short: bool = False) -> str:
        """A state's name (the stored value, e.g. "pending reminder") in this language."""
        return self.t(f"state.short.{state}" if short else f"state.{state}")

    def sentence(self, key: str, values: Mapping[str, Any]) -> str:
        """The core's sentence `key`; a `state` value is a stored state, said by its name, and
        a value that is itself a sentence is said in this language too."""
        filled = {
            k: self.state(v) if k == "state" else self.say(v) if _is_sentence(v) else v
            for k, v in values.items()
        }
        return self.t(key, **filled)

    def say(self, said: object) -> str:
        """What the core said, in this language: a `Sentence` (a `str` with `key` and
        `values`), or an error carrying one; an error's plain text as it is; any other text
        as a key of this catalogue."""
        if isinstance(said, BaseException):
            if not (said.args and _is_sentence(said.args[0])):
                return str(said)
            said = said.args[0]
        if _is_sentence(said):
            return self.sentence(said.key, said.values)
        return self.t(str(said))


class Said(Protocol):
    """A core Sentence as this package sees it (it cannot import the core, which imports it)."""

    key: str
    values: Mapping[str, Any]


def _is_sentence(text: object) -> TypeGuard[Said]:
    return isinstance(text, str) and isinstance(getattr(text, "key", None), str)
