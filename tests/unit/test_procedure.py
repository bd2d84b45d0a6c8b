"""The action table (core.procedure) and the services agree: every service, called on a ticket
in every state, refuses exactly where the table says so, with the table's sentence, and leaves
the state the table gives. A mail from the customer follows the table's customer-reply row."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from logeas_tui.core import procedure
from logeas_tui.core.errors import Refused
from logeas_tui.core.procedure import (
    BEFORE,
    CLOSED_KO,
    CLOSED_OK,
    KEPT,
    LIVE_STATES,
    MERGED,
    NEW,
    OPEN,
    PENDING,
    REMOVED,
    REPLIED,
    STATES,
    UNKNOWN_SENDER,
)
from logeas_tui.core.services import answers, handoff, merge, senders, tickets
from logeas_tui.core.services.desk import ActionResult, Desk
from logeas_tui.core.store.models import Ticket
from tests.factories import stored_mail, stranger_writes

Service = Callable[[Desk, str], ActionResult]

# Each action of the table, called the way the keys and the command line call it.
SERVICES: dict[str, Service] = {
    "merge": lambda desk, n: merge.merge(desk, n, _other(desk)),
    "unmerge": lambda desk, n: merge.unmerge(desk, n),
    "reply": lambda desk, n: answers.reply(desk, n, "Voici la réponse."),
    "canned": lambda desk, n: answers.reply_canned(desk, n, _first_canned(desk)),
    "doc": lambda desk, n: answers.reply_doc(desk, n, _first_doc(desk)),
    "ask": lambda desk, n: answers.ask_info(desk, n, "Quelle version ?"),
    "pending": lambda desk, n: tickets.set_pending(desk, n, 3),
    "transfer": lambda desk, n: handoff.transfer(desk, n, "Guillaume"),
    "move": lambda desk, n: handoff.move(desk, n, "Secrétariat"),
    "close": lambda desk, n: tickets.close(desk, n),
    "close_unsuccessful": lambda desk, n: tickets.close(desk, n, successful=False),
    "reopen": lambda desk, n: tickets.reopen(desk, n),
    "note": lambda desk, n: tickets.note(desk, n, "Rappelé la cliente."),
    "take": lambda desk, n: tickets.take(desk.acting_as("Pétronille"), n),
    "assign": lambda desk, n: tickets.assign(desk, n, "Pétronille"),
    "accept": lambda desk, n: _accept(desk, n),
}


def _accept(desk: Desk, number: str) -> ActionResult:
    """Accept a mail from an unknown sender, written first where a mail can join the ticket."""
    if Ticket.get(Ticket.number == number).state in LIVE_STATES:
        stranger_writes(desk, number)
    return senders.accept_sender(desk, number)


def _first_canned(desk: Desk) -> str:
    from logeas_tui.core import texts

    return texts.canned_answers(desk.config.data_dir, desk.config.language)[0].name


def _first_doc(desk: Desk) -> str:
    from logeas_tui.core import texts

    return texts.doc_refs(desk.config.data_dir)[0].ref


def _other(desk: Desk) -> str:
    return stored_mail(desk, sender="paul@example.fr", name="Paul", subject="Autre", body="…")


def ticket_in(desk: Desk, state: str) -> str:
    """A mail ticket brought to `state` through the services (removed: as the purge leaves it)."""
    number = stored_mail(desk, sender="marie@example.fr", name="Marie", subject="Sauve", body="…")
    if state == OPEN:
        tickets.close(desk, number)
        tickets.reopen(desk, number)
    elif state == PENDING:
        tickets.set_pending(desk, number, 2)
    elif state in (CLOSED_OK, CLOSED_KO):
        tickets.close(desk, number, successful=state == CLOSED_OK)
    elif state == MERGED:
        merge.merge(desk, number, _other(desk))
    elif state == REMOVED:
        Ticket.update(state=REMOVED).where(Ticket.number == number).execute()
    assert Ticket.get(Ticket.number == number).state == state
    return number


def test_every_service_has_its_row_and_every_row_its_service() -> None:
    assert set(SERVICES) == set(procedure.ACTIONS)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", sorted(procedure.ACTIONS))
def test_the_services_do_what_the_table_says(desk: Desk, action: str, state: str) -> None:
    number = ticket_in(desk, state)
    ticket = Ticket.get(Ticket.number == number)
    target = Ticket.get_by_id(ticket.merged_into_id).number if ticket.merged_into_id else ""
    marks = {procedure.ACTIONS[action].needs} - {""}  # each service makes what it needs
    expected = procedure.refusal(action, state, number, target, marks)
    if expected is not None:
        with pytest.raises(Refused) as caught:
            SERVICES[action](desk, number)
        assert str(caught.value) == expected
        assert Ticket.get(Ticket.number == number).state == state  # nothing changed
        return
    result = SERVICES[action](desk, number)
    rule = procedure.ACTIONS[action]
    after = Ticket.get(Ticket.number == number).state
    if action == "merge":  # the duplicate is merged; the ticket it joined takes the row's state
        assert after == MERGED
        after = Ticket.get(Ticket.number == result.number).state
    if rule.leaves == (KEPT,):
        assert after == state
    elif rule.leaves == (BEFORE,):
        assert after == NEW  # unmerge gives back the state before the merge
    elif rule.leaves == (REPLIED,):
        assert after == procedure.after_customer_reply(state)
    else:
        assert after == rule.leaves[0]


def test_the_keys_and_the_services_share_the_sentences() -> None:
    assert procedure.refusal("reopen", OPEN, "X") is not None
    assert procedure.refusal("reopen", CLOSED_OK) is None
    assert procedure.refusal("close", CLOSED_OK) is not None
    assert procedure.refusal("close_unsuccessful", CLOSED_OK) is None
    assert procedure.refusal("unmerge", MERGED) is None
    assert procedure.refusal("unmerge", OPEN) is not None
    assert all(reason is not None for reason in procedure.allowed(REMOVED).values())
    merged = procedure.allowed(MERGED)
    assert merged["unmerge"] is None
    assert all(reason is not None for action, reason in merged.items() if action != "unmerge")


def test_an_action_that_needs_a_mark_is_refused_without_it() -> None:
    """Accept needs a mail from an unknown sender on the ticket, besides a live state."""
    assert procedure.refusal("accept", OPEN, "X", marks={UNKNOWN_SENDER}) is None
    lacking = procedure.refusal("accept", OPEN, "X")
    assert lacking is not None and lacking.key == "nothing_to_accept"
    assert procedure.refusal("accept", MERGED, "X", "Y", {UNKNOWN_SENDER}) == procedure.refusal(
        "close", MERGED, "X", "Y"
    )
    assert procedure.allowed(CLOSED_OK, marks={UNKNOWN_SENDER})["accept"] is None


def test_ask_with_a_reminder_leaves_the_tables_second_state(desk: Desk) -> None:
    number = ticket_in(desk, NEW)
    answers.ask_info(desk, number, "Quelle version ?", pending_days=4)
    assert Ticket.get(Ticket.number == number).state == procedure.leaves("ask", 1) == PENDING


@pytest.mark.parametrize("state", [NEW, OPEN, PENDING, CLOSED_OK, CLOSED_KO])
def test_a_customer_reply_follows_the_tables_row(desk: Desk, state: str) -> None:
    from logeas_tui.core.services.inbound import ingest

    number = ticket_in(desk, state)
    raw = (
        "From: Marie <marie@example.fr>\r\nTo: support@logeas.fr\r\n"
        f"Subject: Re: [Ticket#{number}] Sauve\r\nMessage-ID: <r-{number}@example.fr>\r\n"
        "\r\nToujours en panne.\r\n"
    ).encode()
    assert ingest(desk, raw, ()).number == number
    assert Ticket.get(Ticket.number == number).state == procedure.after_customer_reply(state)
