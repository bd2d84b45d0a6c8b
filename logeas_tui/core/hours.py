"""Is the phone line open now, and when does that change?

The weekly schedule (default Mon–Fri 9–12 and 14–18, Europe/Paris) comes from the config;
French public holidays close the line like a Sunday. All reasoning is in local wall-clock time,
so daylight-saving days need no special case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays as holidays_lib

from logeas_tui.core.config import HoursConf


@dataclass(frozen=True)
class LineStatus:
    open: bool
    now: datetime  # local
    next_change: datetime | None  # local; None when the schedule never opens
    holiday: str | None  # today's holiday name, if any


@lru_cache(maxsize=8)
def _france(year: int, language: str) -> holidays_lib.HolidayBase:
    # An explicit language: left unset, `holidays` picks it from the environment's locale.
    return holidays_lib.country_holidays(
        "FR", years=year, language="fr" if language == "fr" else "en_US"
    )


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
