"""The simple actions: close, reopen, pending reminder, internal note, take, assign; the
version check that stops an update from overwriting someone else's; per-technician seen marks."""

from __future__ import annotations

from datetime import timedelta

import pytest

from logeas_tui.core.clock import FixedClock
from logeas_tui.core.errors import Conflict, InvalidInput, Refused
from logeas_tui.core.procedure import CLOSED_KO, CLOSED_OK, MERGED, NEW, OPEN, PENDING, REMOVED
from logeas_tui.core.services import tickets as svc
from logeas_tui.core.services.common import active_queue, add_message, get_ticket, save
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.merge import merge
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import MAIL_IN, NOTE, History, Ticket
from logeas_tui.core.store.tx import writing
from logeas_tui.core.store.views import TicketRow, TicketView
from logeas_tui.texts import Catalog


def phone(desk: Desk, owner: str | None = "Nicolas") -> str:
    return svc.create_phone_ticket(
        desk,
        customer="marie@example.fr",
        queue="LoGeAs",
        subject="Sauvegarde",
        body="…",
        owner=owner,
        close=owner is None,
    ).number


def mail_ticket(desk: Desk, subject: str = "Sauvegarde") -> str:
    with writing():
        ticket = svc.new_ticket(
            desk,
            active_queue("LoGeAs"),
            customer="marie@example.fr",
            customer_name="",
            subject=subject,
        )
        add_message(
            ticket,
            kind=MAIL_IN,
            from_addr="marie@example.fr",
            subject=subject,
            body="Bonjour",
            date=desk.now(),
            message_id=f"{subject}@example.fr",
        )
    return str(ticket.number)


def customer_writes(desk: Desk, number: str) -> None:
    with writing():
        add_message(
            get_ticket(number),
            kind=MAIL_IN,
            from_addr="marie@example.fr",
            subject="Re",
            body="Encore moi",
            date=desk.now(),
        )


def view(desk: Desk, number: str) -> TicketView:
    found = queries.ticket_view(number, me=desk.who, now=desk.clock.now())
    assert found is not None
    return found


def row(desk: Desk, number: str, me: str | None = None) -> TicketRow:
    found = queries.ticket_row(number, me=me or desk.who, now=desk.clock.now())
    assert found is not None
    return found


# close / reopen


def test_close_successful_then_unsuccessful(desk: Desk) -> None:
    number = phone(desk)
    svc.close(desk, number)
    assert row(desk, number).state == CLOSED_OK
    with pytest.raises(Refused, match="already"):
        svc.close(desk, number)
    svc.close(desk, number, successful=False)
    assert row(desk, number).state == CLOSED_KO
    with pytest.raises(Refused, match="already"):
        svc.close(desk, number, successful=False)
    entries = [(h.action, h.old, h.new) for h in view(desk, number).history]
    assert entries[-2:] == [("state", OPEN, CLOSED_OK), ("state", CLOSED_OK, CLOSED_KO)]


def test_closing_a_pending_ticket_drops_its_reminder(desk: Desk) -> None:
    number = phone(desk)
    svc.set_pending(desk, number, 2)
    svc.close(desk, number)
    assert row(desk, number).pending_until is None


def test_reopen_closed_or_pending(desk: Desk) -> None:
    number = phone(desk, owner=None)
    assert row(desk, number).state == CLOSED_OK
    svc.reopen(desk, number)
    assert row(desk, number).state == OPEN
    svc.set_pending(desk, number, 1)
    svc.reopen(desk, number)
    r = row(desk, number)
    assert (r.state, r.pending_until) == (OPEN, None)


def test_reopen_of_an_open_or_new_ticket_is_refused(desk: Desk) -> None:
    number = phone(desk)
    with pytest.raises(Refused, match="nothing to reopen"):
        svc.reopen(desk, number)
    new = mail_ticket(desk)
    with pytest.raises(Refused):
        svc.reopen(desk, new)
    assert row(desk, new).state == NEW


