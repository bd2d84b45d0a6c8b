"""The main screen, mediator of its panes: the panes post messages up, the screen hands data
down as attributes. It also carries the action table on keys: each key asks the core which
states allow it (greyed out otherwise) and runs the dialogs of `flows` in a worker."""

from __future__ import annotations

from dataclasses import replace

from textual import events, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from logeas_tui import actions
from logeas_tui.core import procedure
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services import drafts, duplicates
from logeas_tui.core.services import tickets as ticket_services
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.queries import TicketFilter
from logeas_tui.core.store.search import limit as search_limit
from logeas_tui.core.store.ui_queries import DeskSummary, desk_summary, queue_names
from logeas_tui.core.store.views import QueueView, TicketRow, TicketView
from logeas_tui.i18n import say, t, texts
from logeas_tui.messages import (
    MailProgress,
    MailSynced,
    StoreChanged,
    SyncFailed,
    TicketChanged,
    TicketOpened,
    TicketSelected,
)
from logeas_tui.widgets.background import in_thread
from logeas_tui.widgets.first_reads import FirstReads
from logeas_tui.widgets.hours_banner import HoursBanner
from logeas_tui.widgets.key_bar import KeyBar
from logeas_tui.widgets.keys import translate_bindings
from logeas_tui.widgets.queue_list import MINE, REVIEW, QueueChoice, QueueList, review_choice
from logeas_tui.widgets.sync_status import SyncStatus
from logeas_tui.widgets.ticket_detail import TicketDetail
from logeas_tui.widgets.ticket_list import TicketList

SUMMARY_SECONDS = 60.0
SEARCH_PAUSE = 0.15  # seconds without a key before the filter typed is applied


def _allowed(row: TicketRow | None) -> dict[str, Sentence | None] | None:
    """What the procedure allows on `row`'s ticket (the keys to grey out follow it)."""
    return procedure.allowed(row.state, marks=row.marks) if row else None


