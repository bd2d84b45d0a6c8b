"""Writing a reply or a note: an in-app editor, or `$EDITOR` (as aerc and git do), then a review
step (send / edit / leave) — nothing reaches the outbox before "send".

What is typed is a draft (when the flow gives a `Drafting`): stored about a second after each
change and on leaving, off the event loop, so a crash loses at most that second; Esc keeps it,
F8 discards it (asking first), sending drops it (the flow's service call does).

Keys: ctrl+s review (or save a note directly), ctrl+e opens `$EDITOR` (`vi` when unset) on the
text; `e` does too when the cursor is not in the text (Tab away from it first). Escape keeps the
draft (without one, it asks first if something was typed)."""

from __future__ import annotations

import asyncio
import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Button, Static, TextArea

from logeas_tui.core.errors import HelpdeskError
from logeas_tui.i18n import say, t
from logeas_tui.screens.dialogs import ConfirmScreen, Dialog, plain
from logeas_tui.widgets.background import off_loop
from logeas_tui.widgets.literal import block, literal

SAVE_AFTER = 1.0  # seconds after a change before the draft is stored: what a crash can lose


class EditorFailed(Exception):
    """The external editor could not run or exited with an error; the text is unchanged."""


def editor_command() -> list[str]:
    """`$EDITOR` split like a shell would (it may carry arguments), `vi` when unset."""
    return shlex.split(os.environ.get("EDITOR", "").strip() or "vi")


def edit_externally(text: str, command: list[str] | None = None) -> str:
    """Write `text` to a temporary file, run the editor on it, return what it saved (without
    the final newline editors add). The caller suspends the app around this: the editor owns
    the terminal meanwhile."""
    command = command or editor_command()
    fd, name = tempfile.mkstemp(prefix="logeas-", suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text if not text or text.endswith("\n") else text + "\n")
        try:
            done = subprocess.run([*command, str(path)], check=False)
        except OSError as exc:
            raise EditorFailed(
                t("dlg.compose.editor_missing", editor=command[0], error=exc)
            ) from None
        if done.returncode != 0:
            raise EditorFailed(
                t("dlg.compose.editor_failed", editor=command[0], code=done.returncode)
            )
        saved = path.read_text(encoding="utf-8")
        return saved[:-1] if saved.endswith("\n") else saved
    finally:
        path.unlink(missing_ok=True)


