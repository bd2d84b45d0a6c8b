"""Finding duplicates — the first row of the action table made quick.

The tickets a ticket may be a duplicate of, the likeliest first: the customer's other live
tickets (the same address whatever its case; for a phone placeholder `<digits>@<domain>`, the
same digits however they were written), then live tickets of the last 30 days whose subject is
similar, each group newest first. Rules a technician can check by eye:
- a subject is compared without its `Re:`/`Fwd:`/`TR:` prefixes and `[Ticket#…]` tags, case
  and accents folded;
- two subjects are similar when they are then equal, or share more than half of the longer
  one's significant words (3 letters or more, not a common word) and at least two;
- a candidate shows the first line of its first message that is not a greeting ("Bonjour,");
- a candidate is *strong* (the detail says "possible duplicate of N") when it is the same
  customer's and its subject is equal, or it was created within 2 days of this one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from logeas_tui.core import numbers
from logeas_tui.core.errors import InvalidInput, NotFound
from logeas_tui.core.procedure import IN_PROGRESS
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services.customers import customer_address, phone_digits
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import duplicate_queries as store
from logeas_tui.core.store.duplicate_queries import LiveTicket
from logeas_tui.core.store.views import TicketView, iso

LIMIT = 10
RECENT = timedelta(days=30)
CLOSE_IN_TIME = timedelta(days=2)

_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|tr|aw|wg|r[ée]p?)\s*(?:\[\d+\])?\s*:|\[\s*ticket#[^\]]*\])\s*",
    re.IGNORECASE,
)
# common words that say nothing about what a request is about (English and French)
_COMMON = """the and for with from your you are not has have this that can our all any was
les des une pour par sur dans avec est pas que qui sont vos nos mon mes ses aux
bonjour merci hello question probleme"""
_STOP = frozenset(_COMMON.split())


@dataclass(frozen=True)
class Candidate:
    """A ticket the one asked about may be a duplicate of."""

    number: str
    subject: str
    customer: str
    customer_name: str
    state: str
    created: datetime
    first_line: str  # of its first message
    same_customer: bool
    strong: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "subject": self.subject,
            "customer": self.customer,
            "customer_name": self.customer_name,
            "state": self.state,
            "created": iso(self.created),
            "first_line": self.first_line,
            "same_customer": self.same_customer,
            "strong": self.strong,
        }


def normalised(subject: str) -> str:
    """`Re: TR: [Ticket#123] Problème d'IMPRESSION` → `probleme d impression`."""
    text = subject
    while (stripped := _PREFIX.sub("", text, count=1)) != text:
        text = stripped
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", folded).split())


def _words(norm: str) -> frozenset[str]:
    return frozenset(w for w in norm.split() if len(w) >= 3 and w not in _STOP)


def similar(a: str, b: str) -> bool:
    """Whether two normalised subjects are similar (see the module's rules)."""
    if not a or not b:
        return False
    if a == b:
        return True
    wa, wb = _words(a), _words(b)
    shared = len(wa & wb)
    return shared >= 2 and 2 * shared > max(len(wa), len(wb))


def customer_key(address: str, domain: str) -> str:
    """The customer an address stands for: lower case; a phone placeholder by its digits."""
    address = address.strip().lower()
    local, at, host = address.rpartition("@")
    if at and host == domain.lower():
        digits = phone_digits(local)
        if digits is not None:
            return f"{digits}@{host}"
    return address


def first_line(body: str) -> str:
    """The first line of a message that says something: a greeting alone on its line
    ("Bonjour,", "Hello Nicolas,") is skipped."""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    for line in lines:
        if not (line.endswith(",") and len(line.split()) <= 3):
            return line
    return lines[0] if lines else ""


def _ticket(number: str) -> LiveTicket:
    number = str(number).strip()
    found = store.ticket_basics(number)
    if found is None:
        raise NotFound(numbers.explain_invalid(number) or Sentence("no_ticket", number=number))
    return found


def _of_customer(desk: Desk, address: str) -> list[LiveTicket]:
    """The live tickets of the customer `address` stands for, newest first."""
    if not address.strip():
        return []
    domain = desk.config.domain.lower()
    key = customer_key(address, domain)
    phone = key.endswith("@" + domain) and phone_digits(key.rpartition("@")[0]) is not None
    rows = store.live_of_customers(
        sorted({key, address.strip().lower()}), f"@{domain}" if phone else None
    )
    return [t for t in rows if customer_key(t.customer, domain) == key]


def _same_customer(desk: Desk, ticket: LiveTicket) -> list[LiveTicket]:
    return [t for t in _of_customer(desk, ticket.customer) if t.id != ticket.id]


def customer_tickets(desk: Desk, typed: str) -> list[LiveTicket]:
    """The live tickets of the customer typed in the phone form (an address or a phone
    number, as `customers.customer_address` reads it), newest first; none while it is not one."""
    try:
        address = customer_address(typed, desk.config.domain)
    except InvalidInput:
        return []
    return _of_customer(desk, address)


def _is_strong(ticket: LiveTicket, other: LiveTicket) -> bool:
    subject = normalised(ticket.subject)
    return bool(subject and subject == normalised(other.subject)) or (
        abs(other.created - ticket.created) <= CLOSE_IN_TIME
    )


def candidates(desk: Desk, number: str, *, limit: int = LIMIT) -> list[Candidate]:
    """The tickets `number` may be a duplicate of, the likeliest first (at most `limit`)."""
    ticket = _ticket(number)
    same = _same_customer(desk, ticket)
    seen = {ticket.id, *(t.id for t in same)}
    subject = normalised(ticket.subject)
    alike = [
        t
        for t in store.live_since(desk.now() - RECENT)
        if t.id not in seen and similar(subject, normalised(t.subject))
    ]
    chosen = [(t, True) for t in same] + [(t, False) for t in alike]
    chosen = chosen[:limit]
    bodies = store.first_bodies([t.id for t, _ in chosen])
    return [
        Candidate(
            t.number,
            t.subject,
            t.customer,
            t.customer_name,
            t.state,
            t.created,
            first_line(bodies.get(t.id, "")),
            mine,
            mine and _is_strong(ticket, t),
        )
        for t, mine in chosen
    ]


def strong_duplicate(desk: Desk, number: str) -> str | None:
    """The number of the newest strong candidate (same customer, same subject or within two
    days), or None; reads only the customer's live tickets."""
    try:
        ticket = _ticket(number)
    except NotFound:
        return None
    return next((t.number for t in _same_customer(desk, ticket) if _is_strong(ticket, t)), None)


def marked(desk: Desk, view: TicketView | None) -> TicketView | None:
    """`view` with its strong candidate named (`duplicate_of`) when it is still in progress:
    the detail says "possible duplicate of N"."""
    if view is None or view.row.state not in IN_PROGRESS:
        return view
    return replace(view, duplicate_of=strong_duplicate(desk, view.row.number))
