"""What the verbs print: mail text made safe for a terminal, and JSON.

Mail text is printed with control characters made visible, so a subject cannot move the cursor,
recolour the terminal or reverse the text around it.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

# Control characters (C0 but tab/newline, DEL, C1) and bidirectional overrides, shown escaped.
_UNSAFE = [
    *range(0x00, 0x09),
    *range(0x0B, 0x20),
    *range(0x7F, 0xA0),
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x200E,
    0x200F,
    0x061C,
]
_MULTILINE = {c: (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in _UNSAFE}
_ONE_LINE = {**_MULTILINE, 0x09: " ", 0x0A: "\\n"}


def safe(text: str | None, *, multiline: bool = False) -> str:
    """Text from mail, safe to print: control characters escaped (newlines kept if asked)."""
    return (text or "").translate(_MULTILINE if multiline else _ONE_LINE)


def write_json(data: Any, out: TextIO) -> None:
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
