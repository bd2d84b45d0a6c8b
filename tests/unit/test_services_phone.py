"""New phone ticket: the customer is a valid address or a phone number turned into
`<digits>@logeas.fr`, the queue is active, and the ticket is closed at once or given an owner."""

from __future__ import annotations

import pytest

from logeas_tui.core import numbers
from logeas_tui.core.errors import InvalidInput
from logeas_tui.core.procedure import CLOSED_OK, OPEN
from logeas_tui.core.services.customers import customer_address, phone_digits
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.tickets import create_phone_ticket
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import PHONE, Ticket
from logeas_tui.core.store.views import TicketView


def call(desk: Desk, **overrides: object) -> str:
    fields: dict[str, object] = {
        "customer": "marie.dupont@example.fr",
        "queue": "LoGeAs",
        "subject": "Impression des reçus",
        "body": "La cliente ne peut plus imprimer.",
        "owner": "Nicolas",
    }
    fields.update(overrides)
    return create_phone_ticket(desk, **fields).number  # type: ignore[arg-type]


def view(desk: Desk, number: str) -> TicketView:
    found = queries.ticket_view(number, me=desk.who, now=desk.clock.now())
    assert found is not None
    return found


def refused(desk: Desk, **overrides: object) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        call(desk, **overrides)
    return caught.value


def test_email_is_stored_lower_case(desk: Desk) -> None:
    number = call(desk, customer="  Marie.Dupont@Example.FR ")
    assert view(desk, number).row.customer == "marie.dupont@example.fr"


@pytest.mark.parametrize(
    "typed",
    [
        "01 23 45 67 89",
        "0123456789",
        "+33 1 23 45 67 89",
        "0033 1 23 45 67 89",
        "01.23.45.67.89",
        "01-23-45-67-89",
        "+33 (0)1 23 45 67 89",
    ],
)
def test_phone_number_becomes_placeholder_address(desk: Desk, typed: str) -> None:
    number = call(desk, customer=typed)
    assert view(desk, number).row.customer == "0123456789@logeas.fr"


def test_foreign_number_keeps_its_international_prefix() -> None:
    assert phone_digits("+44 20 7946 0958") == "00442079460958"
    assert customer_address("+44 20 7946 0958", "logeas.fr") == "00442079460958@logeas.fr"


def test_placeholder_uses_the_configured_domain() -> None:
    assert customer_address("01 23 45 67 89", "example.org") == "0123456789@example.org"


@pytest.mark.parametrize(
    "typed",
    ["marie.dupont@", "marie dupont@example.fr", "@example.fr", "Marie Dupont", "12 34", "", "   "],
)
def test_invalid_customer_is_refused_on_its_field(desk: Desk, typed: str) -> None:
    error = refused(desk, customer=typed)
    assert error.field == "customer"
    assert str(error)
    assert Ticket.select().count() == 0


def test_obsolete_queue_is_refused_on_its_field(desk: Desk) -> None:
    error = refused(desk, queue="LoGeAsSauv")
    assert error.field == "queue"
    assert "obsolete" in str(error)
    assert Ticket.select().count() == 0


def test_unknown_queue_lists_active_ones(desk: Desk) -> None:
    error = refused(desk, queue="Support")
    assert error.field == "queue"
    assert "LoGeAs" in str(error) and "LoGeAsSauv" not in str(error)


def test_unfinished_call_without_owner_is_refused(desk: Desk) -> None:
    error = refused(desk, owner=None, close=False)
    assert error.field == "owner"
    assert "owner" in str(error)
    assert Ticket.select().count() == 0


def test_unknown_owner_is_refused(desk: Desk) -> None:
    error = refused(desk, owner="Personne")
    assert error.field == "owner"
    assert "Nicolas" in str(error)  # says who exists


def test_empty_subject_is_refused(desk: Desk) -> None:
    assert refused(desk, subject="  ").field == "subject"


def test_finished_intervention_is_closed_at_once(desk: Desk) -> None:
    number = call(desk, owner=None, close=True)
    row = view(desk, number).row
    assert row.state == CLOSED_OK
    assert row.owner is None


def test_unfinished_intervention_is_open_with_its_owner(desk: Desk) -> None:
    number = call(desk, owner="Guillaume", queue="Secrétariat", customer_name="Mme Dupont")
    ticket = view(desk, number)
    assert ticket.row.state == OPEN
    assert ticket.row.owner == "Guillaume"
    assert ticket.row.queue == "Secrétariat"
    assert ticket.row.customer_name == "Mme Dupont"
    assert ticket.row.subject == "Impression des reçus"


def test_the_call_is_recorded_as_message_and_history(desk: Desk) -> None:
    number = call(desk, customer="01 23 45 67 89")
    ticket = view(desk, number)
    [message] = ticket.messages
    assert message.kind == PHONE
    assert message.body == "La cliente ne peut plus imprimer."
    assert message.from_addr == "0123456789@logeas.fr"
    assert message.author == "Nicolas"
    [entry] = ticket.history
    assert (entry.action, entry.who, entry.new) == ("created", "Nicolas", OPEN)
    assert "0123456789@logeas.fr" in entry.detail and "LoGeAs" in entry.detail


def test_number_is_valid_and_dated_in_paris(desk: Desk) -> None:
    first, second = call(desk), call(desk)
    assert numbers.is_valid(first) and numbers.is_valid(second)
    assert first[:8] == "20261124" and first[10:15] == "00001"
    assert second[10:15] == "00002"


def test_number_date_is_the_local_date_after_midnight_in_paris(desk: Desk) -> None:
    from datetime import UTC, datetime

    desk.clock.set(datetime(2026, 11, 24, 23, 30, tzinfo=UTC))  # type: ignore[attr-defined]
    assert call(desk)[:8] == "20261125"  # 00:30 on the 25th in Paris


def test_a_refused_call_does_not_use_up_a_number(desk: Desk) -> None:
    refused(desk, queue="LoGeAsSauv")
    refused(desk, owner="Personne")
    assert call(desk)[10:15] == "00001"


def test_the_phone_form_offers_no_queue_where_a_call_does_not_belong(desk):
    from logeas_tui.core.services.tickets import intake_queues

    offered = intake_queues()
    assert "LoGeAs" in offered and "Secrétariat" in offered
    assert not {"Delete", "Spam", "Virus", "Mailing"} & set(offered)
