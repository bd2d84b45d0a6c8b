"""The full-text index is kept by the store itself: whatever writes a message (a service, an
edit in place, a bulk load), searching finds exactly what the messages say."""

from __future__ import annotations

from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.tickets import create_phone_ticket
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import Message, MessageIndex


def found(desk: Desk, text: str) -> list[str]:
    filt = queries.TicketFilter(search=text)
    return [r.number for r in queries.list_tickets(filt, me=None, now=desk.clock.now())]


def phone(desk: Desk, body: str) -> str:
    return create_phone_ticket(
        desk,
        customer="0123456789",
        queue="LoGeAs",
        subject="Imprimante",
        body=body,
        owner="Nicolas",
    ).number


def test_a_message_changed_in_place_is_searched_anew(desk: Desk) -> None:
    number = phone(desk, "bourrage papier")
    Message.update(body="toner vide").execute()
    assert found(desk, "toner") == [number]
    assert found(desk, "bourrage") == []
    assert found(desk, "imprimante") == [number]
    MessageIndex.integrity_check(rank=1)
