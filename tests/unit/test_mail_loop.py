"""A week of mail between the helpdesk and an auto-responder, hour by hour, without servers.

The customer behind robot@client.example writes one real request a day, at a different hour
each day (one at 22:00, so a loop runs across midnight, one at 03:00); the mailbox's
auto-responder answers every mail it receives within the hour with a mail of its own. Each
automatic mail the helpdesk queues for it (Outbox rows with automatic=True) is answered, as
if delivered; the helpdesk ingests the answers like any mail (tests/integration/
test_mail_flow.py runs the same idea for one day through Dovecot and SMTP).

Two responders, each with and without `Auto-Submitted: auto-replied` on its answers:
- naive: "Auto: <the subject it got>", so the ticket number comes back in the subject;
- forgetful: a subject of its own, no thread headers, so every answer looks like a new request
  and only the daily cap (`auto_reply_cap`, checked in core.services.inbound) stops the loop.
Whatever the responder does, the automatic mails to it never pass the cap on any local day,
the exchange stops (a quiet eighth day sends nothing), and every mail it sent is kept.
"""

from __future__ import annotations

import dataclasses
import email
from collections import Counter
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.policy import default as default_policy

import pytest

from logeas_tui.core.clock import FixedClock, as_utc
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.inbound import FOLLOWUP, NEW_TICKET, ingest
from logeas_tui.core.store.models import MAIL_IN, Message, Outbox, Ticket

BOT = "robot@client.example"
CAP = 5
DAYS = 7
# The hour (local time) of the customer's real request on each day of the week, Monday first.
REQUEST_HOURS = (9, 14, 22, 3, 11, 23, 8)


@dataclasses.dataclass
class AutoResponder:
    """The robot's mailbox: what it received from the helpdesk, what it sent back."""

    naive: bool  # echoes the subject it got (with the ticket number) and threads its answer
    marks_itself: bool  # adds Auto-Submitted: auto-replied
    answered_up_to: int = 0  # the last Outbox id it has answered
    sent: int = 0

    def mail(self, subject: str, *, automatic: bool, in_reply_to: str | None = None) -> bytes:
        self.sent += 1
        msg = EmailMessage()
        msg["From"] = f"Robot <{BOT}>"
        msg["To"] = "support@logeas.fr"
        msg["Subject"] = subject
        msg["Message-ID"] = f"<robot-{self.sent}@client.example>"
        if in_reply_to:
            msg["In-Reply-To"] = in_reply_to
        if automatic and self.marks_itself:
            msg["Auto-Submitted"] = "auto-replied"
        msg.set_content("Je suis absent jusqu'au 14 décembre." if automatic else "Bonjour")
        return msg.as_bytes()

    def answers(self) -> list[bytes]:
        """One answer to each automatic mail the helpdesk queued for it since last time."""
        got = list(
            Outbox.select()
            .where(Outbox.automatic & (Outbox.recipient == BOT) & (Outbox.id > self.answered_up_to))
            .order_by(Outbox.id)
        )
        out = []
        for row in got:
            self.answered_up_to = row.id
            received = email.message_from_bytes(bytes(row.raw), policy=default_policy)
            if self.naive:
                out.append(
                    self.mail(
                        f"Auto: {received['Subject']}",
                        automatic=True,
                        in_reply_to=received["Message-ID"],
                    )
                )
            else:
                out.append(self.mail(f"Absent du bureau ({self.sent})", automatic=True))
        return out


def automatic_mails_per_day(desk: Desk) -> Counter[date]:
    rows = Outbox.select(Outbox.created).where(Outbox.automatic & (Outbox.recipient == BOT))
    zone = desk.config.hours.zone
    return Counter(as_utc(row.created).astimezone(zone).date() for row in rows)


def run_week(desk: Desk, clock: FixedClock, robot: AutoResponder) -> tuple[Counter[str], date]:
    """Eight days, hour by hour: the robot answers what it got during the past hour, and the
    customer writes on the first seven days. (Outcomes of the robot's mails, first Monday.)"""
    monday = datetime(2026, 11, 23, tzinfo=desk.config.hours.zone)
    clock.set(monday)
    outcomes: Counter[str] = Counter()
    for hour in range((DAYS + 1) * 24):
        for raw in robot.answers():
            outcomes[ingest(desk, raw, []).outcome] += 1
        day, at = divmod(hour, 24)
        if day < DAYS and at == REQUEST_HOURS[day]:
            result = ingest(desk, robot.mail(f"Demande du jour {day + 1}", automatic=False), [])
            assert result.outcome == NEW_TICKET
        clock.advance(timedelta(hours=1))
    return outcomes, monday.date()


@pytest.mark.parametrize("marks_itself", [False, True], ids=["plain", "auto-submitted"])
@pytest.mark.parametrize("naive", [True, False], ids=["naive", "forgetful"])
def test_a_week_with_an_auto_responder_never_passes_the_daily_cap(
    desk, clock, naive: bool, marks_itself: bool
) -> None:
    desk = dataclasses.replace(desk, config=dataclasses.replace(desk.config, auto_reply_cap=CAP))
    robot = AutoResponder(naive=naive, marks_itself=marks_itself)

    outcomes, monday = run_week(desk, clock, robot)

    per_day = automatic_mails_per_day(desk)
    assert per_day, "the helpdesk never answered: the simulation tested nothing"
    assert max(per_day.values()) <= CAP, per_day
    quiet_day = monday + timedelta(days=DAYS)
    assert per_day[quiet_day] == 0 and not robot.answers()  # the exchange has stopped
    # every mail the robot sent is kept, on a ticket
    assert Message.select().where(
        (Message.kind == MAIL_IN) & (Message.from_addr == BOT)
    ).count() == (robot.sent)
    week = [per_day[monday + timedelta(days=d)] for d in range(DAYS)]
    if naive:
        # its answers name the ticket: they join it, and a follow-up gets no acknowledgement
        assert week == [1] * DAYS
        assert outcomes == Counter({FOLLOWUP: DAYS}) and Ticket.select().count() == DAYS
    elif marks_itself:
        # a new ticket, but the loop guard sees Auto-Submitted and sends nothing back
        assert week == [1] * DAYS
        assert outcomes == Counter({NEW_TICKET: DAYS})
    else:
        # Nothing but the cap stops it. Wednesday's request at 22:00 is acknowledged twice
        # before midnight; the loop goes on after midnight on Thursday's new count, and
        # Thursday's own request at 03:00 takes the cap's last mail. Saturday 23:00 likewise
        # fills Sunday's cap, so Sunday's 08:00 request gets no acknowledgement.
        assert week == [CAP, CAP, 2, CAP, CAP, 1, CAP]
        assert sum(outcomes.values()) == sum(week)  # it answered every acknowledgement
