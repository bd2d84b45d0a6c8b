"""Reading the settings file: the parsed TOML becomes a `Config`, and anything wrong in it —
an unknown key, a wrong type, a number out of range, a technician who does not exist — is
refused naming the file, the line and the key. A password is never echoed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from logeas_tui.core.config import (
    DATA_DIR,
    DAYS,
    Config,
    HoursConf,
    Secret,
    ServerConf,
    TechnicianConf,
    system_language,
)
from logeas_tui.core.errors import ConfigError
from logeas_tui.core.sentences import Sentence

SECRET_KEYS = frozenset({"password"})  # never echoed in an error
GRACE_HOURS = (1, 87_600)  # Delete keeps a ticket an hour at least, ten years at most
BACKUPS_KEPT = (1, 3_650)  # daily backups kept: one at least, ten years at most
POLL_SECONDS = (5, 86_400)
PORTS = (1, 65_535)


class Reader:
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

    def fail(self, section: str, key: str, problem: str, index: int = 0) -> ConfigError:
        """The file, the line and the key, then what is wrong (a Sentence: said in the
        language of whoever shows it)."""
        line = self.line_of(section, key, index)
        name = f"{section}.{key}" if section else key
        if line:
            said = Sentence("config.at_line", path=self.path, line=line, name=name, problem=problem)
        else:
            said = Sentence("config.at", path=self.path, name=name, problem=problem)
        return ConfigError(said)

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
            raise self.fail(
                section, key, Sentence("config.expected", kind=kind.__name__, got=got), index
            )
        return value

    def secret(self, table: dict[str, Any], section: str) -> Secret | None:
        value = self.get(table, section, "password", str, None)
        return None if value is None else Secret(value)

    def number(
        self, table: dict[str, Any], section: str, key: str, default: int, low: int, high: int
    ) -> int:
        """An integer setting within [low, high]."""
        value: int = self.get(table, section, key, int, default)
        if not low <= value <= high:
            raise self.fail(
                section, key, Sentence("config.between", low=low, high=high, value=value)
            )
        return value

    def only(
        self, table: dict[str, Any], section: str, known: tuple[str, ...], index: int = 0
    ) -> None:
        """Refuse a misspelt key rather than silently ignoring it."""
        for key in table:
            if key not in known:
                raise self.fail(
                    section, key, Sentence("config.unknown", known=", ".join(known)), index
                )

    def table(self, raw: dict[str, Any], key: str) -> dict[str, Any]:
        value = raw.get(key, {})
        if not isinstance(value, dict):
            raise self.fail("", key, Sentence("config.section"))
        return value

    def build(self, raw: dict[str, Any]) -> Config:
        known = {
            "language",
            "support",
            "technicians",
            "hours",
            "imap",
            "smtp",
            "keys",
            "serve",
            "backup",
        }
        for key in raw:
            if key not in known:
                raise self.fail("", key, Sentence("config.unknown", known=", ".join(sorted(known))))
        language = self.get(raw, "", "language", str, system_language())
        if language not in ("fr", "en"):
            raise self.fail("", "language", Sentence("config.language", value=repr(language)))
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
            raise self.fail(
                "support", "system_id", Sentence("config.system_id", value=repr(system_id))
            )
        keys = self.table(raw, "keys")
        for k, v in keys.items():
            if not isinstance(v, str):
                raise self.fail("keys", k, Sentence("config.key_name", got=repr(v)))
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
            serve_password=self.serve_password(self.table(raw, "serve")),
            **self.backup(self.table(raw, "backup")),
            data_dir=self.data_dir(sup),
        )
        names = [tech.name for tech in config.technicians]
        if me is not None and me not in names:
            raise self.fail(
                "support", "me", Sentence("config.me", me=repr(me), names=", ".join(names))
            )
        return replace(config, me=me or names[0])

    def serve_password(self, table: dict[str, Any]) -> Secret | None:
        """`[serve] password`: what a browser must give when `logeas serve` listens beyond
        loopback."""
        self.only(table, "serve", ("password",))
        password = self.secret(table, "serve")
        if password is not None and not password.strip():
            raise self.fail("serve", "password", Sentence("config.empty"))
        return password

    def backup(self, table: dict[str, Any]) -> dict[str, Any]:
        """`[backup] folder` and `keep`: the app's daily backup (`services.daily_backup`)."""
        self.only(table, "backup", ("folder", "keep"))
        folder = self.get(table, "backup", "folder", str, "")
        keep = self.number(table, "backup", "keep", 7, *BACKUPS_KEPT)
        if not folder:
            return {"backup_keep": keep}
        path = (self.path.parent / Path(folder).expanduser()).resolve()
        if path.exists() and not path.is_dir():
            raise self.fail("backup", "folder", Sentence("config.not_folder", path=path))
        return {"backup_folder": path, "backup_keep": keep}

    def data_dir(self, sup: dict[str, Any]) -> Path:
        """`[support] data`: the team's own data folder (relative to this file), else the
        shipped one."""
        name = self.get(sup, "support", "data", str, "")
        if not name:
            return DATA_DIR
        folder = (self.path.parent / Path(name).expanduser()).resolve()
        if not (folder / "queues.toml").is_file():
            raise self.fail("support", "data", Sentence("config.not_data", path=folder))
        return folder

    def technicians(self, items: Any) -> tuple[TechnicianConf, ...]:
        if not isinstance(items, list):
            raise self.fail("", "technicians", Sentence("config.technicians"))
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise self.fail("", "technicians", Sentence("config.technicians"))
            self.only(item, "technicians", ("name", "email", "level"), i)
            name = self.get(item, "technicians", "name", str, None, i)
            if not name:
                raise self.fail("technicians", "name", Sentence("config.tech_name"), i)
            email = self.get(item, "technicians", "email", str, "", i)
            level = self.get(item, "technicians", "level", int, 1, i)
            if level < 1:
                raise self.fail("technicians", "level", Sentence("config.level"), i)
            out.append(TechnicianConf(name, email, level))
        return tuple(out) or Config.technicians

    def hours(self, table: dict[str, Any]) -> HoursConf:
        tz = self.get(table, "hours", "timezone", str, "Europe/Paris")
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise self.fail("hours", "timezone", Sentence("config.zone", value=repr(tz))) from None
        week = list(HoursConf().week)
        for i, day in enumerate(DAYS):
            if day in table:
                week[i] = self.intervals(day, table[day])
        for key in table:
            if key not in (*DAYS, "timezone", "holidays"):
                raise self.fail("hours", key, Sentence("config.unknown_hours"))
        return HoursConf(tz, self.get(table, "hours", "holidays", bool, True), tuple(week))

    def intervals(self, day: str, value: Any) -> tuple[tuple[time, time], ...]:
        if not isinstance(value, list):
            raise self.fail("hours", day, Sentence("config.hours_list"))
        out = []
        for item in value:
            m = re.fullmatch(r"\s*(\d{1,2}):(\d\d)\s*-\s*(\d{1,2}):(\d\d)\s*", str(item))
            try:
                if not m:
                    raise ValueError
                start = time(int(m[1]), int(m[2]))
                end = time(int(m[3]), int(m[4])) if m[3] != "24" else time.max
            except ValueError:
                raise self.fail(
                    "hours", day, Sentence("config.interval", value=repr(item))
                ) from None
            if end <= start:
                raise self.fail("hours", day, Sentence("config.backwards", value=repr(item)))
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
            raise self.fail(name, "host", Sentence("config.host"))
        security = self.get(t, name, "security", str, "ssl")
        if security not in ("none", "starttls", "ssl"):
            raise self.fail(name, "security", Sentence("config.security", value=repr(security)))
        return ServerConf(
            host=host,
            port=self.number(t, name, "port", port, *PORTS),
            security=security,
            user=self.get(t, name, "user", str, None),
            password=self.secret(t, name),
            password_command=self.get(t, name, "password_command", str, None),
            folder=self.get(t, name, "folder", str, "INBOX"),
            poll_seconds=self.number(t, name, "poll_seconds", 60, *POLL_SECONDS),
        )
