"""The phone line: office hours 9–12 and 14–18 in Paris, French public holidays, and the
daylight-saving days. Inputs are aware UTC instants, as the clock gives them; expected times
are checked as instants (converted to UTC) so a wrong UTC offset cannot hide."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from logeas_tui.core.config import Config, HoursConf
from logeas_tui.core.hours import LineStatus, holiday_name, status

PARIS = ZoneInfo("Europe/Paris")
DEFAULT = HoursConf()


def paris(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    """A wall-clock time in Paris as the UTC instant the clock would report."""
    return datetime(y, mo, d, h, mi, tzinfo=PARIS).astimezone(UTC)


def utc(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


def at(now: datetime, conf: HoursConf = DEFAULT) -> LineStatus:
    return status(now, conf)


def change(s: LineStatus) -> datetime:
    assert s.next_change is not None
    return s.next_change.astimezone(UTC)


# Tuesday 2026-11-24 (winter time, UTC+1)


def test_1159_is_open_and_closes_at_noon() -> None:
    s = at(paris(2026, 11, 24, 11, 59))
    assert s.open
    assert change(s) == paris(2026, 11, 24, 12, 0)
    assert s.holiday is None


def test_noon_is_closed_until_1400() -> None:
    s = at(paris(2026, 11, 24, 12, 0))
    assert not s.open
    assert change(s) == paris(2026, 11, 24, 14, 0)


def test_1359_is_closed_until_1400() -> None:
    s = at(paris(2026, 11, 24, 13, 59))
    assert not s.open
    assert change(s) == paris(2026, 11, 24, 14, 0)


def test_1400_is_open_until_1800() -> None:
    s = at(paris(2026, 11, 24, 14, 0))
    assert s.open
    assert change(s) == paris(2026, 11, 24, 18, 0)


def test_0900_opens_and_0859_waits_for_it() -> None:
    assert at(paris(2026, 11, 24, 9, 0)).open
    s = at(paris(2026, 11, 24, 8, 59))
    assert not s.open
    assert change(s) == paris(2026, 11, 24, 9, 0)


def test_1800_is_closed_until_next_morning() -> None:
    s = at(paris(2026, 11, 24, 18, 0))
    assert not s.open
    assert change(s) == paris(2026, 11, 25, 9, 0)


def test_status_reports_local_time() -> None:
    s = at(utc(2026, 11, 24, 9, 30))
    assert s.now.utcoffset() is not None
    assert (s.now.hour, s.now.minute) == (10, 30)
    assert s.next_change is not None and s.next_change.hour == 12


def test_friday_evening_waits_for_monday() -> None:
    s = at(paris(2026, 11, 27, 18, 30))
    assert not s.open
    assert change(s) == paris(2026, 11, 30, 9, 0)


def test_saturday_is_closed() -> None:
    s = at(paris(2026, 11, 28, 10, 0))
    assert not s.open
    assert change(s) == paris(2026, 11, 30, 9, 0)


# French public holidays


@pytest.mark.parametrize(
    ("day", "english", "reopens"),
    [
        # Christmas is a Friday in 2026: next opening Monday 28th
        ((2026, 12, 25), "Christmas Day", (2026, 12, 28)),
        # Armistice, a Wednesday
        ((2026, 11, 11), "Armistice Day", (2026, 11, 12)),
        # Easter Monday (a movable feast)
        ((2026, 4, 6), "Easter Monday", (2026, 4, 7)),
    ],
)
def test_a_holiday_closes_the_line_with_its_name(
    day: tuple[int, int, int], english: str, reopens: tuple[int, int, int]
) -> None:
    s = at(paris(*day, 10, 0))
    assert not s.open
    assert s.holiday == english
    assert change(s) == paris(*reopens, 9, 0)


@pytest.mark.parametrize(
    ("language", "env", "name"),
    [("fr", "en_US.UTF-8", "Noël"), ("en", "fr_FR.UTF-8", "Christmas Day")],
)
def test_holiday_names_follow_the_configured_language_not_the_locale(
    monkeypatch: pytest.MonkeyPatch, language: str, env: str, name: str
) -> None:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.setenv(var, env)
    conf = Config(language=language).hours
    assert at(paris(2026, 12, 25, 10, 0), conf).holiday == name


def test_the_evening_before_a_holiday_skips_it() -> None:
    s = at(paris(2026, 11, 10, 18, 30))  # Tuesday; Wednesday 11th is Armistice
    assert change(s) == paris(2026, 11, 12, 9, 0)


def test_holidays_off_opens_the_line_on_a_holiday() -> None:
    conf = HoursConf(holidays=False)
    s = at(paris(2026, 12, 25, 10, 0), conf)
    assert s.open
    assert s.holiday is None
    assert holiday_name(datetime(2026, 12, 25).date(), conf) is None


def test_an_ordinary_day_has_no_holiday_name() -> None:
    assert holiday_name(datetime(2026, 11, 24).date(), DEFAULT) is None


# Daylight-saving days: 2026-03-29 (clocks go 02:00 → 03:00) and 2026-10-25 (03:00 → 02:00)
# are Sundays.


def test_friday_before_spring_change_is_in_winter_time() -> None:
    # Friday 2026-03-27, UTC+1: 09:00 in Paris is 08:00 UTC
    assert not at(utc(2026, 3, 27, 7, 59)).open
    s = at(utc(2026, 3, 27, 8, 0))
    assert s.open
    assert change(s) == utc(2026, 3, 27, 11, 0)  # closes 12:00 Paris


def test_weekend_of_spring_change_reopens_monday_0900_summer_time() -> None:
    # Friday 18:00 Paris = 17:00 UTC; Monday 09:00 Paris is now 07:00 UTC
    s = at(utc(2026, 3, 27, 17, 0))
    assert not s.open
    assert change(s) == utc(2026, 3, 30, 7, 0)


def test_monday_after_spring_change_is_in_summer_time() -> None:
    assert not at(utc(2026, 3, 30, 6, 59)).open
    s = at(utc(2026, 3, 30, 7, 0))
    assert s.open
    assert change(s) == utc(2026, 3, 30, 10, 0)
    afternoon = at(utc(2026, 3, 30, 11, 59))  # 13:59 Paris
    assert not afternoon.open
    assert change(afternoon) == utc(2026, 3, 30, 12, 0)


def test_friday_before_autumn_change_is_in_summer_time() -> None:
    # Friday 2026-10-23, UTC+2
    s = at(utc(2026, 10, 23, 9, 59))  # 11:59 Paris
    assert s.open
    assert change(s) == utc(2026, 10, 23, 10, 0)
    evening = at(utc(2026, 10, 23, 16, 0))  # 18:00 Paris
    assert not evening.open
    # Monday 26th 09:00 Paris is back in winter time: 08:00 UTC
    assert change(evening) == utc(2026, 10, 26, 8, 0)


def test_monday_after_autumn_change_is_in_winter_time() -> None:
    assert not at(utc(2026, 10, 26, 7, 59)).open
    s = at(utc(2026, 10, 26, 8, 0))
    assert s.open
    assert change(s) == utc(2026, 10, 26, 11, 0)


NIGHT_SUNDAY = HoursConf(
    holidays=False,
    week=((), (), (), (), (), (), ((time(1), time(4)),)),  # Sunday 01:00–04:00 only
)


def test_night_line_across_spring_change() -> None:
    # 01:30 CET = 00:30 UTC: open, closes 04:00 CEST = 02:00 UTC (two real hours, not three)
    s = at(utc(2026, 3, 29, 0, 30), NIGHT_SUNDAY)
    assert s.open
    assert change(s) == utc(2026, 3, 29, 2, 0)
    # 01:00 UTC = 03:00 CEST: still open
    assert at(utc(2026, 3, 29, 1, 0), NIGHT_SUNDAY).open
    # 02:00 UTC = 04:00 CEST: closed until next Sunday 01:00 CEST = Saturday 23:00 UTC
    closed = at(utc(2026, 3, 29, 2, 0), NIGHT_SUNDAY)
    assert not closed.open
    assert change(closed) == utc(2026, 4, 4, 23, 0)


def test_night_line_across_autumn_change() -> None:
    # Saturday 23:00 UTC = Sunday 01:00 CEST: opens
    before = at(utc(2026, 10, 24, 22, 59), NIGHT_SUNDAY)
    assert not before.open
    assert change(before) == utc(2026, 10, 24, 23, 0)
    # 02:30 happens twice; both are open
    assert at(utc(2026, 10, 25, 0, 30), NIGHT_SUNDAY).open  # 02:30 CEST
    second = at(utc(2026, 10, 25, 1, 30), NIGHT_SUNDAY)  # 02:30 CET
    assert second.open
    # closes at 04:00 CET = 03:00 UTC (four real hours)
    assert change(second) == utc(2026, 10, 25, 3, 0)
    assert not at(utc(2026, 10, 25, 3, 0), NIGHT_SUNDAY).open


def test_a_schedule_that_never_opens_has_no_next_change() -> None:
    s = at(utc(2026, 11, 24, 9, 30), HoursConf(week=((),) * 7))
    assert not s.open
    assert s.next_change is None


def test_another_time_zone() -> None:
    conf = HoursConf(timezone="America/Montreal", holidays=False)
    # 09:30 UTC is 04:30 in Montreal: closed until 09:00 there (14:00 UTC)
    s = at(utc(2026, 11, 24, 9, 30), conf)
    assert not s.open
    assert change(s) == utc(2026, 11, 24, 14, 0)


def test_a_years_holidays_are_kept_in_the_cache_folder_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from logeas_tui.core import hours

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    christmas = datetime(2031, 12, 25).date()
    hours._france.cache_clear()
    assert holiday_name(christmas, DEFAULT) == "Christmas Day"
    (kept,) = tmp_path.glob("logeas-tui/holidays-FR-2031-en-*.json")
    kept.write_text('{"2031-12-25": "Noël (kept)"}')
    hours._france.cache_clear()
    assert holiday_name(christmas, DEFAULT) == "Noël (kept)"  # read back, library not asked
    kept.write_text("not json")
    hours._france.cache_clear()
    assert holiday_name(christmas, DEFAULT) == "Christmas Day"  # a damaged file: the library
    hours._france.cache_clear()