class ReviewScreen(Dialog[str]):
    """The final text, read-only: `s`/Enter send, `e`/Escape back to editing, `c` leave (the
    compose screen then keeps the draft, or asks).

    Dismisses with "send", "edit" or None (leave)."""

    BINDINGS = [
        Binding("s", "choose('send')", "Send", show=False),
        Binding("e", "choose('edit')", "Edit", show=False),
        Binding("c", "leave", "Leave", show=False),
    ]

    def __init__(self, title: str, text: str, to: str = "", send_label: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.to = to
        self.send_label = send_label or t("dlg.review.send")

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield plain(t("dlg.review.title", title=self.title_text), "title")
            if self.to:
                yield Static(_to_line(self.to), classes="to")
            with VerticalScroll(id="final"):
                yield Static(block(self.text))
            with Horizontal(classes="buttons"):
                yield Button(Text(self.send_label), variant="primary", id="send")
                yield Button(Text(t("dlg.review.edit")), id="edit")
                yield Button(Text(t("dlg.review.leave")), id="leave")
            # the hint names the send button as it reads ("continue" in the ask flow)
            send = self.send_label[:1].lower() + self.send_label[1:]
            yield plain(t("dlg.review.hint", send=send), "hint")

    def on_mount(self) -> None:
        self.query_one("#send", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        """One of send / edit / cancel."""
        self.dismiss(None if event.button.id == "leave" else event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    def action_leave(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Escape goes back to the text, never away from it."""
        self.dismiss("edit")


def _to_line(to: str) -> Text:
    line = Text(t("dlg.compose.to") + " ", style="dim")
    line.append_text(literal(to))
    return line


@dataclass(frozen=True)
class Drafting:
    """How the compose screen keeps what is typed as a draft. `save(text)` stores it ("" keeps
    nothing) and `discard()` drops it; both are store calls, run off the event loop. `since`:
    the line saying the text offered is a draft ("" when none was); `kept`: what Esc says once
    the draft is kept."""

    save: Callable[[str], object]
    discard: Callable[[], object]
    since: str = ""
    kept: str = ""


class ComposeScreen(Dialog[str]):
    """Write a text; dismisses with it after the review's "send" (or ctrl+s when `review` is
    False, as for internal notes), or None when left. With `drafting`, the text is a draft
    kept as it is typed, Escape keeps it and F8 discards it (asking first); without, Escape
    asks first when text was typed."""

    BINDINGS = [
        Binding("ctrl+s", "finish", "Review", priority=True, show=False),
        Binding("ctrl+e", "external_editor", "$EDITOR", priority=True, show=False),
        Binding("e", "external_editor", "$EDITOR", show=False),
        Binding("f8", "discard", "Discard", priority=True, show=False),
    ]

    def __init__(
        self,
        title: str,
        initial: str = "",
        to: str = "",
        *,
        review: bool = True,
        send_label: str = "",
        drafting: Drafting | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.initial = initial
        self.to = to
        self.review = review
        self.send_label = send_label
        self.drafting = drafting
        self._stored = initial  # the text the draft holds
        self._timer: Timer | None = None  # a store of the draft, due
        self._storing = asyncio.Lock()  # one store at a time, in the order typed
        self._leaving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield plain(self.title_text, "title")
            if self.to:
                yield Static(_to_line(self.to), classes="to")
            if self.drafting and self.drafting.since:
                yield plain(self.drafting.since, "since")
            yield TextArea(self.initial, id="editor", soft_wrap=True, tab_behavior="focus")
            with Horizontal(classes="buttons"):
                yield Button(
                    Text(t("dlg.compose.review" if self.review else "dlg.compose.save")),
                    variant="primary",
                    id="finish",
                )
                yield Button(Text(t("dlg.compose.external")), id="external")
                if self.drafting:
                    yield Button(Text(t("drafts.discard_button")), id="discard")
                yield Button(
                    Text(t("drafts.keep_button" if self.drafting else "dlg.compose.cancel")),
                    id="cancel",
                )
            if self.drafting:
                hint = "drafts.hint_review" if self.review else "drafts.hint_save"
            else:
                hint = "dlg.compose.hint_review" if self.review else "dlg.compose.hint_save"
            yield plain(t(hint), "hint")

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        """The buttons do what their keys do."""
        actions = {
            "finish": self.action_finish,
            "external": self.action_external_editor,
            "discard": self.action_discard,
            "cancel": self.action_cancel,
        }
        actions[event.button.id or "cancel"]()

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    # The draft --------------------------------------------------------------------------

    @on(TextArea.Changed)
    def changed(self) -> None:
        """Store the draft about a second after a change (then again after the next one)."""
        if self.drafting and self._timer is None and not self._leaving:
            self._timer = self.set_timer(SAVE_AFTER, self._store_later)

    def _store_later(self) -> None:
        self._timer = None
        self.run_worker(self._store(), group="draft")

    async def _store(self) -> str | None:
        """Store the text as it is now, unless the draft holds it already; the text stored
        (None: the store refused it, which is said)."""
        async with self._storing:
            text = self.text
            drafting = self.drafting
            if drafting and text != self._stored:
                try:
                    await off_loop(lambda: drafting.save(text))
                except HelpdeskError as err:
                    self.notify(say(err), severity="error", markup=False)
                    return None
                self._stored = text
            return text

    def _stop_storing(self) -> None:
        """Leaving: no store of the draft is started after this one."""
        self._leaving = True
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _leave(self, send: bool) -> None:
        """Store what is typed, then close: with the text (`send`) or None (the draft kept)."""
        if self._leaving:  # a second key while the first one closes
            return
        self._stop_storing()
        self.run_worker(self._stored_then_dismiss(send), group="draft")

    async def _stored_then_dismiss(self, send: bool) -> None:
        text = None
        try:
            text = await self._store()
        finally:
            self._leaving = text is not None  # not stored (said): the screen stays, and types on
        if text is None:
            return
        if not send and self.drafting and text.strip() and self.drafting.kept:
            self.notify(self.drafting.kept, markup=False)
        self.dismiss(text if send else None)

    def _after_typing(self, then: Callable[[], object]) -> None:
        """Run `then` once the editor has taken in every key and paste sent before: a priority
        key (ctrl+s, ctrl+e) is handled by the app while what was typed just before may still
        wait in the editor's queue — read at once, the text would miss its last characters."""
        self.query_one(TextArea).call_later(then)

    # The keys ---------------------------------------------------------------------------

    def action_finish(self) -> None:
        self._after_typing(self._finish)

    def _finish(self) -> None:
        if self._leaving:
            return
        if not self.review:
            self._leave(send=True)
            return
        self.app.push_screen(
            ReviewScreen(self.title_text, self.text, self.to, self.send_label), self._reviewed
        )

    def _reviewed(self, choice: str | None) -> None:
        if choice == "send":
            self._leave(send=True)
        elif choice == "edit":
            self.query_one(TextArea).focus()
        else:
            self.action_cancel()

    def action_external_editor(self) -> None:
        self._after_typing(self._external_editor)

    def _external_editor(self) -> None:
        try:
            with self.app.suspend():
                text = edit_externally(self.text)
        except SuspendNotSupported:
            self.notify(t("dlg.compose.no_suspend"), severity="error", markup=False)
            return
        except EditorFailed as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        editor = self.query_one(TextArea)
        editor.load_text(text)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def action_cancel(self) -> None:
        if self.drafting:
            self._leave(send=False)  # kept, not lost
        elif self.text.strip() and self.text != self.initial:
            self.app.push_screen(ConfirmScreen(t("dlg.compose.discard")), self._discard)
        else:
            self.dismiss(None)

    def _discard(self, yes: bool | None) -> None:
        if yes:
            self.dismiss(None)

    def action_discard(self) -> None:
        """Drop the draft, once the technician says yes."""
        if self.drafting:
            question = ConfirmScreen(t("drafts.discard_question"))
            self.app.push_screen(question, self._discarded)

    def _discarded(self, yes: bool | None) -> None:
        if yes and not self._leaving:
            self._stop_storing()
            self.run_worker(self._dropped_then_dismiss(), group="draft")

    async def _dropped_then_dismiss(self) -> None:
        drafting = self.drafting
        assert drafting is not None
        dropped = False
        async with self._storing:  # after any store under way
            try:
                await off_loop(drafting.discard)
                dropped = True
            except HelpdeskError as err:
                self.notify(say(err), severity="error", markup=False)
            finally:
                self._leaving = dropped
        if not dropped:
            return
        self.notify(t("drafts.discarded"), markup=False)
        self.dismiss(None)
