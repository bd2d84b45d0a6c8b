"""The settings file: written with comments on first run, read back, and refused with the
file, the line and the key named when something in it is wrong."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import time
from pathlib import Path

import pytest

from logeas_tui.core import config as config_mod
from logeas_tui.core.config import Config, HoursConf, ServerConf, load
from logeas_tui.core.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def refusal(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load(path)
    return str(caught.value)


# First run


def test_first_run_writes_a_commented_file_that_loads_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    path = tmp_path / "sub" / "config.toml"
    cfg = load(path)
    text = path.read_text(encoding="utf-8")
    assert text.count("\n#") >= 5  # comments for the user
    assert "# [imap]" in text and "password_command" in text
    assert cfg.path == path
    assert cfg.language == "fr"  # from the system locale
    assert cfg.domain == "logeas.fr"
    assert cfg.address == "support@logeas.fr"
    assert cfg.system_id == "10"
    assert cfg.me == "Nicolas"
    assert cfg.default_queue == "LoGeAs"
    assert cfg.delete_grace_hours == 24
    assert cfg.auto_reply_cap == 40
    assert [(t.name, t.email, t.level) for t in cfg.technicians] == [
        ("Nicolas", "nicolas@logeas.fr", 1)
    ]
    assert cfg.hours.timezone == "Europe/Paris" and cfg.hours.holidays
    assert cfg.hours.week == HoursConf().week
    assert cfg.imap is None and cfg.smtp is None
    # a second start reads the same file without rewriting it
    path.write_text(text.replace('me = "Nicolas"', 'me = "Pétronille"'), encoding="utf-8")
    assert load(path).me == "Pétronille"


def test_missing_file_without_create_gives_defaults_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "none.toml"
    cfg = load(path, create=False)
    assert not path.exists()
    assert cfg.system_id == "10"


def test_logeas_config_variable_chooses_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, '[support]\nme = "Guillaume"\n[[technicians]]\nname = "Guillaume"\n')
    monkeypatch.setenv("LOGEAS_CONFIG", str(path))
    assert config_mod.default_path() == path
    assert load().me == "Guillaume"


def test_a_full_file_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        language = "en"
        [support]
        domain = "example.fr"
        address = "help@example.fr"
        system_id = "42"
        me = "Guillaume"
        delete_grace_hours = 2
        auto_reply_cap = 5

        [[technicians]]
        name = "Nicolas"
        email = "nicolas@logeas.fr"
        level = 1

        [[technicians]]
        name = "Guillaume"
        email = "guillaume@logeas.fr"
        level = 2

        [hours]
        timezone = "America/Montreal"
        holidays = false
        monday = ["08:30-12:00", "13:00-24:00"]
        saturday = ["10:00-12:00"]

        [imap]
        host = "imap.example.fr"
        security = "starttls"
        port = 143
        user = "help"
        password = "secret"
        folder = "Support"
        poll_seconds = 30

        [smtp]
        host = "smtp.example.fr"

        [keys]
        merge = "M"
        """,
    )
    cfg = load(path)
    assert (cfg.language, cfg.domain, cfg.address, cfg.system_id, cfg.me) == (
        "en",
        "example.fr",
        "help@example.fr",
        "42",
        "Guillaume",
    )
    assert (cfg.delete_grace_hours, cfg.auto_reply_cap) == (2, 5)
    assert [(t.name, t.level) for t in cfg.technicians] == [("Nicolas", 1), ("Guillaume", 2)]
    assert cfg.hours.timezone == "America/Montreal" and not cfg.hours.holidays
    assert cfg.hours.week[0] == ((time(8, 30), time(12)), (time(13), time.max))
    assert cfg.hours.week[1] == HoursConf().week[1]  # unspecified days keep the default
    assert cfg.hours.week[5] == ((time(10), time(12)),)
    assert cfg.imap == ServerConf(
        "imap.example.fr", 143, "starttls", "help", "secret", None, "Support", 30
    )
    assert cfg.smtp is not None and (cfg.smtp.port, cfg.smtp.security) == (587, "ssl")
    assert cfg.keys == (("merge", "M"),)
    assert cfg.own_addresses == {"help@example.fr", "nicolas@logeas.fr", "guillaume@logeas.fr"}


