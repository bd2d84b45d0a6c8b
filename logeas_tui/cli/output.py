"""What the verbs print: mail text made safe for a terminal, and JSON.

Mail text is printed with control characters made visible, so a subject cannot move the cursor,
recolour the terminal or reverse the text around it.
"""

from __future__ import annotations

import json
from argparse import Namespace
from pathlib import Path
from typing import Any, TextIO

from logeas_tui.core.config import load
from logeas_tui.texts import Catalog

# Control characters (C0 but tab/newline, DEL, C1), bidirectional overrides and marks,
# zero-width characters and the Unicode line/paragraph separators, shown escaped.
_UNSAFE = [
    *range(0x00, 0x09),
    *range(0x0B, 0x20),
    *range(0x7F, 0xA0),
    *range(0x200B, 0x2010),  # zero-width space, non-joiner, joiner; LRM, RLM
    *range(0x2028, 0x202F),  # line and paragraph separators; bidi embeddings and overrides
    *range(0x2060, 0x2070),  # word joiner, invisible operators, bidi isolates
    0x061C,
    0xFEFF,
]
_MULTILINE = {c: (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in _UNSAFE}
_ONE_LINE = {**_MULTILINE, 0x09: " ", 0x0A: "\\n"}
# In JSON the same characters become JSON escapes (json escapes C0 itself)
_JSON = {c: f"\\u{c:04x}" for c in _UNSAFE if c >= 0x7F}


def safe(text: str | None, *, multiline: bool = False) -> str:
    """Text from mail, safe to print: control characters escaped (newlines kept if asked)."""
    return (text or "").translate(_MULTILINE if multiline else _ONE_LINE)


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON of `data`, readable (accents kept) but with every character `safe` escapes
    written as a JSON escape: a terminal showing it is not retitled or reversed either."""
    return json.dumps(data, ensure_ascii=False, indent=indent).translate(_JSON)


def write_json(data: Any, out: TextIO) -> None:
    out.write(json_text(data) + "\n")


def config_texts(args: Namespace) -> Catalog:
    """The language of the config, read without creating one (for the tools that open no
    desk: backup, restore, migrate-store)."""
    path = getattr(args, "config", None)
    return Catalog(load(Path(path).expanduser() if path else None, create=False).language)
