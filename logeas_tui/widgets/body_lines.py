"""A long mail body drawn a row at a time (Textual's Line API): its layout is one pass over the
lines shown (words are divided only in the lines wider than the pane), and a frame draws only
the rows on screen, so showing eight times more of a 50 MB mail renders, styles and cleans
nothing that is off screen. A line wider than
the pane wraps at words, as Rich wraps a `Text` (the offsets of its `divide_line`, found a row
at a time when each character is a cell: `wrap.py`). Mail text is data: each
row is cleaned (`clean_block`) and drawn as a `Text`, never parsed as markup."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Size
from textual.selection import Selection
from textual.strip import Strip
from textual.widget import Widget

from logeas_tui.widgets.literal import clean_block, is_plain
from logeas_tui.widgets.wrap import divide_line  # Text.wrap's offsets: the rows match a Static's


class BodyLines(Widget):
    """The lines of one body: the text is set whole (`update`), its rows made when drawn."""

    DEFAULT_CSS = "BodyLines { height: auto; width: 1fr; }"

    def __init__(self, text: str, style: str = "") -> None:
        super().__init__()
        self._style = Style()
        self._lines: list[str] = []
        self._plain = True
        self._layout: tuple[int, list[int] | None] = (-1, None)  # (width, first row of each line)
        self._cut: LRUCache[tuple[int, int], tuple[Text, list[int]]] = LRUCache(256)
        self.update(text, style)

    def update(self, text: str, style: str = "") -> None:
        """Show `text` (the part of the body not folded away) in `style` (italic: a note)."""
        self._style = Style.parse(style) if style else Style()
        text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip()
        self._lines = text.split("\n")
        self._plain = is_plain(text)  # then nothing to clean, a cell per character
        self._layout = (-1, None)
        self._cut.clear()
        self.refresh(layout=True)

    # -- layout --------------------------------------------------------------------------

    def _rows_of(self, line: str, width: int) -> int:
        if (self._plain or len(line) * 4 <= width) and len(line) <= width:
            return 1  # a tab becomes 4 cells at most, all else 2 at most
        return len(self._wrapped(line, width)[1]) + 1

    def _starts(self, width: int) -> list[int] | None:
        """The first row of each line at `width` (None: one row per line)."""
        if self._layout[0] != width:
            starts: list[int] | None = None
            if not (self._plain and max(map(len, self._lines)) <= width):
                rows = (self._rows_of(line, width) for line in self._lines)
                starts = list(accumulate(rows, initial=0))
            self._layout = (width, starts)
        return self._layout[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        starts = self._starts(max(1, width))
        return len(self._lines) if starts is None else starts[-1]

    # -- drawing -------------------------------------------------------------------------

    def _wrapped(self, line: str, width: int) -> tuple[str, list[int]]:
        """`line` cleaned, and the offsets where it wraps at `width`."""
        clean = line if self._plain else clean_block(line)
        return clean, divide_line(clean, width)

    def _row(self, index: int, width: int) -> tuple[Text, list[int]]:
        """Line `index` as a Text and the offsets of its rows (cached per width)."""
        key = (index, width)
        cut = self._cut.get(key)
        if cut is None:
            clean, offsets = self._wrapped(self._lines[index], width)
            cut = (Text(clean, end=""), offsets)
            self._cut[key] = cut
        return cut

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        starts = self._starts(width)
        index = y if starts is None else bisect_right(starts, y) - 1
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, base)
        row = 0 if starts is None else y - starts[index]
        text, offsets = self._row(index, width)
        bounds = [0, *offsets, len(text)]
        if row + 1 >= len(bounds):  # laid out at another width, not drawn at it yet
            return Strip.blank(width, base)
        start, end = bounds[row], bounds[row + 1]
        piece = text[start:end]
        piece.rstrip_end(width)
        piece.stylize(base + self._style)
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(index)) is not None:
            low, high = span
            high = len(text) if high == -1 else high
            low, high = max(low, start) - start, min(high, end) - start
            if low < high:
                piece.stylize(self.screen.get_component_rich_style("screen--selection"), low, high)
        strip = Strip(piece.render(self.app.console), piece.cell_len)
        return strip.crop_extend(0, width, base).apply_offsets(start, index)

    # -- selection -----------------------------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text, in the lines' own coordinates (as `apply_offsets` marks them)."""
        return selection.extract("\n".join(clean_block(line) for line in self._lines)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()
