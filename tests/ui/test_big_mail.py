"""A huge mail opens at once: the detail pane shows its first lines and says how much is
folded; the key shows more, down to the last line shown (G); a line wider than the pane wraps
at words; the app still quits on `q`. Read from the screen, as the technician sees it."""

from __future__ import annotations

from textual.pilot import Pilot

from logeas_tui.app import LogeasApp
from logeas_tui.widgets.fold import FOLD_LINES, GROWTH
from logeas_tui.widgets.ticket_detail import TicketDetail
from tests.factories import stored_mail
from tests.ui.conftest import Seeded, settle
from tests.ui.test_main import SIZE, main, rendered

MILLION = "".join(f"ligne {i} [b]x[/b] \x1b[31m\n" for i in range(1_000_000))


def on_screen(app: LogeasApp) -> str:
    """The text of the whole screen, as the terminal shows it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def opened(pilot: Pilot, number: str) -> TicketDetail:
    await settle(pilot)
    screen = main(pilot.app)
    tickets = screen.ticket_list
    tickets.cursor = next(i for i in range(tickets.count) if tickets.row_at(i).number == number)
    await pilot.press("enter")
    await settle(pilot)
    return screen.query_one(TicketDetail)


async def test_a_million_line_mail_opens_folded_and_unfolds_on_a_key(seeded: Seeded) -> None:
    number = stored_mail(
        seeded.desk, sender="gros@exemple.fr", name="Gros", subject="journal", body=MILLION
    )
    app = LogeasApp(seeded.desk)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, number)
        text = on_screen(app)
        assert "ligne 0 [b]x[/b] ␛[31m" in text  # literal, escape made visible
        assert "\x1b" not in text
        await pilot.press("G")  # the end of the pane: the last line shown, then the notice
        await pilot.pause()
        text = on_screen(app)
        assert f"ligne {FOLD_LINES - 1} " in text and f"ligne {FOLD_LINES} " not in text
        assert "more not shown — e: show more" in text and "MB" in text
        await pilot.press("e")
        await pilot.pause()
        assert f"ligne {FOLD_LINES} " in on_screen(app)  # the next line, hidden so far
        await pilot.press("G")
        await pilot.pause()
        text = on_screen(app)
        shown = FOLD_LINES * GROWTH
        assert f"ligne {shown - 1} " in text and f"ligne {shown} " not in text
        assert "more not shown — e: show more" in text
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_long_line_of_a_long_mail_wraps_at_words(seeded: Seeded) -> None:
    words = " ".join(f"mot{i}" for i in range(60))
    body = f"{words}\n" + "".join(f"ligne {i}\n" for i in range(FOLD_LINES * 2))
    number = stored_mail(
        seeded.desk, sender="gros@exemple.fr", name="Gros", subject="long", body=body
    )
    app = LogeasApp(seeded.desk)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, number)
        rows = [row for row in on_screen(app).splitlines() if "mot" in row]
        assert len(rows) > 1 and "mot0 " in rows[0] and "mot59" in rows[-1]
        for before, after in zip(rows, rows[1:], strict=False):  # rows end, start on words
            cut = before.split("│")[-3].split()[-1], after.split("│")[-3].split()[0]
            assert all(word.startswith("mot") for word in cut), cut
            assert int(cut[1][3:]) == int(cut[0][3:]) + 1
        assert "ligne 0" in on_screen(app)


async def test_a_short_mail_is_not_folded(app: LogeasApp, seeded: Seeded) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        text = rendered(main(app).query_one(TicketDetail).query_one("#body").content)
        assert "Impossible d'imprimer les bordereaux" in text and "show more" not in text
        await pilot.press("e")  # nothing folded: nothing happens
        assert rendered(main(app).query_one(TicketDetail).query_one("#body").content) == text


async def test_the_next_ticket_shows_nothing_of_a_long_mail_before(seeded: Seeded) -> None:
    long = stored_mail(
        seeded.desk, sender="gros@exemple.fr", name="Gros", subject="journal", body=MILLION
    )
    app = LogeasApp(seeded.desk)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, long)
        assert "ligne 0 [b]x[/b]" in on_screen(app)
        await pilot.press("escape")
        await opened(pilot, seeded.printer)  # a short mail: the long body is gone
        text = on_screen(app)
        assert "Impossible d'imprimer les bordereaux" in text
        assert "ligne 0" not in text and "show more" not in text
        await pilot.press("escape")
        await opened(pilot, long)  # and back: its first lines again
        assert "ligne 0 [b]x[/b]" in on_screen(app)


async def test_lines_of_a_long_mail_can_be_selected_with_the_mouse(seeded: Seeded) -> None:
    number = stored_mail(
        seeded.desk, sender="gros@exemple.fr", name="Gros", subject="journal", body=MILLION
    )
    app = LogeasApp(seeded.desk)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, number)
        rows = on_screen(app).splitlines()
        y = next(n for n, row in enumerate(rows) if "ligne 1 " in row)
        x = rows[y].index("ligne 1 ")
        await pilot.mouse_down(offset=(x, y))
        await pilot.hover(offset=(x + 4, y + 2))
        await pilot.mouse_up(offset=(x + 4, y + 2))
        await pilot.pause()
        selected = app.screen.get_selected_text()
        assert selected == "ligne 1 [b]x[/b] ␛[31m\nligne 2 [b]x[/b] ␛[31m\nligne", selected
