"""Handing a ticket on: transfer to another support level (owner changes, state kept) and
move to another queue (state kept; obsolete and same queue refused)."""

from __future__ import annotations

import pytest

from logeas_tui.core.errors import InvalidInput, NotFound, Refused
from logeas_tui.core.procedure import CLOSED_OK, OPEN, PENDING
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.handoff import move, transfer
from logeas_tui.core.services.tickets import close, create_phone_ticket, set_pending
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import Queue, Ticket
from logeas_tui.core.store.views import TicketView


def phone(desk: Desk, owner: str | None = "Nicolas", queue: str = "LoGeAs") -> str:
    return create_phone_ticket(
        desk,
        customer="marie@example.fr",
        queue=queue,
        subject="Erreur à la clôture",
        body="…",
        owner=owner,
        close=owner is None,
    ).number


def view(desk: Desk, number: str) -> TicketView:
    found = queries.ticket_view(number, me=desk.who, now=desk.clock.now())
    assert found is not None
    return found


def test_transfer_to_another_level_changes_owner_and_keeps_state(desk: Desk) -> None:
    number = phone(desk)
    set_pending(desk, number, 5)
    before = view(desk, number).row
    transfer(desk, number, "Guillaume")
    after = view(desk, number)
    assert after.row.owner == "Guillaume"
    assert after.row.state == PENDING
    assert after.row.pending_until == before.pending_until
    entry = after.history[-1]
    assert entry.action == "transfer"
    assert (entry.old, entry.new) == ("Nicolas (level 1)", "Guillaume (level 2)")
    assert PENDING in entry.detail


def test_transfer_back_down_a_level(desk: Desk) -> None:
    number = phone(desk, owner="Guillaume")
    transfer(desk, number, "Pétronille")
    assert view(desk, number).row.owner == "Pétronille"


def test_transfer_within_the_same_level_is_refused(desk: Desk) -> None:
    number = phone(desk)
    with pytest.raises(InvalidInput) as caught:
        transfer(desk, number, "Pétronille")
    assert caught.value.field == "owner"
    assert "another level" in str(caught.value)
    assert view(desk, number).row.owner == "Nicolas"


def test_transfer_of_an_unowned_ticket_compares_with_my_level(desk: Desk) -> None:
    number = phone(desk, owner=None)  # closed at once, no owner
    with pytest.raises(InvalidInput):
        transfer(desk, number, "Pétronille")  # I (Nicolas) am level 1 too
    transfer(desk, number, "Guillaume")
    row = view(desk, number).row
    assert (row.owner, row.state) == ("Guillaume", CLOSED_OK)


def test_transfer_to_an_unknown_technician(desk: Desk) -> None:
    number = phone(desk)
    with pytest.raises(InvalidInput, match="Guillaume"):
        transfer(desk, number, "Gontran")


def test_move_keeps_the_state(desk: Desk) -> None:
    number = phone(desk)
    close(desk, number)
    result = move(desk, number, "Secrétariat")
    assert result.notice is None
    ticket = view(desk, number)
    assert (ticket.row.queue, ticket.row.state) == ("Secrétariat", CLOSED_OK)
    entry = ticket.history[-1]
    assert (entry.action, entry.old, entry.new) == ("queue", "LoGeAs", "Secrétariat")


def test_move_to_an_obsolete_queue_is_refused(desk: Desk) -> None:
    number = phone(desk)
    with pytest.raises(InvalidInput) as caught:
        move(desk, number, "LoGeAs:Relation ERF")
    assert caught.value.field == "queue"
    assert "obsolete" in str(caught.value)
    assert view(desk, number).row.queue == "LoGeAs"


def test_move_to_the_same_queue_is_refused(desk: Desk) -> None:
    number = phone(desk)
    with pytest.raises(Refused, match="already in LoGeAs"):
        move(desk, number, "LoGeAs")


def test_move_to_an_unknown_queue(desk: Desk) -> None:
    number = phone(desk)
    with pytest.raises(InvalidInput):
        move(desk, number, "Nowhere")


def test_a_ticket_can_leave_an_obsolete_queue(desk: Desk) -> None:
    number = phone(desk)
    obsolete = Queue.get(Queue.name == "LoGeAsSauv")
    Ticket.update(queue=obsolete).where(Ticket.number == number).execute()
    move(desk, number, "LoGeAs")
    row = view(desk, number).row
    assert (row.queue, row.state) == ("LoGeAs", OPEN)


def test_handoff_of_an_unknown_ticket(desk: Desk) -> None:
    with pytest.raises(NotFound):
        move(desk, "2026112410000019", "Secrétariat")
    with pytest.raises(NotFound, match="check digit"):
        transfer(desk, "2026112410000018", "Guillaume")


def test_choices_offered_are_the_ones_the_services_accept(desk: Desk) -> None:
    from logeas_tui.core.services.handoff import move_choices, transfer_choices

    current, others = transfer_choices(desk, None)  # no owner: me (Nicolas, level 1)
    assert current is not None and current.name == "Nicolas"
    assert [t.name for t in others] == ["Guillaume"]
    current, others = transfer_choices(desk, "Guillaume")
    assert {t.name for t in others} == {"Nicolas", "Pétronille"}
    names = [q.name for q in move_choices("LoGeAs")]
    assert "LoGeAs" not in names and "LoGeAsSauv" not in names and "Saturne" in names
