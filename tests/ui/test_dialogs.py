"""The compose screen (review step, discard question, `$EDITOR`), the help screen, the texts
the UI names (all in both catalogues), and mail text shown literally in the dialogs."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Static, TextArea

from logeas_tui.actions import TEXTUAL_KEYS, TICKET_ACTIONS
from logeas_tui.core.procedure import STATES
from logeas_tui.core.services.desk import Desk
from logeas_tui.screens.compose import (
    ComposeScreen,
    EditorFailed,
    ReviewScreen,
    edit_externally,
    editor_command,
)
from logeas_tui.screens.dialogs import ConfirmScreen
from logeas_tui.screens.help import GROUPS, HelpScreen, group_of, help_text
from logeas_tui.screens.merge import MergeScreen
from logeas_tui.texts import CATALOGUES, en
from tests.ui.harness import HOSTILE_SUBJECT, Harness, mail_ticket

SIZE = (120, 40)
APPEND_EDITED = "sh -c 'echo edited >> \"$1\"' --"
PACKAGE = Path(__file__).resolve().parents[2] / "logeas_tui"


# Compose -----------------------------------------------------------------------------------


async def test_review_edit_goes_back_to_the_text_then_send_returns_it(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        app.open(ComposeScreen("Reply", to="jean@exemple.fr"))
        await pilot.pause()
        await pilot.press(*"Bonjour", "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("e")
        assert isinstance(app.screen, ComposeScreen)
        await pilot.press("!", "ctrl+s")
        final = str(app.screen.query_one("#final Static", Static).render())
        assert final.strip() == "Bonjour!"
        await pilot.press("enter")  # Send has the focus
        await pilot.pause()
    assert app.results == ["Bonjour!"]


async def test_review_leave_asks_before_dropping_the_text_and_sends_nothing(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        app.open(ComposeScreen("Reply"))
        await pilot.pause()
        await pilot.press(*"Bonjour", "ctrl+s", "c")
        assert isinstance(app.screen, ConfirmScreen) and app.results == []
        await pilot.press("y")
        await pilot.pause()
    assert app.results == [None]


async def test_escape_on_the_review_goes_back_to_the_text(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        app.open(ComposeScreen("Reply"))
        await pilot.pause()
        await pilot.press(*"Bonjour", "ctrl+s", "escape")
        assert isinstance(app.screen, ComposeScreen) and app.results == []
        assert app.screen.query_one(TextArea).text == "Bonjour"


async def test_escape_asks_before_dropping_typed_text(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        app.open(ComposeScreen("Note"))
        await pilot.pause()
        await pilot.press("x", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep writing
        assert isinstance(app.screen, ComposeScreen) and app.results == []
        await pilot.press("escape", "y")
        await pilot.pause()
    assert app.results == [None]


async def test_escape_on_an_untouched_editor_closes_at_once(desk: Desk) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        app.open(ComposeScreen("Note", initial="Signature"))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


def test_edit_externally_round_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", APPEND_EDITED)
    assert editor_command() == ["sh", "-c", 'echo edited >> "$1"', "--"]
    assert edit_externally("Bonjour") == "Bonjour\nedited"
    assert edit_externally("") == "edited"


async def test_edit_externally_keeps_the_text_when_the_editor_fails(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with Harness(desk).run_test(size=SIZE):  # the failure is said in the app's language
        with pytest.raises(EditorFailed, match="exit code 3"):
            edit_externally("Bonjour", ["sh", "-c", "exit 3", "--"])
        with pytest.raises(EditorFailed, match="Could not start"):
            edit_externally("Bonjour", ["/nonexistent/editor"])
    monkeypatch.delenv("EDITOR", raising=False)
    assert editor_command() == ["vi"]


async def test_ctrl_e_runs_editor_and_reloads_the_text(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", APPEND_EDITED)
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        # The headless driver cannot give the terminal away; the rest of the path is real.
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
        app.open(ComposeScreen("Reply"))
        await pilot.pause()
        await pilot.press(*"Salut e")  # in the text, `e` is a letter
        assert app.screen.query_one(TextArea).text == "Salut e"
        await pilot.press("ctrl+e")
        assert app.screen.query_one(TextArea).text == "Salut e\nedited"
        await pilot.press("tab", "e")  # `e` outside the text opens the editor too
        assert app.screen.query_one(TextArea).text == "Salut e\nedited\nedited"


async def test_ctrl_e_without_a_terminal_to_suspend_says_so(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", APPEND_EDITED)
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        app.open(ComposeScreen("Reply"))
        await pilot.pause()
        await pilot.press(*"Bonjour", "ctrl+e")
        assert app.screen.query_one(TextArea).text == "Bonjour"
    assert app.messages("error") == ["Cannot open $EDITOR here: the terminal cannot be suspended."]


# Help --------------------------------------------------------------------------------------

BINDINGS = [
    ("j", "cursor_down", "Next ticket"),
    ("m", "merge", "Merge into…"),
    ("?", "help", "Keys"),
    ("tab", "focus_next", "Next pane"),
    ("F2", "phone", "New phone ticket"),
]


async def test_help_groups_navigation_actions_and_the_rest(desk: Desk) -> None:
    assert [group_of(action) for _, action, _ in BINDINGS] == [
        "navigation",
        "actions",
        "other",
        "navigation",
        "actions",
    ]
    async with Harness(desk).run_test(size=SIZE):  # headings in the app's language
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(help_text(BINDINGS))
        text = console.export_text()
    assert text.index("Navigation") < text.index("Next pane") < text.index("Ticket actions")
    assert text.index("Ticket actions") < text.index("New phone ticket") < text.index("Other")


@pytest.mark.parametrize("key", ["escape", "question_mark"])
async def test_help_closes_with_escape_or_question_mark(desk: Desk, key: str) -> None:
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        app.open(HelpScreen(BINDINGS))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


# Texts -------------------------------------------------------------------------------------


def test_every_text_the_ui_names_is_in_both_catalogues() -> None:
    prefixes = "|".join(sorted({key.split(".")[0] for key in en.TEXTS if "." in key}))
    literal_key = re.compile(rf"""["']((?:{prefixes})\.(?!tcss|py)[\w.]+)["']""")
    used = set()
    for path in PACKAGE.rglob("*.py"):
        if {"core", "texts"} & set(path.relative_to(PACKAGE).parts):
            continue
        source = path.read_text()
        used |= set(re.findall(r"""\bt\(\s*["']([^"'{}]+)["']""", source))  # t("key", …)
        used |= set(literal_key.findall(source))  # binding descriptions, key tables
    # keys built from a name: f"act.{action}", f"state.{row.state}", …
    used |= {
        f"{prefix}.{action}" for action in TICKET_ACTIONS for prefix in ("act", "cmd", "dlg.done")
    }
    used |= {f"act.{action}.long" for action in TICKET_ACTIONS}
    used |= {
        f"dlg.{kind}.{part}"
        for kind in ("canned", "doc", "transfer", "move")
        for part in ("title", "hint", "empty")
    }
    used |= {f"dlg.help.{group}" for group in GROUPS}
    used |= {f"help.{name}" for name in TEXTUAL_KEYS}
    used |= {f"state.{state}" for state in STATES} | {f"state.short.{state}" for state in STATES}
    used |= {f"day.{weekday}" for weekday in range(7)}
    assert len(used) > 250
    for language, catalogue in CATALOGUES.items():
        plurals = {key.rsplit(".", 1)[0] for key in catalogue if key.endswith(".other")}
        plurals = {key for key in plurals if f"{key}.one" in catalogue}  # Catalog.plural's keys
        assert sorted(used - set(catalogue) - plurals) == [], language


async def test_the_dialogs_speak_french(desk: Desk) -> None:
    from dataclasses import replace

    french = replace(desk, config=replace(desk.config, language="fr"))
    number = mail_ticket(desk, subject="Imprimante")
    app = Harness(french)
    async with app.run_test(size=SIZE) as pilot:
        app.start("close", number)
        await pilot.pause()
        assert "Fermer le ticket" in str(app.screen.query_one(".title", Static).render())
        await pilot.press("n")


async def test_mail_text_is_shown_as_typed(desk: Desk) -> None:
    number = mail_ticket(desk, subject=HOSTILE_SUBJECT, name="[i]Mallory[/i]")
    app = Harness(desk)
    async with app.run_test(size=SIZE) as pilot:
        app.open(MergeScreen(desk, app.row(number)))
        await pilot.pause()
        card = app.screen.query_one(".side", Static).render()
        plain = str(card)
        assert "[bold red]x[/]" in plain and "[i]Mallory[/i]" in plain
        assert "\x1b" not in plain and "␛[31m" in plain
