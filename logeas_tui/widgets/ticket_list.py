"""The ticket list, oldest first, drawn with Textual's Line API.

Only the lines on screen are rendered, and only their page of rows is read from the store,
kept in a small page cache. A page is read by keyset from the page next to it (after its last
row, or before its first), the first page from the start and the last one backwards from the
end, so scrolling, paging, `g` and `G` cost the same at 100 tickets and at 100,000. Pages and
the count are read by worker threads: the UI never waits for the store, it draws "…" for a row
whose page is on its way. A search is run once, by the count's worker, and its hits feed the
count and every page (`queries.searched`). What a row looks like is `ticket_row`'s business.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from functools import partial
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.queries import TicketFilter
from logeas_tui.core.store.views import TicketRow
from logeas_tui.i18n import t
from logeas_tui.messages import TicketOpened, TicketSelected
from logeas_tui.widgets.background import in_thread
from logeas_tui.widgets.first_reads import PAGE, FirstReads
from logeas_tui.widgets.keys import translate_bindings
from logeas_tui.widgets.ticket_row import RowPainter

PAGES_KEPT = 12


class TicketList(ScrollView, can_focus=True):
    """Line 0 is the column header; line n shows row n-1 of the current filter."""

    COMPONENT_CLASSES = {
        "ticket-list--header",
        "ticket-list--cursor",
        "ticket-list--cursor-blurred",
        "ticket-list--aged",
        "ticket-list--old",
        "ticket-list--unseen",
        "ticket-list--unknown",
        "ticket-list--due",
        "ticket-list--closed",
        "ticket-list--empty",
    }

    DEFAULT_CSS = """
    TicketList {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        & > .ticket-list--header { text-style: bold underline; color: $text-accent; }
        & > .ticket-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
        & > .ticket-list--cursor-blurred { background: $block-cursor-blurred-background; }
        & > .ticket-list--aged { color: $text-warning; }
        & > .ticket-list--old { color: $text-error; text-style: bold; }
        & > .ticket-list--unseen { text-style: bold; }
        & > .ticket-list--unknown { color: $text-error; text-style: bold; }
        & > .ticket-list--due { color: $text-warning; text-style: bold; }
        & > .ticket-list--closed { color: $text-muted; }
        & > .ticket-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "nav.down", show=False, id="cursor_down"),
        Binding("k,up", "cursor_up", "nav.up", show=False, id="cursor_up"),
        Binding("g,home", "first", "nav.first", show=False, id="first"),
        Binding("G,end", "last", "nav.last", show=False, id="last"),
        Binding("pagedown", "page_down", "nav.page_down", show=False, id="page_down"),
        Binding("pageup", "page_up", "nav.page_up", show=False, id="page_up"),
        Binding("enter", "open", "nav.open", id="open"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Counted(Message):
        """Private: a worker counted the rows of `generation`'s filter (and found where the
        ticket the cursor follows now sits: `position`, None when not asked or not there)."""

        def __init__(self, generation: int, count: int, position: int | None = None) -> None:
            super().__init__()
            self.generation = generation
            self.count = count
            self.position = position

    class Searched(Message):
        """Private: a worker read the hits of `generation`'s search, which `filt` now holds:
        the count and every page are read from them, one search for the whole list."""

        def __init__(self, generation: int, filt: TicketFilter) -> None:
            super().__init__()
            self.generation = generation
            self.filt = filt

    class PageLoaded(Message):
        """Private: a worker read page `page` of `generation`'s filter (None: skipped)."""

        def __init__(self, generation: int, page: int, rows: list[TicketRow] | None) -> None:
            super().__init__()
            self.generation = generation
            self.page = page
            self.rows = rows

    class FirstRead(Message):
        """Private: the start-up's first reads, awaited by a worker, are done."""

        def __init__(self, generation: int, first: FirstReads) -> None:
            super().__init__()
            self.generation = generation
            self.first = first

    def __init__(self, desk: Desk, *, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self.desk = desk
        self.filter = TicketFilter(review=True)
        self.count: int | None = None  # None while counting
        self.generation = 0
        self._pages: OrderedDict[int, list[TicketRow]] = OrderedDict()
        self._stale: dict[int, list[TicketRow]] = {}  # shown while a reload reads again
        self._wanted: set[int] = set()  # pages being read for this generation
        self._waiting: set[int] = set()  # pages to read from a neighbour's key when it arrives
        # drawn lines: (line index, cursor here, focused, width) -> Strip; cleared with the rows
        self._strips: LRUCache[tuple[int, bool, bool, int], Strip] = LRUCache(256)
        self._styles: dict[str, Style] = {}
        self._last_selected: tuple[str, int] | None = None

    # -- loading: every read runs in a worker thread; the UI draws what it has ----------

    def show(
        self,
        filt: TicketFilter,
        *,
        keep_cursor: bool = False,
        follow: str | None = None,
        first: FirstReads | None = None,
    ) -> None:
        """Show the tickets of `filt` (a new queue, a search); read in the background. With
        `keep_cursor` the old rows stay drawn meanwhile, and the cursor goes to ticket `follow`
        wherever it now sits. A search is run again: the hits read before are dropped.
        `first`: the start-up's reads, made for the first list shown."""
        filt = replace(filt, found=None)
        self.filter = filt
        self.generation += 1
        self._stale = {**self._stale, **self._pages} if keep_cursor else {}
        self._pages.clear()
        self._wanted.clear()
        self._waiting.clear()
        self._strips.clear()
        if not keep_cursor:
            self.count = None
            self._last_selected = None
            self.set_reactive(TicketList.cursor, 0)
            self.scroll_to(y=0, animate=False, immediate=True)
        if first is not None and not keep_cursor and first.take(filt):
            self._wanted.add(0)
            if first.done:
                self._use_first(self.generation, first)
            else:
                self._await_first(self.generation, first)
        else:
            self._count(self.generation, filt, follow)
            self._want(self.cursor // PAGE)
        self.refresh()

    @work(thread=True, group="first-reads")
    def _await_first(self, generation: int, first: FirstReads) -> None:
        first.wait()
        self.post_message(self.FirstRead(generation, first))

    def on_ticket_list_first_read(self, message: FirstRead) -> None:
        """The start-up's reads are done: take what they found."""
        message.stop()
        self._use_first(message.generation, message.first)

    def _use_first(self, generation: int, first: FirstReads) -> None:
        """The first page and count the start-up read, as if this list's workers had (when
        they failed, the workers read them again)."""
        if generation != self.generation:
            return
        if first.rows is None or first.count is None:
            self._wanted.discard(0)
            self._count(generation, self.filter)
            self._want(0)
            return
        self.post_message(self.PageLoaded(generation, 0, first.rows))
        self.post_message(self.Counted(generation, first.count))

    def reload(self) -> None:
        """Read the rows again (a ticket changed, here or in another copy); the old rows stay
        drawn meanwhile. The cursor stays on its ticket, by number: rows that came or went
        above it move it, and that ticket stays in the list (pinned) even if it no longer
        belongs there — closed by someone else, seen and out of the review — until the list
        is read again with the cursor elsewhere."""
        row = self.selected
        number = row.number if row else None
        self.show(replace(self.filter, pin=number), keep_cursor=True, follow=number)

    def mark_seen(self, number: str) -> None:
        """Clear the unseen mark of `number` in the rows shown, without reading them again
        (in My review the row stays under the cursor until the list is reloaded)."""
        for pages in (self._pages, self._stale):
            for rows in pages.values():
                for i, row in enumerate(rows):
                    if row.number == number and row.unseen:
                        rows[i] = replace(row, unseen=False)
        self.redraw()

    def redraw(self) -> None:
        """Draw the lines again (ages move with the clock)."""
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    @work(thread=True, group="ticket-count", exclusive=True)
    def _count(self, generation: int, filt: TicketFilter, follow: str | None = None) -> None:
        def read() -> tuple[TicketFilter, int, int | None]:
            me, now = self.desk.who, self.desk.clock.now()
            found = queries.searched(filt)  # a search: its hits, read once for the whole list
            count = queries.count_tickets(found, me=me, now=now)
            return found, count, queries.position(found, follow, me=me, now=now) if follow else None

        found, count, position = in_thread(read)
        if found is not filt:
            self.post_message(self.Searched(generation, found))
        self.post_message(self.Counted(generation, count, position))

    def on_ticket_list_searched(self, message: Searched) -> None:
        """The search's hits arrived: read the pages on screen from them."""
        message.stop()
        if message.generation != self.generation:
            return
        self.filter = message.filt
        self._want(self.cursor // PAGE)
        self.redraw()

    def _want(self, page: int) -> None:
        """Have page `page` read, unless it is here, on its way, waiting for a neighbour's key,
        or past the end."""
        if page < 0 or page in self._pages or page in self._wanted or page in self._waiting:
            return
        if self.filter.search and self.filter.found is None:
            return  # the search's hits are on their way (`Searched`)
        if self.count is not None and page * PAGE >= self.count:
            return
        where = self._where(page)
        if where is None:
            self._waiting.add(page)
            return
        self._wanted.add(page)
        self.run_worker(
            partial(self._read_page, self.generation, self.filter, page, where),
            thread=True,
            group="ticket-pages",
        )

    def _where(self, page: int) -> dict[str, Any] | None:
        """Where page `page` starts, as `list_tickets` arguments: after the last row of the
        page before it or before the first row of the page after it (read now, else shown
        while a reload reads again), at the start, or back from the end; None to wait for a
        neighbouring page on its way."""
        for pages in (self._pages, self._stale):  # every page but the last holds PAGE rows
            if pages.get(page - 1):
                return {"after": queries.row_key(self.filter, pages[page - 1][-1])}
            if pages.get(page + 1):
                return {"before": queries.row_key(self.filter, pages[page + 1][0])}
        if page == 0:
            return {}
        if self.count is not None and page == (self.count - 1) // PAGE:
            return {"before": queries.END, "limit": self.count - page * PAGE}
        if page - 1 in self._wanted or page + 1 in self._wanted:
            return None
        # A far jump that no page read is near (the scrollbar dragged to the middle): the
        # page is found by OFFSET, which reads every row it skips. Keys never come here.
        return {"offset": page * PAGE}

    def _read_page(
        self, generation: int, filt: TicketFilter, page: int, where: dict[str, Any]
    ) -> None:
        if generation != self.generation or abs(page - self.cursor // PAGE) > 2:
            # the technician moved on while this waited for a thread: skip the read
            self.post_message(self.PageLoaded(generation, page, None))
            return
        where = {"limit": PAGE, **where}
        rows = in_thread(
            lambda: queries.list_tickets(filt, me=self.desk.who, now=self.desk.clock.now(), **where)
        )
        self.post_message(self.PageLoaded(generation, page, rows))

    def on_ticket_list_page_loaded(self, message: PageLoaded) -> None:
        """A page arrived: draw it; the cursor's row may now be known."""
        message.stop()
        if message.generation != self.generation:
            return
        self._wanted.discard(message.page)
        if message.rows is None:  # skipped: ask again if it is on screen after all
            self._wake(message.page)
            self.redraw()
            return
        self._stale.pop(message.page, None)
        self._pages[message.page] = message.rows
        keep = self.cursor // PAGE
        for old in list(self._pages):
            if len(self._pages) <= PAGES_KEPT:
                break
            if old not in (keep, message.page):
                del self._pages[old]
        self._wake(message.page)
        if self.count is None:
            self._size_to(self._known() or 0)
        self.redraw()
        self._announce()

    def _wake(self, page: int) -> None:
        """Read the pages next to `page` that waited for its keys (skipped: for others)."""
        for waiting in (page - 1, page + 1):
            if waiting in self._waiting:
                self._waiting.discard(waiting)
                self._want(waiting)

    def on_ticket_list_counted(self, message: Counted) -> None:
        """The count arrived: size the scroll area and select the cursor's row."""
        if message.generation != self.generation:
            return
        self.count = message.count
        self._stale = {p: rows for p, rows in self._stale.items() if p * PAGE < message.count}
        self._size_to(message.count)
        if message.position is not None:
            self.cursor = message.position
        else:
            self.cursor = min(self.cursor, max(0, message.count - 1))
        self.redraw()

    def _size_to(self, rows: int) -> None:
        self.virtual_size = Size(self.size.width, rows + 1)

    def _known(self) -> int | None:
        """How many rows the list has: the count, or while counting what page 0 shows."""
        if self.count is not None:
            return self.count
        first = self._pages.get(0)
        return len(first) if first is not None else None

    def row_at(self, index: int) -> TicketRow | None:
        """The row at `index` if it was read (else its page is asked for and None returned)."""
        known = self._known()
        if index < 0 or (known is not None and index >= known):
            return None
        page, offset = divmod(index, PAGE)
        rows = self._pages.get(page)
        if rows is None:
            self._want(page)
            rows = self._stale.get(page)
            if rows is None:
                return None
        else:
            self._pages.move_to_end(page)
        return rows[offset] if offset < len(rows) else None

    @property
    def selected(self) -> TicketRow | None:
        return self.row_at(self.cursor)

    # -- cursor --------------------------------------------------------------------------

    @property
    def page_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def validate_cursor(self, value: int) -> int:
        known = self._known()
        if not known:
            return 0
        return max(0, min(value, known - 1))

    def watch_cursor(self, value: int) -> None:
        top = round(self.scroll_y)
        if value < top:
            self.scroll_to(y=value, animate=False, immediate=True)
        elif value >= top + self.page_height:
            self.scroll_to(y=value - self.page_height + 1, animate=False, immediate=True)
        ahead = 3 * self.page_height
        # the cursor's page first: the pages around it are read from its keys
        for page in dict.fromkeys(
            (value // PAGE, (value - ahead) // PAGE, (value + ahead) // PAGE)
        ):
            self._want(page)  # read ahead of the cursor
        self.refresh()
        self._announce()

    def _announce(self) -> None:
        row = self.selected
        if row is None and self._known() != 0:
            return  # its page is on its way: announced when it arrives
        if row is not None and self.cursor // PAGE not in self._pages:
            return  # drawn from before a reload (perhaps another ticket now): wait for its page
        key = (row.number, row.version) if row else None
        if key != self._last_selected:
            self._last_selected = key
            self.post_message(TicketSelected(row))

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = (self._known() or 1) - 1

    def action_page_down(self) -> None:
        self.cursor += self.page_height

    def action_page_up(self) -> None:
        self.cursor -= self.page_height

    def action_open(self) -> None:
        row = self.selected
        if row is not None:
            self.post_message(TicketOpened(row))

    def on_click(self, event: Click) -> None:
        """A click on a row puts the cursor there."""
        offset = event.get_content_offset(self)
        if offset is not None and offset.y >= 1:
            self.cursor = round(self.scroll_y) + offset.y - 1

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self._strips.clear()
        known = self._known()
        if known is not None:
            self._size_to(known)

    # -- drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y - 1 if y else -1
        key = (index, index == self.cursor, self.has_focus, width)
        strip = self._strips.get(key)
        if strip is None:
            text, final = self._line(y, index, width)
            segments = list(text.render(self.app.console))
            strip = Strip(segments).crop_extend(0, width, self.rich_style).simplify()
            if final:
                self._strips[key] = strip
        return strip

    def _line(self, y: int, index: int, width: int) -> tuple[Text, bool]:
        """The text of line `y`, and whether it is final (not waiting for the store)."""
        painter = self._painter()
        if y == 0:
            return painter.header(), True
        known = self._known()
        if known is None:
            return Text(t("list.loading") if y == 1 else "", style=self._style("empty")), False
        if known == 0:
            final = self.count is not None
            return Text(
                t("list.empty") if y == 1 and final else "", style=self._style("empty")
            ), final
        if index >= known:
            return Text(""), self.count is not None
        row = self.row_at(index)
        if row is None:  # its page is on its way
            return painter.placeholder(self._cursor_style(index)), False
        return painter.row(row, self.desk.now(), self._cursor_style(index)), True

    def _cursor_style(self, index: int) -> Style:
        if index != self.cursor:
            return Style()
        return self._style("cursor" if self.has_focus else "cursor-blurred")

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"ticket-list--{name}", partial=True)
            self._styles[name] = style
        return style

    def _painter(self) -> RowPainter:
        return RowPainter(self._style, self.scrollable_content_region.width)
