"""Draws the demo tickets: when they arrived, in which queue, from whom, what happened to them.

Pure computation on data read once from the store (queues, technicians, counters, the last
ids): rows come out in parts, ready for `executemany`, so the drawing can run in another
process while the store writes the previous part.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
import random
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from typing import Any, TypeVar

from peewee import Model, fn

from logeas_tui.core.numbers import make_number, with_hook
from logeas_tui.core.procedure import (
    CLOSED_KO,
    CLOSED_OK,
    MERGED,
    NEW,
    OPEN,
    PENDING,
    REMOVED,
    STATES,
)
from logeas_tui.core.services import wording
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store.models import (
    MAIL_IN,
    MAIL_OUT,
    Counter,
    Message,
    Queue,
    Technician,
    Ticket,
)
from logeas_tui.core.store.rows import message_row, ticket_row
from logeas_tui.demo import words as W
from logeas_tui.demo.rows import (
    M_KIND,
    T_LAST_IN,
    T_NUMBER,
    T_OWNER,
    T_STATE,
    T_UPDATED,
    T_VERSION,
    Part,
    stored,
)
from logeas_tui.demo.story import Customer, Story, Values

# How often each queue receives a ticket (obsolete queues: only tickets older than a year).
QUEUE_WEIGHTS = {
    "LoGeAs": 52,
    "LoGeAs A voir": 3,
    "LoGeAs EPUdF": 3,
    "LoGeAs:Erreur": 6,
    "LoGeAs:Sauvegarde de": 2,
    "LoGeAsSite": 7,
    "Saturne": 2,
    "Secrétariat": 5,
    "LoGeAs:Relation ERF": 3,
    "LoGeAsSauv": 3,
    "Delete": 1,
    "Spam": 7,
    "Virus": 1,
    "Mailing": 5,
}
HELD_SENDERS = {"Spam": W.JUNK_SENDERS, "Virus": W.JUNK_SENDERS, "Mailing": W.MAILING_SENDERS}
# Mail from machines, lists and junk: never a phone call, never answered, never owned.
UNANSWERED = ("LoGeAs:Erreur", "LoGeAs:Sauvegarde de", "Spam", "Virus", "Mailing", "Delete")
# (upper bound of a uniform draw, state), by the ticket's age.
STATES_OLD = (
    (0.80, CLOSED_OK),
    (0.90, CLOSED_KO),
    (0.95, MERGED),
    (0.99, REMOVED),
    (0.995, OPEN),
    (0.998, PENDING),
    (1.0, NEW),
)
STATES_WEEKS = (
    (0.55, CLOSED_OK),
    (0.62, CLOSED_KO),
    (0.67, MERGED),
    (0.69, REMOVED),
    (0.84, OPEN),
    (0.92, PENDING),
    (1.0, NEW),
)
STATES_DAYS = (
    (0.30, CLOSED_OK),
    (0.33, CLOSED_KO),
    (0.37, MERGED),
    (0.39, REMOVED),
    (0.62, OPEN),
    (0.77, PENDING),
    (1.0, NEW),
)
HOURS = (8, 9, 9, 10, 10, 10, 11, 11, 13, 14, 14, 15, 15, 16, 16, 17, 18, 20, 22, 3)
DAYS_SPAN = 730
RAW_DAYS = 90  # received mail of the last 90 days keeps its original bytes
ACK_SHARE = 0.4
PART = 5_000  # tickets per part

_T = TypeVar("_T")


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c if c.isalnum() else "-" for c in plain.lower()).strip("-")


def _header(text: str) -> str:
    """An RFC 2047 encoded word when the text is not plain ASCII."""
    if text.isascii():
        return text
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


def _max_id(model: type[Model]) -> int:
    return int(model.select(fn.MAX(model._meta.primary_key)).scalar() or 0)


class Generator:
    def __init__(self, desk: Desk, seed: int) -> None:
        self.desk = desk
        self.rng = random.Random(seed)
        self.rnd = self.rng.random
        self.now = desk.now()
        self.limit = self.now - timedelta(seconds=30)  # latest time an event may have
        self.raw_after = self.now - timedelta(days=RAW_DAYS)
        self._day: tuple[date, str] | None = None
        self.zone = desk.config.hours.zone
        self.support = desk.config.address
        self.own_domain = self.support.rsplit("@", 1)[-1]
        self.queues = {q.name: q for q in Queue.select()}
        techs = list(Technician.select().order_by(Technician.id))
        self.level1 = [t for t in techs if t.level == 1] or techs
        self.level2 = [t for t in techs if t.level != 1] or techs
        me = Technician.get_or_none(Technician.name == desk.who)
        self.me_id: int | None = me.id if me else None
        self.counters: dict[str, int] = {c.day: c.value for c in Counter.select()}
        self.days_used: set[str] = set()
        self.first_ticket = _max_id(Ticket) + 1
        self.next_message = _max_id(Message) + 1
        self.ack_template = wording.acknowledgement_template(desk)
        self.customers = self._customers()
        self.mailboxes = [c for c in self.customers if not c.phone]  # machines mail from these
        self.queue_names = [n for n in QUEUE_WEIGHTS if n in self.queues]
        self.queue_names += [n for n in self.queues if n not in QUEUE_WEIGHTS]
        self.queue_cum: list[int] = []
        for name in self.queue_names:
            self.queue_cum.append((self.queue_cum or [0])[-1] + QUEUE_WEIGHTS.get(name, 1))
        self.tickets: list[list[Any]] = []  # every row drawn, kept for later merges into it
        self.written = 0  # tickets[:written] went out in earlier parts
        self.patched: set[int] = set()
        self.messages: list[tuple[Any, ...]] = []  # this part's
        self.raws: list[tuple[int, bytes]] = []  # this part's received mails' bytes
        self.history: list[tuple[Any, ...]] = []  # this part's

    # --- small draws ----------------------------------------------------------------------
    def pick(self, seq: Sequence[_T]) -> _T:
        return seq[int(self.rnd() * len(seq))]

    def between(self, low: int, high: int) -> int:
        return low + int(self.rnd() * (high - low + 1))

    def after(self, t: datetime, low_min: int, high_min: int) -> datetime:
        """A moment `low_min`–`high_min` minutes after t, never in the future."""
        later = t + timedelta(minutes=low_min + int(self.rnd() * (high_min - low_min + 1)))
        return later if later < self.limit else max(t, self.limit)

    def technician(self, level2: bool = False) -> Technician:
        return self.pick(self.level2 if level2 or self.rnd() < 0.25 else self.level1)

    def _customers(self) -> list[Customer]:
        out = []
        domain = self.desk.config.domain
        for _ in range(300):
            first, last = self.pick(W.FIRST_NAMES), self.pick(W.LAST_NAMES)
            city = self.pick(W.CITIES)
            org_t, dom_t = self.pick(W.ORGS)
            org = org_t.format(city=city, last=last)
            lang = "en" if "Church" in org_t or self.rnd() < 0.1 else "fr"
            if self.rnd() < 0.14:
                digits = f"0{self.between(1, 7)}{self.between(0, 99_999_999):08d}"
                out.append(Customer(f"{digits}@{domain}", first, last, org, lang, True))
                continue
            host = (
                dom_t.format(slug=_ascii(city if "{city}" in org_t else last))
                if self.rnd() < 0.7
                else self.pick(W.WEBMAIL)
            )
            address = f"{_ascii(first)}.{_ascii(last)}@{host}"
            out.append(Customer(address, first, last, org, lang, False))
        return out

    # --- dates, numbers, queues, states --------------------------------------------------
    def dates(self, count: int) -> list[tuple[datetime, date]]:
        """`count` creation times over two years, mostly working hours, oldest first."""
        today = self.desk.local_now().date()
        out = []
        for _ in range(count):
            while True:
                day = today - timedelta(days=int(self.rnd() * DAYS_SPAN))
                if day.weekday() < 5 or self.rnd() < 0.25:
                    break
            local = datetime(
                day.year,
                day.month,
                day.day,
                self.pick(HOURS),
                int(self.rnd() * 60),
                int(self.rnd() * 60),
                tzinfo=self.zone,
            )
            created = local.astimezone(UTC).replace(tzinfo=None)
            if created >= self.now:
                created = self.now - timedelta(minutes=self.between(1, 600))
                day = created.replace(tzinfo=UTC).astimezone(self.zone).date()
            out.append((created, day))
        out.sort()
        return out

    def number(self, day: date) -> str:
        if self._day is None or self._day[0] != day:  # tickets come day after day
            self._day = (day, f"{day:%Y%m%d}")
        key = self._day[1]
        value = self.counters.get(key, 0) + 1
        self.counters[key] = value
        self.days_used.add(key)
        return make_number(day, self.desk.config.system_id, value)

    def queue(self, created: datetime) -> str:
        x = self.rnd() * self.queue_cum[-1]
        name = self.queue_names[bisect.bisect_right(self.queue_cum, x)]
        if not self.queues[name].valid and (self.now - created).days < 365:
            return "LoGeAs"
        return name

    def state(self, queue: str, age_days: int) -> str:
        r = self.rnd()
        if queue in ("Spam", "Virus"):
            return NEW if r < 0.7 else REMOVED if r < 0.9 else CLOSED_KO
        if queue == "Mailing":
            return NEW if r < 0.5 else CLOSED_OK if r < 0.8 else REMOVED
        if queue == "Delete":
            return CLOSED_KO if r < 0.6 else NEW
        if queue in UNANSWERED:
            if age_days < 14:
                return NEW if r < 0.6 else OPEN
            return CLOSED_OK if r < 0.9 else NEW
        table = STATES_OLD if age_days > 60 else STATES_WEEKS if age_days > 14 else STATES_DAYS
        for limit, state in table:
            if r < limit:
                return state
        return NEW

    # --- rows -------------------------------------------------------------------------------
    def message(
        self,
        ticket_id: int,
        kind: str,
        frm: str,
        to: str,
        subject: str,
        body: str,
        at: datetime,
        stamp: str,
        author: str,
        *,
        origin: int | None,
        name: str = "",
        reply_to: str | None = None,
    ) -> tuple[int, str | None]:
        mid = self.next_message
        self.next_message += 1
        message_id = raw = sha = None
        if kind == MAIL_IN:
            host = frm.rsplit("@", 1)[-1]
            message_id = f"{mid}.{self.rng.getrandbits(40):010x}@{host}"
            if at >= self.raw_after:
                raw = self.raw_mail(frm, to, subject, body, at, name, message_id, reply_to)
                sha = hashlib.sha256(raw).hexdigest()
        elif kind == MAIL_OUT:
            message_id = f"{mid}.{self.rng.getrandbits(40):010x}@{self.own_domain}"
        row = message_row(
            ticket=ticket_id,
            origin_ticket=origin,
            kind=kind,
            from_addr=frm,
            to_addr=to,
            subject=subject,
            body=body,
            message_id=message_id,
            in_reply_to=reply_to,
            references=reply_to or "",
            date=stamp,
            author=author,
            raw_sha256=sha,
        )
        self.messages.append((mid, *row.values()))
        if raw is not None:
            self.raws.append((mid, raw))
        return mid, message_id

    @staticmethod
    def raw_mail(
        frm: str,
        to: str,
        subject: str,
        body: str,
        at: datetime,
        name: str,
        message_id: str,
        reply_to: str | None,
    ) -> bytes:
        sender = f"{_header(name)} <{frm}>" if name else frm
        head = (
            f"From: {sender}\r\nTo: {to}\r\nSubject: {_header(subject)}\r\n"
            f"Date: {format_datetime(at.replace(tzinfo=UTC))}\r\n"
            f"Message-ID: <{message_id}>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
        )
        if reply_to:
            head += f"In-Reply-To: <{reply_to}>\r\nReferences: <{reply_to}>\r\n"
        return (head + "\r\n" + body.replace("\n", "\r\n")).encode()

    # --- one ticket -------------------------------------------------------------------------
    def ticket(
        self,
        pos: int,
        created: datetime,
        day: date,
        queue_name: str,
        state: str | None,
        live: list[int],
        by_customer: dict[str, int],
    ) -> None:
        tid = self.first_ticket + pos
        number = self.number(day)
        queue = self.queues[queue_name]
        state = state or self.state(queue_name, (self.now - created).days)
        topic = W.TOPICS[self.pick(W.QUEUE_TOPICS.get(queue_name, W.SUPPORT_TOPICS))]
        answered = queue_name not in UNANSWERED
        cust = self.pick(self.customers if answered else self.mailboxes)
        senders = HELD_SENDERS.get(queue_name)
        if senders:
            cust = Customer(self.pick(senders), "", "", cust.org, cust.lang, False)
        fr = cust.lang == "fr"
        values = Values(self, cust, created)
        subject = self.pick(topic.subjects_fr if fr else topic.subjects_en).format_map(values)
        body = self.pick(topic.bodies_fr if fr else topic.bodies_en).format_map(values)
        by_phone = answered and (cust.phone or self.rnd() < 0.18)
        if by_phone and state == NEW:
            state = OPEN  # the procedure never leaves a phone ticket new
        target = None
        if state == MERGED:
            target = by_customer.get(cust.address)
            if target is None and live:
                target = live[self.between(max(0, len(live) - 50), len(live) - 1)]
            if target is None:
                state = CLOSED_OK
        into = self.first_ticket + target if target is not None else None
        story = Story(self, tid, number, cust, subject, values, created, into)
        owner = None if state == NEW or not answered else self.technician()
        arrived_in = "LoGeAs" if queue_name == "Delete" else queue_name

        if by_phone:
            tech = owner or self.technician()
            opener = self.pick(W.PHONE_FR if fr else W.PHONE_EN)
            outcome = self.pick(W.PHONE_OUTCOME_FR if fr else W.PHONE_OUTCOME_EN)
            values["subject_lower"] = subject[:1].lower() + subject[1:]
            story.phone(cust.address, self.support, opener.format_map(values) + outcome, tech.name)
            finished = state in (CLOSED_OK, CLOSED_KO) and self.rnd() < 0.6
            story.state = CLOSED_OK if finished else OPEN
            story.owner = owner = None if finished else tech
            story.event(
                tech.name,
                "created",
                new=story.state,
                detail=wording.created_by_phone(
                    self.desk.config.language,
                    cust.address,
                    arrived_in,
                    None if finished else tech.name,
                ),
            )
            story.version = 1
            if finished and state == CLOSED_KO:
                story.set_state(CLOSED_KO, tech.name)
        else:
            story.mail_in(subject, body)
            story.event(
                cust.address,
                "created",
                new=NEW,
                detail=wording.created_by_mail(self.desk.config.language, cust.address, arrived_in),
            )
            story.version = 1
            if queue.acknowledge and not cust.phone and self.rnd() < ACK_SHARE:
                ack_subject, ack_body = wording.acknowledgement(
                    self.ack_template,
                    number=number,
                    subject=subject,
                    customer=cust.address,
                    customer_name=cust.name,
                )
                story.later(0, 1)
                story.mail_out(with_hook(ack_subject or subject, number), ack_body, "system")

        if owner is not None and story.owner is None and state not in (MERGED, REMOVED):
            story.owner = owner
            story.later(5, 240)
            story.event(owner.name, "owner", "", owner.name)
        self.work(story, topic, state, answered)
        if state == REMOVED:
            story.later(5, 60 * 24)
            story.set_state(REMOVED, story.worker().name)
        moved_to_delete = None
        if queue_name == "Delete":
            story.t = moved_to_delete = max(
                story.t, self.now - timedelta(minutes=self.between(5, 60 * 20))
            )
            story.event(self.desk.who, "queue", "LoGeAs", "Delete")
        if target is not None:
            self.merge(story, target)

        owner = story.owner
        row = ticket_row(
            number=number,
            queue=queue.id,
            state=story.state,
            owner=owner.id if owner else None,
            customer=cust.address,
            customer_name=cust.name,
            subject=subject,
            created=created,
            updated=story.t,
            last_customer_contact=story.last_contact,
            pending_until=story.pending_until,
            merged_into=into,
            moved_to_delete_at=moved_to_delete,
            last_in_id=story.last_in,
            version=story.version,
        )
        self.tickets.append([tid, *row.values()])
        if story.state not in (MERGED, REMOVED) and answered:
            live.append(pos)
            by_customer[cust.address] = pos

    def work(self, story: Story, topic: W.Topic, state: str, answered: bool) -> None:
        """What the technicians did until the ticket reached `state`."""
        if state not in (OPEN, CLOSED_OK, CLOSED_KO, PENDING) or story.state == state:
            return
        fr = story.cust.lang == "fr"
        asks = W.ASK_FR if fr else W.ASK_EN
        if answered and story.messages <= 1 and self.rnd() < 0.3:
            story.answer(self.pick(asks), "ask info", CLOSED_OK)
            story.customer_reply()
        if state == OPEN:
            if story.state == NEW or self.rnd() < 0.5:
                story.note()
            owner = story.owner
            if owner is not None and owner.level == 1 and self.rnd() < 0.15:
                new_owner = self.technician(level2=True)
                story.later(10, 600)
                story.event(
                    owner.name,
                    "transfer",
                    wording.with_level(self.desk.config.language, owner.name, owner.level),
                    wording.with_level(self.desk.config.language, new_owner.name, new_owner.level),
                    detail=wording.state_kept(self.desk.config.language, story.state),
                )
                story.owner = new_owner
            if story.state != OPEN:
                story.later(1, 60)
                story.set_state(OPEN, story.worker().name)
        elif state == PENDING:
            days = self.between(2, 21)
            story.answer(
                self.pick(asks),
                "ask info",
                PENDING,
                wording.reminder_in(self.desk.config.language, days),
            )
            story.pending_until = story.t + timedelta(days=days)
        elif answered and story.messages < 4 and self.rnd() < 0.85:
            answers = (topic.answers_fr if fr else topic.answers_en) or (
                W.GENERIC_ANSWERS_FR if fr else W.GENERIC_ANSWERS_EN
            )
            action = self.pick(("reply", "reply", "reply", "canned answer", "documentation"))
            story.answer(self.pick(answers), action, CLOSED_OK)
            if state == CLOSED_KO:
                story.later(60, 60 * 24 * 10)
                story.set_state(CLOSED_KO, story.worker().name)
        else:
            story.later(10, 60 * 24 * 3)
            story.set_state(state, story.worker().name)

    def merge(self, story: Story, target: int) -> None:
        """Record the merge as `services.merge` does, so `unmerge` can undo it."""
        moved = self.messages[story.first_message :]
        row = self.tickets[target]
        story.later(5, 60 * 24)
        data = {
            "target": row[T_NUMBER],
            "messages": [[m[0], None] for m in moved],
            "dup": {"state": story.state, "pending_until": None},
            "target_before": {
                "state": row[T_STATE],
                "pending_until": None,
                "last_in_id": row[T_LAST_IN],
            },
            "target_version": None,  # unknown: unmerge keeps the target's state
        }
        who = self.desk.who
        story.event(
            who,
            "merged",
            story.state,
            MERGED,
            wording.merged_into(self.desk.config.language, row[T_NUMBER], len(moved)),
            json.dumps(data),
        )
        story.event(
            who,
            "merge",
            row[T_STATE],
            row[T_STATE],
            wording.merged_here(self.desk.config.language, story.number),
            ticket=row[0],
        )
        story.version -= 1  # that last event is the target's
        story.state, story.last_in = MERGED, 0
        in_ids = [m[0] for m in moved if m[M_KIND] == MAIL_IN]
        row[T_LAST_IN] = max([row[T_LAST_IN], *in_ids])
        row[T_UPDATED] = max(row[T_UPDATED], story.t)
        row[T_VERSION] += 1
        if target < self.written:
            self.patched.add(target)

    # --- the whole run ----------------------------------------------------------------------
    def parts(self, count: int) -> Iterator[Part]:
        """Draw `count` tickets, oldest first, handing them out `PART` at a time."""
        dates = self.dates(count)
        forced_queue: dict[int, str] = {}
        forced_state: dict[int, str] = {}
        # Every queue and every state appears, even in a small demo.
        names = sorted(self.queues, key=lambda n: (self.queues[n].valid, n))  # obsolete first
        picks = self.rng.sample(range(count), min(count, len(names) + len(STATES)))
        forced_queue.update(zip(sorted(picks[: len(names)]), names, strict=False))
        support = [n for n in names if n not in UNANSWERED and self.queues[n].valid] or names
        for pos, state in zip(picks[len(names) :], STATES, strict=False):
            forced_state[pos] = state
            forced_queue[pos] = self.pick(support)
        live: list[int] = []
        by_customer: dict[str, int] = {}
        for pos, (created, day) in enumerate(dates):
            queue = forced_queue.get(pos) or self.queue(created)
            self.ticket(pos, created, day, queue, forced_state.get(pos), live, by_customer)
            if len(self.tickets) - self.written == PART and pos + 1 < count:
                yield self._part()
        last = self._part()
        last.patches = [
            (row[T_LAST_IN], str(row[T_UPDATED]), row[T_VERSION], row[0])
            for row in (self.tickets[i] for i in sorted(self.patched))
        ]
        last.seen = self.seen()
        last.counters = [(day, self.counters[day]) for day in sorted(self.days_used)]
        yield last

    def _part(self) -> Part:
        rows = [stored(row) for row in self.tickets[self.written :]]
        part = Part(rows, self.messages, self.history, self.raws)
        self.written = len(self.tickets)
        self.messages, self.history, self.raws = [], [], []
        return part

    def seen(self) -> list[tuple[int, int, int]]:
        """Marks as if I had read most tickets (some open ones stay flagged for my review), and
        the owners of tickets still in progress had read theirs."""
        out = []
        me = self.me_id
        for row in self.tickets:
            last_in, state, owner = row[T_LAST_IN], row[T_STATE], row[T_OWNER]
            if not last_in or state == NEW:
                continue
            if me and (state != OPEN or self.rnd() < 0.6):
                out.append((me, row[0], last_in))
            if owner and owner != me and state in (OPEN, PENDING):
                out.append((owner, row[0], last_in))
        return out
