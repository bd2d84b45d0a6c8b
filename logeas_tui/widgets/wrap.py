"""Where a cleaned line of mail wraps at a width: the offsets Rich's `divide_line` gives (so the
rows match a Static's), found a row at a time instead of a word at a time when every character
of the line is one cell wide and its only spaces are ' ' — most mail, accented or not. Rich
measures each word with `cell_len`; here a row is one `rfind` or regex search."""

from __future__ import annotations

import re

from rich._wrap import divide_line as rich_divide_line
from rich.cells import cell_len

# Rich's own single-cell ranges (rich.cells._SINGLE_CELL_UNICODE_RANGES), minus the no-break
# space (a space to `\s`, so the one-space search below would miss it) and the controls a
# cleaned line no longer has: a line with nothing else is measured a character per cell.
_NOT_SIMPLE = re.compile("[^ \x21-\x7e\xa1-\xac\xae-\u02ff\u0370-\u0482\u2500-\u25fc\u2800-\u28ff]")
_NOT_SPACE = re.compile("[^ ]")


def is_simple(line: str) -> bool:
    """True when each character of `line` is one cell and its only whitespace is ' '."""
    return line.isascii() and line.isprintable() or _NOT_SIMPLE.search(line) is None


def divide_line(line: str, width: int) -> list[int]:
    """The offsets at which `line` (cleaned: no tab, no control) wraps at `width` cells, words
    kept whole and a word wider than `width` cut, exactly as `rich._wrap.divide_line(fold=True)`."""
    if is_simple(line):
        return _divide_simple(line, width)
    if cell_len(line) <= width:
        return []
    return rich_divide_line(line, width, fold=True)


def _divide_simple(line: str, width: int) -> list[int]:
    """Rich's greedy division, a row per step. A word is a run of non-spaces and the spaces
    after it (the first word also those before it); it stays on the row while its non-spaces
    end within `width` cells of the row's start, so the first word that does not fit is the
    one whose run covers the cell just past the row, or the next run after it."""
    breaks: list[int] = []
    size = len(line)
    row = 0  # where the current row starts
    while row + width < size:
        limit = row + width
        if line[limit] == " ":
            found = _NOT_SPACE.search(line, limit)
            if found is None:
                break  # only spaces left: they hang past the edge, as in Rich
            start = found.start()
        else:
            start = max(row, line.rfind(" ", row, limit) + 1)
        end = line.find(" ", start)  # where the word's non-spaces end
        end = size if end == -1 else end
        if row == 0 and _NOT_SPACE.search(line, 0, start) is None:
            start = 0  # the first word holds the spaces that lead the line
        if end - start > width:  # wider than a row: cut every `width` cells, spaces after too
            after = _NOT_SPACE.search(line, end)
            cuts = range(start, size if after is None else after.start(), width)
            breaks.extend(cut for cut in cuts if cut)
            row = cuts[-1]
        else:
            breaks.append(start)
            row = start
    return breaks
