"""Real mail servers on loopback for the integration tests: a throwaway Dovecot (IMAP) and an
aiosmtpd SMTP server. Plain helpers, not fixtures, so a test can also stop and restart them.

Dovecot is configured exactly as /work/shared/MAIL-LAB.md says (short temp dir, 0755, owned by
`dovecot` when running as root, `first_valid_uid = 0`, no SSL). Its accounts are all written
before it starts, and `Dovecot.new_account()` hands each caller one nobody has used.
"""

from __future__ import annotations

import contextlib
import getpass
import grp
import imaplib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword

HOST = "127.0.0.1"

_DOVECOT_CONF = """\
base_dir = {d}/run
state_dir = {d}/state
instance_name = dovecot-test-{port}
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
first_valid_uid = 0
mail_location = maildir:{d}/mail/%n
mail_fsync = never
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%n {d}/passwd
}}
userdb {{
  driver = static
  args = uid={user} gid={group} home={d}/mail/%n
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""


POOL = tuple(f"box{n}" for n in range(1, 101))
# One more account whose password is not ASCII (issue 9, point 11): a UTF-8 AUTH must carry it.
UTF8_USER, UTF8_PASSWORD = "utf8", "pässwörd€"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def dovecot_binary() -> str | None:
    found = shutil.which("dovecot")
    if found:
        return found
    return "/usr/sbin/dovecot" if os.access("/usr/sbin/dovecot", os.X_OK) else None


@dataclass
class Dovecot:
    root: Path
    port: int
    process: subprocess.Popen[bytes]
    host: str = HOST
    _unused: Iterator[str] = field(default_factory=lambda: iter(POOL), repr=False)

    def new_account(self) -> str:
        """An IMAP account (password "pw") no other caller got, with an empty INBOX.

        Accounts cannot be added while Dovecot runs: its passwd-file driver looks at the file
        at most once per second (`last_sync_time == ioloop_time` in db-passwd-file.c), so a
        line appended in the same second as any earlier login stays "unknown user"."""
        try:
            return next(self._unused)
        except StopIteration:
            raise RuntimeError(f"all {len(POOL)} test accounts are in use: enlarge POOL") from None

    def imap(self, user: str, password: str) -> imaplib.IMAP4:
        client = imaplib.IMAP4(self.host, self.port, timeout=10)
        client.login(user, password)
        return client

    def append(
        self, user: str, password: str, raw: bytes, folder: str = "INBOX", flags: str = ""
    ) -> None:
        """Put a raw message in a user's folder, as a delivery would."""
        client = self.imap(user, password)
        try:
            status, detail = client.append(folder, flags or None, None, raw)
            assert status == "OK", detail
        finally:
            client.logout()

    def append_many(
        self, user: str, password: str, raws: Sequence[bytes], folder: str = "INBOX"
    ) -> None:
        """Deliver many raw messages fast: MULTIAPPEND (RFC 3502) with LITERAL+ literals, so
        a few commands carry them all where one APPEND each waits for every answer."""
        with socket.create_connection((self.host, self.port), timeout=60) as sock:
            answers = sock.makefile("rb")

            def command(tag: bytes, text: bytes) -> None:
                sock.sendall(tag + b" " + text + b"\r\n")
                while not (line := answers.readline()).startswith(tag + b" "):
                    assert line, "dovecot closed the connection"
                assert line.startswith(tag + b" OK"), line

            answers.readline()  # the greeting
            command(b"a", f"LOGIN {user} {password}".encode())
            for start in range(0, len(raws), 500):
                literals = (b" {%d+}\r\n" % len(raw) + raw for raw in raws[start : start + 500])
                command(b"b", b"APPEND " + folder.encode() + b"".join(literals))
            command(b"c", b"LOGOUT")

    def flags(self, user: str, password: str, folder: str = "INBOX") -> list[str]:
        """The FLAGS of every message in the folder, as text, read without changing them."""
        client = self.imap(user, password)
        try:
            client.select(folder, readonly=True)
            status, data = client.fetch("1:*", "(FLAGS)")
            return [item.decode() for item in data if isinstance(item, bytes)]
        finally:
            client.logout()

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        shutil.rmtree(self.root, ignore_errors=True)


def _wait_for_greeting(port: int, process: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"dovecot exited with status {process.returncode}")
        try:
            with socket.create_connection((HOST, port), timeout=1) as sock:
                if sock.recv(64).startswith(b"* OK"):
                    return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"dovecot gave no greeting on port {port}")


def start_dovecot(timeout: float = 10.0) -> Dovecot:
    binary = dovecot_binary()
    if binary is None:
        raise RuntimeError("dovecot is not installed")
    root = Path(tempfile.mkdtemp(prefix="dc", dir="/tmp"))  # socket paths must stay short
    root.chmod(0o755)
    (root / "mail").mkdir()
    # Every account is written before start (see Dovecot.new_account).
    accounts = [(u, "pw") for u in POOL] + [(UTF8_USER, UTF8_PASSWORD)]
    (root / "passwd").write_text(
        "".join(f"{u}:{{PLAIN}}{pw}\n" for u, pw in accounts), encoding="utf-8"
    )
    if os.geteuid() == 0:
        user = group = "dovecot"
        shutil.chown(root / "mail", user, group)
    else:
        user, group = getpass.getuser(), grp.getgrgid(os.getgid()).gr_name
    port = free_port()
    conf = root / "dovecot.conf"
    conf.write_text(_DOVECOT_CONF.format(d=root, port=port, user=user, group=group))
    process = subprocess.Popen(
        [binary, "-F", "-c", str(conf)],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = Dovecot(root, port, process)
    try:
        _wait_for_greeting(port, process, time.monotonic() + timeout)
    except Exception as exc:
        log = server.log()
        server.stop()
        raise RuntimeError(f"{exc}\n{log}") from exc
    return server


class _Keeper:
    """aiosmtpd handler that keeps every accepted envelope; while `refusals` is not empty, each
    DATA is answered with the next of them instead (e.g. a 4xx, then a 5xx)."""

    def __init__(self, received: list[Envelope], refusals: list[str]) -> None:
        self.received, self.refusals = received, refusals

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        if self.refusals:
            return self.refusals.pop(0)
        self.received.append(envelope)
        return "250 Message accepted for delivery"


@dataclass
class SmtpServer:
    """An SMTP server on 127.0.0.1 that keeps what it receives. With `user`, AUTH (PLAIN or
    LOGIN, no TLS) is required and only that user/password is accepted. `refusals` makes it
    refuse the next mails, one answer each."""

    user: str | None = None
    password: str | None = None
    port: int = field(default_factory=free_port)
    host: str = HOST
    received: list[Envelope] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)  # answers to the next DATAs, in order
    _controller: Controller | None = None

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (
            auth_data.login.decode() == self.user and auth_data.password.decode() == self.password
        )
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535

    def start(self) -> None:
        """Listen (again) on the same port."""
        if self._controller is not None:
            return
        extra: dict[str, Any] = {}
        if self.user is not None:
            extra = {
                "authenticator": self._authenticate,
                "auth_required": True,
                "auth_require_tls": False,
            }
        self._controller = Controller(
            _Keeper(self.received, self.refusals), hostname=self.host, port=self.port, **extra
        )
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
