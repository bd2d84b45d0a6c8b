"""A French desk's command line speaks French everywhere: each main verb, its `--help`
(argparse's headings too) and its errors are run with `language = "fr"`, and what they print
is searched for English: any piece of an English catalogue text that no French text holds, and
common English words. Mail text is data and is left as written (the demo's is French)."""

from __future__ import annotations

import json
import re
import shutil
import string
from pathlib import Path

import pytest

from logeas_tui.cli.parser import build_parser
from logeas_tui.core.config import shipped_data_dir
from logeas_tui.texts import en, fr
from tests.unit.cli_runner import Cli, mail, make_cli

# words of English sentences that French does not use
ENGLISH_WORDS = re.compile(
    r"\b(the|is|are|was|with|from|into|of|and|has|been|this|there|usage:|error|warning"
    r"|added|waiting|sent|received|level|queue|tickets? destroyed|follow-ups?)\b"
)
# what is neither English nor French: options, `commands`, the verbs' names (`show`)
NAMES = re.compile(r"--[\w-]+|`[^`]*`|^\s+\w+(?=  )|logeas [\w-]+", re.MULTILINE)


def english_pieces() -> set[str]:
    """The pieces (between fields and punctuation) of English texts, of two words or more,
    that no French text contains."""
    french = "\n".join(fr.TEXTS.values())
    pieces = set()
    for key, text in en.TEXTS.items():
        if fr.TEXTS[key] == text:
            continue
        for literal, *_ in string.Formatter().parse(text):
            for piece in re.split(r"[:;()\n·—%\"“”]", literal):
                piece = piece.strip(" ,.'`")
                if len(piece) >= 8 and " " in piece and piece not in french:
                    pieces.add(piece)
    return pieces


def english_in(text: str) -> list[str]:
    text = NAMES.sub("", text)
    found = [piece for piece in english_pieces() if piece in text]
    found += [m.group(0) for m in ENGLISH_WORDS.finditer(text)]
    return found


def verbs() -> list[str]:
    parser = build_parser()
    choices = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    return sorted(choices)


def test_the_guard_flags_the_same_runs_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not a tautology: with `language = "en"` nearly every run below is flagged."""
    said = runs(make_cli(tmp_path, "en", monkeypatch, capsys), tmp_path)
    flagged = [args for args, text in said.items() if english_in(text)]
    assert len(flagged) >= 0.9 * len(said), sorted(set(said) - set(flagged))


def without_mail_text(text: str, cli: Cli, number: str) -> str:
    """`text` without the ticket's mail text (its subjects, bodies, names): data, as written."""
    ticket = json.loads(cli("show", number, "--json").out)
    data = [ticket["subject"], ticket["customer_name"]]
    for message in ticket["messages"]:
        data += [message["subject"], *message["body"].splitlines()]
    for piece in sorted(filter(None, data), key=len, reverse=True):
        text = text.replace(piece, "")
    return text


def runs(cli: Cli, tmp_path: Path) -> dict[str, str]:
    """What the main verbs print (stdout and stderr), by command line."""
    said: dict[str, str] = {}

    def run(*args: str) -> str:
        result = cli(*args)
        said[" ".join(args)] = result.text.replace(str(tmp_path), "TMP")
        return result.out

    run("--help")
    for verb in verbs():
        run(verb, "--help")
    run("demo", "--tickets", "40")
    listed = run("list")
    numbers = [line.split()[0] for line in listed.splitlines()]
    for number in numbers[:40:4]:
        run("show", number)
        said[f"show {number}"] = without_mail_text(said[f"show {number}"], cli, number)
    run("list", "--state", "pending", "--limit", "3")
    run("queues")
    run("technicians")
    run("stats")
    run("sync", "--once")
    run("outbox")
    run("purge")
    run("duplicates", numbers[0])
    not_mail = tmp_path / "notes.txt"
    not_mail.write_text("nothing here\n", encoding="utf-8")
    run("import", str(mail(tmp_path / "mails", 2)), str(not_mail), str(tmp_path / "missing"))
    run("backup", str(tmp_path / "copy.sqlite"))
    run("export", numbers[0], "--mbox", str(tmp_path / "out.mbox"))
    # errors: a mistyped number, an unknown one, a state's refusal, a bad queue or state,
    # a missing argument, an unknown verb, a bad customer, an unreadable body file
    run("show", "123")
    run("show", numbers[0][:-1] + str((int(numbers[0][-1]) + 1) % 10))
    run("close", "2026112410099990")
    run("reopen", run("phone", "--customer", "0123456789", "--queue", "LoGeAs",
        "--subject", "S", "--body", "B", "--owner", "Nicolas").strip())  # fmt: skip
    run("list", "--queue", "Nope")
    run("list", "--state", "bogus")
    run("list", "--limit", "zero")
    run("close")
    run("nope")
    run("phone", "--customer", "pas une adresse", "--queue", "LoGeAs", "--subject", "S",
        "--body", "B", "--close")  # fmt: skip
    run("note", numbers[0], "--body-file", str(tmp_path / "absent.txt"))
    # history lines a merge, its undoing and a reminder leave; a store copied, backed up twice
    # to one file, restored from nothing and from a file that is no backup
    phoned = [
        run("phone", "--customer", "0123456789", "--queue", "LoGeAs", "--subject", "S",
            "--body", "B", "--owner", "Nicolas").strip()
        for _ in range(2)
    ]  # fmt: skip
    run("merge", phoned[1], phoned[0])
    run("unmerge", phoned[1])
    run("pending", phoned[0], "--days", "3")
    for number in phoned:
        run("show", number)
    store = next(tmp_path.glob("*/logeas.sqlite"))
    run("migrate-store", "--from", str(store), "--to", str(tmp_path / "migrated.sqlite"))
    run("backup", str(tmp_path / "copy.sqlite"))
    run("restore", str(tmp_path / "absent.sqlite"))
    run("restore", str(not_mail))  # SQLite's own words follow ours, as written
    said[f"restore {not_mail}"] = said[f"restore {not_mail}"].replace("file is not a database", "")
    return said


