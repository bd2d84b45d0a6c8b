"""What the procedure says to a technician: a `Sentence`, whose texts live in the catalogues.

A `Sentence` is a plain `str` (the English text, so logs, tests and the command line keep
working) that also remembers its key and values, so the UI and the CLI can say it again in
the configured language (`logeas_tui.texts.Catalog.say`, which names the `state` value in that
language too). The texts themselves are in `logeas_tui/texts/<language>.py`, under "What the
core says"; a key missing there shows itself rather than failing the action that said it.
"""

from __future__ import annotations

from typing import Any

from logeas_tui.texts import Catalog

_ENGLISH = Catalog("en")  # what a Sentence is, as a str: not a language setting


class Sentence(str):
    """English text that can be rendered again in another language."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, **values: Any) -> Sentence:
        text = super().__new__(cls, _ENGLISH.sentence(key, values))
        text.key, text.values = key, values
        return text
