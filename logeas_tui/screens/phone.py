"""Phone intake: a form for a technician with a customer on the line.

Fields come in speaking order (Tab follows it; Enter in a one-line field goes to the next one).
ctrl+s saves through `tickets.create_phone_ticket`; an error appears under its own field and
everything typed stays. As the customer is typed, a line says how many tickets that customer
has in progress and which (read by a worker once the typing pauses). The new ticket's number
is then shown large, `y` copies it, Enter or Escape closes. The phone-line banner stays on the
top line, so the technician sees whether the line is officially open."""

from __future__ import annotations

import time
from functools import partial

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Digits, Input, Label, Select, Static, TextArea
from textual.worker import get_current_worker

from logeas_tui.core.errors import HelpdeskError, InvalidInput
from logeas_tui.core.services import duplicates, tickets
from logeas_tui.core.services.customers import phone_digits
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.duplicate_queries import LiveTicket
from logeas_tui.i18n import say, t
from logeas_tui.screens.dialogs import ConfirmScreen
from logeas_tui.widgets.background import in_thread, off_loop
from logeas_tui.widgets.hours_banner import HoursBanner
from logeas_tui.widgets.literal import literal

LOOK_UP_PAUSE = 0.25  # seconds of no typing before the customer's tickets are looked up
# Fields whose errors are shown beside them (InvalidInput.field of create_phone_ticket).
ERROR_FIELDS = ("customer", "name", "queue", "subject", "body", "owner")


def customer_hint(typed: str, domain: str) -> Text:
    """What the customer field will store: the address typed, or `<digits>@domain`."""
    typed = typed.strip()
    if not typed:
        return Text(t("dlg.phone.customer_hint", domain=domain), style="dim")
    if "@" in typed:
        return Text(t("dlg.phone.hint_email"), style="dim")
    digits = phone_digits(typed)
    if digits is None:
        return Text(t("dlg.phone.hint_neither"), style="dim")
    hint = Text("→ ", style="dim")
    hint.append(f"{digits}@{domain}", style="bold")
    return hint


def open_tickets(found: list[LiveTicket]) -> Text:
    """ "2 open tickets — 2026112410000019 Licence expirée · 2026…" (newest first, three)."""
    count = len(found)
    text = Text(t("dlg.phone.open_ticket" if count == 1 else "dlg.phone.open_tickets", count=count))
    for n, ticket in enumerate(found[:3]):
        text.append(" — " if n == 0 else " · ")
        text.append(ticket.number, style="bold")
        text.append(" ")
        text.append_text(literal(ticket.subject))
    if count > 3:
        text.append(" …")
    return text