def test_merged_or_removed_tickets_refuse_every_action(desk: Desk) -> None:
    target, dup, removed = phone(desk), phone(desk), phone(desk)
    merge(desk, dup, target)
    Ticket.update(state=REMOVED).where(Ticket.number == removed).execute()
    for number in (dup, removed):
        for action in (
            lambda n=number: svc.close(desk, n),
            lambda n=number: svc.reopen(desk, n),
            lambda n=number: svc.set_pending(desk, n, 2),
            lambda n=number: svc.note(desk, n, "x"),
            lambda n=number: svc.take(desk.acting_as("Guillaume"), n),
        ):
            with pytest.raises(Refused):
                action()
    assert row(desk, dup).state == MERGED
    assert row(desk, removed).state == REMOVED


# pending reminder


def test_set_pending_sets_the_due_date(desk: Desk) -> None:
    number = phone(desk)
    svc.set_pending(desk, number, 7)
    r = row(desk, number)
    assert r.state == PENDING
    assert r.pending_until == desk.now() + timedelta(days=7)
    assert not r.reminder_due
    clock: FixedClock = desk.clock  # type: ignore[assignment]
    clock.advance(timedelta(days=7))
    assert row(desk, number).reminder_due
    assert "reminder on" in view(desk, number).history[-1].detail


@pytest.mark.parametrize("days", [0, -3, 366])
def test_set_pending_refuses_silly_delays(desk: Desk, days: int) -> None:
    number = phone(desk)
    with pytest.raises(InvalidInput) as caught:
        svc.set_pending(desk, number, days)
    assert caught.value.field == "days"
    assert row(desk, number).state == OPEN


# note


def test_note_is_internal_and_keeps_the_state(desk: Desk) -> None:
    number = phone(desk)
    svc.note(desk, number, "Rappelé la cliente.\nElle rappellera demain.")
    ticket = view(desk, number)
    assert ticket.row.state == OPEN
    assert ticket.messages[-1].kind == NOTE
    assert ticket.messages[-1].body == "Rappelé la cliente.\nElle rappellera demain."
    assert ticket.messages[-1].author == "Nicolas"
    assert (ticket.history[-1].action, ticket.history[-1].detail) == ("note", "Rappelé la cliente.")


def test_empty_note_is_refused(desk: Desk) -> None:
    number = phone(desk)
    with pytest.raises(InvalidInput) as caught:
        svc.note(desk, number, " \n ")
    assert caught.value.field == "body"
    assert len(view(desk, number).messages) == 1


# take / assign


def test_take_makes_me_the_owner(desk: Desk) -> None:
    number = phone(desk, owner="Guillaume")
    svc.take(desk, number)
    assert row(desk, number).owner == "Nicolas"
    entry = view(desk, number).history[-1]
    assert (entry.action, entry.old, entry.new) == ("owner", "Guillaume", "Nicolas")
    with pytest.raises(Refused, match="already owns"):
        svc.take(desk, number)


def test_take_an_unowned_ticket(desk: Desk) -> None:
    number = phone(desk, owner=None)
    svc.take(desk.acting_as("Pétronille"), number)
    r = row(desk, number)
    assert (r.owner, r.state) == ("Pétronille", CLOSED_OK)
    assert view(desk, number).history[-1].old == ""


def test_assign_to_someone_else(desk: Desk) -> None:
    number = phone(desk)
    svc.assign(desk, number, "Pétronille")
    assert row(desk, number).owner == "Pétronille"
    with pytest.raises(InvalidInput) as caught:
        svc.assign(desk, number, "Gontran")
    assert caught.value.field == "owner"


# optimistic locking


