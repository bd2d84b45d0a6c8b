"""The command line drives the whole procedure headless: every row of the action table, the
refusals a technician must see, the JSON shapes other tools rely on, and the demo data."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from logeas_tui.cli import main
from logeas_tui.core import numbers
from logeas_tui.core.store.connection import close_store, open_store
from logeas_tui.core.store.models import Outbox

CONFIG = """\
language = "en"
[support]
domain = "logeas.fr"
address = "support@logeas.fr"
system_id = "10"
me = "Nicolas"
[[technicians]]
name = "Nicolas"
email = "nicolas@logeas.fr"
level = 1
[[technicians]]
name = "Pétronille"
email = "petronille@logeas.fr"
level = 1
[[technicians]]
name = "Guillaume"
email = "guillaume@logeas.fr"
level = 2
"""
NOW = "2026-11-24T10:30"  # a Tuesday, Paris time


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def json(self) -> object:
        return json.loads(self.out)


Cli = Callable[..., Run]


@pytest.fixture
def paths(
    tmp_path: Path, db_path: Path | str, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path | str, Path]:
    config = tmp_path / "config.toml"
    config.write_text(CONFIG, encoding="utf-8")
    for var in ("LOGEAS_DB", "LOGEAS_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LOGEAS_NOW", NOW)
    return db_path, config


@pytest.fixture
def cli(paths: tuple[Path | str, Path], capsys: pytest.CaptureFixture[str]) -> Cli:
    db, config = paths

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main([*args, "--db", str(db), "--config", str(config)])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def phone(
    cli: Cli,
    *extra: str,
    customer: str = "jean.dupont@example.org",
    queue: str = "LoGeAs",
    subject: str = "Printer",
) -> str:
    run = cli(
        "phone",
        "--customer",
        customer,
        "--queue",
        queue,
        "--subject",
        subject,
        "--body",
        "Outline of the call",
        *extra,
    )
    assert run.code == 0, run.err
    number = run.out.strip()
    assert numbers.is_valid(number)
    return number


def show(cli: Cli, number: str) -> dict:
    run = cli("show", number, "--json")
    assert run.code == 0, run.err
    return run.json  # type: ignore[return-value]


def body_file(tmp_path: Path, text: str = "Hello,\nhere is the answer.\n") -> str:
    path = tmp_path / "body.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def outbox_rows(db: Path) -> list[Outbox]:
    open_store(str(db))
    try:
        return list(Outbox.select())
    finally:
        close_store()


# --- phone intake and its refusals -----------------------------------------------------------


def test_phone_number_becomes_placeholder_address(cli: Cli) -> None:
    run = cli(
        "phone",
        "--customer",
        "01 23 45 67 89",
        "--queue",
        "LoGeAs",
        "--subject",
        "Backup",
        "--body",
        "Explained the restore.",
        "--close",
        "--json",
    )
    assert run.code == 0, run.err
    ticket = run.json
    assert ticket["customer"] == "0123456789@logeas.fr"
    assert ticket["state"] == "closed successful"
    assert numbers.is_valid(ticket["number"])
    assert ticket["number"].startswith("20261124" + "10")
    assert [m["kind"] for m in ticket["messages"]] == ["phone"]
    assert ticket["messages"][0]["raw_sha256"] is None


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--customer", "jean@@example", "--queue", "LoGeAs", "--close"], "not a valid e-mail"),
        (["--customer", "jean@example.org", "--queue", "LoGeAsSauv", "--close"], "obsolete"),
        (["--customer", "jean@example.org", "--queue", "LoGeAs"], "owner"),
        (["--customer", "jean@example.org", "--queue", "LoGeAs", "--owner", "Zoé"], "Zoé"),
        (["--customer", "jean@example.org", "--queue", "Nowhere", "--close"], "no queue"),
    ],
)
def test_phone_refusals_say_what_to_fix(cli: Cli, args: list[str], words: str) -> None:
    run = cli("phone", "--subject", "Call", "--body", "B", *args)
    assert run.code == 1
    assert run.out == ""
    assert run.err.startswith("error: ") and run.err.count("\n") == 1
    assert words in run.err
    assert cli("list", "--json").json == []


def test_mistyped_command_line_exits_2(cli: Cli) -> None:
    assert cli("phone", "--customer", "x@example.org").code == 2
    both = cli(
        "phone",
        "--customer",
        "a@example.org",
        "--queue",
        "LoGeAs",
        "--subject",
        "S",
        "--body",
        "B",
        "--close",
        "--owner",
        "Nicolas",
    )
    assert both.code == 2 and "not allowed with" in both.err
    assert cli("list", "--state", "sleeping").code == 2


def test_common_options_before_or_after_the_verb(
    paths: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, config = paths
    assert (
        main(
            [
                "--db",
                str(db),
                "--config",
                str(config),
                "phone",
                "--customer",
                "a@example.org",
                "--queue",
                "LoGeAs",
                "--subject",
                "S",
                "--body",
                "B",
                "--close",
            ]
        )
        == 0
    )
    number = capsys.readouterr().out.strip()
    assert main(["--json", "list", "--db", str(db), "--config", str(config)]) == 0
    assert [t["number"] for t in json.loads(capsys.readouterr().out)] == [number]
    assert main(["show", number, "--config", str(config), "--json", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out)["number"] == number
    if not isinstance(db, Path):
        return
    # the value given after the verb wins; nothing was written to the other file
    other = db.with_name("other.sqlite")
    assert (
        main(["--db", str(other), "list", "--json", "--db", str(db), "--config", str(config)]) == 0
    )
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert not other.exists()


# --- the action table ------------------------------------------------------------------------


def test_merge_makes_the_target_open(cli: Cli) -> None:
    target = phone(cli, "--close")
    dup = phone(cli, "--owner", "Nicolas", subject="Printer again")
    run = cli("merge", dup, target)
    assert run.code == 0 and run.out.strip() == target
    assert show(cli, target)["state"] == "open"
    merged = show(cli, dup)
    assert merged["state"] == "merged" and merged["merged_into"] == target
    assert [m["subject"] for m in show(cli, target)["messages"]] == ["Printer", "Printer again"]


def test_unmerge_restores_both_tickets_exactly(cli: Cli) -> None:
    target = phone(cli, "--close")
    dup = phone(cli, "--owner", "Guillaume", customer="0612345678", subject="Again")
    assert cli("pending", dup, "--days", "5").code == 0
    before = {n: show(cli, n) for n in (target, dup)}
    assert cli("merge", dup, target).code == 0
    run = cli("unmerge", dup)
    assert run.code == 0 and run.out.strip() == dup
    for number, old in before.items():
        new = show(cli, number)
        for data in (old, new):
            del data["updated"], data["history"], data["version"]  # the change counter moves
        assert new == old
    assert show(cli, target)["state"] == "closed successful"
    assert show(cli, dup)["state"] == "pending reminder"


def test_reply_closes_and_mails_a_real_customer(
    cli: Cli, paths: tuple[Path, Path], tmp_path: Path
) -> None:
    number = phone(cli, "--owner", "Nicolas")
    run = cli("reply", number, "--body-file", body_file(tmp_path), "--json")
    assert run.code == 0, run.err
    assert run.json["state"] == "closed successful"
    assert run.json["messages"][-1]["kind"] == "mail-out"
    mails = outbox_rows(paths[0])
    assert len(mails) == 1
    assert mails[0].recipient == "jean.dupont@example.org"
    assert f"[Ticket#{number}]" in mails[0].subject
    listed = cli("outbox", "--json")
    assert listed.code == 0 and [m["ticket"] for m in listed.json] == [number]


def test_reply_to_phone_customer_mails_nothing_and_says_so(
    cli: Cli, paths: tuple[Path, Path], tmp_path: Path
) -> None:
    number = phone(cli, "--owner", "Nicolas", customer="+33 6 12 34 56 78")
    run = cli("reply", number, "--body-file", body_file(tmp_path))
    assert run.code == 0 and run.out.strip() == number
    assert run.err.startswith("note: ") and "0612345678@logeas.fr" in run.err
    assert show(cli, number)["state"] == "closed successful"
    assert outbox_rows(paths[0]) == []


@pytest.mark.parametrize("how", [["--canned", "merci"], ["--doc", "install"]])
def test_canned_answer_and_doc_reference_close(
    cli: Cli, paths: tuple[Path, Path], how: list[str]
) -> None:
    number = phone(cli, "--owner", "Nicolas")
    assert cli("reply", number, *how).code == 0
    ticket = show(cli, number)
    assert ticket["state"] == "closed successful"
    assert number in ticket["messages"][-1]["subject"]
    assert len(outbox_rows(paths[0])) == 1


def test_reply_reads_the_body_from_stdin(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    number = phone(cli, "--owner", "Nicolas")
    monkeypatch.setattr(sys, "stdin", io.StringIO("Typed in a pipe.\n"))
    assert cli("reply", number, "--body-file", "-").code == 0
    assert show(cli, number)["messages"][-1]["body"].startswith("Typed in a pipe.")


def test_ask_closes_or_sets_a_reminder(cli: Cli, tmp_path: Path) -> None:
    closed = phone(cli, "--owner", "Nicolas")
    assert cli("ask", closed, "--body-file", body_file(tmp_path, "Which version?")).code == 0
    assert show(cli, closed)["state"] == "closed successful"
    waiting = phone(cli, "--owner", "Nicolas")
    run = cli(
        "ask",
        waiting,
        "--body-file",
        body_file(tmp_path, "Which version?"),
        "--pending-days",
        "3",
        "--json",
    )
    assert run.code == 0
    assert run.json["state"] == "pending reminder"
    assert run.json["pending_until"].startswith("2026-11-27T09:30")


def test_transfer_keeps_state_and_changes_level(cli: Cli) -> None:
    number = phone(cli, "--owner", "Nicolas")
    run = cli("transfer", number, "Guillaume", "--json")
    assert run.code == 0
    assert run.json["state"] == "open" and run.json["owner"] == "Guillaume"
    refused = cli("transfer", number, "Guillaume")
    assert refused.code == 1 and "another level" in refused.err
    assert cli("transfer", number, "Pétronille").code == 0
    same = cli("transfer", number, "Nicolas")
    assert same.code == 1 and "level 1" in same.err
    assert show(cli, number)["owner"] == "Pétronille"


def test_move_keeps_state_and_refuses_obsolete_queues(cli: Cli) -> None:
    number = phone(cli, "--owner", "Nicolas")
    assert cli("pending", number, "--days", "2").code == 0
    run = cli("move", number, "Secrétariat", "--json")
    assert run.code == 0
    assert run.json["queue"] == "Secrétariat" and run.json["state"] == "pending reminder"
    obsolete = cli("move", number, "LoGeAs:Relation ERF")
    assert obsolete.code == 1 and "obsolete" in obsolete.err
    same = cli("move", number, "Secrétariat")
    assert same.code == 1 and "already" in same.err
    assert show(cli, number)["queue"] == "Secrétariat"


def test_close_reopen_note_take_assign(cli: Cli, tmp_path: Path) -> None:
    number = phone(cli, "--owner", "Guillaume")
    assert cli("take", number).code == 0
    assert show(cli, number)["owner"] == "Nicolas"
    assert cli("assign", number, "Pétronille").code == 0
    assert show(cli, number)["owner"] == "Pétronille"
    assert cli("note", number, "--body-file", body_file(tmp_path, "Called back.")).code == 0
    assert show(cli, number)["messages"][-1]["kind"] == "note"
    assert cli("close", number, "--unsuccessful").code == 0
    assert show(cli, number)["state"] == "closed unsuccessful"
    assert cli("reopen", number).code == 0
    assert show(cli, number)["state"] == "open"
    assert cli("close", number).code == 0
    again = cli("close", number)
    assert again.code == 1 and "already" in again.err
    actions = [h["action"] for h in show(cli, number)["history"]]
    assert actions[:3] == ["created", "owner", "owner"]
    assert "note" in actions and actions.count("state") == 3


def test_purge_destroys_delete_queue_after_grace(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    number = phone(cli, "--close")
    run = cli("move", number, "Delete")
    assert run.code == 0 and "24 h" in run.err
    assert cli("purge").out == ""
    monkeypatch.setenv("LOGEAS_NOW", "2026-11-25T11:00")
    assert cli("purge", "--json").json == [number]
    gone = cli("show", number)
    assert gone.code == 1 and "no ticket" in gone.err


# --- reading -----------------------------------------------------------------------------------


def test_ticket_json_shape(cli: Cli) -> None:
    ticket = show(cli, phone(cli, "--owner", "Nicolas"))
    for key in (
        "number",
        "queue",
        "state",
        "owner",
        "customer",
        "subject",
        "created",
        "updated",
        "pending_until",
        "merged_into",
        "messages",
        "history",
    ):
        assert key in ticket
    message = ticket["messages"][0]
    for key in ("kind", "from", "to", "subject", "body", "date", "message_id", "raw_sha256"):
        assert key in message
    row = cli("list", "--json").json[0]  # type: ignore[index]
    assert row["messages"] == 1 and "history" not in row and row["customer"]


def test_list_filters_and_limit(cli: Cli) -> None:
    first = phone(cli, "--close", subject="Imprimante bloquée")
    second = phone(cli, "--owner", "Nicolas", queue="Secrétariat", subject="Facture")
    assert [t["number"] for t in cli("list", "--json").json] == [first, second]
    assert [t["number"] for t in cli("list", "--queue", "Secrétariat", "--json").json] == [second]
    assert [t["number"] for t in cli("list", "--state", "open", "--json").json] == [second]
    assert [t["number"] for t in cli("list", "--search", "imprimante", "--json").json] == [first]
    # the same matching as the list: a prefix, the customer's number, newest first
    assert [t["number"] for t in cli("list", "--search", "impri", "--json").json] == [first]
    found = cli("list", "--search", "example.org", "--json").json
    assert [t["number"] for t in found] == [second, first]
    assert [t["number"] for t in cli("list", "--limit", "1", "--json").json] == [first]
    text = cli("list").out.splitlines()
    assert len(text) == 2 and text[0].startswith(f"{first}  2026-11-24  closed successful")
    unknown = cli("list", "--queue", "Nowhere")
    assert unknown.code == 1 and "LoGeAs" in unknown.err


def test_text_output_escapes_control_characters(cli: Cli) -> None:
    number = phone(cli, "--close", subject="\x1b[31mred\x1b[0m \u202eevil")
    listed = cli("list").out
    shown = cli("show", number).out
    for text in (listed, shown):
        assert "\x1b" not in text and "\u202e" not in text
        assert "\\x1b[31mred" in text and "\\u202e" in text
    assert show(cli, number)["subject"].startswith("\x1b[31m")  # JSON keeps the exact text


HIDDEN = "\u0085\u009b\u200b\u200d\u2028\u2029\u2066\ufeff"  # C1, zero-width, separators


def test_every_output_escapes_invisible_and_reordering_characters(cli: Cli) -> None:
    number = phone(cli, "--close", "--name", f"Jean{HIDDEN}", subject=f"a{HIDDEN}b")
    for args in (("list",), ("show", number), ("list", "--json"), ("show", number, "--json")):
        out = cli(*args).out
        assert not any(c in out for c in HIDDEN), args
    raw = cli("show", number, "--json").out
    assert "\\u200b" in raw and "\\u2028" in raw and "\\u009b" in raw  # JSON escapes
    assert show(cli, number)["subject"] == f"a{HIDDEN}b"  # which a JSON reader reads back


def test_queues_and_technicians(cli: Cli) -> None:
    phone(cli, "--close")
    queues = cli("queues", "--json").json
    assert len(queues) == 14  # type: ignore[arg-type]
    main_queue = next(q for q in queues if q["name"] == "LoGeAs")  # type: ignore[union-attr]
    assert main_queue["valid"] is True and main_queue["counts"]["closed successful"] == 1
    assert next(q for q in queues if q["name"] == "LoGeAsSauv")["valid"] is False  # type: ignore
    techs = cli("technicians", "--json").json
    assert {"name": "Guillaume", "email": "guillaume@logeas.fr", "level": 2} in techs  # type: ignore
    assert "Pétronille" in cli("technicians").out


def test_raw_refuses_a_ticket_without_mail(cli: Cli) -> None:
    run = cli("raw", phone(cli, "--close"))
    assert run.code == 1 and "original bytes" in run.err


def test_unknown_or_mistyped_numbers(cli: Cli) -> None:
    number = phone(cli, "--close")
    typo = number[:-1] + str((int(number[-1]) + 1) % 10)
    run = cli("show", typo)
    assert run.code == 1 and "check digit" in run.err
    unknown = numbers.make_number(date(2026, 11, 24), "10", 99_999)
    run = cli("close", unknown)
    assert run.code == 1 and f"no ticket {unknown}" in run.err


def test_bad_config_and_clock_are_one_sentence(
    paths: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, config = paths
    config.write_text('language = "fr"\n[support]\nsystem_id = 7\n', encoding="utf-8")
    assert main(["queues", "--db", str(db), "--config", str(config)]) == 1
    err = capsys.readouterr().err
    # said in the language the file asks for, though it could not be read whole
    assert str(config) in err and "ligne 3" in err and "system_id" in err
    config.write_text(CONFIG, encoding="utf-8")
    monkeypatch.setenv("LOGEAS_NOW", "tomorrow")
    assert main(["queues", "--db", str(db), "--config", str(config)]) == 1
    assert "LOGEAS_NOW" in capsys.readouterr().err


def test_first_run_writes_a_commented_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "new" / "config.toml"
    assert main(["technicians", "--db", str(tmp_path / "d.sqlite"), "--config", str(config)]) == 0
    assert config.read_text(encoding="utf-8").startswith("# logeas-tui settings")


# --- demo data -----------------------------------------------------------------------------


def test_demo_fills_every_queue_and_state_with_valid_numbers(cli: Cli) -> None:
    assert cli("demo", "--tickets", "1000").code == 0
    rows = cli("list", "--json").json
    assert isinstance(rows, list) and len(rows) == 1000
    assert {r["queue"] for r in rows} == {q["name"] for q in cli("queues", "--json").json}
    assert len({r["queue"] for r in rows}) == 14
    assert {r["state"] for r in rows} == {
        "new",
        "open",
        "pending reminder",
        "closed successful",
        "closed unsuccessful",
        "merged",
        "removed",
    }
    created = [r["created"] for r in rows]
    assert created == sorted(created)
    assert created[0] < "2025-01-01" and created[-1] <= "2026-11-24T09:30"
    assert all(numbers.is_valid(r["number"]) for r in rows)
    assert len({r["number"] for r in rows}) == 1000
    paris = ZoneInfo("Europe/Paris")
    for r in rows:  # the number carries the ticket's local (Paris) day
        local_day = datetime.fromisoformat(r["created"]).astimezone(paris)
        assert r["number"][:8] == f"{local_day:%Y%m%d}"
    assert all(r["merged_into"] for r in rows if r["state"] == "merged")
    assert any(r["customer"].endswith("@logeas.fr") for r in rows)
    techs = {t["name"]: t["level"] for t in cli("technicians", "--json").json}
    assert {techs["Sophie"], techs["Pétronille"], techs["Guillaume"]} == {1, 2}


def test_demo_then_live_tickets_get_fresh_numbers(cli: Cli) -> None:
    assert cli("demo", "--tickets", "300", "--seed", "2").code == 0
    assert cli("demo", "--tickets", "300", "--seed", "2").code == 0  # appends
    phone(cli, "--close")
    rows = cli("list", "--json").json
    assert len({r["number"] for r in rows}) == len(rows) == 601  # type: ignore[union-attr]


def test_demo_merged_ticket_can_be_unmerged(cli: Cli) -> None:
    assert cli("demo", "--tickets", "400").code == 0
    merged = cli("list", "--state", "merged", "--json").json[0]  # type: ignore[index]
    together = len(show(cli, merged["merged_into"])["messages"])
    assert cli("unmerge", merged["number"]).code == 0
    back = show(cli, merged["number"])
    assert back["state"] != "merged" and back["messages"]
    assert len(show(cli, merged["merged_into"])["messages"]) == together - len(back["messages"])


# --- as an installed command -----------------------------------------------------------------


def test_runs_as_a_module(paths: tuple[Path, Path]) -> None:
    db, config = paths
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "logeas_tui",
            "phone",
            "--customer",
            "01 23 45 67 89",
            "--queue",
            "LoGeAs",
            "--subject",
            "S",
            "--body",
            "B",
            "--close",
            "--db",
            str(db),
            "--config",
            str(config),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert numbers.is_valid(done.stdout.strip())
    refused = subprocess.run(
        [
            sys.executable,
            "-m",
            "logeas_tui",
            "move",
            done.stdout.strip(),
            "LoGeAsSauv",
            "--db",
            str(db),
            "--config",
            str(config),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and "obsolete" in refused.stderr


def test_the_outbox_listing_shows_mail_text_literally(
    cli: Cli, paths: tuple[Path, Path], tmp_path: Path
) -> None:
    number = phone(cli, "--owner", "Nicolas", subject="\x1b[31mrouge\x1b[0m [red]x[/]")
    assert cli("reply", number, "--body-file", body_file(tmp_path)).code == 0
    open_store(str(paths[0]))
    try:
        Outbox.update(last_error="550 \x1b[2Jrefused").execute()
    finally:
        close_store()
    listed = cli("outbox")
    assert listed.code == 0
    assert "\x1b" not in listed.out
    assert "\\x1b[31mrouge" in listed.out and "[red]x[/]" in listed.out
    assert "550 \\x1b[2Jrefused" in listed.out


def test_sync_once_while_another_copy_holds_the_mail_lease_says_who_and_exits_0(paths, cli):
    from logeas_tui.core.store import leases

    db, config = paths
    # servers nobody listens on: touching them would be an error and exit 1
    config.write_text(
        CONFIG + '[imap]\nhost = "127.0.0.1"\nport = 9\nsecurity = "none"\nuser = "u"\n'
        'password = "p"\n[smtp]\nhost = "127.0.0.1"\nport = 9\nsecurity = "none"\n',
        encoding="utf-8",
    )
    open_store(str(db))
    try:
        leases.take("mail", "Guillaume@pc-atelier:4242", datetime(2026, 1, 1), datetime(2100, 1, 1))
    finally:
        close_store()

    run = cli("sync", "--once")

    assert run.code == 0, run.out + run.err
    assert (
        "Mail is synced by Guillaume's copy on pc-atelier: nothing fetched or sent here." in run.out
    )
    assert "error" not in run.out


def test_if_version_refuses_a_change_made_on_a_stale_read(cli: Cli, tmp_path: Path) -> None:
    number = phone(cli, "--owner", "Nicolas")
    seen = show(cli, number)["version"]
    note = cli("note", number, "--body-file", body_file(tmp_path), "--if-version", str(seen))
    assert note.code == 0, note.err
    stale = cli("close", number, "--if-version", str(seen))  # the note changed it since
    assert stale.code == 1
    assert f"Ticket {number} was changed by Nicolas meanwhile (note)." in stale.err
    assert show(cli, number)["state"] == "open"
    fresh = cli("close", number, "--if-version", str(show(cli, number)["version"]))
    assert fresh.code == 0 and show(cli, number)["state"] == "closed successful"


def test_every_verb_that_changes_a_ticket_takes_if_version() -> None:
    from logeas_tui.cli.parser import VERSIONED, build_parser

    parser = build_parser()
    needs = {
        "merge": ["A", "B"], "reply": ["N", "--canned", "merci"], "ask": ["N", "--body-file", "f"],
        "pending": ["N", "--days", "2"], "transfer": ["N", "T"], "move": ["N", "Q"],
        "assign": ["N", "T"], "note": ["N", "--body-file", "f"],
    }  # fmt: skip
    for verb in VERSIONED:
        args = parser.parse_args([verb, *needs.get(verb, ["N"]), "--if-version", "3"])
        assert args.if_version == 3, verb


@pytest.mark.sqlite_only  # about URLs that name no usable store
def test_a_store_url_that_cannot_be_opened_is_one_line_without_its_password(
    paths: tuple[Path | str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _db, config = paths
    for url, cause in (
        ("postgresql://bob:s3cret@127.0.0.1:1/desk", "Connection refused"),
        ("mysql://bob:s3cret@127.0.0.1/desk", "give a file path or a postgresql:// URL"),
    ):
        assert main(["list", "--db", url, "--config", str(config)]) == 1
        err = capsys.readouterr().err
        assert "s3cret" not in err and "bob:***@127.0.0.1" in err
        assert cause in err and err.count("\n") == 1, err


def test_import_of_a_saved_mail_with_from_lines_in_its_body_makes_one_ticket(
    cli: Cli, tmp_path: Path
) -> None:
    saved = tmp_path / "saved.eml"
    saved.write_bytes(
        b"From jean@client.example Tue Nov 24 10:12:00 2026\n"
        b"From: jean@client.example\nSubject: Imprimante\n\nBonjour,\n\n"
        b"From the start the printer jams.\n\nFrom time to time it works.\n"
    )
    run = cli("import", str(saved), "--no-ack")
    assert run.code == 0 and run.out.startswith("1 message: 1 new ticket,"), run.out
    (ticket,) = cli("list", "--json").json  # type: ignore[misc]
    assert "From time to time it works." in show(cli, ticket["number"])["messages"][0]["body"]


@pytest.mark.sqlite_only  # SQLite's one write lock
def test_reading_verbs_never_wait_for_the_write_lock(cli: Cli, paths) -> None:
    """`list` and `show` while another process holds the store's write lock (a long import):
    they read at once instead of waiting 10 s and failing with "database is locked"."""
    import sqlite3

    number = phone(cli, "--close")
    db, _config = paths
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        listed = cli("list", "--json")
        assert listed.code == 0, listed.err
        assert [t["number"] for t in listed.json] == [number]  # type: ignore[union-attr]
        assert cli("show", number).code == 0
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_default_queue_that_is_no_queue_is_named_with_the_queues(
    cli: Cli, paths, tmp_path: Path
) -> None:
    _db, config = paths
    config.write_text(
        config.read_text().replace("[support]\n", '[support]\ndefault_queue = "Nope"\n')
    )
    run = cli("list")
    assert run.code == 1
    assert "line 3: key 'support.default_queue': 'Nope' is not a queue" in run.err
    assert "LoGeAs, " in run.err and "Traceback" not in run.err


def test_a_batch_import_goes_on_past_a_file_it_cannot_read_and_names_it(
    cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.eml").write_bytes(
            f"From: c{n}@client.example\nSubject: Demande {n}\n\nBonjour\n".encode()
        )
    gone = tmp_path / "gone.eml"  # named, but it cannot be read
    run = cli("import", str(gone), str(folder), "--no-ack")
    assert run.code == 1
    assert run.out.startswith("3 messages: 3 new tickets")
    assert f"not imported: {gone}: No such file or directory" in run.out
    assert "1 could not be imported (listed above); the others were." in run.out


def test_import_of_a_file_that_is_not_a_mail_skips_it_and_says_so(cli: Cli, tmp_path: Path) -> None:
    hostname = tmp_path / "hostname"
    hostname.write_text("pc-atelier\n", encoding="utf-8")
    run = cli("import", str(hostname))
    assert run.code == 0, run.err
    assert run.out.startswith("0 messages: 0 new tickets")
    assert f"skipped, not a mail: {hostname}" in run.out and "1 file skipped" in run.out
    assert cli("list", "--json").json == []


def test_accept_takes_a_mail_from_an_unknown_sender_as_the_customer_s(
    cli: Cli, tmp_path: Path
) -> None:
    first = tmp_path / "first.eml"
    first.write_bytes(b"From: jean@client.example\nSubject: Imprimante\n\nBonjour\n")
    assert cli("import", str(first), "--no-ack").code == 0
    (row,) = cli("list", "--json").json  # type: ignore[misc]
    number = row["number"]
    assert cli("close", number).code == 0
    stranger = tmp_path / "stranger.eml"
    stranger.write_bytes(
        f"From: intrus@ailleurs.example\nSubject: Re: [Ticket#{number}]\n\nC'est moi.\n".encode()
    )
    assert cli("import", str(stranger)).code == 0
    ticket = show(cli, number)
    assert ticket["state"] == "closed successful" and ticket["unknown_sender"] is True
    assert [m["unknown_sender"] for m in ticket["messages"]] == [False, True]
    text = cli("show", number).out
    assert "From an unknown sender (neither the customer nor anyone who wrote on this " in text
    assert f"`logeas accept {number}` accepts it" in text
    assert cli("list", "--json").json[0]["unknown_sender"] is True  # type: ignore[index]

    stale = cli("accept", number, "--if-version", str(ticket["version"] - 1))
    assert stale.code == 1 and "meanwhile" in stale.err
    wrong = cli("accept", number, "--message", "1")  # the customer's own mail
    assert wrong.code == 1 and "not a mail from an unknown sender" in wrong.err
    done = cli("accept", number, "--message", "2", "--if-version", str(ticket["version"]))
    assert done.code == 0 and done.out.strip() == number
    after = show(cli, number)
    assert after["state"] == "open" and after["unknown_sender"] is False
    assert after["history"][-1]["action"] == "sender accepted"
    again = cli("accept", number)
    assert again.code == 1
    assert f"Ticket {number} holds no mail from an unknown sender to accept." in again.err
    assert "unknown sender" not in cli("show", number).out.split("History")[0]
