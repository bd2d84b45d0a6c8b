"""Every UI text in French and English, from one message table (the catalog modules).

`t("key", **values)` looks the key up in the current language; a missing key shows itself
(so a forgotten string is visible, not silently blank).
"""

from __future__ import annotations

from logeas_tui.catalog import dialogs, main
from logeas_tui.core.sentences import Sentence, localized

_TABLE: dict[str, tuple[str, str]] = {**main.TEXTS, **dialogs.TEXTS}  # key -> (fr, en)
_language = "en"


def set_language(language: str) -> None:
    global _language
    _language = "fr" if language == "fr" else "en"


def language() -> str:
    return _language


def t(key: str, **values: object) -> str:
    pair = _TABLE.get(key)
    if pair is None:
        return key
    text = pair[0] if _language == "fr" else pair[1]
    return text.format(**values) if values else text


def say(text: object) -> str:
    """What the core said (a Sentence, or an error carrying one) in the current language;
    any other text through the catalog."""
    if isinstance(text, BaseException | Sentence):
        return localized(text, _language)
    return t(str(text))
