"""Merge a duplicate into an existing ticket (messages move, duplicate merged, target open,
both histories say so) and unmerge, which puts back exactly what merge changed."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from typing import Any

import pytest

from logeas_tui.core.clock import FixedClock
from logeas_tui.core.errors import HelpdeskError, NotFound, Refused
from logeas_tui.core.procedure import CLOSED_OK, MERGED, NEW, OPEN, PENDING, REMOVED
from logeas_tui.core.services import merge as svc
from logeas_tui.core.services.answers import ask_info
from logeas_tui.core.services.common import active_queue, add_message
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.tickets import close, mark_seen, new_ticket, note, set_pending
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import MAIL_IN, Ticket
from logeas_tui.core.store.tx import writing
from logeas_tui.core.store.views import TicketView


def mail_ticket(
    desk: Desk,
    subject: str,
    body: str,
    customer: str = "marie@example.fr",
    message_id: str | None = None,
) -> str:
    """A ticket as the mail pipeline leaves it: new, with one customer mail."""
    with writing():
        ticket = new_ticket(
            desk, active_queue("LoGeAs"), customer=customer, customer_name="", subject=subject
        )
        add_message(
            ticket,
            kind=MAIL_IN,
            from_addr=customer,
            to_addr="support@logeas.fr",
            subject=subject,
            body=body,
            date=desk.now(),
            message_id=message_id or f"{subject.replace(' ', '.')}@example.fr",
        )
    clock: FixedClock = desk.clock  # type: ignore[assignment]
    clock.advance(timedelta(minutes=5))
    return str(ticket.number)


def view(desk: Desk, number: str, me: str | None = None) -> TicketView:
    found = queries.ticket_view(number, me=me or desk.who, now=desk.clock.now())
    assert found is not None
    return found


def snapshot(desk: Desk, number: str) -> dict[str, Any]:
    """What a user sees of a ticket, minus the bookkeeping merge/unmerge must bump."""
    v = view(desk, number)
    row = asdict(v.row)
    for key in ("updated", "version"):
        row.pop(key)
    return {
        "row": row,
        "messages": [(m.id, m.kind, m.subject, m.merged_from) for m in v.messages],
        "merged_here": v.merged_here,
    }


def test_merge_moves_messages_and_opens_target(desk: Desk) -> None:
    target = mail_ticket(desk, "Imprimante", "Elle ne marche plus")
    dup = mail_ticket(desk, "Imprimante encore", "Toujours en panne")
    close(desk, target)
    result = svc.merge(desk, dup, target)
    assert result.number == target

    into = view(desk, target)
    assert into.row.state == OPEN
    assert [m.body for m in into.messages] == ["Elle ne marche plus", "Toujours en panne"]
    assert [m.merged_from for m in into.messages] == [None, dup]
    assert into.merged_here == (dup,)
    assert into.history[-1].action == "merge"
    assert dup in into.history[-1].detail

    gone = view(desk, dup)
    assert gone.row.state == MERGED
    assert gone.row.merged_into == target
    assert gone.messages == ()
    assert gone.history[-1].action == "merged"
    assert target in gone.history[-1].detail
    assert (gone.history[-1].old, gone.history[-1].new) == (NEW, MERGED)


def test_merged_ticket_leaves_the_review(desk: Desk) -> None:
    target = mail_ticket(desk, "Imprimante", "a")
    dup = mail_ticket(desk, "Imprimante bis", "b")
    svc.merge(desk, dup, target)
    review = queries.list_tickets(
        queries.TicketFilter(review=True), me="Nicolas", now=desk.clock.now()
    )
    assert [r.number for r in review] == [target]


def test_merge_into_itself_is_refused(desk: Desk) -> None:
    number = mail_ticket(desk, "Imprimante", "a")
    with pytest.raises(Refused, match="itself"):
        svc.merge(desk, number, number)
    assert view(desk, number).row.state == NEW


def test_merge_into_a_merged_ticket_is_refused(desk: Desk) -> None:
    a, b, c = (mail_ticket(desk, s, s) for s in ("un", "deux", "trois"))
    svc.merge(desk, b, a)
    with pytest.raises(Refused, match=a):  # says where b went
        svc.merge(desk, c, b)
    with pytest.raises(Refused):
        svc.merge(desk, b, c)  # a merged ticket cannot be merged again
    assert view(desk, c).row.state == NEW
    assert len(view(desk, c).messages) == 1


def test_merge_with_a_removed_ticket_is_refused(desk: Desk) -> None:
    a, b = mail_ticket(desk, "un", "a"), mail_ticket(desk, "deux", "b")
    Ticket.update(state=REMOVED).where(Ticket.number == b).execute()
    with pytest.raises(Refused, match="removed"):
        svc.merge(desk, a, b)
    with pytest.raises(Refused, match="removed"):
        svc.merge(desk, b, a)
    assert view(desk, a).row.state == NEW


def test_merge_of_an_unknown_ticket(desk: Desk) -> None:
    a = mail_ticket(desk, "un", "a")
    with pytest.raises(NotFound):
        svc.merge(desk, "2026112410000091", a)


def test_unmerge_restores_both_tickets_exactly(desk: Desk) -> None:
    target = mail_ticket(desk, "Imprimante", "a", message_id="t1@example.fr")
    dup = mail_ticket(desk, "Imprimante bis", "b", message_id="d1@example.fr")
    note(desk, dup, "appelé la cliente")
    set_pending(desk, dup, 3)
    ask_info(desk, target, "Quel modèle ?")  # target closed, mail-out added
    mark_seen(desk, target)
    mark_seen(desk, dup)
    before = {n: snapshot(desk, n) for n in (target, dup)}
    assert before[dup]["row"]["state"] == PENDING
    assert before[dup]["row"]["pending_until"] is not None
    assert before[target]["row"]["state"] == CLOSED_OK

    svc.merge(desk, dup, target)
    merged = snapshot(desk, target)
    assert merged["row"]["unseen"]  # the duplicate's mail is news in the target
    assert len(merged["messages"]) == 4

    result = svc.unmerge(desk, dup)
    assert result.number == dup
    assert result.notice is None
    after = {n: snapshot(desk, n) for n in (target, dup)}
    assert after == before
    assert view(desk, dup).history[-1].action == "unmerged"
    assert view(desk, target).history[-1].action == "unmerge"


def test_unmerge_keeps_a_target_that_changed_since(desk: Desk) -> None:
    target = mail_ticket(desk, "Imprimante", "a")
    dup = mail_ticket(desk, "Imprimante bis", "b")
    close(desk, target)
    svc.merge(desk, dup, target)
    close(desk, target)  # work went on in the target after the merge
    result = svc.unmerge(desk, dup)
    assert result.notice is not None and target in result.notice
    assert view(desk, target).row.state == CLOSED_OK  # not set back to its pre-merge state
    assert "kept" in view(desk, target).history[-1].detail
    back = view(desk, dup)
    assert back.row.state == NEW
    assert [m.body for m in back.messages] == ["b"]
    assert [m.body for m in view(desk, target).messages] == ["a"]


def test_unmerge_brings_back_messages_merged_earlier_into_the_duplicate(desk: Desk) -> None:
    a, b, c = (mail_ticket(desk, s, s) for s in ("un", "deux", "trois"))
    svc.merge(desk, a, b)
    svc.merge(desk, b, c)
    # each message says the ticket it came from, even through two merges
    assert [(m.body, m.merged_from) for m in view(desk, c).messages] == [
        ("un", a),
        ("deux", b),
        ("trois", None),
    ]
    with pytest.raises(Refused, match="unmerge it first"):
        svc.unmerge(desk, a)
    svc.unmerge(desk, b)
    assert sorted(m.body for m in view(desk, b).messages) == ["deux", "un"]
    assert [m.merged_from for m in view(desk, b).messages if m.body == "un"] == [a]
    svc.unmerge(desk, a)
    assert [m.body for m in view(desk, a).messages] == ["un"]
    assert [m.merged_from for m in view(desk, a).messages] == [None]
    assert [m.body for m in view(desk, c).messages] == ["trois"]


def test_unmerge_of_a_ticket_that_is_not_merged(desk: Desk) -> None:
    a = mail_ticket(desk, "un", "a")
    with pytest.raises(Refused, match="not merged"):
        svc.unmerge(desk, a)
    with pytest.raises(HelpdeskError, match="2026112410000091"):
        svc.unmerge(desk, "2026112410000091")


def test_merge_checks_the_duplicates_version(desk: Desk) -> None:
    from logeas_tui.core.errors import Conflict

    target = mail_ticket(desk, "un", "a")
    dup = mail_ticket(desk, "deux", "b")
    row = queries.ticket_row(dup, me=None, now=desk.clock.now())
    assert row is not None
    note(desk, dup, "quelqu'un d'autre est passé par là")
    with pytest.raises(Conflict):
        svc.merge(desk, dup, target, expected_version=row.version)
    assert view(desk, dup).row.state == NEW
    assert len(view(desk, target).messages) == 1