def test_a_french_sync_says_its_server_faults_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Mail servers nobody listens on: the IMAP fault and the acknowledgement that could not
    go are said in French, host and port named, as `logeas sync` and `logeas outbox` print."""
    cli = make_cli(tmp_path, "fr", monkeypatch, capsys)
    config = tmp_path / "fr" / "config.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + '[imap]\nhost = "127.0.0.1"\nport = 9\nsecurity = "none"\nuser = "u"\n'
        'password = "p"\n[smtp]\nhost = "127.0.0.1"\nport = 9\nsecurity = "none"\n',
        encoding="utf-8",
    )
    assert cli("import", str(mail(tmp_path / "mails", 1))).code == 0  # an acknowledgement waits

    synced = cli("sync", "--once")
    outbox = cli("outbox")

    assert synced.code == 1
    assert "IMAP : serveur IMAP 127.0.0.1:9 : " in synced.text, synced.text
    assert "SMTP : connexion impossible au serveur SMTP 127.0.0.1:9 : " in synced.text
    assert "connexion impossible au serveur SMTP 127.0.0.1:9" in outbox.out, outbox.out
    for said in (synced.text, outbox.out):
        text = said.replace(str(tmp_path), "TMP").replace("ConnectionRefusedError", "")
        assert english_in(text) == [], said


def test_a_french_command_line_prints_no_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    said = runs(make_cli(tmp_path, "fr", monkeypatch, capsys), tmp_path)
    assert "utilisation : logeas" in said["--help"] and "erreur : " in said["nope"]
    leaks = {args: english_in(text) for args, text in said.items() if english_in(text)}
    assert leaks == {}, "\n".join(f"{args}: {found}" for args, found in leaks.items())


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ('[support]\nsystem_id = "abc"\n', "ligne 3 : clé 'support.system_id' : doit faire deux"),
        ("bogus = 1\n", "ligne 2 : clé 'bogus' : réglage inconnu (connus : backup, "),
        ('[hours]\nmonday = ["18:00-09:00"]\n', "clé 'hours.monday' : '18:00-09:00' finit avant"),
        ('[hours]\ntimezone = "Mars/Olympus"\n', "fuseau horaire inconnu 'Mars/Olympus'"),
    ],
)
def test_a_wrong_french_settings_file_is_explained_in_french(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    setting: str,
    said: str,
) -> None:
    """The file, its line and the key are named, and what is wrong is said in the language
    the file asks for, though the file could not be read whole."""
    cli = make_cli(tmp_path, "fr", monkeypatch, capsys)
    config = tmp_path / "fr" / "config.toml"
    config.write_text('language = "fr"\n' + setting, encoding="utf-8")
    run = cli("list")
    assert run.code == 1
    assert run.err.startswith(f"erreur : {config}, ") and said in run.err, run.err
    assert english_in(run.err.replace(str(tmp_path), "TMP")) == [], run.err


@pytest.mark.parametrize(
    ("queues", "docs", "support", "said"),
    [
        ('[[queue]]\npurpose = "x"\n', None, "", "queues.toml : la file n° 1 n'a pas de nom"),
        ("[[queue]\n", None, "", "queues.toml : "),
        (None, '[[doc]]\nref = "a"\ntitle = "A"\n', "", "docs.toml : le document n° 1 n'a pas"),
        (None, None, 'default_queue = "Nope"\n', "'Nope' n'est pas une file qui reçoit"),
    ],
)
def test_a_broken_french_data_folder_is_explained_in_french(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    queues: str | None,
    docs: str | None,
    support: str,
    said: str,
) -> None:
    """The team's own data folder (`[support] data`) with a queue without a name, a file that
    is not TOML, a documentation reference without its URL, or a default queue it lacks: the
    file is named and what is wrong said in French."""
    cli = make_cli(tmp_path, "fr", monkeypatch, capsys)
    folder = tmp_path / "data"
    shutil.copytree(shipped_data_dir(), folder)
    if queues is not None:
        (folder / "queues.toml").write_text(queues, encoding="utf-8")
    if docs is not None:
        (folder / "docs.toml").write_text(docs, encoding="utf-8")
    config = tmp_path / "fr" / "config.toml"
    text = config.read_text(encoding="utf-8").replace(
        "[support]\n", f'[support]\ndata = "{folder}"\n{support}'
    )
    config.write_text(text, encoding="utf-8")
    number = ""
    if docs is not None:  # the docs are read when a technician sends one
        number = cli("phone", "--customer", "0123456789", "--queue", "LoGeAs",
            "--subject", "S", "--body", "B").out.strip()  # fmt: skip
    run = cli("reply", number, "--doc", "a") if docs is not None else cli("list")
    assert run.code == 1
    assert said in run.err, run.err
    ours = run.err.replace(str(tmp_path), "TMP").split(" : Expected")[0]  # tomllib's own words
    assert english_in(ours) == [], run.err
