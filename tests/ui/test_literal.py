"""Untrusted text on screen takes exactly the cells it seems to: nothing invisible, nothing
that moves the cursor or reorders the line."""

from __future__ import annotations

from rich.cells import cell_len

from logeas_tui.widgets.literal import clean_block, clean_line

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u2028\u2029\u202e\u2066\u0085\u009b\x1b"


def test_every_invisible_character_becomes_one_visible_cell() -> None:
    line = clean_line(f"a{INVISIBLE}b")
    assert not any(c in line for c in INVISIBLE)
    assert cell_len(line) == len(line) == len(INVISIBLE) + 2  # the borders stay put
    block = clean_block(f"a{INVISIBLE}\nb")
    assert not any(c in block for c in INVISIBLE) and block.endswith("\nb")
