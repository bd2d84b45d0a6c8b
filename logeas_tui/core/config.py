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
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from logeas_tui.core.errors import ConfigError

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


@dataclass(frozen=True)
class ServerConf:
    host: str
    port: int
    security: str = "ssl"
    user: str | None = None
    password: str | None = None
    password_command: str | None = None
    folder: str = "INBOX"
    poll_seconds: int = 60

    def resolve_password(self) -> str | None:
        """The password, running `password_command` if set (never prompts)."""
        if self.password is not None or not self.password_command:
            return self.password
        out = subprocess.run(
            self.password_command,
            shell=True,
            capture_output=True,
            text=True,
            timeout=30,
            stdin=subprocess.DEVNULL,
        )
        if out.returncode != 0:
            raise ConfigError(f"password_command failed: {out.stderr.strip() or out.returncode}")
        return out.stdout.splitlines()[0] if out.stdout else ""


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
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DEFAULT_TEXT.format(language=system_language()), encoding="utf-8")
    try:
        text = path.read_text(encoding="utf-8-sig")  # a BOM left by a Windows editor is fine
        raw = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}): save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return _Reader(path, text).build(raw)


def setting_error(config: Config, section: str, key: str, message: str) -> ConfigError:
    """An error about a setting found valid here but refused by a later reader (the app's
    keymap), naming the file and the line of the key as every other config error does."""
    path = config.path or default_path()
    text = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
    return _Reader(path, text).fail(section, key, message)


SECRET_KEYS = frozenset({"password"})  # never echoed in an error
GRACE_HOURS = (1, 87_600)  # Delete keeps a ticket an hour at least, ten years at most
POLL_SECONDS = (5, 86_400)
PORTS = (1, 65_535)


