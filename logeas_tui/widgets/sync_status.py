"""Mail sync status at the right of the banner: how far a long sync got ("Mail: 340 / 2,000"),
the last sync (or the other copy of the app that syncs for the team), error, mail waiting in
the outbox."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from logeas_tui.core.services.desk import copy_parts
from logeas_tui.i18n import say, t, texts
from logeas_tui.widgets.literal import literal


class SyncStatus(Widget):
    """What the mail worker last did. The screen sets the attributes; nothing is read here."""

    DEFAULT_CSS = """
    SyncStatus {
        height: 1;
        width: auto;
        max-width: 50%;
        background: $panel;
        padding: 0 1;
    }
    SyncStatus.-error { background: $error-muted; }
    """

    # every change can change the width: lay out again
    configured: reactive[bool] = reactive(True, layout=True)
    last_sync: reactive[datetime | None] = reactive(None, layout=True)
    error: reactive[str | None] = reactive(None, layout=True)
    waiting: reactive[int] = reactive(0, layout=True)
    held_by: reactive[str | None] = reactive(None, layout=True)  # another copy syncs
    fetching: reactive[tuple[int, int] | None] = reactive(None, layout=True)  # (done, total)

    def __init__(self, zone: ZoneInfo, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.zone = zone

    def watch_error(self) -> None:
        self.set_class(bool(self.error) and self.fetching is None, "-error")

    def watch_fetching(self) -> None:
        self.watch_error()  # a sync going on is news newer than the last round's error

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        if not self.configured:
            text.append(t("sync.not_configured"), style="dim")
        elif self.fetching is not None:
            done, total = self.fetching
            text.append(t("progress.mail", done=texts().number(done), total=texts().number(total)))
        elif self.error:
            text.append(t("sync.error") + " ", style="bold")
            text.append_text(literal(say(self.error)))
        elif self.held_by:
            name, host = copy_parts(self.held_by)
            key = "sync.held_by" if name else "sync.held_by_host"
            text.append_text(literal(t(key, name=name, host=host)))
        elif self.last_sync is not None:
            at = self.last_sync.astimezone(self.zone) if self.last_sync.tzinfo else self.last_sync
            text.append(t("sync.last", time=f"{at:%H:%M}"))
        else:
            text.append(t("sync.starting"), style="dim")
        if self.waiting:
            text.append(" · ")
            text.append(t("sync.waiting", count=self.waiting), style="bold")
        return text
