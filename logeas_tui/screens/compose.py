"""Writing a reply or a note: an in-app editor, or `$EDITOR` (as aerc and git do), then a review
step (send / edit / cancel) — nothing reaches the outbox before "send".

Keys: ctrl+s review (or save a note directly), ctrl+e opens `$EDITOR` (`vi` when unset) on the
text; `e` does too when the cursor is not in the text (Tab away from it first). Escape cancels,
asking first if something was typed."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static, TextArea

from logeas_tui.i18n import t
from logeas_tui.screens.dialogs import ConfirmScreen, Dialog, plain
from logeas_tui.widgets.literal import block, literal


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
    """The final text, read-only: `s`/Enter send, `e` back to editing, `c`/Escape cancel.

    Dismisses with "send", "edit" or None (cancel)."""

    BINDINGS = [
        Binding("s", "choose('send')", "Send", show=False),
        Binding("e", "choose('edit')", "Edit", show=False),
        Binding("c", "cancel", "Cancel", show=False),
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
                yield Button(Text(t("dlg.review.cancel")), id="cancel")
            # the hint names the send button as it reads ("continue" in the ask flow)
            send = self.send_label[:1].lower() + self.send_label[1:]
            yield plain(t("dlg.review.hint", send=send), "hint")

    def on_mount(self) -> None:
        self.query_one("#send", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        """One of send / edit / cancel."""
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


def _to_line(to: str) -> Text:
    line = Text(t("dlg.compose.to") + " ", style="dim")
    line.append_text(literal(to))
    return line


class ComposeScreen(Dialog[str]):
    """Write a text; dismisses with it after the review's "send" (or ctrl+s when `review` is
    False, as for internal notes), or None when cancelled. Escape asks first when text was
    typed (or when `draft`: the initial text is the technician's own)."""

    BINDINGS = [
        Binding("ctrl+s", "finish", "Review", priority=True, show=False),
        Binding("ctrl+e", "external_editor", "$EDITOR", priority=True, show=False),
        Binding("e", "external_editor", "$EDITOR", show=False),
    ]

    def __init__(
        self,
        title: str,
        initial: str = "",
        to: str = "",
        *,
        review: bool = True,
        send_label: str = "",
        draft: bool = False,
    ) -> None:
        super().__init__()
        self.draft = draft  # `initial` is the technician's own text: ask before dropping it
        self.title_text = title
        self.initial = initial
        self.to = to
        self.review = review
        self.send_label = send_label

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield plain(self.title_text, "title")
            if self.to:
                yield Static(_to_line(self.to), classes="to")
            yield TextArea(self.initial, id="editor", soft_wrap=True, tab_behavior="focus")
            with Horizontal(classes="buttons"):
                yield Button(
                    Text(t("dlg.compose.review" if self.review else "dlg.compose.save")),
                    variant="primary",
                    id="finish",
                )
                yield Button(Text(t("dlg.compose.external")), id="external")
                yield Button(Text(t("dlg.compose.cancel")), id="cancel")
            yield plain(
                t("dlg.compose.hint_review" if self.review else "dlg.compose.hint_save"), "hint"
            )

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
            "cancel": self.action_cancel,
        }
        actions[event.button.id or "cancel"]()

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def action_finish(self) -> None:
        if not self.review:
            self.dismiss(self.text)
            return
        self.app.push_screen(
            ReviewScreen(self.title_text, self.text, self.to, self.send_label), self._reviewed
        )

    def _reviewed(self, choice: str | None) -> None:
        if choice == "send":
            self.dismiss(self.text)
        elif choice == "edit":
            self.query_one(TextArea).focus()
        else:
            self.dismiss(None)

    def action_external_editor(self) -> None:
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
        if self.text.strip() and (self.draft or self.text != self.initial):
            self.app.push_screen(ConfirmScreen(t("dlg.compose.discard")), self._discard)
        else:
            self.dismiss(None)

    def _discard(self, yes: bool | None) -> None:
        if yes:
            self.dismiss(None)
