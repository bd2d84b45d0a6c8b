"""A mail from an unknown sender on the main screen (issue 9.16): the list marks its ticket
with ?, the detail says so above the mail with the key that accepts it, that key (K) is greyed
out on any other ticket and accepts it on this one, which then does what the customer's reply
would have done."""

from __future__ import annotations

from logeas_tui import actions
from logeas_tui.app import LogeasApp
from logeas_tui.core.store.models import History, Message, Ticket
from logeas_tui.widgets.ticket_detail import TicketDetail
from tests.factories import stranger_writes
from tests.ui.conftest import Seeded, settle
from tests.ui.test_main import SIZE, list_lines, main, notifications, rendered

HOSTILE_SENDER = '"[bold]chef[/bold]"@ailleurs.example'  # shown as typed, never as markup


async def test_the_mark_shows_in_the_list_and_the_detail_and_k_accepts_it(seeded: Seeded):
    number = seeded.password  # a phone ticket, closed at once
    stranger_writes(seeded.desk, number, sender=HOSTILE_SENDER)
    app = LogeasApp(seeded.desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        tickets = screen.ticket_list
        rows = [tickets.row_at(i) for i in range(tickets.count)]
        # in my review although closed: nobody has seen the stranger's mail yet
        index = next(i for i, row in enumerate(rows) if row.number == number)
        assert rows[index].state == "closed successful"
        line = list_lines(app)[index + 1]
        assert line.lstrip().startswith("?") and number in line
        assert not any(
            ln.lstrip().startswith("?") for n, ln in enumerate(list_lines(app)[1:]) if n != index
        )
        assert screen.active_bindings["K"].enabled is False  # the first ticket holds none
        (described,) = [d for key, id, d in actions.help_rows(screen) if id == "accept"]
        assert described == (
            "accept a mail from an unknown sender as the customer's → "
            "as the customer's reply (closed, pending → open)"
        )
        await pilot.press("K")
        await pilot.pause()
        assert any("holds no mail from an unknown sender" in n for n in notifications(app))

        tickets.cursor = index
        await settle(pilot)
        assert screen.selected.number == number
        assert screen.active_bindings["K"].enabled is True
        await pilot.press("enter")
        await settle(pilot)
        text = rendered(screen.query_one(TicketDetail).query_one("#body").content, width=110)
        warning = text.index("From an unknown sender")
        assert "press K to accept it as the customer's mail" in " ".join(text.split())
        assert text.index("Mot de passe réinitialisé") < warning < text.index(HOSTILE_SENDER)
        assert "mail from an unknown sender" in text  # the history line

        await pilot.press("K")
        await settle(pilot)
        ticket = Ticket.get(Ticket.number == number)
        assert ticket.state == "open"  # as the customer's reply reopens it
        assert not Message.select().where(Message.unknown_sender).exists()
        last = History.select().where(History.ticket == ticket.id).order_by(History.id.desc())
        assert last.get().action == "sender accepted"
        assert any(f"Ticket {number}: the mail is accepted" in n for n in notifications(app))
        text = rendered(screen.query_one(TicketDetail).query_one("#body").content, width=110)
        assert "From an unknown sender" not in text
        assert not list_lines(app)[tickets.cursor + 1].lstrip().startswith("?")
        assert screen.active_bindings["K"].enabled is False
