"""An app running in French says what the core says in French: a refusal by state, a mistyped
ticket number and a bad customer field, each compared with the French catalogue's text (not
merely "not English"), with state names from the same catalogue."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from textual.command import CommandPalette
from textual.geometry import Region
from textual.widgets import Button, Input, OptionList, Static

from logeas_tui.app import LogeasApp
from logeas_tui.core.numbers import make_number
from logeas_tui.core.procedure import OPEN
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services.mail_sync import SyncReport
from logeas_tui.messages import MailSynced
from logeas_tui.screens.compose import ComposeScreen, ReviewScreen
from logeas_tui.screens.help import HelpScreen
from logeas_tui.screens.main import MainScreen
from logeas_tui.screens.merge import MergeScreen
from logeas_tui.screens.phone import PhoneIntakeScreen
from logeas_tui.texts import Catalog, fr
from logeas_tui.widgets.ticket_list import TicketList
from tests.ui.conftest import Seeded, settle

SIZE = (120, 40)
FR = Catalog("fr")


def french(seeded: Seeded) -> LogeasApp:
    return LogeasApp(replace(seeded.desk, config=replace(seeded.desk.config, language="fr")))


def notes(app: LogeasApp) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


async def on_the_printer_ticket(app: LogeasApp, pilot) -> MainScreen:
    await settle(pilot)
    await pilot.press("j")  # the printer ticket: open
    screen = app.screen
    assert isinstance(screen, MainScreen) and screen.selected is not None
    assert screen.selected.state == OPEN
    return screen


async def test_a_refusal_by_state_is_said_in_french(seeded: Seeded) -> None:
    app = french(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await on_the_printer_ticket(app, pilot)
        await pilot.press("o")  # reopen: refused, the ticket is open
        await pilot.pause()
        refusal = fr.TEXTS["nothing_to_reopen"].format(
            number=seeded.printer, state=fr.TEXTS["state.open"]
        )
        assert refusal == (
            f"Le ticket {seeded.printer} est ouvert, ni fermé ni en attente : rien à rouvrir."
        )
        title = fr.TEXTS["act.refused"].format(action=fr.TEXTS["act.reopen"])
        assert (title, refusal) in notes(app), notes(app)
        english = Sentence("nothing_to_reopen", number=seeded.printer, state=OPEN)
        assert not any(english in message for _, message in notes(app))


async def test_a_mistyped_number_in_the_merge_dialog_is_explained_in_french(
    seeded: Seeded,
) -> None:
    wrong = seeded.licence[:-1] + str((int(seeded.licence[-1]) + 1) % 10)
    missing = make_number(date(2026, 11, 24), "10", 99_999)  # valid, but no ticket has it
    app = french(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await on_the_printer_ticket(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MergeScreen)
        problem = app.screen.query_one("#problem", Static)
        await pilot.press(*wrong)
        await pilot.pause()
        assert str(problem.render()) == fr.TEXTS["number_check_digit"].format(number=wrong)
        await pilot.press(*["backspace"] * 16, *missing)
        await pilot.pause()
        assert str(problem.render()) == fr.TEXTS["no_ticket"].format(number=missing)
        card = str(app.screen.query_one(".side", Static).render())
        assert f"{fr.TEXTS['dlg.field.state']:<10} {fr.TEXTS['state.open']}" in card


async def test_a_bad_customer_field_is_explained_in_french(seeded: Seeded) -> None:
    app = french(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PhoneIntakeScreen)
        await pilot.press(*"bonjour", "tab", "tab", "tab", *"Imp", "ctrl+s")
        await pilot.pause()
        said = str(screen.query_one("#customer-error", Static).render())
        assert said == fr.TEXTS["customer_neither"].format(text="bonjour")
        assert said != Sentence("customer_neither", text="bonjour")


async def test_the_history_names_states_in_french(seeded: Seeded) -> None:
    from logeas_tui.widgets.ticket_detail import TicketDetail
    from tests.ui.test_main import rendered

    app = french(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await on_the_printer_ticket(app, pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = rendered(app.screen.query_one(TicketDetail).query_one("#body").content)
    merged = f"{fr.TEXTS['state.short.new']} → {fr.TEXTS['state.short.open']}"
    assert fr.TEXTS["history.merge"] in text and merged in text, text
    assert "new → open" not in text


# The rest of the app in French: ages, the palette, counts, the review's hint, the help's wrap


def list_lines(app: LogeasApp) -> list[str]:
    tickets = app.screen.query_one(TicketList)
    return [tickets.render_line(y).text for y in range(tickets.scrollable_content_region.height)]


async def test_ages_are_in_days_as_j_in_french(seeded: Seeded) -> None:
    app = french(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ages = [line.split()[2] for line in list_lines(app)[1:] if line.strip()]
        assert ages and any(re.fullmatch(r"\d+j", age) for age in ages), ages
        assert not any(age.endswith("d") for age in ages), ages


async def test_the_palette_speaks_french_textuals_own_commands_too(seeded: Seeded) -> None:
    app = french(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one(Input).placeholder == "Chercher une commande…"
        for _ in range(100):
            prompts = [str(o.prompt) for o in palette.query_one(OptionList).options]
            if any("Quitter" in p for p in prompts):
                break
            await pilot.pause(0.02)
        shown = "\n".join(prompts)
        assert "Quitter l'application" in shown and "Thème" in shown, shown
        assert "Nouveau ticket téléphonique" in shown
        for english in ("Quit", "Theme", "Screenshot", "Keys", "Change the current theme"):
            assert not re.search(rf"\b{english}\b", shown), english


@pytest.mark.parametrize(
    ("language", "new", "replies", "said"),
    [
        ("en", 1, 2, "Mail: 1 new ticket, 2 customer replies"),
        ("en", 0, 1, "Mail: 0 new tickets, 1 customer reply"),
        ("en", 2, 0, "Mail: 2 new tickets, 0 customer replies"),
        ("fr", 1, 2, "Courrier : 1 nouveau ticket, 2 réponses de clients"),
        ("fr", 0, 1, "Courrier : 0 nouveau ticket, 1 réponse de client"),
        ("fr", 2, 0, "Courrier : 2 nouveaux tickets, 0 réponse de client"),
    ],
)
async def test_the_sync_notice_counts_in_the_singular_and_plural(
    seeded: Seeded, language: str, new: int, replies: int, said: str
) -> None:
    desk = replace(seeded.desk, config=replace(seeded.desk.config, language=language))
    app = LogeasApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        report = SyncReport(at=seeded.clock.now(), new_tickets=new, followups=replies)
        app.screen.post_message(MailSynced(report))
        await pilot.pause()
        assert said in [message for _, message in notes(app)], notes(app)


@pytest.mark.parametrize(
    ("language", "button", "hint"),
    [("en", "Continue", "s or Enter: continue"), ("fr", "Continuer", "s ou Entrée : continuer")],
)
async def test_the_ask_flows_review_hint_names_its_button(
    seeded: Seeded, language: str, button: str, hint: str
) -> None:
    desk = replace(seeded.desk, config=replace(seeded.desk.config, language=language))
    app = LogeasApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await on_the_printer_ticket(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ComposeScreen)
        await pilot.press(*"Quel modèle ?", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        label = str(app.screen.query_one("#send", Button).label)
        shown = str(app.screen.query_one(".hint", Static).render())
        assert label == button
        assert shown.startswith(hint + " ·"), shown


async def test_help_descriptions_wrap_under_their_column_at_80_columns(seeded: Seeded) -> None:
    app = french(seeded)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        column = app.screen.query(".column").last(Static)  # the action table
        lines = [
            strip.text
            for strip in column.render_lines(Region(0, 0, column.size.width, column.size.height))
        ]
        first = next(n for n, line in enumerate(lines) if "fusionner dans un" in line)
        start = lines[first].index("fusionner")
        wrapped = lines[first + 1]
        assert "fusionner dans un ticket existant" not in lines[first]  # it does wrap here
        assert wrapped[:start].strip() == "", lines[first : first + 2]
        assert wrapped[start] != " ", lines[first : first + 2]


async def test_a_mail_fault_is_shown_in_french_in_the_status_line(seeded: Seeded) -> None:
    """What the mail round ran into (the core's sentences: the IMAP server named by host and
    port, the SMTP one after it) reads in French under the panes."""
    app = french(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        fault = Sentence(
            "sync.faults",
            first=Sentence("sync.imap_failed", where="imap.logeas.fr:993", cause="timeout"),
            second=Sentence("sync.smtp", cause="x"),
        )
        app.screen.post_message(MailSynced(SyncReport(at=seeded.clock.now(), error=fault)))
        await pilot.pause()
        shown = str(app.screen.query_one("#sync").render())
        assert "serveur IMAP imap.logeas.fr:993 : timeout ; SMTP : x" in shown, shown