class MainScreen(Screen[None]):
    """Banner, queues, ticket list, ticket detail, key bar."""

    CSS_PATH = "main.tcss"
    AUTO_FOCUS = "#tickets"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    BINDINGS = actions.bindings(actions.MAIN)

    class SummaryLoaded(Message):
        """Private: counts for the queue pane and the banner arrived."""

        def __init__(self, summary: DeskSummary) -> None:
            super().__init__()
            self.summary = summary

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, MainScreen.SummaryLoaded)

    class ReviewCounted(Message):
        """Private: the size of my review, read again."""

        def __init__(self, count: int) -> None:
            super().__init__()
            self.count = count

    class QueuesNamed(Message):
        """Private: the queues, without counts yet."""

        def __init__(self, queues: tuple[QueueView, ...]) -> None:
            super().__init__()
            self.queues = queues

    class TicketLoaded(Message):
        """Private: an opened ticket was read (and marked seen); `again`: read again for a
        change, to be shown only if the detail still shows it."""

        def __init__(self, view: TicketView | None, number: str, again: bool = False) -> None:
            super().__init__()
            self.view = view
            self.number = number
            self.again = again

    def __init__(self, desk: Desk, first_reads: FirstReads | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.desk = desk
        self._first_reads = first_reads
        self.selected: TicketRow | None = None
        self.choice: QueueChoice = review_choice()
        self._before_mine = REVIEW  # where M goes back to
        self.search: str | None = None
        self._search_timer: Timer | None = None
        self.show_closed = False
        self._summary_started = False
        # The width class Textual sets at the first resize, set now: the screen's widgets are
        # then styled once at the start, not again for it.
        width = self.app.size.width
        for at, name in sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True):
            if width >= at:
                self.add_class(name)
                break

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield HoursBanner(self.desk, id="banner")
            yield SyncStatus(self.desk.config.hours.zone, id="sync")
        with Horizontal(id="panes"):
            yield QueueList(self.desk.who, id="queues")
            with Vertical(id="right"):
                yield Input(placeholder=t("filter.placeholder"), id="filter")
                yield TicketList(self.desk, id="tickets")
                yield TicketDetail(self.desk.config.hours.zone, id="detail")
        yield KeyBar(actions.TICKET_ACTIONS)

    def on_mount(self) -> None:
        self.query_one("#queues", QueueList).border_title = t("pane.queues")
        self.query_one("#detail", TicketDetail).border_title = t("pane.detail")
        first = self._first_reads
        self._show_list(first=first)
        if first is not None and first.done and first.queues is not None:
            self.post_message(self.QueuesNamed(first.queues))
        else:
            self.load_queue_names()  # the full counts wait for the list's first count (see below)
        self.set_interval(SUMMARY_SECONDS, self._tick)

    def _tick(self) -> None:
        """Once a minute: counts and reminders due again, ages redrawn."""
        self.load_summary()
        self.ticket_list.redraw()

    # -- panes: messages up, attributes down ---------------------------------------------

    @property
    def ticket_list(self) -> TicketList:
        return self.query_one("#tickets", TicketList)

    @property
    def detail(self) -> TicketDetail:
        return self.query_one("#detail", TicketDetail)

    def current_filter(self) -> TicketFilter:
        base = self.choice.filter
        if self.search:  # in a queue or Mine: those, closed included; from My review: all
            return TicketFilter(queue=base.queue, owner=base.owner, search=self.search)
        if self.show_closed:
            return replace(base, hide_closed=False)
        return base

    def _show_list(self, *, keep_cursor: bool = False, first: FirstReads | None = None) -> None:
        filt = self.current_filter()
        if keep_cursor:
            self.ticket_list.reload()
        else:
            self.ticket_list.show(filt, first=first)
        self._title_list()

    def _title_list(self) -> None:
        title = Content(self.choice.title)
        if self.search and self.choice.filter.review:
            title = Content(t("list.everywhere"))
        if self.search:
            title += Content.styled(" · " + t("list.search", text=self.search.strip()), "italic")
        elif self.show_closed and not self.choice.filter.review:
            title += Content(" · " + t("list.with_closed"))
        count = self.ticket_list.count
        if count is not None and self.search and count > search_limit():
            title += Content(" · " + t("list.more_than", count=search_limit()))
        elif count is not None:
            title += Content(" · " + texts().plural("count.ticket", count))
        self.ticket_list.border_title = title

    def on_queue_list_chosen(self, message: QueueList.Chosen) -> None:
        """Another queue: show its tickets."""
        self.choice = message.choice
        self._show_list()

    def on_ticket_list_counted(self) -> None:
        """The list knows its size: show it in the title (the first time, count the rest)."""
        self.call_after_refresh(self._title_list)
        if not self._summary_started:
            self._summary_started = True
            self.load_summary(self._first_reads)

    def on_ticket_selected(self, message: TicketSelected) -> None:
        """The cursor moved: the keys follow the new ticket's state."""
        before = _allowed(self.selected)
        self.selected = message.row
        if before != _allowed(message.row):
            self.refresh_bindings()
        if message.row is None or message.row.number != self.detail.number:
            if self.detail.view is not None:
                self.detail.border_title = t("pane.detail")
            self.detail.show_hint(message.row)

    def on_descendant_focus(self) -> None:
        """Reading a ticket at 80 columns: the queue pane steps aside (see main.tcss)."""
        self.set_class(self.detail.has_focus_within, "-reading")

    def on_ticket_opened(self, message: TicketOpened) -> None:
        """Enter on a ticket: read it, mark it seen, show it."""
        self.open_ticket(message.row.number)
        self.detail.focus()

    @work(thread=True, group="open", exclusive=True)
    def open_ticket(self, number: str, again: bool = False) -> None:
        def read() -> TicketView | None:
            ticket_services.mark_seen(self.desk, number)
            view = queries.ticket_view(number, me=self.desk.who, now=self.desk.clock.now())
            return drafts.marked(self.desk, duplicates.marked(self.desk, view))

        self.post_message(self.TicketLoaded(in_thread(read), number, again))

    def on_main_screen_ticket_loaded(self, message: TicketLoaded) -> None:
        """Show the opened ticket; its unseen mark is gone from the list and the counts."""
        if message.again and message.number != self.detail.number:
            return  # read again for a change, but the technician has moved on meanwhile
        if message.view is None:
            self.notify(t("detail.gone", number=message.number), severity="warning", markup=False)
            return
        self.detail.show(message.view)
        self.detail.border_title = Content(t("pane.detail_of", number=message.number))
        self.ticket_list.mark_seen(message.number)
        self.load_review_count()

    def on_ticket_changed(self, message: TicketChanged) -> None:
        """A ticket changed (an action here, new mail): read again what is on screen."""
        self._read_again()

    def on_store_changed(self, message: StoreChanged) -> None:
        """Someone else changed tickets: read again what is on screen."""
        self._read_again()

    def _read_again(self) -> None:
        """Only what is on screen: the list's rows (the cursor stays on its ticket), the
        counts and the opened ticket. Focus, dialogs and what is typed in them are left alone."""
        self._show_list(keep_cursor=True)
        self.load_summary()
        if self.detail.number:
            self.open_ticket(self.detail.number, again=True)

    @work(thread=True, group="queue-names")
    def load_queue_names(self) -> None:
        self.post_message(self.QueuesNamed(in_thread(queue_names)))

    @work(thread=True, group="summary", exclusive=True)
    def load_summary(self, first: FirstReads | None = None) -> None:
        """The counts of the queue pane and the banner (`first`: those the start-up read)."""
        summary = first.summary() if first is not None else None
        if summary is None:
            summary = in_thread(lambda: desk_summary(me=self.desk.who, now=self.desk.clock.now()))
        self.post_message(self.SummaryLoaded(summary))

    @work(thread=True, group="summary", exclusive=True)
    def load_review_count(self) -> None:
        count = in_thread(
            lambda: queries.count_tickets(
                TicketFilter(review=True), me=self.desk.who, now=self.desk.clock.now()
            )
        )
        self.post_message(self.ReviewCounted(count))

    def on_main_screen_queues_named(self, message: QueuesNamed) -> None:
        """The queues, before their counts: the pane can be used at once."""
        queues = self.query_one("#queues", QueueList)
        if not queues.queues:
            queues.show_counts(message.queues, None, None)

    def on_main_screen_review_counted(self, message: ReviewCounted) -> None:
        """My review changed size (a ticket was read)."""
        queues = self.query_one("#queues", QueueList)
        queues.show_counts(queues.queues, message.count, queues.mine_count)

    def on_main_screen_summary_loaded(self, message: SummaryLoaded) -> None:
        """New counts for the queue pane and the banner."""
        summary = message.summary
        self.query_one("#queues", QueueList).show_counts(
            summary.queues, summary.review, summary.mine
        )
        banner = self.query_one("#banner", HoursBanner)
        banner.reminders = summary.reminders_due
        banner.waiting = summary.waiting
        self.query_one("#sync", SyncStatus).waiting = summary.outbox_waiting

    # -- mail status (the app's worker reports, the app hands it here) --------------------

    def show_mail_not_configured(self) -> None:
        self.query_one("#sync", SyncStatus).configured = False

    def on_mail_synced(self, message: MailSynced) -> None:
        """A mail round finished: show it; new mail reloads the list."""
        report = message.report
        status = self.query_one("#sync", SyncStatus)
        status.configured = True
        status.last_sync = report.at
        status.error = report.error
        status.held_by = report.held_by
        status.fetching = None
        status.waiting = report.outbox_waiting
        if report.new_tickets or report.followups:
            counts = texts().counted(
                ("count.new_ticket", report.new_tickets), ("count.followup", report.followups)
            )
            self.notify(t("sync.arrived", counts=counts), timeout=4)
            self.post_message(TicketChanged(None))

    def on_sync_failed(self, message: SyncFailed) -> None:
        """The mail round failed as a whole."""
        status = self.query_one("#sync", SyncStatus)
        status.error = message.error
        status.fetching = None

    def on_mail_progress(self, message: MailProgress) -> None:
        """A long sync goes on: the banner counts the mails stored."""
        self.query_one("#sync", SyncStatus).fetching = (message.done, message.total)

    # -- keys ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "act" and parameters:
            row = self.selected
            if row is None or actions.refusal_for(str(parameters[0]), row):
                return None  # shown greyed out; pressing it explains why (see on_key)
        return True

    def on_key(self, event: events.Key) -> None:
        """A greyed-out action key is not run by Textual: say why it is refused."""
        active = self.active_bindings.get(event.key)
        if active is None or active.enabled or active.binding.id not in actions.TICKET_ACTIONS:
            return
        event.stop()
        event.prevent_default()
        self.explain_refusal(active.binding.id)

    def explain_refusal(self, action: str) -> None:
        row = self.selected
        if row is None:
            self.notify(t("act.no_ticket"), severity="warning")
            return
        reason = actions.refusal_for(action, row) or ""
        self.notify(
            say(reason),
            title=t("act.refused", action=t(f"act.{action}")),
            severity="warning",
            markup=False,
        )

    def action_act(self, action: str) -> None:
        """Run the dialogs of `action` on the selected ticket."""
        row = self.selected
        if row is None or actions.refusal_for(action, row):
            self.explain_refusal(action)
            return
        self.start_action(action, row)

    @work(exclusive=True, group="action")
    async def start_action(self, action: str, row: TicketRow) -> None:
        number = await actions.run(self, self.desk, action, row)
        if number:
            self.post_message(TicketChanged(number))
        elif self.detail.number == row.number:  # left: its draft may be kept or gone now
            self.open_ticket(row.number, again=True)

    def action_search(self) -> None:
        """Show the full-text filter."""
        field = self.query_one("#filter", Input)
        field.display = True
        field.value = self.search or ""
        field.focus()

    def on_input_changed(self, message: Input.Changed) -> None:
        """A key typed in the filter: apply it once typing pauses (the list reads in its
        workers, and a read for an older text is dropped when it comes back)."""
        if message.input.id != "filter" or not message.input.display:
            return
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_PAUSE, lambda: self._apply_search(message.value))

    def on_input_submitted(self, message: Input.Submitted) -> None:
        """Enter: apply the full-text filter now, and go to the list."""
        if message.input.id != "filter":
            return
        if self._search_timer is not None:
            self._search_timer.stop()
        self._apply_search(message.value)
        if self.search is None:
            message.input.display = False
        self.ticket_list.focus()

    def _apply_search(self, value: str) -> None:
        # (a trailing space is kept: it ends the last word, which is a prefix until then)
        search = value if value.strip() else None
        if search != self.search:
            self.search = search
            self._show_list()

    def action_back(self) -> None:
        """Escape: close the filter (clearing it), or leave the detail for the list."""
        field = self.query_one("#filter", Input)
        if field.has_focus or self.search:
            field.value = ""
            field.display = False
            if self._search_timer is not None:
                self._search_timer.stop()
            if self.search:
                self.search = None
                self._show_list()
            self.ticket_list.focus()
        elif self.detail.has_focus_within or self.detail.has_focus:
            self.ticket_list.focus()

    def action_mine(self) -> None:
        """The tickets I own (M again: back to where I was)."""
        queues = self.query_one("#queues", QueueList)
        if self.choice.key == MINE:
            self.choice = queues.go(self._before_mine)
        else:
            self._before_mine = self.choice.key
            self.choice = queues.go(MINE)
        self._show_list()

    def action_unfold(self) -> None:
        """Show more of the opened ticket's long mail."""
        self.detail.unfold()

    def action_reload(self) -> None:
        """Read the queues, the list and the opened ticket again from the store (a change the
        live view does not see: a script, another tool)."""
        self._read_again()
        self.notify(t("reload.done"), timeout=2)

    def action_toggle_closed(self) -> None:
        """Show or hide closed tickets in the queue."""
        self.show_closed = not self.show_closed
        self._show_list()

    def help_bindings(self) -> list[tuple[str, str, str]]:
        """(key, action id, description) of every key active here, for the help screen."""
        return actions.help_rows(self)
