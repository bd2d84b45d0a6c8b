"""Obsolete queues are read-only (PROCEDURE.md § 3): a ticket there can be read and moved out,
nothing else — every other service refuses it with one sentence and changes nothing, and the
command line says that sentence. A customer's reply is never lost: it joins the ticket, which
moves to the default queue with a history line saying so."""

from __future__ import annotations

from pathlib import Path

import pytest

from logeas_tui.core import procedure
from logeas_tui.core.errors import Refused
from logeas_tui.core.procedure import IN_OBSOLETE_QUEUE, NEW, OBSOLETE_QUEUE, OPEN
from logeas_tui.core.services import handoff, merge, tickets
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.inbound import ingest
from logeas_tui.core.store.connection import close_store, open_store
from logeas_tui.core.store.models import History, Queue, Ticket
from tests.factories import stored_mail, stranger_writes
from tests.unit.test_cli import Cli, body_file, cli, paths, phone  # noqa: F401  (fixtures)
from tests.unit.test_procedure import SERVICES, ticket_in

OBSOLETE = "LoGeAs:Relation ERF"


def obsolete_ticket(desk: Desk) -> str:
    return stored_mail(
        desk, sender="erf@exemple.fr", name="ERF", subject="Relevé ERF 2025", body="Ci-joint.\n"
    )


def put_in_obsolete(number: str) -> None:
    """As the queue was made obsolete with the ticket in it (moving there is refused)."""
    obsolete = Queue.get(Queue.name == OBSOLETE).id
    Ticket.update(queue=obsolete).where(Ticket.number == number).execute()


def in_obsolete(desk: Desk) -> str:
    number = obsolete_ticket(desk)
    put_in_obsolete(number)
    return number


@pytest.mark.parametrize("action", sorted(set(procedure.ACTIONS) - IN_OBSOLETE_QUEUE))
def test_every_action_but_move_is_refused_there(desk: Desk, action: str) -> None:
    state = procedure.ACTIONS[action].accepts[0]  # a state that would allow it elsewhere
    number = ticket_in(desk, state)
    put_in_obsolete(number)
    before = Ticket.get(Ticket.number == number)
    lines = History.select().where(History.ticket == before.id).count()
    with pytest.raises(Refused) as caught:
        SERVICES[action](desk, number)
    assert str(caught.value) == (
        f"Ticket {number} is in an obsolete queue, which is read-only: move it to an active "
        "queue first."
    )
    marks = {OBSOLETE_QUEUE, procedure.ACTIONS[action].needs} - {""}
    assert procedure.refusal(action, state, number, marks=marks) == str(caught.value)
    after = Ticket.get(Ticket.number == number)
    assert (after.state, after.queue_id, after.owner_id) == (state, before.queue_id, None)
    if action != "accept":  # (its setup writes a mail from an unknown sender first)
        assert after.version == before.version
        assert History.select().where(History.ticket == before.id).count() == lines


def test_nothing_is_merged_into_a_ticket_there(desk: Desk) -> None:
    target = in_obsolete(desk)
    dup = stored_mail(desk, sender="paul@example.fr", name="Paul", subject="Doublon", body="…")
    with pytest.raises(Refused, match="obsolete queue"):
        merge.merge(desk, dup, target)
    assert Ticket.get(Ticket.number == dup).state == NEW


def test_moving_it_out_is_allowed_and_then_it_is_worked_on(desk: Desk) -> None:
    number = in_obsolete(desk)
    handoff.move(desk, number, "LoGeAs")
    assert Ticket.get(Ticket.number == number).queue.name == "LoGeAs"
    tickets.note(desk, number, "Sorti de la file obsolète.")  # no longer refused


def reply_to(number: str, tag: str = "1") -> bytes:
    return (
        "From: ERF <erf@exemple.fr>\r\nTo: support@logeas.fr\r\n"
        f"Subject: Re: [Ticket#{number}] Relevé ERF 2025\r\n"
        f"Message-ID: <reply-{tag}-{number}@exemple.fr>\r\n"
        "\r\nVoici le relevé corrigé.\r\n"
    ).encode()


def test_a_customer_reply_joins_the_ticket_and_moves_it_to_the_default_queue(desk: Desk) -> None:
    number = obsolete_ticket(desk)
    tickets.close(desk, number)
    put_in_obsolete(number)
    result = ingest(desk, reply_to(number), ())
    assert result.number == number  # joined, not a new ticket
    ticket = Ticket.get(Ticket.number == number)
    assert ticket.queue.name == desk.config.default_queue == "LoGeAs"
    assert ticket.state == OPEN  # and reopened, as any customer reply to a closed ticket
    line = (
        History.select()
        .where((History.ticket == ticket.id) & (History.action == "queue"))
        .order_by(History.id.desc())
        .get()
    )
    assert (line.who, line.old, line.new) == ("erf@exemple.fr", OBSOLETE, "LoGeAs")
    assert "obsolete queues are read-only" in line.detail


def test_an_unknown_senders_mail_joins_it_and_leaves_it_where_it_is(desk: Desk) -> None:
    """Not the customer's reply until a technician accepts it (after moving the ticket out)."""
    number = in_obsolete(desk)
    stranger_writes(desk, number)
    assert Ticket.get(Ticket.number == number).queue.name == OBSOLETE


def test_the_command_line_refuses_with_the_one_sentence(
    cli: Cli,  # noqa: F811  (the fixture imported above)
    paths: tuple[Path | str, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    number = phone(cli, "--owner", "Nicolas")
    open_store(str(paths[0]))
    try:
        put_in_obsolete(number)
    finally:
        close_store()
    refused = cli("note", number, "--body-file", body_file(tmp_path, "Rappelé."))
    assert refused.code == 1 and refused.out == ""
    assert refused.err == (
        f"error: Ticket {number} is in an obsolete queue, which is read-only: move it to an "
        "active queue first.\n"
    )
    assert cli("move", number, "LoGeAs").code == 0  # moving it out is allowed
    assert cli("note", number, "--body-file", body_file(tmp_path, "Rappelé.")).code == 0
