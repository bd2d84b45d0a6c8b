"""Statistics: what each week brought, what was closed, what a customer's reply reopened and
how long customers waited — counted in opening hours, on both engines."""

from __future__ import annotations

import json
from argparse import Namespace
from datetime import UTC, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest

from logeas_tui.cli.stats_verb import stats as stats_verb
from logeas_tui.core.clock import FixedClock
from logeas_tui.core.config import HoursConf
from logeas_tui.core.errors import InvalidInput
from logeas_tui.core.hours import working_seconds
from logeas_tui.core.services import answers, stats, tickets
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.inbound import ingest
from tests.conftest import FIXED_NOW
from tests.factories import stored_mail

PARIS = ZoneInfo("Europe/Paris")


def paris(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=PARIS).astimezone(UTC)


def test_friday_evening_to_monday_morning_is_twenty_working_minutes() -> None:
    """Friday 17:50 → Monday 09:10 in Paris waited 20 minutes, not 63 hours; a morning to the
    afternoon skips the lunch break; naive UTC times, as stored, count the same."""
    friday, monday = paris(2026, 11, 27, 17, 50), paris(2026, 11, 30, 9, 10)
    assert working_seconds(friday, monday, HoursConf()) == 20 * 60
    naive = (friday.replace(tzinfo=None), monday.replace(tzinfo=None))
    assert working_seconds(*naive, HoursConf()) == 20 * 60
    assert working_seconds(paris(2026, 12, 1, 11), paris(2026, 12, 1, 15), HoursConf()) == 7200
    assert working_seconds(monday, friday, HoursConf()) == 0


@pytest.fixture
def week_of_work(desk: Desk, clock: FixedClock) -> tuple[str, str]:
    """A mail of Friday 20 November 17:50 answered (and so closed) on Monday 23 at 09:10, the
    customer's reply reopening it on Tuesday 24 at 09:00; a phone call on Monday 23 at 10:00
    still open. The report is read on Tuesday 24 at 10:30 (the fixed clock)."""
    clock.set(paris(2026, 11, 20, 17, 50))
    mail = stored_mail(
        desk, sender="client@exemple.fr", name="Client", subject="Sauvegarde", body="Aide ?"
    )
    clock.set(paris(2026, 11, 23, 9, 10))
    answers.reply(desk, mail, "Voici la marche à suivre.")
    clock.set(paris(2026, 11, 23, 10))
    phone = tickets.create_phone_ticket(
        desk,
        customer="0612345678",
        queue="LoGeAs",
        subject="Licence",
        body="Appel",
        owner="Nicolas",
    ).number
    clock.set(paris(2026, 11, 24, 9))
    raw = (
        f"From: client@exemple.fr\r\nTo: {desk.config.address}\r\n"
        f"Subject: Re: [Ticket#{mail}] Sauvegarde\r\nMessage-ID: <re-1@exemple.fr>\r\n"
        "\r\nCela ne marche toujours pas.\r\n"
    ).encode()
    assert ingest(desk, raw, (), acknowledge=False).number == mail
    clock.set(FIXED_NOW)
    return mail, phone


def test_each_week_counts_what_happened_in_it(desk: Desk, week_of_work: tuple[str, str]) -> None:
    report = stats.report(desk, weeks=2)
    assert report.weeks == ("2026-W47", "2026-W48")
    w47, w48 = report.totals
    assert (w47.by_mail, w47.by_phone, w47.closed, w47.reopened, w47.still_open) == (
        1,
        0,
        0,
        0,
        1,
    )
    assert (w48.by_mail, w48.by_phone, w48.closed, w48.reopened, w48.still_open) == (
        0,
        1,
        1,
        1,
        1,
    )
    # the Friday-evening mail answered on Monday morning waited 20 minutes of opening hours
    assert w47.median_first_answer == 20 * 60
    assert w47.median_close == 20 * 60
    assert w48.median_first_answer is None  # the call has had no answer yet
    assert [(r.queue, r.week) for r in report.rows] == [
        ("LoGeAs", "2026-W47"),
        ("LoGeAs", "2026-W48"),
    ]
    mail, _phone = week_of_work
    assert [(o.queue, o.number) for o in report.oldest] == [("LoGeAs", mail)]


def test_a_week_outside_the_window_is_not_counted(
    desk: Desk, week_of_work: tuple[str, str]
) -> None:
    (w48,) = stats.report(desk, weeks=1).totals
    assert (w48.created, w48.closed, w48.reopened) == (1, 1, 1)


def test_one_queue_and_an_unknown_one(desk: Desk, week_of_work: tuple[str, str]) -> None:
    assert all(r.created == 0 for r in stats.report(desk, weeks=2, queue="Saturne").totals)
    with pytest.raises(InvalidInput, match="Nowhere"):
        stats.report(desk, queue="Nowhere")


def _run(desk: Desk, **options: object) -> str:
    out = StringIO()
    args = Namespace(weeks=2, queue=None, csv=False, json=False)
    for key, value in options.items():
        setattr(args, key, value)
    assert stats_verb(desk, args, out) == 0
    return out.getvalue()


def test_the_command_line_prints_the_same_figures(
    desk: Desk, week_of_work: tuple[str, str]
) -> None:
    data = json.loads(_run(desk, json=True))
    logeas = [r for r in data["rows"] if r["queue"] == "LoGeAs"]
    assert [(r["week"], r["created"], r["closed"], r["reopened"]) for r in logeas] == [
        ("2026-W47", 1, 0, 0),
        ("2026-W48", 1, 1, 1),
    ]
    assert logeas[0]["median_first_answer_s"] == 1200
    assert data["oldest_open"][0]["number"] == week_of_work[0]
    lines = _run(desk, csv=True).splitlines()
    assert lines[0].startswith("queue,week,created,by_mail,by_phone,closed,reopened")
    assert "LoGeAs,2026-W47,1,1,0,0,0,1,1200,1200" in lines
    text = _run(desk)
    assert "20 min" in text and "oldest open ticket" in text and week_of_work[0] in text


def test_held_mail_has_its_own_row_but_is_not_the_supports_work(
    desk: Desk, week_of_work: tuple[str, str]
) -> None:
    """A spam caught this morning shows in the Spam queue's row, not in the totals, nor among
    the oldest open tickets."""
    spam = stored_mail(
        desk, sender="promo@pub.example", name="", subject="Gagnez", body="!", queue="Spam"
    )
    report = stats.report(desk, weeks=1)
    assert [(r.queue, r.created) for r in report.rows] == [("LoGeAs", 1), ("Spam", 1)]
    assert report.totals[0].created == 1
    assert spam not in [o.number for o in report.oldest]
    assert stats.report(desk, weeks=1, queue="Spam").totals[0].created == 1