class PhoneIntakeScreen(ModalScreen[str | None]):
    """New phone ticket; dismisses with its number (None if nothing was saved)."""

    CSS_PATH = "phone.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, show=False),
        Binding("escape", "close", "Cancel", show=False),
        Binding("y", "copy_number", "Copy", show=False),
        Binding("enter", "done", "Close", show=False),
    ]

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.number: str | None = None
        self.saving = False  # a save is waiting for the store

    def compose(self) -> ComposeResult:
        desk = self.desk
        queues = tickets.intake_queues()
        default_queue = (
            desk.config.default_queue
            if desk.config.default_queue in queues
            else (queues[0] if queues else Select.NULL)
        )
        techs = queries.technicians()
        me = desk.who if any(tech.name == desk.who for tech in techs) else Select.NULL
        yield HoursBanner(desk, id="phone-banner")
        with VerticalScroll(id="form"):
            yield Static(Text(t("dlg.phone.title")), id="phone-title")
            yield text_row(
                "customer",
                Static(customer_hint("", desk.config.domain), id="customer-hint"),
                Static(id="customer-tickets", classes="hint"),
            )
            yield text_row("name")
            yield field_row(
                "queue",
                t("dlg.phone.queue"),
                Select(
                    [(Text(name), name) for name in queues],
                    value=default_queue,
                    allow_blank=False,
                    id="queue",
                    compact=True,
                ),
            )
            yield text_row("subject")
            yield field_row(
                "body",
                t("dlg.phone.body"),
                TextArea(
                    id="body",
                    soft_wrap=True,
                    tab_behavior="focus",
                    compact=True,
                    placeholder=t("dlg.phone.body_placeholder"),
                ),
            )
            yield field_row(
                "finished", "", Checkbox(Text(t("dlg.phone.finished")), id="finished", compact=True)
            )
            yield field_row(
                "owner",
                t("dlg.phone.owner"),
                Select(
                    [
                        (Text(f"{tech.name} — {t('dlg.phone.level', level=tech.level)}"), tech.name)
                        for tech in techs
                    ],
                    value=me,
                    allow_blank=True,
                    prompt=t("dlg.phone.nobody"),
                    id="owner",
                    compact=True,
                ),
            )
            yield Static(id="form-error", classes="error")
            yield Static(Text(t("dlg.phone.hint")), classes="hint")
        with Vertical(id="done"):
            yield Static(id="done-title")
            with Center():
                yield Digits("", id="done-digits")
            yield Static(id="done-number")
            yield Static(id="done-detail")
            yield Static(Text(t("dlg.phone.done_hint")), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#done").display = False
        self.query_one("#customer-tickets").display = False
        self.query_one("#customer", Input).focus()

    # Live feedback ---------------------------------------------------------------------------

    @on(Input.Changed, "#customer")
    def customer_typed(self, event: Input.Changed) -> None:
        """Show what will be stored as the customer's address."""
        self.query_one("#customer-hint", Static).update(
            customer_hint(event.value, self.desk.config.domain), layout=False
        )
        self.look_up_customer(event.value)

    class CustomerTickets(Message):
        """Private: the live tickets of the customer typed (read by a worker thread)."""

        def __init__(self, typed: str, found: list[LiveTicket]) -> None:
            super().__init__()
            self.typed = typed
            self.found = found

    @work(thread=True, group="phone-customer", exclusive=True, exit_on_error=False)
    def look_up_customer(self, typed: str) -> None:
        """The customer's open tickets, once the typing pauses."""
        time.sleep(LOOK_UP_PAUSE)
        if get_current_worker().is_cancelled:
            return
        found = in_thread(lambda: duplicates.customer_tickets(self.desk, typed))
        if not get_current_worker().is_cancelled:
            self.post_message(self.CustomerTickets(typed, found))

    def on_phone_intake_screen_customer_tickets(self, message: CustomerTickets) -> None:
        """Say how many open tickets the customer has, and which (newest first)."""
        if message.typed != self.query_one("#customer", Input).value:
            return  # typed on meanwhile: a newer look-up is coming
        line = self.query_one("#customer-tickets", Static)
        line.display = bool(message.found)
        line.update(open_tickets(message.found))

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    def field_changed(self, event: Input.Changed | Select.Changed | TextArea.Changed) -> None:
        """A field the technician corrects loses its error."""
        if event.control is not None and event.control.id in ERROR_FIELDS:
            self.show_error(event.control.id, None)

    @on(Checkbox.Changed, "#finished")
    def finished_changed(self) -> None:
        """Marking it finished removes the "owner required" error."""
        self.show_error("owner", None)

    @on(Input.Submitted)
    def next_field(self) -> None:
        """Enter in a one-line field goes on to the next field."""
        self.focus_next()

    # Saving ----------------------------------------------------------------------------------

    def typed(self) -> bool:
        """True when the technician typed anything (closing then asks first)."""
        values = [
            self.query_one(f"#{name}", Input).value for name in ("customer", "name", "subject")
        ]
        values.append(self.query_one("#body", TextArea).text)
        return any(value.strip() for value in values)

    def show_error(self, field: str | None, message: str | None) -> None:
        target = self.query_one(
            f"#{field}-error" if field in ERROR_FIELDS else "#form-error", Static
        )
        if not message and not target.has_class("-shown"):
            return  # nothing to clear: spare a layout pass on every keystroke
        target.update(Text(message or ""))
        target.set_class(bool(message), "-shown")

    async def action_save(self) -> None:
        if self.number is not None or self.saving:
            return
        for field in (*ERROR_FIELDS, None):
            self.show_error(field, None)
        owner = self.query_one("#owner", Select).value
        queue = self.query_one("#queue", Select).value
        save = partial(  # the fields read now: what is typed while the store works is not
            tickets.create_phone_ticket,
            self.desk,
            customer=self.query_one("#customer", Input).value,
            customer_name=self.query_one("#name", Input).value,
            queue=queue if isinstance(queue, str) else "",
            subject=self.query_one("#subject", Input).value,
            body=self.query_one("#body", TextArea).text,
            close=self.query_one("#finished", Checkbox).value,
            owner=owner if isinstance(owner, str) else None,
        )
        self.saving = True  # ctrl+s pressed again while the store works saves nothing twice
        try:
            result = await off_loop(save)
        except InvalidInput as err:
            self.show_error(err.field, say(err))
            if err.field in ERROR_FIELDS:
                self.query_one(f"#{err.field}").focus()
            return
        except HelpdeskError as err:
            self.show_error(None, say(err))
            return
        finally:
            self.saving = False
        self.saved(result.number)

    def saved(self, number: str) -> None:
        self.number = number
        closed = self.query_one("#finished", Checkbox).value
        owner = self.query_one("#owner", Select).value
        self.query_one("#form").display = False
        self.query_one("#done").display = True
        self.query_one("#done-title", Static).update(Text(t("dlg.phone.saved"), style="bold"))
        self.query_one("#done-digits", Digits).update(number)
        self.query_one("#done-number", Static).update(Text(number, style="bold"))
        detail = Text(
            t("dlg.phone.saved_closed")
            if closed
            else t("dlg.phone.saved_open", owner=owner if isinstance(owner, str) else "")
        )
        detail.append("\n")
        detail.append_text(literal(self.query_one("#subject", Input).value.strip()))
        self.query_one("#done-detail", Static).update(detail)
        self.set_focus(None)

    # Closing ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("copy_number", "done"):
            return self.number is not None
        return True

    def action_done(self) -> None:
        self.dismiss(self.number)

    def action_copy_number(self) -> None:
        if self.number is None:
            return
        self.app.copy_to_clipboard(self.number)
        self.notify(t("dlg.phone.copied", number=self.number), markup=False)

    def action_close(self) -> None:
        if self.number is not None:
            self.dismiss(self.number)
        elif self.typed():
            self.app.push_screen(ConfirmScreen(t("dlg.phone.discard")), self._discard)
        else:
            self.dismiss(None)

    def _discard(self, yes: bool | None) -> None:
        if yes:
            self.dismiss(None)


def text_row(name: str, *more: Widget) -> Horizontal:
    """A one-line text field of the form, labelled and explained by `dlg.phone.<name>…`."""
    field = Input(placeholder=t(f"dlg.phone.{name}_placeholder"), id=name, compact=True)
    return field_row(name, t(f"dlg.phone.{name}"), field, *more)


def field_row(name: str, label: str, *widgets: Widget) -> Horizontal:
    """One line of the form: the label, then the field(s) with the field's error under them."""
    error = Static(id=f"{name}-error", classes="error")
    return Horizontal(
        Label(Text(label), classes="label"),
        Vertical(*widgets, error, classes="cell"),
        classes="row",
        id=f"row-{name}",
    )