# Refusals: the file, the line and the key are named


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[support]\ndomain = "logeas.fr"\nme = Nicolas\n')
    message = refusal(path)
    assert str(path) in message
    assert "line 3" in message


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        (
            '[support]\nme = "N"\n\n[[technicians]]\nname = "N"\nlevel = "two"\n',
            6,
            "technicians.level",
        ),
        ('[support]\nme = "N"\n[imap]\nhost = "h"\nport = "x"\n', 5, "imap.port"),
        ('[smtp]\nhost = "h"\n\nsecurity = "tls"\n', 4, "smtp.security"),
        ('language = "en"\n[support]\nsystem_id = "1"\n', 3, "support.system_id"),
        ("[support]\nsystem_id = 10\n", 2, "support.system_id"),
        ('[hours]\ntimezone = "Europe/Pariss"\n', 2, "hours.timezone"),
        ('[hours]\ntimezone = "Europe/Paris"\nmonday = ["9-12"]\n', 3, "hours.monday"),
        ('[hours]\ntuesday = ["14:00-12:00"]\n', 2, "hours.tuesday"),
        ('[hours]\nwednesday = "09:00-12:00"\n', 2, "hours.wednesday"),
        ('[hours]\nholidays = "yes"\n', 2, "hours.holidays"),
        ('[hours]\nthursdai = ["09:00-12:00"]\n', 2, "hours.thursdai"),
        ('language = "de"\n', 1, "language"),
        ('langage = "fr"\n', 1, "langage"),
        ('[support]\nme = "N"\nsytem_id = "11"\n', 3, "support.sytem_id"),
        ('[imap]\nhost = "h"\npasword = "x"\n', 3, "imap.pasword"),
        ('[[technicians]]\nname = "N"\nlevle = 2\n', 3, "technicians.levle"),
        ('[[technicians]]\nname = "N"\nlevel = 0\n', 3, "technicians.level"),
        ("[support]\ndelete_grace_hours = true\n", 2, "support.delete_grace_hours"),
        ("[keys]\nmerge = 3\n", 2, "keys.merge"),
        ("[imap]\nport = 993\n", None, "imap.host"),
        ("[support]\ndelete_grace_hours = -100\n", 2, "support.delete_grace_hours"),
        ("[support]\ndelete_grace_hours = 99999999\n", 2, "support.delete_grace_hours"),
        ("[support]\nauto_reply_cap = -1\n", 2, "support.auto_reply_cap"),
        ('[imap]\nhost = "h"\npoll_seconds = 0\n', 3, "imap.poll_seconds"),
        ('[imap]\nhost = "h"\npoll_seconds = -5\n', 3, "imap.poll_seconds"),
        ('[smtp]\nhost = "h"\nport = 70000\n', 3, "smtp.port"),
        ('[support]\nme = "Personne"\n', 2, "support.me"),
    ],
)
def test_a_wrong_value_names_file_line_and_key(
    tmp_path: Path, text: str, line: int | None, key: str
) -> None:
    path = write(tmp_path, text)
    message = refusal(path)
    assert message.startswith(str(path))
    assert f"'{key}'" in message
    if line is not None:
        assert f"line {line}:" in message


