"""The application: wiring, global keys (rebindable by id through the config), the command
palette, the mail worker thread that syncs in the background, and the live team view's look
at the store every second (did anyone else change the tickets?)."""

from __future__ import annotations

import contextlib
import gc
import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import work
from textual.app import App, SystemCommand
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.worker import get_current_worker

from logeas_tui import actions, crash
from logeas_tui.core.errors import HelpdeskError, first_line
from logeas_tui.core.progress import Throttled
from logeas_tui.core.services import live, mail_lease
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store.connection import disk_full
from logeas_tui.i18n import say, t
from logeas_tui.messages import MailProgress, MailSynced, StoreChanged, SyncFailed, TicketChanged
from logeas_tui.screens.main import MainScreen
from logeas_tui.texts import Catalog
from logeas_tui.widgets.background import in_thread
from logeas_tui.widgets.first_reads import FirstReads
from logeas_tui.widgets.keys import key_of, translate_bindings

DEFAULT_POLL_SECONDS = 60
PURGE_EVERY_SECONDS = 600
LOOK_EVERY_SECONDS = 1.0  # another technician's change shows within about this (plus a read)
PROGRESS_EVERY_SECONDS = 0.1  # a long sync's count in the banner changes at most this often
HERE = Path(__file__).resolve().parent


class DeskCommands(Provider):
    """The palette lists the phone intake, mail sync, statistics, reload and the action
    table."""

    def _commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        app = self.app
        assert isinstance(app, LogeasApp)
        commands: list[tuple[str, Callable[[], Any], str]] = [
            (t("cmd.phone"), app.action_phone, t("cmd.phone_help")),
            (t("cmd.sync"), app.action_sync_now, t("cmd.sync_help")),
            (t("cmd.stats"), app.action_stats, t("cmd.stats_help")),
        ]
        main = app.main_screen
        if main is not None:
            shortcut = key_of(main, "reload")
            commands.append(
                (t("cmd.reload"), main.action_reload, t("cmd.reload_help", shortcut=shortcut))
            )
        row = main.selected if main else None
        if main is not None and row is not None:
            for action in actions.REGISTRY:
                if action.on_ticket and actions.refusal_for(action.id, row) is None:
                    commands.append(
                        (
                            t(f"cmd.{action.id}", number=row.number),
                            partial(main.action_act, action.id),
                            t("cmd.action_help", number=row.number),
                        )
                    )
        return commands

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)


# Textual's own palette commands, by their English help text -> catalogue key (`cmd.sys.<key>`
# is the title, `cmd.sys.<key>_help` the help); one it adds later shows in English.
SYSTEM_COMMANDS = {
    "Change the current theme": "theme",
    "Quit the application as soon as possible": "quit",
    "Hide the keys and widget help panel": "hide_keys",
    "Show help for the focused widget and a summary of available keys": "show_keys",
    "Minimize the widget and restore to normal size": "minimize",
    "Maximize the focused widget": "maximize",
    "Save an SVG 'screenshot' of the current screen": "screenshot",
}


