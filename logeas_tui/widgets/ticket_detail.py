"""The detail pane: the ticket's fields, its messages in order (incoming mail, outgoing mail,
phone call and internal note each drawn differently; a mail from an unknown sender, not accepted
yet, says so above it with the key that accepts it), then its history. Every piece of mail
text goes through `literal`/`block`, never through markup.

A message whose body is folded (a long mail) is a `LongMessage` widget between the Statics
that hold the rest, so "show more" lays out none of its body: only the rows on screen are drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.css.types import EdgeType
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from logeas_tui.core.procedure import STATES
from logeas_tui.core.store.models import MAIL_IN, MAIL_OUT, NOTE, PHONE
from logeas_tui.core.store.views import MessageView, TicketRow, TicketView
from logeas_tui.i18n import t, texts
from logeas_tui.widgets.fold import fold
from logeas_tui.widgets.keys import key_of, translate_bindings
from logeas_tui.widgets.literal import block, literal
from logeas_tui.widgets.long_message import LongMessage

# kind -> (catalog key, border colour, box, the same border in Textual CSS, arrow)
Kind = tuple[str, str, box.Box, EdgeType, str]
KINDS: dict[str, Kind] = {
    MAIL_IN: ("kind.mail_in", "dodger_blue2", box.ROUNDED, "round", "← "),
    MAIL_OUT: ("kind.mail_out", "green", box.ROUNDED, "round", "→ "),
    PHONE: ("kind.phone", "magenta", box.HEAVY, "heavy", ""),
    NOTE: ("kind.note", "yellow", box.ASCII, "ascii", ""),
}
OTHER: Kind = ("kind.other", "white", box.SQUARE, "solid", "")


@dataclass(frozen=True)
class Long:
    """A message with a folded body, as the pane draws it: in a `LongMessage`, not a panel."""

    message: MessageView
    title: Text
    head: list[RenderableType]
    shown: str
    foot: list[RenderableType]


WIDE = 70  # below this width, the fields go one per line


def local(value: datetime | None, zone: ZoneInfo) -> str:
    if value is None:
        return "—"
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value
    return f"{aware.astimezone(zone):%Y-%m-%d %H:%M}"


def size_text(size: int) -> str:
    """A size in bytes, kB or MB as the app's language writes them (1,5 Mo in French)."""
    said = texts()
    if size < 1024:
        return t("size.bytes", size=said.number(size))
    if size < 1024 * 1024:
        return t("size.kb", size=said.number(size / 1024))
    return t("size.mb", size=said.number(size / 1024 / 1024, 1))


class Hint(Widget):
    """One line saying how to open the selected ticket (repainted, never laid out again)."""

    DEFAULT_CSS = "Hint { height: 1; }"

    number: reactive[str | None] = reactive(None)

    def render(self) -> Text:
        if self.number is None:
            return Text(t("detail.hint_none"))
        return Text(t("detail.hint", number=self.number))