def test_the_second_technician_is_pointed_at(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        [[technicians]]
        name = "Nicolas"
        level = 1

        [[technicians]]
        name = "Guillaume"
        level = "deux"
        """,
    )
    assert "line 7:" in refusal(path)


def test_an_unknown_section_is_pointed_at(tmp_path: Path) -> None:
    path = write(tmp_path, 'language = "en"\n\n[smpt]\nhost = "h"\n')
    message = refusal(path)
    assert "line 3:" in message and "'smpt'" in message


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes('[support]\nme = "Pétronille"\n'.encode("latin-1"))
    message = refusal(path)
    assert str(path) in message


def test_language_default_follows_the_system_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert config_mod.system_language() == "en"
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    assert config_mod.system_language() == "fr"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert config_mod.system_language() == "en"


# Passwords


def test_password_command_gives_the_first_line_of_its_output() -> None:
    conf = ServerConf("h", 993, password_command="printf 's3cret\\nnoise\\n'")
    assert conf.resolve_password() == "s3cret"


def test_a_written_password_wins_over_the_command() -> None:
    conf = ServerConf("h", 993, password="typed", password_command="echo other")
    assert conf.resolve_password() == "typed"


def test_no_password_at_all() -> None:
    assert ServerConf("h", 993).resolve_password() is None


def test_a_failing_password_command_says_its_status_and_nothing_it_printed() -> None:
    conf = ServerConf("h", 993, password_command="echo 'token s3cret refused' >&2; exit 3")
    with pytest.raises(ConfigError) as caught:
        conf.resolve_password()
    assert str(caught.value) == "password_command failed with status 3"


def test_a_password_command_that_hangs_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config_mod, "PASSWORD_COMMAND_SECONDS", 1)
    conf = ServerConf("h", 993, password_command="sleep 30; echo late")
    with pytest.raises(ConfigError, match="no answer within 1 s"):
        conf.resolve_password()


def test_a_password_command_runs_once_per_process(tmp_path: Path) -> None:
    count = tmp_path / "count"
    conf = ServerConf("h", 993, password_command=f"echo x >> {count}; echo pw-{tmp_path.name}")
    assert conf.resolve_password() == conf.resolve_password() == f"pw-{tmp_path.name}"
    assert count.read_text().count("x") == 1


def test_a_password_never_shows_in_a_repr() -> None:
    conf = ServerConf("h", 993, user="u", password="hunter2", password_command="pass show x")
    shown = repr(Config(imap=conf)) + repr(conf.resolve_password()) + f"{conf!r}"
    assert "hunter2" not in shown and "pass show" not in shown and "'***'" in shown
    assert conf.resolve_password() == "hunter2"  # still the password for the login


def test_password_command_never_reads_our_terminal() -> None:
    """The command gets no stdin: a command that would prompt reads end-of-file at once
    instead of waiting for (or stealing) what the user types."""
    script = textwrap.dedent(
        """
        from logeas_tui.core.config import ServerConf
        conf = ServerConf("h", 993, password_command="read -r typed; echo pw-$typed")
        print(conf.resolve_password())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input="keyboard\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "pw-"


def test_config_keeps_hours_language_in_step() -> None:
    assert Config(language="fr").hours.language == "fr"
    assert Config(language="en", hours=HoursConf(language="fr")).hours.language == "en"


# The team's own data folder


def test_the_shipped_data_is_the_default_and_a_team_folder_replaces_it(tmp_path: Path) -> None:
    from logeas_tui.core import texts

    assert load(write(tmp_path, "[support]\n")).data_dir == config_mod.shipped_data_dir()
    ours = tmp_path / "ours"
    (ours / "canned").mkdir(parents=True)
    (ours / "queues.toml").write_text(
        (config_mod.shipped_data_dir() / "queues.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    (ours / "canned" / "merci.txt").write_text("Merci\n\nMerci de votre appel.\n", "utf-8")
    conf = load(write(tmp_path, '[support]\ndata = "ours"\n'))
    assert conf.data_dir == ours.resolve()  # relative to the config file
    assert [c.name for c in texts.canned_answers(conf.data_dir, "fr")] == ["merci"]


def test_a_data_folder_that_is_not_one_is_pointed_at(tmp_path: Path) -> None:
    message = refusal(write(tmp_path, '[support]\nme = "Nicolas"\ndata = "nowhere"\n'))
    assert "line 3" in message and "support.data" in message and "no queues.toml" in message


def test_me_must_be_one_of_the_technicians_and_they_are_listed(tmp_path: Path) -> None:
    path = write(tmp_path, '[support]\nme = "Guillaume"\n[[technicians]]\nname = "Nicolas"\n')
    assert "'Guillaume' is not a technician (technicians: Nicolas)" in refusal(path)
    alone = write(tmp_path, '[[technicians]]\nname = "Pétronille"\n')
    assert load(alone).me == "Pétronille"  # no `me`: the first technician


def test_a_wrong_type_password_is_not_echoed(tmp_path: Path) -> None:
    path = write(tmp_path, '[imap]\nhost = "h"\npassword = 123456789\n')
    message = refusal(path)
    assert "imap.password" in message and "123456789" not in message


def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('\ufefflanguage = "en"\n[support]\nsystem_id = "12"\n', encoding="utf-8")
    assert load(path).system_id == "12"


def test_config_and_store_are_created_for_the_user_alone_whatever_the_umask(
    tmp_path: Path,
) -> None:
    import os
    import stat

    from logeas_tui.core.store.connection import close_store, open_store

    old = os.umask(0o000)
    try:
        config = tmp_path / "conf" / "sub" / "config.toml"
        load(config)
        store = tmp_path / "data" / "logeas.sqlite"
        open_store(str(store))
        try:
            wal = store.with_name("logeas.sqlite-wal")
            assert stat.S_IMODE(wal.stat().st_mode) == 0o600  # SQLite gives it the file's mode
        finally:
            close_store()
    finally:
        os.umask(old)
    for path in (config, store):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in (config.parent, config.parent.parent, store.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_a_password_in_a_file_others_can_read_is_warned_about(tmp_path: Path) -> None:
    path = write(tmp_path, '[imap]\nhost = "h"\npassword = "pw"\n')
    path.chmod(0o644)
    (warning,) = load(path).warnings
    assert "holds a password and other users may read it: run chmod 600" in warning
    path.chmod(0o600)
    assert load(path).warnings == ()
