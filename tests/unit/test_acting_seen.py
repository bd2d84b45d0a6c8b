"""Acting on a ticket marks its customer mail seen by me — the same mark opening it sets — in
the service call itself, so the keys and the command line agree: the ticket leaves my review
(and loses its ● in the list) once I have answered it, put it on pending, noted on it… A mail
that arrives later is news again, and a colleague's review is theirs."""

# ruff: noqa: F811  (the command line's fixtures, imported below)

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from logeas_tui.core.services import answers, handoff, tickets
from logeas_tui.core.services.desk import ActionResult, Desk
from logeas_tui.core.services.inbound import ingest
from logeas_tui.core.store import queries
from tests.factories import stored_mail
from tests.unit.test_cli import Cli, body_file, cli, paths  # noqa: F401  (fixtures)

ACTS: dict[str, Callable[[Desk, str], ActionResult]] = {
    "pending": lambda desk, n: tickets.set_pending(desk, n, 3),
    "reply": lambda desk, n: answers.reply(desk, n, "Voici la réponse."),
    "ask": lambda desk, n: answers.ask_info(desk, n, "Quelle version ?"),
    "note": lambda desk, n: tickets.note(desk, n, "Rappelé la cliente."),
    "close": lambda desk, n: tickets.close(desk, n),
    "take": lambda desk, n: tickets.take(desk, n),
    "assign": lambda desk, n: tickets.assign(desk, n, "Pétronille"),
    "transfer": lambda desk, n: handoff.transfer(desk, n, "Guillaume"),
    "move": lambda desk, n: handoff.move(desk, n, "Secrétariat"),
}


def unseen(desk: Desk, number: str, me: str = "Nicolas") -> bool:
    row = queries.ticket_row(number, me=me, now=desk.now())
    assert row is not None
    return row.unseen


def reply_from_customer(number: str, tag: str) -> bytes:
    return (
        "From: Marie <marie@example.fr>\r\nTo: support@logeas.fr\r\n"
        f"Subject: Re: [Ticket#{number}] Sauvegarde\r\nMessage-ID: <{tag}-{number}@example.fr>\r\n"
        "\r\nToujours en panne.\r\n"
    ).encode()


def mail_ticket(desk: Desk) -> str:
    return stored_mail(
        desk, sender="marie@example.fr", name="Marie", subject="Sauvegarde", body="En panne.\n"
    )


@pytest.mark.parametrize("action", sorted(ACTS))
def test_acting_marks_the_customer_mail_seen_by_me(desk: Desk, action: str) -> None:
    number = mail_ticket(desk)
    assert unseen(desk, number)
    ACTS[action](desk, number)
    assert not unseen(desk, number)
    assert unseen(desk, number, me="Pétronille")  # hers is hers: she has not read it


def test_a_mail_after_my_action_is_news_again(desk: Desk) -> None:
    number = mail_ticket(desk)
    answers.reply(desk, number, "Voici la réponse.")
    ingest(desk, reply_from_customer(number, "again"), ())  # the pipeline marks nothing seen
    assert unseen(desk, number)
    review = queries.list_tickets(queries.TicketFilter(review=True), me="Nicolas", now=desk.now())
    assert number in [r.number for r in review]


def review_numbers(cli: Cli) -> list[str]:
    run = cli("list", "--review")
    assert run.code == 0, run.err
    return [line.split()[0] for line in run.out.splitlines()]


def test_the_command_line_marks_it_seen_too(cli: Cli, tmp_path: Path) -> None:
    mail = tmp_path / "first.eml"
    mail.write_bytes(b"From: marie@example.fr\nSubject: Sauvegarde\n\nEn panne.\n")
    assert cli("import", str(mail), "--no-ack").code == 0
    (number,) = review_numbers(cli)  # new: in my review whatever I have seen
    assert cli("close", number).code == 0
    again = tmp_path / "again.eml"
    again.write_bytes(reply_from_customer(number, "cli"))
    assert cli("import", str(again), "--no-ack").code == 0
    assert review_numbers(cli) == [number]  # reopened with a mail I have not seen
    assert cli("note", number, "--body-file", body_file(tmp_path, "Rappelée.")).code == 0
    assert review_numbers(cli) == []  # open, and its mail seen by me: not in my review
