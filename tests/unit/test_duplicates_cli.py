"""`logeas duplicates N [--json]` prints the candidates the merge dialog lists: the customer's
other live tickets, then similar subjects, each with its first line; mail text as text."""

# ruff: noqa: F811
from __future__ import annotations

# the command-line tests' fixtures `paths` and `cli` (same settings, same clock): imported, so
# each test's `cli` argument names the imported fixture
from tests.unit.test_cli import Cli, cli, paths, phone  # noqa: F401


def test_text_lists_the_customers_tickets_then_similar_subjects(cli: Cli) -> None:
    mine = phone(cli, "--close", subject="Imprimante bloquée")  # closed: never offered
    older = phone(cli, "--owner", "Nicolas", subject="Licence expirée")
    other = phone(
        cli,
        "--owner",
        "Nicolas",
        customer="paul@ailleurs.example",
        subject="TR: imprimante bloquee",
    )
    this = phone(cli, "--owner", "Nicolas", subject="Imprimante bloquée")

    run = cli("duplicates", this)

    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].startswith(older) and "Licence expirée" in lines[0]
    assert "same customer, likely duplicate" in lines[0]
    assert lines[1] == "    Outline of the call"
    assert lines[2].startswith(other) and "(similar subject)" in lines[2]
    assert mine not in run.out and this not in run.out


def test_json_carries_every_field(cli: Cli) -> None:
    older = phone(cli, "--owner", "Nicolas", subject="Licence expirée")
    this = phone(cli, "--owner", "Nicolas", subject="Re: licence expiree")

    run = cli("duplicates", this, "--json")

    assert run.code == 0, run.err
    assert run.json == [
        {
            "number": older,
            "subject": "Licence expirée",
            "customer": "jean.dupont@example.org",
            "customer_name": "",
            "state": "open",
            "created": run.json[0]["created"],  # type: ignore[index]
            "first_line": "Outline of the call",
            "same_customer": True,
            "strong": True,
        }
    ]


def test_an_escape_code_in_a_subject_is_printed_as_text(cli: Cli) -> None:
    phone(cli, "--owner", "Nicolas", subject="\x1b[31mrouge\x1b[0m \u202eevil")
    this = phone(cli, "--owner", "Nicolas", subject="autre")

    run = cli("duplicates", this)

    assert "\x1b" not in run.out and "\u202e" not in run.out
    assert "\\x1b[31mrouge\\x1b[0m \\u202eevil" in run.out
    assert "\x1b" not in cli("duplicates", this, "--json").out


def test_no_candidate_is_said(cli: Cli) -> None:
    this = phone(cli, "--owner", "Nicolas", subject="Seul")
    run = cli("duplicates", this)
    assert run.code == 0
    assert run.out == f"No possible duplicate of ticket {this} was found.\n"


def test_an_unknown_ticket_is_an_error(cli: Cli) -> None:
    run = cli("duplicates", "2026112410000011")
    assert run.code == 1
    assert "2026112410000011" in run.err
