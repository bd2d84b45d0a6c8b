"""Is the phone line open now, and when does that change?

The weekly schedule (default Mon–Fri 9–12 and 14–18, Europe/Paris) comes from the config;
French public holidays close the line like a Sunday. All reasoning is in local wall-clock time,
so daylight-saving days need no special case.

The calendar is the maintained `holidays` library's; loading it costs about a tenth of a second
(all its calendars), so a year's French holidays, once computed, are kept in the user's cache
folder (keyed on the library's files) and read from there by the next start-ups.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path

import platformdirs

from logeas_tui.core.config import APP, HoursConf


@dataclass(frozen=True)
class LineStatus:
    open: bool
    now: datetime  # local
    next_change: datetime | None  # local; None when the schedule never opens
    holiday: str | None  # today's holiday name, if any


@lru_cache(maxsize=8)
def _france(year: int, language: str) -> dict[date, str]:
    """The year's French public holidays and their names in `language`."""
    cache = _cache_file(year, language)
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
        if cache is not None:
            kept = json.loads(cache.read_text(encoding="utf-8"))
            return {date.fromisoformat(day): str(name) for day, name in kept.items()}
    import holidays as holidays_lib

    # An explicit language: left unset, `holidays` picks it from the environment's locale.
    calendar = holidays_lib.country_holidays(
        "FR", years=year, language="fr" if language == "fr" else "en_US"
    )
    days = {day: str(name) for day, name in calendar.items()}
    if cache is not None:
        with contextlib.suppress(OSError):
            cache.parent.mkdir(parents=True, exist_ok=True)
            part = cache.with_suffix(f".{os.getpid()}.part")
            part.write_text(json.dumps({d.isoformat(): n for d, n in days.items()}), "utf-8")
            part.replace(cache)
    return days


def _cache_file(year: int, language: str) -> Path | None:
    """Where the year's holidays are kept, named after the library's files (an upgrade of the
    library is a new name); None when the library cannot be found."""
    spec = importlib.util.find_spec("holidays")  # finds the files, runs none of them
    if spec is None or spec.origin is None:
        return None
    try:
        stamp = os.stat(Path(spec.origin).parent / "countries" / "france.py").st_mtime_ns
    except OSError:
        return None
    folder = Path(platformdirs.user_cache_dir(APP))
    return folder / f"holidays-FR-{year}-{language}-{stamp}.json"


def holiday_name(day: date, conf: HoursConf) -> str | None:
    if not conf.holidays:
        return None
    name = _france(day.year, conf.language).get(day)
    return str(name) if name else None


def _intervals(day: date, conf: HoursConf) -> tuple[tuple[time, time], ...]:
    if holiday_name(day, conf):
        return ()
    return conf.week[day.weekday()]


def status(now: datetime, conf: HoursConf) -> LineStatus:
    local = now.astimezone(conf.zone)
    today, clock = local.date(), local.time().replace(tzinfo=None)
    for start, end in _intervals(today, conf):
        if start <= clock < end:
            closes = datetime.combine(today, end, conf.zone)
            return LineStatus(True, local, closes, holiday_name(today, conf))
    return LineStatus(False, local, next_opening(local, conf), holiday_name(today, conf))


def next_opening(local: datetime, conf: HoursConf) -> datetime | None:
    clock = local.time().replace(tzinfo=None)
    for offset in range(0, 370):
        day = local.date() + timedelta(days=offset)
        for start, _end in _intervals(day, conf):
            if offset > 0 or start > clock:
                return datetime.combine(day, start, conf.zone)
    return None


def working_seconds(start: datetime, end: datetime, conf: HoursConf) -> float:
    """Seconds of opening hours between two instants (aware, or naive UTC as stored): a mail
    arriving Friday 17:50 answered Monday 09:10 waited 20 minutes, not 63 hours. Zero when
    `end` is not after `start`."""
    begin, finish = _local(start, conf), _local(end, conf)
    if finish <= begin:
        return 0.0
    total = 0.0
    day = begin.date()
    while day <= finish.date():
        for open_at, close_at in _intervals(day, conf):
            lo = max(begin, datetime.combine(day, open_at, conf.zone))
            hi = min(finish, datetime.combine(day, close_at, conf.zone))
            if hi > lo:
                total += (hi - lo).total_seconds()
        day += timedelta(days=1)
    return total


def _local(instant: datetime, conf: HoursConf) -> datetime:
    """An instant in the support's zone; a naive one is UTC, as the store keeps times."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(conf.zone)
