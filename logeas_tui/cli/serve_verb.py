"""`logeas serve`: the same app in a browser, for a technician without a terminal.

Each browser tab runs our own `logeas` (the current interpreter, `-m logeas_tui`, so a wheel
install works outside the checkout) with the same `--db` and `--config`, under textual-serve.
The store holds customer data: on loopback (the default) anyone who can reach the port is
already on this machine; on any other address the config's `[serve] password` is required and
the browser must give it first (`cli.serve_gate`).
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import socket
import sys
from argparse import Namespace
from typing import TextIO

from logeas_tui.cli.serve_gate import GatedServer
from logeas_tui.core.errors import ConfigError
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store.connection import close_store
from logeas_tui.texts import Catalog

WILDCARDS = ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this machine only."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a name: it may resolve to any address
        return False


def app_command(args: Namespace) -> str:
    """The shell command textual-serve runs for each browser: this same `logeas`."""
    argv = [sys.executable, "-m", "logeas_tui"]
    for option in ("db", "config"):
        value = getattr(args, option, None)
        if value:
            argv += [f"--{option}", value]
    return shlex.join(argv)


def page_url(host: str, port: int) -> str:
    """The address to open (a wildcard host is named by this machine's name)."""
    shown = socket.gethostname() if host in WILDCARDS else host
    return f"http://{f'[{shown}]' if ':' in shown else shown}:{port}/"


def serve(desk: Desk, args: Namespace, out: TextIO) -> int:
    host, port = args.host, args.port
    password = desk.config.serve_password
    if password is None and not is_loopback(host):
        raise ConfigError(Sentence("serve_needs_password", host=host))
    close_store()  # each browser's app opens its own; this process only relays
    texts = Catalog(desk.config.language)
    server = GatedServer(app_command(args), host, port, password, texts)
    key = "serve.open_password" if password is not None else "serve.open"

    def announce() -> None:
        out.write(texts.t(key, url=page_url(host, port)) + "\n")
        out.flush()

    try:
        server.run(announce)
    except OSError as exc:
        # asyncio's message repeats the address: the system's own words for the errno suffice
        cause = os.strerror(exc.errno).lower() if exc.errno else str(exc).rstrip(".")
        raise ConfigError(
            Sentence("serve_cannot_listen", host=host, port=port, cause=cause)
        ) from None
    return 0
