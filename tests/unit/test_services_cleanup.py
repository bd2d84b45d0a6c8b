"""The Delete queue: a ticket moved there is destroyed by the background job only after the
grace delay, so a mistaken move can be undone by moving it out."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from logeas_tui.core.clock import FixedClock
from logeas_tui.core.services.cleanup import purge_deleted
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.handoff import move
from logeas_tui.core.services.tickets import create_phone_ticket
from logeas_tui.core.store import queries
from logeas_tui.core.store.connection import is_sqlite
from logeas_tui.core.store.models import History, Message, MessageIndex, Ticket, db


def phone(desk: Desk, body: str = "…") -> str:
    return create_phone_ticket(
        desk,
        customer="marie@example.fr",
        queue="LoGeAs",
        subject="Publicité",
        body=body,
        owner="Nicolas",
    ).number


def later(desk: Desk, hours: float) -> None:
    clock: FixedClock = desk.clock  # type: ignore[assignment]
    clock.advance(timedelta(hours=hours))


def indexed_messages() -> int:
    """Messages the full-text index holds terms for (`messageindex` itself, external-content,
    would count the rows of `message`)."""
    return int(db.execute_sql("SELECT count(*) FROM messageindex_docsize").fetchone()[0])


def exists(number: str) -> bool:
    return bool(Ticket.select().where(Ticket.number == number).exists())


def test_moving_to_delete_warns_about_the_grace_delay(desk: Desk) -> None:
    number = phone(desk)
    result = move(desk, number, "Delete")
    assert result.notice is not None
    assert "24 h" in result.notice and number in result.notice


def test_deleted_ticket_survives_the_grace_delay_then_goes(desk: Desk) -> None:
    doomed = phone(desk, body="zygomatique")
    kept = phone(desk)
    move(desk, doomed, "Delete")
    later(desk, 23.9)
    assert purge_deleted(desk) == []
    assert exists(doomed)
    later(desk, 0.1)
    assert purge_deleted(desk) == [doomed]
    assert not exists(doomed)
    assert exists(kept)
    # nothing of it is left behind: messages, history, search index
    assert Message.select().count() == 1
    assert History.select().join(Ticket).where(Ticket.number == doomed).count() == 0
    if is_sqlite():
        assert indexed_messages() == 1
        MessageIndex.integrity_check(rank=1)  # and those terms are the kept message's
    assert (
        queries.list_tickets(
            queries.TicketFilter(search="zygomatique"), me=None, now=desk.clock.now()
        )
        == []
    )


def test_moving_out_of_delete_saves_the_ticket(desk: Desk) -> None:
    number = phone(desk)
    move(desk, number, "Delete")
    later(desk, 2)
    move(desk, number, "LoGeAs")
    later(desk, 48)
    assert purge_deleted(desk) == []
    assert exists(number)
    # moved back into Delete later: the delay starts again
    move(desk, number, "Delete")
    later(desk, 12)
    assert purge_deleted(desk) == []
    later(desk, 12)
    assert purge_deleted(desk) == [number]


def test_the_grace_delay_is_configurable(desk: Desk) -> None:
    quick = replace(desk, config=replace(desk.config, delete_grace_hours=2))
    number = phone(quick)
    assert "2 h" in (move(quick, number, "Delete").notice or "")
    later(quick, 2)
    assert purge_deleted(quick) == [number]


def test_nothing_to_purge(desk: Desk) -> None:
    phone(desk)
    later(desk, 1000)
    assert purge_deleted(desk) == []


def test_purging_a_merge_target_takes_its_merged_duplicates_along(desk):
    from logeas_tui.core.services import handoff, merge, tickets
    from logeas_tui.core.services.cleanup import purge_deleted
    from logeas_tui.core.store.models import Ticket

    make = dict(customer="a@client.example", queue="LoGeAs", body="x", owner="Nicolas")
    target = tickets.create_phone_ticket(desk, subject="target", **make).number
    dup = tickets.create_phone_ticket(desk, subject="dup", **make).number
    merge.merge(desk, dup, target)
    handoff.move(desk, target, "Delete")
    desk.clock.advance(timedelta(hours=desk.config.delete_grace_hours + 1))

    assert sorted(purge_deleted(desk)) == sorted([target, dup])
    assert Ticket.select().where(Ticket.number.in_([target, dup])).count() == 0
