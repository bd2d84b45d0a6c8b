"""One demo ticket's life, told in time order: the messages and history entries the services
would have written for it (created, owner, replies, customer mail, notes, state changes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from logeas_tui.core import numbers
from logeas_tui.core.procedure import CLOSED_KO, CLOSED_OK, NEW, OPEN, PENDING
from logeas_tui.core.services import wording
from logeas_tui.core.store.models import MAIL_IN, MAIL_OUT, NOTE, PHONE, Technician
from logeas_tui.core.store.rows import history_row
from logeas_tui.demo import words as W

if TYPE_CHECKING:
    from logeas_tui.demo.generator import Generator


@dataclass(frozen=True)
class Customer:
    address: str
    first: str
    last: str
    org: str
    lang: str
    phone: bool  # a phone placeholder address: no mailbox

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}".strip()


class Values(dict[str, str]):
    """Placeholder values for the templates, drawn only when a template asks for one."""

    def __init__(self, gen: Generator, cust: Customer, created: datetime) -> None:
        super().__init__(first=cust.first, last=cust.last, org=cust.org, tech="")
        self.gen = gen
        self.created = created

    def __missing__(self, key: str) -> str:
        g, created, r = self.gen, self.created, self.gen.rnd
        if key == "version":
            value = f"5.{int(r() * 10)}.{int(r() * 21)}"
        elif key == "code":
            value = f"{g.pick('ABEW')}{100 + int(r() * 9900)}"
        elif key == "year":
            value = str(created.year - (1 if created.month < 6 else 0))
        elif key == "printer":
            value = g.pick(W.PRINTERS)
        elif key == "db":
            value = g.pick(W.DATABASES)
        elif key == "day":
            value = f"{created - timedelta(days=int(r() * 20)):%d/%m/%Y}"
        elif key == "amount":
            value = str(2 + int(r() * 2500))
        elif key == "invoice":
            value = f"F{created:%Y}-{1 + int(r() * 9999):04d}"
        elif key == "page":
            value = g.pick(W.PAGES)
        elif key == "ip":
            value = f"10.0.{int(r() * 256)}.{1 + int(r() * 254)}"
        else:
            return "{" + key + "}"
        self[key] = value
        return value


class Story:
    """A ticket being written: its clock, state, owner and version move as events happen."""

    def __init__(
        self,
        gen: Generator,
        tid: int,
        number: str,
        cust: Customer,
        subject: str,
        values: Values,
        created: datetime,
        into: int | None,
    ) -> None:
        self.gen = gen
        self.tid = tid
        self.number = number
        self.cust = cust
        self.subject = subject
        self.values = values
        self.t = created
        self._stamp_of: datetime | None = None
        self._stamp = ""
        self.msg_ticket = into if into is not None else tid  # a merged ticket's mail moved
        self.origin = tid if into is not None else None
        self.first_message = len(gen.messages)
        self.state = NEW
        self.version = 1
        self.owner: Technician | None = None
        self.last_in = 0
        self.last_mail_id: str | None = None
        self.last_contact = created
        self.pending_until: datetime | None = None

    @property
    def stamp(self) -> str:
        """The current moment as stored, worked out once per moment."""
        if self._stamp_of is not self.t:
            self._stamp_of, self._stamp = self.t, str(self.t)
        return self._stamp

    @property
    def messages(self) -> int:
        return len(self.gen.messages) - self.first_message

    def later(self, low_min: int, high_min: int) -> datetime:
        self.t = self.gen.after(self.t, low_min, high_min)
        return self.t

    def worker(self) -> Technician:
        return self.owner or self.gen.technician()

    def event(
        self,
        who: str,
        action: str,
        old: str = "",
        new: str = "",
        detail: str = "",
        data: str = "",
        ticket: int | None = None,
    ) -> None:
        row = history_row(
            ticket=ticket or self.tid,
            at=self.stamp,
            who=who,
            action=action,
            old=old,
            new=new,
            detail=detail,
            data=data,
        )
        self.gen.history.append(tuple(row.values()))
        self.version += 1

    def set_state(self, state: str, who: str, action: str = "state", detail: str = "") -> None:
        self.event(who, action, self.state, state, detail)
        self.state = state

    def mail_in(self, subject: str, body: str) -> None:
        cust = self.cust
        self.last_in, self.last_mail_id = self.gen.message(
            self.msg_ticket,
            MAIL_IN,
            cust.address,
            self.gen.support,
            subject,
            body,
            self.t,
            self.stamp,
            cust.name,
            origin=self.origin,
            name=cust.name,
            reply_to=self.last_mail_id,
        )
        self.last_contact = self.t

    def mail_out(self, subject: str, body: str, author: str) -> None:
        self.gen.message(
            self.msg_ticket,
            MAIL_OUT,
            self.gen.support,
            self.cust.address,
            subject,
            body,
            self.t,
            self.stamp,
            author,
            origin=self.origin,
            reply_to=self.last_mail_id,
        )

    def phone(self, frm: str, to: str, body: str, author: str) -> None:
        self.gen.message(
            self.msg_ticket,
            PHONE,
            frm,
            to,
            self.subject,
            body,
            self.t,
            self.stamp,
            author,
            origin=self.origin,
        )

    def answer(self, text: str, action: str, state: str, detail: str = "") -> None:
        """Reply / canned answer / documentation / ask info: to the customer, then a state."""
        tech = self.worker()
        self.later(20, 60 * 30)
        self.values["tech"] = tech.name
        body = text.format_map(self.values)
        if self.cust.phone:  # no mailbox: the technician calls back
            self.phone(tech.name, self.cust.address, body, tech.name)
        else:
            self.mail_out(numbers.with_hook(self.subject, self.number), body, tech.name)
        self.set_state(state, tech.name, action, detail)

    def customer_reply(self) -> None:
        g = self.gen
        self.later(60, 60 * 72)
        body = g.pick(W.FOLLOWUPS_FR if self.cust.lang == "fr" else W.FOLLOWUPS_EN)
        body = body.format_map(self.values)
        subject = self.subject
        if self.cust.phone:
            self.phone(self.cust.address, g.support, body, self.worker().name)
            self.last_contact = self.t
        else:
            subject = f"RE: [Ticket#{self.number}] {self.subject}"
            self.mail_in(subject, body)
        new = OPEN if self.state in (CLOSED_OK, CLOSED_KO, PENDING) else self.state
        self.event(
            self.cust.address,
            "customer mail",
            self.state,
            new if new != self.state else "",
            wording.customer_mail(subject),
        )
        self.state = new

    def note(self) -> None:
        tech = self.worker()
        self.later(5, 60 * 24)
        self.values["tech"] = tech.name
        text = self.gen.pick(W.NOTES).format_map(self.values)
        self.gen.message(
            self.msg_ticket,
            NOTE,
            tech.name,
            "",
            "Note",
            text,
            self.t,
            self.stamp,
            tech.name,
            origin=self.origin,
        )
        self.event(tech.name, "note", detail=wording.note(text))
