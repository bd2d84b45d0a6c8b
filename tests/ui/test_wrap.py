"""A line of mail wraps where Rich's `divide_line` wraps it (so a long body's rows are a Static's
rows), whichever way the offsets are found: a row at a time for a line of one-cell characters
and plain spaces, Rich's own for the rest (wide characters, no-break spaces)."""

from __future__ import annotations

import random

import pytest
from rich._wrap import divide_line as rich_divide_line

from logeas_tui.widgets.wrap import divide_line, is_simple

PIECES = ["a", "b", "é", "─", "Ω", " ", " ", "   ", "mot", "xyzxyzxyzxyz", "\xa0", "漢"]


def lines(count: int) -> list[str]:
    rng = random.Random(10)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30))) for _ in range(count)]


@pytest.mark.parametrize("width", [1, 2, 3, 5, 8, 13, 40])
def test_offsets_are_those_rich_gives(width: int) -> None:
    for line in lines(400):
        assert divide_line(line, width) == rich_divide_line(line, width, fold=True), line


def test_edge_lines() -> None:
    for line in ["", "   ", "  ab", "ab  ", "x" * 50, " " + "y" * 20 + "   z", "a  " * 10]:
        for width in (1, 3, 7, 20):
            assert divide_line(line, width) == rich_divide_line(line, width, fold=True), line


def test_which_lines_take_the_fast_way() -> None:
    assert is_simple("Bonjour, l'impression échoue ── Ωμέγα")
    assert not is_simple("漢字")  # two cells each
    assert not is_simple("no\xa0break")  # a space to Rich's word split
    assert not is_simple("tab\there")
