"""A tiny app for the dialog, flow and phone tests, so they do not depend on the main screen:
it shows one line, runs `actions.run` for a ticket in an async worker (as the main screen does),
pushes any screen, and records notifications and dismiss results."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea
from textual.worker import Worker

from logeas_tui import actions
from logeas_tui.core.services import answers, tickets
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.views import TicketRow
from logeas_tui.texts import Catalog
from tests.factories import stored_mail

HOSTILE_SUBJECT = "[bold red]x[/] \x1b[31mrouge\x1b[0m"


class Harness(App[None]):
    """Runs the flows and screens under test; `notes` lists (severity, message) shown."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.notes: list[tuple[str, str]] = []
        self.results: list[Any] = []
        self.texts = Catalog(desk.config.language)  # as LogeasApp: the UI's texts read it

    def compose(self) -> ComposeResult:
        yield Static(Text("harness"))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        self.notes.append((severity, message))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def row(self, number: str) -> TicketRow:
        row = queries.ticket_row(number, me=self.desk.who, now=self.desk.now())
        assert row is not None, number
        return row

    def start(self, action: str, number: str) -> Worker[str | None]:
        """Run the flow of `action` on ticket `number`, as the main screen's key would."""
        return self.run_worker(
            actions.run(self.screen, self.desk, action, self.row(number)),
            group="action",
            exit_on_error=False,
        )

    def open(self, screen: Screen[Any]) -> None:
        """Push `screen`; its dismiss result is appended to `results`."""
        self.push_screen(screen, self.results.append)

    def messages(self, severity: str | None = None) -> list[str]:
        return [m for s, m in self.notes if severity is None or s == severity]


async def still(pilot: Pilot) -> None:
    """Stop cursors blinking (stable snapshots) and let the screen settle."""
    for screen in pilot.app.screen_stack:
        for widget in screen.query("Input, TextArea"):
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False
    await pilot.pause()


# Data ----------------------------------------------------------------------------------------


def mail_ticket(
    desk: Desk,
    *,
    subject: str,
    sender: str = "jean.dupont@exemple.fr",
    name: str = "Jean Dupont",
    body: str = "Bonjour,\nça ne marche pas.\n",
    queue: str = "LoGeAs",
) -> str:
    """A ticket as the mail pipeline creates it (state new)."""
    return stored_mail(desk, sender=sender, name=name, subject=subject, body=body, queue=queue)


def phone_ticket(
    desk: Desk, *, subject: str = "Question sur la sauvegarde", owner: str = "Nicolas"
) -> str:
    return tickets.create_phone_ticket(
        desk,
        customer="01 23 45 67 89",
        queue="LoGeAs",
        subject=subject,
        body="Reste à faire : rappeler.",
        owner=owner,
    ).number


def closed_ticket(desk: Desk, subject: str = "Licence expirée") -> str:
    number = mail_ticket(desk, subject=subject)
    answers.reply(desk, number, "Voici la nouvelle clé.")
    return number
