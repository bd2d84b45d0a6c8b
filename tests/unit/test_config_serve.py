"""`[serve] password`: read like every other setting, never shown, refused naming file, line
and key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from logeas_tui.core.config import load
from logeas_tui.core.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    path.chmod(0o600)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load(path)
    return str(caught.value)


def test_the_serve_password_is_read_and_never_shown(tmp_path: Path) -> None:
    config = load(write(tmp_path, '[serve]\npassword = "open sesame"\n'))
    assert config.serve_password == "open sesame"
    assert "open sesame" not in repr(config) and "'***'" in repr(config)


def test_no_serve_section_means_no_password(tmp_path: Path) -> None:
    assert load(write(tmp_path, 'language = "en"\n')).serve_password is None


def test_a_wrong_serve_password_is_refused_with_its_line_and_not_echoed(tmp_path: Path) -> None:
    message = refusal(write(tmp_path, "[serve]\npassword = 424242\n"))
    assert message.endswith("line 2: key 'serve.password': expected str, got a int")
    assert "424242" not in message
    empty = refusal(write(tmp_path, '[serve]\npassword = " "\n'))
    assert "line 2: key 'serve.password': must not be empty" in empty


def test_a_misspelt_serve_key_is_refused(tmp_path: Path) -> None:
    message = refusal(write(tmp_path, '[serve]\npasword = "x"\n'))
    assert "key 'serve.pasword': unknown setting (known: password)" in message


def test_a_serve_password_others_can_read_is_warned_about(tmp_path: Path) -> None:
    path = write(tmp_path, '[serve]\npassword = "pw"\n')
    path.chmod(0o644)
    (warning,) = load(path).warnings
    assert "holds a password and other users may read it" in warning
