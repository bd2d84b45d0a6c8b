"""The user's settings: one TOML file, written with comments on first run.

A broken file is refused with the file, the line and the key named, never half-read.
`--config PATH` or `LOGEAS_CONFIG` choose another file; otherwise platformdirs' config folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from dataclasses import dataclass, field, replace
from datetime import time
from importlib.resources import files
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import platformdirs

from logeas_tui.core.errors import ConfigError
from logeas_tui.core.sentences import Sentence

APP = "logeas-tui"
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def shipped_data_dir() -> Path:
    """The shipped defaults: `data/` of the repository, installed as the package
    `logeas_tui.data` (pyproject.toml), so a wheel, an editable install and a checkout all
    find them here. `Config.data_dir` is where the app reads them; this is its default."""
    return Path(str(files("logeas_tui.data")))  # pip installs it as a real folder


DATA_DIR = shipped_data_dir()

DEFAULT_TEXT = """\
# logeas-tui settings. Lines starting with # are comments.
language = "{language}"            # "fr" or "en"

[support]
domain = "logeas.fr"            # phone customers become <digits>@domain
address = "support@logeas.fr"   # the address customers write to; acknowledgements come from it
system_id = "10"                # two digits inside every ticket number
me = "Nicolas"                  # the technician using this copy
default_queue = "LoGeAs"
delete_grace_hours = 24         # tickets moved to Delete are destroyed after this delay
auto_reply_cap = 40             # automatic mails per address per day, at most
# data = "data"                 # your own queues, routing, canned answers, docs and templates:
                                # a folder (beside this file) laid out like the shipped one

[[technicians]]
name = "Nicolas"
email = "nicolas@logeas.fr"
level = 1

[hours]                         # the phone line; holidays = French public holidays
timezone = "Europe/Paris"
holidays = true
monday = ["09:00-12:00", "14:00-18:00"]
tuesday = ["09:00-12:00", "14:00-18:00"]
wednesday = ["09:00-12:00", "14:00-18:00"]
thursday = ["09:00-12:00", "14:00-18:00"]
friday = ["09:00-12:00", "14:00-18:00"]
saturday = []
sunday = []

# [imap]
# host = "imap.example.org"
# port = 993
# security = "ssl"              # "none" | "starttls" | "ssl"
# user = "support@logeas.fr"
# password_command = "pass show logeas/imap"   # or password = "…"
# folder = "INBOX"
# poll_seconds = 60

# [smtp]
# host = "smtp.example.org"
# port = 587
# security = "starttls"
# user = "support@logeas.fr"
# password_command = "pass show logeas/smtp"

# [serve]                       # `logeas serve --host` other than 127.0.0.1 asks the
# password = "…"                # browser for this password first

# [backup]                      # a daily copy of the store, made by the app
# folder = "~/logeas-backups"
# keep = 7                      # the newest 7 are kept, older ones removed

# [keys]                        # rebind an action by its id, e.g.
# merge = "M"
"""


@dataclass(frozen=True)
class TechnicianConf:
    name: str
    email: str
    level: int


@dataclass(frozen=True)
class HoursConf:
    timezone: str = "Europe/Paris"
    holidays: bool = True
    # weekday (0 = Monday) -> opening intervals
    week: tuple[tuple[tuple[time, time], ...], ...] = tuple(
        ((time(9), time(12)), (time(14), time(18))) if d < 5 else () for d in range(7)
    )
    language: str = "en"  # of holiday names; Config keeps it equal to its own language

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Secret(str):
    """A password. It is a str for the libraries that log in with it, but its repr is '***':
    a traceback's local variables, a dataclass's repr or a log line never show it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "'***'"


PASSWORD_COMMAND_SECONDS = 10
_answers: dict[str, Secret] = {}  # password_command -> its answer, while this process runs