class _Reader:
    """Turns the parsed TOML into a Config, naming file, line and key on any error."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def line_of(self, section: str, key: str, index: int = 0) -> int | None:
        """The line of `key` in `section` (its `index`-th table for [[arrays]]), or of the
        header `[key]` for a top-level table."""
        current, seen = "", -1
        for n, line in enumerate(self.lines, 1):
            stripped = line.strip()
            header = re.match(r"^\[\[?\s*([^\]]+?)\s*\]\]?", stripped)
            if header:
                current = header.group(1)
                if current == section:
                    seen += 1
                if not section and current == key:
                    return n
                continue
            if (
                current == section
                and (not section or seen == index)
                and re.match(rf"^{re.escape(key)}\s*=", stripped)
            ):
                return n
        return None

    def fail(self, section: str, key: str, message: str, index: int = 0) -> ConfigError:
        line = self.line_of(section, key, index)
        where = f"{self.path}, line {line}" if line else str(self.path)
        name = f"{section}.{key}" if section else key
        return ConfigError(f"{where}: key '{name}': {message}")

    def get(
        self,
        table: dict[str, Any],
        section: str,
        key: str,
        kind: type,
        default: Any,
        index: int = 0,
    ) -> Any:
        if key not in table:
            return default
        value = table[key]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            got = f"a {type(value).__name__}" if key in SECRET_KEYS else repr(value)
            raise self.fail(section, key, f"expected {kind.__name__}, got {got}", index)
        return value

    def number(
        self, table: dict[str, Any], section: str, key: str, default: int, low: int, high: int
    ) -> int:
        """An integer setting within [low, high]."""
        value: int = self.get(table, section, key, int, default)
        if not low <= value <= high:
            raise self.fail(section, key, f"must be between {low:,} and {high:,}, not {value:,}")
        return value

    def only(
        self, table: dict[str, Any], section: str, known: tuple[str, ...], index: int = 0
    ) -> None:
        """Refuse a misspelt key rather than silently ignoring it."""
        for key in table:
            if key not in known:
                raise self.fail(section, key, f"unknown setting (known: {', '.join(known)})", index)

    def table(self, raw: dict[str, Any], key: str) -> dict[str, Any]:
        value = raw.get(key, {})
        if not isinstance(value, dict):
            raise self.fail("", key, "expected a [section]")
        return value

    def build(self, raw: dict[str, Any]) -> Config:
        known = {"language", "support", "technicians", "hours", "imap", "smtp", "keys"}
        for key in raw:
            if key not in known:
                raise self.fail("", key, f"unknown setting (known: {', '.join(sorted(known))})")
        language = self.get(raw, "", "language", str, system_language())
        if language not in ("fr", "en"):
            raise self.fail("", "language", f'must be "fr" or "en", not {language!r}')
        sup = self.table(raw, "support")
        self.only(
            sup,
            "support",
            (
                "domain",
                "address",
                "system_id",
                "me",
                "default_queue",
                "delete_grace_hours",
                "auto_reply_cap",
                "data",
            ),
        )
        system_id = self.get(sup, "support", "system_id", str, "10")
        if not (system_id.isdigit() and len(system_id) == 2):
            raise self.fail("support", "system_id", f"must be two digits, not {system_id!r}")
        keys = self.table(raw, "keys")
        for k, v in keys.items():
            if not isinstance(v, str):
                raise self.fail("keys", k, f"expected a key name, got {v!r}")
        me = self.get(sup, "support", "me", str, None)
        config = Config(
            path=self.path,
            language=language,
            domain=self.get(sup, "support", "domain", str, "logeas.fr"),
            address=self.get(sup, "support", "address", str, "support@logeas.fr"),
            system_id=system_id,
            default_queue=self.get(sup, "support", "default_queue", str, "LoGeAs"),
            delete_grace_hours=self.number(sup, "support", "delete_grace_hours", 24, *GRACE_HOURS),
            auto_reply_cap=self.number(sup, "support", "auto_reply_cap", 40, 0, 10_000),
            technicians=self.technicians(raw.get("technicians", [])),
            hours=self.hours(self.table(raw, "hours")),
            imap=self.server(raw, "imap", 993),
            smtp=self.server(raw, "smtp", 587),
            keys=tuple(sorted(keys.items())),
            data_dir=self.data_dir(sup),
        )
        names = [tech.name for tech in config.technicians]
        if me is not None and me not in names:
            raise self.fail(
                "support", "me", f"{me!r} is not a technician (technicians: {', '.join(names)})"
            )
        return replace(config, me=me or names[0])

    def data_dir(self, sup: dict[str, Any]) -> Path:
        """`[support] data`: the team's own data folder (relative to this file), else the
        shipped one."""
        name = self.get(sup, "support", "data", str, "")
        if not name:
            return DATA_DIR
        folder = (self.path.parent / Path(name).expanduser()).resolve()
        if not (folder / "queues.toml").is_file():
            raise self.fail("support", "data", f"{folder} is not a data folder (no queues.toml)")
        return folder

    def technicians(self, items: Any) -> tuple[TechnicianConf, ...]:
        if not isinstance(items, list):
            raise self.fail("", "technicians", "expected [[technicians]] entries")
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise self.fail("", "technicians", "expected [[technicians]] entries")
            self.only(item, "technicians", ("name", "email", "level"), i)
            name = self.get(item, "technicians", "name", str, None, i)
            if not name:
                raise self.fail("technicians", "name", "every technician needs a name", i)
            email = self.get(item, "technicians", "email", str, "", i)
            level = self.get(item, "technicians", "level", int, 1, i)
            if level < 1:
                raise self.fail("technicians", "level", "support levels start at 1", i)
            out.append(TechnicianConf(name, email, level))
        return tuple(out) or Config.technicians

    def hours(self, table: dict[str, Any]) -> HoursConf:
        tz = self.get(table, "hours", "timezone", str, "Europe/Paris")
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise self.fail("hours", "timezone", f"unknown time zone {tz!r}") from None
        week = list(HoursConf().week)
        for i, day in enumerate(DAYS):
            if day in table:
                week[i] = self.intervals(day, table[day])
        for key in table:
            if key not in (*DAYS, "timezone", "holidays"):
                raise self.fail("hours", key, "unknown setting")
        return HoursConf(tz, self.get(table, "hours", "holidays", bool, True), tuple(week))

    def intervals(self, day: str, value: Any) -> tuple[tuple[time, time], ...]:
        if not isinstance(value, list):
            raise self.fail("hours", day, 'expected a list like ["09:00-12:00"]')
        out = []
        for item in value:
            m = re.fullmatch(r"\s*(\d{1,2}):(\d\d)\s*-\s*(\d{1,2}):(\d\d)\s*", str(item))
            try:
                if not m:
                    raise ValueError
                start = time(int(m[1]), int(m[2]))
                end = time(int(m[3]), int(m[4])) if m[3] != "24" else time.max
            except ValueError:
                raise self.fail("hours", day, f'{item!r} is not a "HH:MM-HH:MM" interval') from None
            if end <= start:
                raise self.fail("hours", day, f"{item!r} ends before it starts")
            out.append((start, end))
        return tuple(sorted(out))

    def server(self, raw: dict[str, Any], name: str, port: int) -> ServerConf | None:
        if name not in raw:
            return None
        t = self.table(raw, name)
        self.only(
            t,
            name,
            (
                "host",
                "port",
                "security",
                "user",
                "password",
                "password_command",
                "folder",
                "poll_seconds",
            ),
        )
        host = self.get(t, name, "host", str, None)
        if not host:
            raise self.fail(name, "host", "a mail server needs a host")
        security = self.get(t, name, "security", str, "ssl")
        if security not in ("none", "starttls", "ssl"):
            raise self.fail(
                name, "security", f'must be "none", "starttls" or "ssl", not {security!r}'
            )
        return ServerConf(
            host=host,
            port=self.number(t, name, "port", port, *PORTS),
            security=security,
            user=self.get(t, name, "user", str, None),
            password=self.get(t, name, "password", str, None),
            password_command=self.get(t, name, "password_command", str, None),
            folder=self.get(t, name, "folder", str, "INBOX"),
            poll_seconds=self.number(t, name, "poll_seconds", 60, *POLL_SECONDS),
        )