def test_a_stale_update_raises_conflict_and_changes_nothing(desk: Desk) -> None:
    number = phone(desk)
    seen_version = row(desk, number).version
    svc.note(desk.acting_as("Pétronille"), number, "Pétronille est passée avant")
    current = row(desk, number)
    assert current.version == seen_version + 1
    history_before = History.select().count()
    for action in (
        lambda: svc.close(desk, number, expected_version=seen_version),
        lambda: svc.set_pending(desk, number, 2, expected_version=seen_version),
        lambda: svc.note(desk, number, "moi aussi", expected_version=seen_version),
        lambda: svc.assign(desk, number, "Guillaume", expected_version=seen_version),
        lambda: svc.take(desk.acting_as("Guillaume"), number, expected_version=seen_version),
    ):
        with pytest.raises(Conflict, match=r"changed by Pétronille meanwhile \(note\)"):
            action()
    after = row(desk, number)
    assert (after.state, after.owner, after.version) == (OPEN, "Nicolas", current.version)
    assert History.select().count() == history_before
    assert len(view(desk, number).messages) == 2
    # with the fresh version it goes through
    svc.close(desk, number, expected_version=current.version)
    assert row(desk, number).state == CLOSED_OK


def test_a_conflict_says_who_changed_the_ticket_and_how_in_the_readers_language(
    desk: Desk,
) -> None:
    number = phone(desk)
    seen = row(desk, number).version
    svc.close(desk.acting_as("Guillaume"), number)
    with pytest.raises(Conflict) as caught:
        svc.note(desk, number, "trop tard", expected_version=seen)
    assert str(caught.value) == (
        f"Ticket {number} was changed by Guillaume meanwhile (closed successful)."
    )
    assert Catalog("fr").say(caught.value) == (
        f"Le ticket {number} a été modifié par Guillaume entre-temps (fermé avec succès)."
    )
    seen = row(desk, number).version
    svc.assign(desk.acting_as("Guillaume"), number, "Pétronille")
    with pytest.raises(Conflict, match=r"by Guillaume meanwhile \(owner → Pétronille\)") as caught:
        svc.reopen(desk, number, expected_version=seen)
    assert "(propriétaire → Pétronille)" in Catalog("fr").say(caught.value)
    seen = row(desk, number).version
    svc.reopen(desk.acting_as("Pétronille"), number)
    with pytest.raises(Conflict) as caught:
        svc.take(desk, number, expected_version=seen)
    assert Catalog("fr").say(caught.value).endswith("par Pétronille entre-temps (ouvert).")


def test_save_refuses_a_ticket_changed_since_it_was_read(desk: Desk) -> None:
    number = phone(desk)
    with writing():
        mine = get_ticket(number)
    svc.close(desk.acting_as("Pétronille"), number)  # someone else, meanwhile
    with pytest.raises(Conflict), writing():
        save(desk, mine, state=PENDING)
    assert row(desk, number).state == CLOSED_OK


def test_every_change_bumps_the_version(desk: Desk) -> None:
    number = phone(desk)
    versions = [row(desk, number).version]
    for action in (
        lambda: svc.note(desk, number, "x"),
        lambda: svc.set_pending(desk, number, 1),
        lambda: svc.reopen(desk, number),
        lambda: svc.assign(desk, number, "Guillaume"),
        lambda: svc.close(desk, number),
    ):
        action()
        versions.append(row(desk, number).version)
    assert versions == sorted(set(versions))


# seen marks


def test_mark_seen_clears_my_flag_only(desk: Desk) -> None:
    number = mail_ticket(desk)
    assert row(desk, number, "Nicolas").unseen
    assert row(desk, number, "Pétronille").unseen
    svc.mark_seen(desk, number)
    assert not row(desk, number, "Nicolas").unseen
    assert row(desk, number, "Pétronille").unseen
    # a new customer mail raises the flag again
    customer_writes(desk, number)
    assert row(desk, number, "Nicolas").unseen
    svc.mark_seen(desk.acting_as("Pétronille"), number)
    assert row(desk, number, "Nicolas").unseen
    assert not row(desk, number, "Pétronille").unseen


def test_my_own_notes_and_replies_raise_no_flag(desk: Desk) -> None:
    number = mail_ticket(desk)
    svc.mark_seen(desk, number)
    svc.note(desk, number, "vu")
    assert not row(desk, number, "Nicolas").unseen


def test_mark_seen_of_unknown_ticket_or_technician_does_nothing(desk: Desk) -> None:
    number = mail_ticket(desk)
    svc.mark_seen(desk, "2026112410000091")
    svc.mark_seen(desk.acting_as("Inconnu"), number)
    assert row(desk, number, "Nicolas").unseen
