"""What `logeas serve` decides before it listens: which hosts are loopback, and the command
each browser's app runs."""

from __future__ import annotations

import shlex
import sys
from argparse import Namespace

import pytest

from logeas_tui.cli.serve_verb import app_command, is_loopback, page_url


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.0.0.2", "localhost", "LOCALHOST", "::1", "[::1]"]
)
def test_loopback_hosts_need_no_password(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "support.example"])
def test_every_other_host_needs_one(host: str) -> None:
    assert not is_loopback(host)


def test_each_browser_runs_this_interpreter_on_the_same_store_and_config() -> None:
    args = Namespace(db="/srv/my store.sqlite", config="/etc/logeas/config.toml")
    assert shlex.split(app_command(args)) == [
        sys.executable, "-m", "logeas_tui",
        "--db", "/srv/my store.sqlite", "--config", "/etc/logeas/config.toml",
    ]  # fmt: skip
    assert shlex.split(app_command(Namespace())) == [sys.executable, "-m", "logeas_tui"]


def test_the_address_to_open_names_a_reachable_host() -> None:
    assert page_url("127.0.0.1", 8000) == "http://127.0.0.1:8000/"
    assert page_url("::1", 8000) == "http://[::1]:8000/"
    assert "0.0.0.0" not in page_url("0.0.0.0", 8000)