class LogeasApp(App[None]):
    """`LogeasApp(desk).run()` — the CLI opens the store and builds the desk first."""

    # The main screen's layout is read with the app's look: read when the screen is pushed,
    # it would have Textual parse every style sheet again (~30 ms of the start-up).
    CSS_PATH = [HERE / "app.tcss", HERE / "screens" / "main.tcss"]
    TITLE = "logeas"
    COMMANDS = App.COMMANDS | {DeskCommands}

    BINDINGS = actions.bindings(actions.APP)

    def __init__(self, desk: Desk, first_reads: FirstReads | None = None) -> None:
        """`first_reads`: the main screen's first reads, begun before the app (`cli.run_app`)."""
        super().__init__()
        self.texts = Catalog(desk.config.language)  # what `t()` and `say()` read in this app
        translate_bindings(self, self.texts)
        self.desk = desk
        self._first_reads = first_reads
        self.main_screen: MainScreen | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._watch: live.ChangeWatch | None = None
        self._looking = False
        if desk.config.keys:
            self.set_keymap(dict(desk.config.keys))

    async def on_mount(self) -> None:
        first = self._first_reads
        if first is not None:
            self._watch = first.watch  # its mark was taken before its reads
        else:
            self._watch = live.watch()
            self._watch.changed()  # the mark, before the screen's first read: nothing is missed
        self.main_screen = MainScreen(self.desk, first)
        await self.push_screen(self.main_screen)
        if not self._mail_configured():
            self.main_screen.show_mail_not_configured()
        self.call_after_refresh(self._start_background)  # once the first frame is drawn

    def _start_background(self) -> None:
        """The mail worker, the purge, the backup and the live view's look; and the garbage
        collector, when `cli.prepare_app` paused it for the start-up."""
        if not gc.isenabled():
            gc.freeze()  # what the start-up made lives as long as the app: never walked again
            gc.enable()
        if self._mail_configured():
            self._mail_loop()
        self._purge()
        self._backup()
        self.set_interval(PURGE_EVERY_SECONDS, self._purge)
        self.set_interval(PURGE_EVERY_SECONDS, self._backup)
        self.set_interval(LOOK_EVERY_SECONDS, self._look)

    def on_unmount(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._watch is not None:
            self._watch.close()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands (theme, quit, keys…) with their titles in the app's language."""
        for command in super().get_system_commands(screen):
            key = SYSTEM_COMMANDS.get(command.help)
            if key is None:
                yield command
            else:
                title, help_text = t(f"cmd.sys.{key}"), t(f"cmd.sys.{key}_help")
                yield SystemCommand(title, help_text, command.callback, command.discover)

    def action_command_palette(self) -> None:
        """The palette, its prompt in the app's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            palette = CommandPalette(placeholder=t("cmd.placeholder"), id="--command-palette")
            self.push_screen(palette)

    # -- errors --------------------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """A busy or unreachable store refuses what was being done, with a notice, and the
        app goes on; anything else is a crash (`_fatal_error`), and `logeas` exits 1."""
        trouble = crash.store_trouble(error)
        if trouble is not None:
            full = disk_full(trouble)
            if full is not None:
                self.notify(say(full), severity="error", markup=False)
                return
            said = first_line(trouble)
            self.notify(t("app.store_busy", cause=said), severity="error", markup=False)
            return
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """Textual's own prints a traceback with every frame's local variables (settings,
        passwords): one sentence and a report file instead."""
        error = self._exception or RuntimeError("unknown error")
        path = crash.write_report(error)
        self.bell()
        self._exit_renderables.append(
            Text(
                t(
                    "app.crashed",
                    cause=f"{type(error).__name__}: {first_line(error)}",
                    path=str(path) if path else "-",
                )
            )
        )
        self._close_messages_no_wait()

    # -- global actions ------------------------------------------------------------------

    def action_help(self) -> None:
        from logeas_tui.screens.help import HelpScreen  # on `?` only, like the others below

        bindings = self.main_screen.help_bindings() if self.main_screen else []
        self.push_screen(HelpScreen(bindings))

    def action_phone(self) -> None:
        from logeas_tui.screens.phone import PhoneIntakeScreen

        def created(number: str | None) -> None:
            if number and self.main_screen is not None:
                self.main_screen.post_message(TicketChanged(number))

        self.push_screen(PhoneIntakeScreen(self.desk), created)

    def action_stats(self) -> None:
        from logeas_tui.screens.stats import StatsScreen  # its plot library: 20 ms, on `S` only

        self.push_screen(StatsScreen(self.desk))

    def action_sync_now(self) -> None:
        if not self._mail_configured():
            self.notify(t("sync.not_configured"), severity="warning")
            return
        self._wake.set()
        self.notify(t("sync.now"))

    # -- background jobs -----------------------------------------------------------------

    @work(thread=True, group="purge", exclusive=True, exit_on_error=False)
    def _purge(self) -> None:
        """Destroy the Delete queue's tickets whose grace delay is over (mail or not)."""
        from logeas_tui.core.services.cleanup import purge_deleted  # loaded in this thread

        gone = in_thread(lambda: purge_deleted(self.desk))
        if gone and self.main_screen is not None:
            self.main_screen.post_message(TicketChanged(None))

    @work(thread=True, group="backup", exclusive=True, exit_on_error=False)
    def _backup(self) -> None:
        """The daily backup, when the config asks for one and today's is not made yet."""
        from logeas_tui.core.services.daily_backup import backup_if_due  # in this thread

        try:
            made = backup_if_due(self.desk)
        except HelpdeskError as err:
            self.call_from_thread(self.notify, say(err), severity="error", markup=False)
            return
        if made is not None:
            self.call_from_thread(self.notify, t("backup.made", path=str(made)), markup=False)

    def _look(self) -> None:
        """Every second: has anyone changed the tickets? (One look at a time: a slow disk
        never piles them up.)"""
        if not self._looking and self._watch is not None:
            self._looking = True
            self._look_at_store(self._watch)

    @work(thread=True, group="live", exit_on_error=False)
    def _look_at_store(self, watch: live.ChangeWatch) -> None:
        """The look itself, off the event loop; a change has the main screen read again."""
        try:
            changed = in_thread(watch.changed)
        finally:
            self._looking = False
        if changed and self.main_screen is not None:
            self.main_screen.post_message(StoreChanged())

    # -- the mail worker -----------------------------------------------------------------

    def _mail_configured(self) -> bool:
        return self.desk.config.imap is not None or self.desk.config.smtp is not None

    @work(thread=True, group="mail", exit_on_error=False)
    def _mail_loop(self) -> None:
        """Sync, report, sleep until the poll delay passes or `s` wakes it; until exit."""
        from logeas_tui.core.services.mail_sync import run_once  # the mail stack, here

        worker = get_current_worker()
        imap = self.desk.config.imap
        poll = imap.poll_seconds if imap is not None else DEFAULT_POLL_SECONDS
        screen = self.main_screen
        assert screen is not None

        def stopped() -> bool:
            return bool(worker.is_cancelled or self._stop.is_set())

        def wait(seconds: float) -> bool:
            """Sleep up to `seconds`; True when `s` woke it or the app is quitting."""
            deadline = time.monotonic() + seconds
            while not stopped():
                if self._wake.wait(min(0.5, max(0.0, deadline - time.monotonic()))):
                    return True
                if time.monotonic() >= deadline:
                    return False
            return True

        def counted(_what: str, done: int, total: int | None) -> None:
            """A round that fetches more than one chunk shows its count in the banner."""
            from logeas_tui.core.services import mail_sync  # loaded: it is running

            if total is not None and total > mail_sync.CHUNK:
                screen.post_message(MailProgress(done, total))

        while not stopped():
            holding = True
            progress = Throttled(counted, PROGRESS_EVERY_SECONDS)
            try:
                report = in_thread(partial(run_once, self.desk, progress=progress))
            except Exception as exc:  # the worker must outlive any fault of a round
                screen.post_message(SyncFailed(f"{type(exc).__name__}: {exc}"))
            else:
                holding = getattr(report, "held_by", None) is None
                screen.post_message(MailSynced(report))
            try:
                in_thread(
                    partial(
                        mail_lease.wait_for_next_round,
                        self.desk,
                        max(1, poll),
                        wait,
                        holding=holding,
                    )
                )
            except Exception as exc:
                screen.post_message(SyncFailed(f"{type(exc).__name__}: {exc}"))
                wait(max(1, poll))
            self._wake.clear()
        with contextlib.suppress(Exception):  # quitting: another copy may take over at once
            in_thread(lambda: mail_lease.release(self.desk))
