"""Mail text is data, never markup: what a customer typed is turned into a Rich `Text` here,
after control characters are made visible, so `[bold]` shows as typed and an escape sequence
cannot reach the terminal."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from rich.style import Style
from rich.text import Text

from logeas_tui.i18n import t

# C0 controls and DEL become their visible "control picture" (ESC -> ␛); C1 controls, the
# bidirectional overrides (which could reorder a line on screen), zero-width characters (which
# the terminal and Rich measure differently, breaking the borders) and the Unicode line and
# paragraph separators become a replacement mark.
_C0 = {code: chr(0x2400 + code) for code in range(0x20)}
_C0[0x7F] = "\u2421"
_OTHER = re.compile("[\u0080-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\u061c]")
_SPACES = re.compile(r"[\t\r\n\f\v]+")
_C0_BUT_NEWLINE = {k: v for k, v in _C0.items() if k != 0x0A}
_NOT_PLAIN = re.compile(r"[^\n\x20-\x7e]")
_TO_CLEAN = re.compile("[\x00-\x09\x0b-\x1f\x7f" + _OTHER.pattern[1:])  # what clean_block changes


def clean_line(value: str | None) -> str:
    """One line of mail text, safe for a terminal: line breaks and tabs become one space."""
    text = _SPACES.sub(" ", value or "")
    text = text.translate(_C0)
    return _OTHER.sub("\ufffd", text)


def clean_block(value: str | None) -> str:
    """A multi-line text (a mail body), safe for a terminal: keeps line breaks, expands tabs."""
    if not value or _TO_CLEAN.search(value) is None:
        return value or ""  # nothing to change (most lines: one search, no copy)
    text = value.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    return _OTHER.sub("\ufffd", text.translate(_C0_BUT_NEWLINE))


def is_plain(value: str) -> bool:
    """True when `clean_block` would leave `value` as it is: printable ASCII and line breaks
    (then a character is a cell, and a long text need not be cleaned line by line)."""
    return _NOT_PLAIN.search(value) is None


def literal(value: str | None, style: str | Style = "") -> Text:
    """A single-line `Text` of untrusted text (never parsed as markup)."""
    return Text(clean_line(value), style=style, no_wrap=True, end="")


def block(value: str | None, style: str = "") -> Text:
    """A multi-line `Text` of untrusted text (never parsed as markup)."""
    return Text(clean_block(value), style=style)


def fit(text: Text, width: int) -> Text:
    """`text` cut or padded to exactly `width` cells (an ellipsis marks a cut)."""
    out = text.copy()
    if width <= 0:
        return Text("", end="")
    out.truncate(width, overflow="ellipsis", pad=True)
    return out


def age(created: datetime, now: datetime) -> tuple[str, timedelta]:
    """A short age in the app's language (`35m`, `5h`, `3d`; `3j` in French) and the exact
    delta, both from naive-UTC times."""
    delta = _naive(now) - _naive(created)
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 3600:
        short = t("age.minutes", count=seconds // 60)
    elif seconds < 86400:
        short = t("age.hours", count=seconds // 3600)
    else:
        short = t("age.days", count=seconds // 86400)
    return short, delta


def _naive(value: datetime) -> datetime:
    return value if value.tzinfo is None else value.astimezone(UTC).replace(tzinfo=None)
