"""The banner: is the phone line open now, who I am, how many tickets wait for me, how many
reminders are due.

It reads the desk's clock on every paint and repaints on a timer, so it changes by itself when
the line opens or closes (tests move a FixedClock and let the timer fire)."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from logeas_tui.core import hours
from logeas_tui.core.config import HoursConf
from logeas_tui.core.services.desk import Desk
from logeas_tui.i18n import t
from logeas_tui.widgets.literal import literal


def line_text(now: datetime, conf: HoursConf) -> tuple[str, bool]:
    """The phone-line sentence for `now` in the current language, and whether it is open."""
    status = hours.status(now, conf)
    if status.open and status.next_change is not None:
        return t("banner.open", time=f"{status.next_change:%H:%M}"), True
    if status.next_change is None:
        opens = t("banner.never")
    elif status.next_change.date() == status.now.date():
        opens = t("banner.opens_today", time=f"{status.next_change:%H:%M}")
    else:
        day = t(f"day.{status.next_change.weekday()}")
        opens = t("banner.opens_day", day=day, time=f"{status.next_change:%H:%M}")
    if status.holiday:
        return t("banner.holiday", holiday=status.holiday, opens=opens), False
    return t("banner.closed", opens=opens), False


class HoursBanner(Widget):
    """Phone line status · technician · waiting for me · reminders due."""

    DEFAULT_CSS = """
    HoursBanner {
        height: auto;
        width: 1fr;
        background: $panel;
    }
    HoursBanner.-open { background: $success-muted; }
    HoursBanner.-closed { background: $warning-muted; }
    """

    REFRESH_SECONDS = 20.0

    reminders: reactive[int] = reactive(0)
    waiting: reactive[int] = reactive(0)  # my tickets that wait for me (queries.waiting_for)

    def __init__(self, desk: Desk, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.desk = desk

        self.sentence = ""

    def on_mount(self) -> None:
        self.update_status()
        self.set_interval(self.REFRESH_SECONDS, self.update_status)

    def update_status(self) -> None:
        """Read the clock again (the timer calls this)."""
        self.sentence, is_open = line_text(self.desk.clock.now(), self.desk.config.hours)
        self.set_class(is_open, "-open")
        self.set_class(not is_open, "-closed")
        self.refresh()

    def render(self) -> Text:
        text = self._text(with_name=True)
        if text.cell_len > self.size.width > 0:  # narrow: the name goes first…
            text = self._text(with_name=False)
        if text.cell_len > self.size.width > 0:  # …then what waits for me (the queue pane's
            text = self._text(with_name=False, waiting=False)  # Mine counts my tickets)
        return text

    def _text(self, *, with_name: bool, waiting: bool = True) -> Text:
        text = Text(end="")
        text.append(" " + self.sentence, style="bold")
        if with_name:
            text.append(" · ")
            text.append_text(literal(self.desk.who))
        if self.waiting and waiting:
            text.append(" · ")
            text.append(t("banner.waiting", count=self.waiting), style="bold")
        if self.reminders:
            text.append(" · ")
            text.append(t("banner.reminders", count=self.reminders), style="bold")
        return text