class TicketDetail(VerticalScroll, can_focus=True):
    """Shows one TicketView; the screen hands it in (attributes down)."""

    DEFAULT_CSS = """
    TicketDetail { height: 1fr; padding: 0 1; }
    TicketDetail > Static { width: 1fr; }
    TicketDetail > #hint { color: $text-muted; text-style: italic; }
    """

    BINDINGS = [
        Binding("j", "scroll_down", "nav.scroll_down", show=False, id="detail_down"),
        Binding("k", "scroll_up", "nav.scroll_up", show=False, id="detail_up"),
        Binding("g", "scroll_home", "nav.first", show=False, id="detail_first"),
        Binding("G", "scroll_end", "nav.last", show=False, id="detail_last"),
    ]

    def __init__(self, zone: ZoneInfo, *, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self.zone = zone
        self.view: TicketView | None = None
        self._wide = True
        self._unfold = 0  # how many times "show more" was pressed on this ticket
        self._folded = False  # a body of the shown ticket is cut
        self._frames: list[tuple[LongMessage, Static]] = []  # each long message, what follows

    @property
    def number(self) -> str | None:
        return self.view.row.number if self.view else None

    def compose(self) -> ComposeResult:
        yield Hint(id="hint")
        yield Static("", id="body")

    def show_hint(self, row: TicketRow | None) -> None:
        """Nothing opened: say how to open the selected ticket."""
        hint = self.query_one("#hint", Hint)
        hint.number = row.number if row else None
        if self.view is not None:
            self.view = None
            hint.display = True
            self.query_one("#body", Static).update("")
            self._drop_frames()
            self.scroll_home(animate=False)

    def on_resize(self) -> None:
        """Lay the fields out again when the pane crosses the wide/narrow width."""
        wide = self.content_region.width >= WIDE
        if self.view is not None and wide != self._wide:
            self._draw(self.view)

    def show(self, view: TicketView) -> None:
        same = self.view is not None and self.view.row.number == view.row.number
        self.view = view
        if not same:
            self._unfold = 0
        self.query_one("#hint", Hint).display = False
        self._draw(view)
        if not same:
            self.scroll_home(animate=False)

    def unfold(self) -> bool:
        """Show more of the folded bodies (`GROWTH` times more); False when none is folded."""
        if self.view is None or not self._folded:
            return False
        self._unfold += 1
        _, longs = self._render_view(self.view)  # only the long bodies change: nothing else
        for (frame, _), long in zip(self._frames, longs, strict=True):
            frame.more(long.shown, _style(long.message), long.foot)
        return True

    # -- drawing -------------------------------------------------------------------------

    def _drop_frames(self) -> None:
        """Remove the long messages' widgets (another ticket, or none, is shown)."""
        for frame, rest in self._frames:
            frame.remove()
            rest.remove()
        self._frames = []

    def _draw(self, view: TicketView) -> None:
        """#body holds all up to the first long message; each long one is followed by a
        Static for what comes after it. The widgets are reused when their number is the same
        (show more, a reload), so the scroll position stays."""
        runs, longs = self._render_view(view)
        self.query_one("#body", Static).update(Group(*runs[0]))
        if len(self._frames) != len(longs):
            self._drop_frames()
            self._frames = [(LongMessage(), Static("")) for _ in longs]
            if self._frames:
                self.mount_all(widget for pair in self._frames for widget in pair)
        for (frame, rest), long, run in zip(self._frames, longs, runs[1:], strict=True):
            _, colour, _, border, _ = KINDS.get(long.message.kind, OTHER)
            frame.fill(
                long.title, colour, border, long.head, long.shown, _style(long.message), long.foot
            )
            rest.update(Group(*run))

    def _render_view(self, view: TicketView) -> tuple[list[list[RenderableType]], list[Long]]:
        """The renderables of the pane, cut at each long message: (runs, long messages),
        one run more than long messages."""
        self._wide = self.content_region.width >= WIDE
        self._folded = False
        runs: list[list[RenderableType]] = [[self._fields(view)]]
        longs: list[Long] = []
        parts = runs[0]
        parts.append(Text(t("detail.messages", count=len(view.messages)), style="bold underline"))
        accept_key = self._key_of("accept")
        for m in view.messages:
            if m.unknown_sender:
                parts.append(
                    Text(t("detail.unknown_sender", shortcut=accept_key), style="bold red")
                )
            drawn = self._message(m)
            if isinstance(drawn, Long):
                longs.append(drawn)
                parts = []
                runs.append(parts)
            else:
                parts.append(drawn)
        parts.append(Text(""))
        parts.append(Text(t("detail.history"), style="bold underline"))
        parts.append(self._history(view))
        return runs, longs

    def _key_of(self, binding_id: str) -> str:
        """The key that runs `binding_id` on this screen, as shown (a keymap may rebind it)."""
        return key_of(self.screen, binding_id) or "?"

    def _fields(self, view: TicketView) -> RenderableType:
        row = view.row
        title = Text()
        title.append(row.number, style="bold")
        title.append("  ")
        title.append_text(
            literal(row.subject, "bold") if row.subject else Text(t("list.no_subject"), style="dim")
        )
        wide = self.content_region.width >= WIDE
        grid = Table.grid(padding=(0, 2))
        for _ in range(2 if wide else 1):
            grid.add_column(style="dim", no_wrap=True)
            grid.add_column(overflow="fold")
        customer = literal(row.customer)
        if row.customer_name:
            customer = Text.assemble(literal(row.customer_name), " <", customer, ">")
        state = Text(t(f"state.{row.state}"), style="bold")
        if row.pending_until:
            state.append(
                "  " + t("detail.until", date=local(row.pending_until, self.zone)),
                style="yellow" if row.reminder_due else "",
            )
        owner = literal(row.owner) if row.owner else Text(t("detail.no_owner"), style="dim")
        pairs: list[tuple[str, RenderableType]] = [
            (t("field.state"), state),
            (t("field.queue"), literal(row.queue)),
            (t("field.customer"), customer),
            (t("field.owner"), owner),
            (t("field.created"), local(row.created, self.zone)),
            (t("field.updated"), local(row.updated, self.zone)),
        ]
        step = 2 if wide else 1
        for i in range(0, len(pairs), step):
            cells: list[RenderableType] = []
            for label, value in pairs[i : i + step]:
                cells += [label, value]
            grid.add_row(*cells)
        extra: list[Text] = []
        if row.merged_into:
            extra.append(Text(t("detail.merged_into", number=row.merged_into), style="bold"))
        if view.merged_here:
            extra.append(Text(t("detail.merged_here", numbers=", ".join(view.merged_here))))
        if view.duplicate_of:
            extra.append(
                Text(t("detail.possible_duplicate", number=view.duplicate_of), style="bold yellow")
            )
        for kind in view.drafts:
            said = t(f"detail.draft.{kind}", shortcut=self._key_of(kind))
            extra.append(Text(said, style="bold cyan"))
        return Group(title, grid, *extra, Text(""))

    def _message(self, message: MessageView) -> RenderableType | Long:
        """A panel; a `Long` for a message whose body is folded at first."""
        key, colour, frame, _, arrow = KINDS.get(message.kind, OTHER)
        title = Text(end="")
        title.append(arrow + t(key), style=f"bold {colour}")
        title.append(" · " + local(message.date, self.zone))
        if message.kind in (MAIL_IN, MAIL_OUT):
            who = message.from_addr if message.kind == MAIL_IN else message.to_addr
            title.append(" · ")
            title.append_text(
                literal(t("detail.from") if message.kind == MAIL_IN else t("detail.to"))
            )
            title.append(" ")
            title.append_text(literal(who))
        elif message.author:
            title.append(" · ")
            title.append_text(literal(message.author))
        body: list[RenderableType] = []
        if message.subject and message.kind in (MAIL_IN, MAIL_OUT):
            body.append(Text.assemble((t("detail.subject") + " ", "dim"), literal(message.subject)))
        if message.cc:
            body.append(Text.assemble(("Cc: ", "dim"), literal(message.cc)))
        if message.merged_from:
            body.append(Text(t("detail.merged_from", number=message.merged_from), style="dim"))
        if message.parse_problem:
            body.append(
                Text.assemble(
                    (t("detail.parse_problem") + " ", "bold red"), literal(message.parse_problem)
                )
            )
        if body:
            body.append(Text(""))
        shown, left = fold(message.body, self._unfold)
        foot: list[RenderableType] = []
        if left:
            self._folded = True
            foot.append(
                Text(
                    t("detail.folded", size=size_text(left), shortcut=self._key_of("unfold")),
                    style="bold yellow",
                )
            )
        for a in message.attachments:
            line = Text(t("detail.attachment") + " ", style="dim")
            line.append_text(literal(a.filename or "?", "bold"))
            line.append(f"  ({size_text(a.size)}, ")
            line.append_text(literal(a.content_type))
            line.append(")")
            foot.append(line)
        if fold(message.body)[1]:
            return Long(message, title, body, shown, foot)
        body.append(block(shown.rstrip(), _style(message)))
        return Panel(
            Group(*body, *foot),
            title=title,
            title_align="left",
            border_style=colour,
            box=frame,
            padding=(0, 1),
        )

    def _history(self, view: TicketView) -> RenderableType:
        """Who did what when; a state is named in the app's language, other values as kept."""
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for h in view.history:
            change = Text(end="")
            if h.old or h.new:
                change.append_text(literal(_value(h.old)))
                change.append(" → ")
                change.append_text(literal(_value(h.new)))
                if h.detail:
                    change.append("  ")
            change.append_text(literal(h.detail, "dim"))
            label = t(f"history.{h.action}")
            action = Text(label) if not label.startswith("history.") else literal(h.action)
            grid.add_row(local(h.at, self.zone), literal(h.who), action, change)
        return grid


def _style(message: MessageView) -> str:
    """The style of a body: a note's is italic."""
    return "italic" if message.kind == NOTE else ""


def _value(value: str) -> str:
    """An old or new value of the history: a state in the app's language, else as stored."""
    if value in STATES:
        return t(f"state.short.{value}")
    return value or "—"