@dataclass(frozen=True)
class ServerConf:
    host: str
    port: int
    security: str = "ssl"
    user: str | None = None
    password: Secret | None = None
    password_command: str | None = field(default=None, repr=False)
    folder: str = "INBOX"
    poll_seconds: int = 60

    def __post_init__(self) -> None:
        if self.password is not None and not isinstance(self.password, Secret):
            object.__setattr__(self, "password", Secret(self.password))

    def resolve_password(self) -> Secret | None:
        """The password, running `password_command` if set (never prompts, at most 10 s, once
        per process). Neither its command line nor what it printed on stderr is ever shown:
        both may hold secrets."""
        if self.password is not None or not self.password_command:
            return self.password
        command = self.password_command
        if command not in _answers:
            try:
                out = subprocess.run(
                    command,
                    shell=True,
                    capture_output=True,
                    text=True,
                    timeout=PASSWORD_COMMAND_SECONDS,
                    stdin=subprocess.DEVNULL,
                )
            except subprocess.TimeoutExpired:
                raise ConfigError(
                    Sentence("config.command_slow", seconds=PASSWORD_COMMAND_SECONDS)
                ) from None
            if out.returncode != 0:
                raise ConfigError(Sentence("config.command_failed", status=out.returncode))
            _answers[command] = Secret(out.stdout.splitlines()[0] if out.stdout else "")
        return _answers[command]


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    language: str = "en"
    domain: str = "logeas.fr"
    address: str = "support@logeas.fr"
    system_id: str = "10"
    me: str = "Nicolas"
    default_queue: str = "LoGeAs"
    delete_grace_hours: int = 24
    auto_reply_cap: int = 40
    technicians: tuple[TechnicianConf, ...] = (TechnicianConf("Nicolas", "nicolas@logeas.fr", 1),)
    hours: HoursConf = field(default_factory=HoursConf)
    imap: ServerConf | None = None
    smtp: ServerConf | None = None
    keys: tuple[tuple[str, str], ...] = ()
    serve_password: Secret | None = None  # [serve] password: the browser's, off loopback
    backup_folder: Path | None = None  # [backup] folder: where the app puts a daily backup
    backup_keep: int = 7  # [backup] keep: how many daily backups are kept
    warnings: tuple[str, ...] = ()  # said on stderr by the command line, never fatal
    data_dir: Path = DATA_DIR

    def __post_init__(self) -> None:
        # Holiday names follow the configured language, not the environment's locale.
        if self.hours.language != self.language:
            object.__setattr__(self, "hours", replace(self.hours, language=self.language))

    @property
    def own_addresses(self) -> frozenset[str]:
        return frozenset({self.address.lower(), *(t.email.lower() for t in self.technicians)})


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def language_written(path: Path | None) -> str:
    """The language a settings file asks for, read from its `language = "…"` line even when
    the rest of the file is wrong (so the error about it is said in that language); else the
    system's."""
    try:
        text = (path or default_path()).read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return system_language()
    found = re.search(r'^\s*language\s*=\s*["\'](fr|en)["\']', text, re.MULTILINE)
    return found[1] if found else system_language()


def default_path() -> Path:
    env = os.environ.get("LOGEAS_CONFIG")
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir(APP)) / "config.toml"


def load(path: Path | None = None, *, create: bool = True) -> Config:
    """Read the config at `path` (default location when None); write a commented one if absent."""
    path = path or default_path()
    if not path.exists():
        if not create:
            return Config(language=system_language())
        private_folder(path.parent)
        write_private(path, DEFAULT_TEXT.format(language=system_language()).encode())
    try:
        text = path.read_text(encoding="utf-8-sig")  # a BOM left by a Windows editor is fine
        raw = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ConfigError(Sentence("config.not_utf8", path=path, byte=exc.start)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(Sentence("config.not_toml", path=path, cause=exc)) from None
    from logeas_tui.core.config_reader import Reader  # it reads the classes above

    config = Reader(path, text).build(raw)
    warning = _exposed_password(path, raw)
    return replace(config, warnings=(warning,)) if warning else config


def private_folder(folder: Path) -> None:
    """Create `folder` (and missing parents) readable by the user alone, whatever the umask;
    a folder that already exists is left as its owner set it."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for part in reversed(missing):
        part.mkdir(mode=0o700, exist_ok=True)
        part.chmod(0o700)


def write_private(path: Path, data: bytes) -> None:
    """Write a new file readable and writable by the user alone (0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        os.fchmod(out.fileno(), 0o600)
        out.write(data)


def _exposed_password(path: Path, raw: dict[str, Any]) -> str | None:
    """A warning when the file holds a password and others may read it."""
    if not any(
        isinstance(raw.get(s), dict) and "password" in raw[s] for s in ("imap", "smtp", "serve")
    ):
        return None
    if os.name != "posix" or not path.stat().st_mode & 0o077:
        return None
    return Sentence("config.exposed_password", path=path)


def setting_error(config: Config, section: str, key: str, message: str) -> ConfigError:
    """An error about a setting found valid here but refused by a later reader (the app's
    keymap), naming the file and the line of the key as every other config error does."""
    path = config.path or default_path()
    text = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
    from logeas_tui.core.config_reader import Reader

    return Reader(path, text).fail(section, key, message)
