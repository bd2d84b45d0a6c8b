"""Every UI text in the current language, from the catalogues of `logeas_tui.texts`.

`t(key, **values)` looks the key up in the current language; a missing key shows itself
(so a forgotten string is visible, not silently blank).
"""

from __future__ import annotations

from logeas_tui.texts import Catalog

_catalog = Catalog("en")


def set_language(language: str) -> None:
    global _catalog
    _catalog = Catalog(language)


def language() -> str:
    return _catalog.language


def t(key: str, **values: object) -> str:
    return _catalog.t(key, **values)


def say(text: object) -> str:
    """What the core said (a Sentence, or an error carrying one) in the current language;
    any other text through the catalog."""
    return _catalog.say(text)
