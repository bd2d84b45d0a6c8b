"""The queue pane: "My review" and "Mine" (the tickets I own) on top, then every queue with its
counts (new, open, reminders due); obsolete queues dimmed and marked; the held queues (Spam,
Virus, Mailing) apart."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from logeas_tui.core.procedure import NEW, OPEN
from logeas_tui.core.store.queries import TicketFilter
from logeas_tui.core.store.ui_queries import mine
from logeas_tui.core.store.views import QueueView
from logeas_tui.i18n import t
from logeas_tui.widgets.keys import translate_bindings
from logeas_tui.widgets.literal import fit, literal

REVIEW = "review"
MINE = "mine"
COUNT_WIDTH = 5  # one count column: up to four digits and a space


@dataclass(frozen=True)
class QueueChoice:
    """What the ticket list should show, and how to name it."""

    key: str
    title: str
    filter: TicketFilter


def review_choice() -> QueueChoice:
    return QueueChoice(REVIEW, t("queues.review"), TicketFilter(review=True))


def mine_choice(me: str) -> QueueChoice:
    return QueueChoice(MINE, t("queues.mine"), mine(me))


def queue_choice(name: str) -> QueueChoice:
    return QueueChoice(f"q:{name}", name, TicketFilter(queue=name, hide_closed=True))


class QueueList(OptionList):
    """Posts `QueueList.Chosen` when the highlight moves to another entry."""

    DEFAULT_CSS = """
    /* a stable gutter: the prompts are cut to a width that must not change with the scrollbar */
    QueueList { height: 1fr; padding: 0; scrollbar-gutter: stable; scrollbar-size-vertical: 1; }
    """

    BINDINGS = [
        Binding("j", "cursor_down", "nav.down", show=False, id="queues_down"),
        Binding("k", "cursor_up", "nav.up", show=False, id="queues_up"),
        Binding("g", "first", "nav.first", show=False, id="queues_first"),
        Binding("G", "last", "nav.last", show=False, id="queues_last"),
    ]

    class Chosen(Message):
        """The technician moved to another queue (or to My review)."""

        def __init__(self, choice: QueueChoice) -> None:
            super().__init__()
            self.choice = choice

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, QueueList.Chosen)

    def __init__(self, me: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self.me = me
        self.queues: tuple[QueueView, ...] = ()
        self.review_count: int | None = None
        self.mine_count: int | None = None
        self.current_key = REVIEW

    def on_mount(self) -> None:
        self._rebuild()

    def on_resize(self) -> None:
        self._rebuild()

    def show_counts(
        self, queues: tuple[QueueView, ...], review_count: int | None, mine_count: int | None
    ) -> None:
        """New counts from the store (empty counts: not read yet); keeps the highlighted entry."""
        self.queues = queues
        self.review_count = review_count
        self.mine_count = mine_count
        self._rebuild()

    def choice(self, key: str) -> QueueChoice:
        if key == REVIEW:
            return review_choice()
        if key == MINE:
            return mine_choice(self.me)
        return queue_choice(key.removeprefix("q:"))

    def go(self, key: str) -> QueueChoice:
        """Highlight entry `key` (My review if that queue is gone); what it lists — the list is
        the caller's to show."""
        try:
            index = self.get_option_index(key)
        except OptionDoesNotExist:
            key, index = REVIEW, self.get_option_index(REVIEW)
        self.current_key = key
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = index
        return self.choice(key)

    def _rebuild(self) -> None:
        width = max(12, self.scrollable_content_region.width or 28)
        options: list[Option | None] = [
            Option(self.header(width), disabled=True),
            Option(self._review_prompt(width), id=REVIEW),
            Option(self._mine_prompt(width), id=MINE),
            None,
        ]
        held = [q for q in self.queues if q.held]
        options += [
            Option(self._queue_prompt(q, width), id=f"q:{q.name}")
            for q in self.queues
            if not q.held
        ]
        if held:
            label = fit(Text(t("queues.held"), style="bold italic"), width)
            options += [None, Option(label, disabled=True)]
            options += [Option(self._queue_prompt(q, width), id=f"q:{q.name}") for q in held]
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
            try:
                self.highlighted = self.get_option_index(self.current_key)
            except OptionDoesNotExist:  # the queue disappeared: back to my review
                self.current_key = REVIEW
                self.highlighted = self.get_option_index(REVIEW)

    def _review_prompt(self, width: int) -> Text:
        return self._top_prompt("★ " + t("queues.review"), self.review_count, width)

    def _mine_prompt(self, width: int) -> Text:
        return self._top_prompt("◆ " + t("queues.mine"), self.mine_count, width)

    @staticmethod
    def _top_prompt(label: str, count: int | None, width: int) -> Text:
        text = fit(Text(label, style="bold"), width - COUNT_WIDTH)
        text.append(("…" if count is None else str(count)).rjust(COUNT_WIDTH), style="bold")
        return text

    @staticmethod
    def _compact(width: int) -> bool:
        """Too narrow for three counts: show new+open together, and reminders due."""
        return width - 3 * COUNT_WIDTH < 13

    def _queue_prompt(self, queue: QueueView, width: int) -> Text:
        new, open_, due = queue.counts.get(NEW, 0), queue.counts.get(OPEN, 0), queue.pending_due
        counts = [(new + open_, "bold"), (due, "bold yellow")]
        if not self._compact(width):
            counts = [(new, "bold"), (open_, ""), (due, "bold yellow")]
        style = "dim" if not queue.valid else ""
        text = fit(literal(queue.name, style), width - len(counts) * COUNT_WIDTH)
        for n, colour in counts:
            if n:
                text.append(str(n).rjust(COUNT_WIDTH), style=f"{colour} {style}".strip())
            else:
                text.append(("…" if not queue.counts else "·").rjust(COUNT_WIDTH), style="dim")
        if not queue.valid:
            text.append("\n")
            text.append("  " + t("queues.obsolete"), style="dim italic")
        return text

    def header(self, width: int) -> Text:
        """The column titles shown above the list."""
        keys = ["queues.open", "queues.due"]
        if not self._compact(width):
            keys.insert(0, "queues.new")
        text = fit(Text(t("queues.title"), style="bold underline"), width - len(keys) * COUNT_WIDTH)
        for key in keys:
            text.append(t(key).rjust(COUNT_WIDTH), style="bold underline")
        return text

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Tell the screen which list to show."""
        event.stop()
        key = event.option.id or REVIEW
        if key != self.current_key:
            self.current_key = key
            self.post_message(self.Chosen(self.choice(key)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a queue: go to its tickets."""
        event.stop()
        self.screen.focus_next()
