"""A huge mail opens at once: the detail pane shows its first lines and says how much is
folded; the key shows more; the app still quits on `q`."""

from __future__ import annotations

from logeas_tui.app import LogeasApp
from logeas_tui.widgets.fold import FOLD_LINES, GROWTH
from logeas_tui.widgets.ticket_detail import TicketDetail
from tests.factories import stored_mail
from tests.ui.conftest import Seeded, settle
from tests.ui.test_main import SIZE, main, rendered

MILLION = "".join(f"ligne {i} [b]x[/b] \x1b[31m\n" for i in range(1_000_000))


async def test_a_million_line_mail_opens_folded_and_unfolds_on_a_key(seeded: Seeded) -> None:
    number = stored_mail(
        seeded.desk, sender="gros@exemple.fr", name="Gros", subject="journal", body=MILLION
    )
    app = LogeasApp(seeded.desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        tickets = screen.ticket_list
        tickets.cursor = next(i for i in range(tickets.count) if tickets.row_at(i).number == number)
        await pilot.press("enter")
        await settle(pilot)
        detail = screen.query_one(TicketDetail)
        text = rendered(detail.query_one("#body").content)
        assert "ligne 0 [b]x[/b] ␛[31m" in text  # literal, escape made visible
        assert f"ligne {FOLD_LINES - 1} " in text and f"ligne {FOLD_LINES} " not in text
        assert "more not shown — e: show more" in text and "MB" in text
        await pilot.press("e")
        await pilot.pause()
        text = rendered(detail.query_one("#body").content)
        shown = FOLD_LINES * GROWTH
        assert f"ligne {shown - 1} " in text and f"ligne {shown} " not in text
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_short_mail_is_not_folded(app: LogeasApp, seeded: Seeded) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        text = rendered(main(app).query_one(TicketDetail).query_one("#body").content)
        assert "Impossible d'imprimer les bordereaux" in text and "show more" not in text
        await pilot.press("e")  # nothing folded: nothing happens
        assert rendered(main(app).query_one(TicketDetail).query_one("#body").content) == text
