"""Counts are said in the singular or the plural as each language wants (English: 1 only;
French: 0 and 1), through `Catalog.plural`, in what the command line prints: the sync and
import summaries, the purge notice, the demo, the backup report."""

from __future__ import annotations

from pathlib import Path

import pytest

from logeas_tui.texts import Catalog
from tests.unit.cli_runner import mail, make_cli


@pytest.mark.parametrize(
    ("language", "count", "said"),
    [
        ("en", 0, "0 new tickets"),
        ("en", 1, "1 new ticket"),
        ("en", 2, "2 new tickets"),
        ("fr", 0, "0 nouveau ticket"),
        ("fr", 1, "1 nouveau ticket"),
        ("fr", 2, "2 nouveaux tickets"),
    ],
)
def test_plural_picks_the_form_the_language_wants(language: str, count: int, said: str) -> None:
    assert Catalog(language).plural("count.new_ticket", count) == said


IMPORTED = {
    ("en", 0): "0 messages: 0 new tickets, 0 customer replies, 0 other copies",
    ("en", 1): "1 message: 1 new ticket, 0 customer replies, 0 other copies",
    ("en", 2): "2 messages: 2 new tickets, 0 customer replies, 0 other copies",
    ("fr", 0): "0 message : 0 nouveau ticket, 0 réponse de client, 0 autre copie",
    ("fr", 1): "1 message : 1 nouveau ticket, 0 réponse de client, 0 autre copie",
    ("fr", 2): "2 messages : 2 nouveaux tickets, 0 réponse de client, 0 autre copie",
}


@pytest.mark.parametrize(("language", "count"), sorted(IMPORTED))
def test_the_import_summary_counts_in_the_right_number(
    tmp_path: Path, monkeypatch, capsys, language: str, count: int
) -> None:
    cli = make_cli(tmp_path, language, monkeypatch, capsys)
    run = cli("import", str(mail(tmp_path / "mails", count)), "--no-ack")
    assert run.code == 0, run.err
    assert run.out.startswith(IMPORTED[language, count]), run.out


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "0 new tickets, 0 customer replies, 0 ignored, 0 mails sent, 0 waiting in"),
        ("fr", "0 nouveau ticket, 0 réponse de client, 0 ignoré, 0 courriel envoyé, 0 en"),
    ],
)
def test_the_sync_summary_counts_in_the_right_number(
    tmp_path: Path, monkeypatch, capsys, language: str, said: str
) -> None:
    cli = make_cli(tmp_path, language, monkeypatch, capsys)
    run = cli("sync", "--once")
    assert run.code == 0, run.err
    assert said in run.out, run.out


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "1 demo ticket added in", "2 demo tickets added in"),
        ("fr", "1 ticket de démo ajouté en", "2 tickets de démo ajoutés en"),
    ],
)
def test_the_demo_says_how_many_tickets_in_the_right_number(
    tmp_path: Path, monkeypatch, capsys, language: str, one: str, two: str
) -> None:
    cli = make_cli(tmp_path, language, monkeypatch, capsys)
    assert cli("demo", "--tickets", "1").out.startswith(one)
    assert cli("demo", "--tickets", "2", "--seed", "2").out.startswith(two)


@pytest.mark.parametrize(
    ("language", "none", "one"),
    [
        ("en", "note: 0 tickets destroyed from Delete", "note: 1 ticket destroyed from Delete"),
        (
            "fr",
            "remarque : 0 ticket détruit dans Delete",
            "remarque : 1 ticket détruit dans Delete",
        ),
    ],
)
def test_the_purge_notice_counts_in_the_right_number(
    tmp_path: Path, monkeypatch, capsys, language: str, none: str, one: str
) -> None:
    cli = make_cli(tmp_path, language, monkeypatch, capsys)
    assert cli("purge").err.startswith(none)
    number = cli(
        "phone", "--customer", "0123456789", "--queue", "LoGeAs", "--subject", "S",
        "--body", "B", "--close",
    ).out.strip()  # fmt: skip
    assert cli("move", number, "Delete").code == 0
    monkeypatch.setenv("LOGEAS_NOW", "2026-11-26T10:30")  # past the grace delay
    run = cli("purge")
    assert run.out.strip() == number and run.err.startswith(one), run


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", ": 1 ticket, 1 message (0 with their mail bytes), 0 mails waiting to be sent;"),
        ("fr", " : 1 ticket, 1 message (0 avec les octets de son courriel), 0 courriel en"),
    ],
)
def test_the_backup_report_counts_in_the_right_number(
    tmp_path: Path, monkeypatch, capsys, language: str, said: str
) -> None:
    cli = make_cli(tmp_path, language, monkeypatch, capsys)
    cli("phone", "--customer", "0123456789", "--queue", "LoGeAs", "--subject", "S",
        "--body", "B", "--close")  # fmt: skip
    run = cli("backup", str(tmp_path / "copy.sqlite"))
    assert run.code == 0, run.err
    assert said in run.out, run.out
