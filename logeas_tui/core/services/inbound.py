"""What a received mail does to the helpdesk — start here to learn what a customer's reply does.

One ingestion pipeline for every received mail: the IMAP sync (core.services.mail_sync),
`logeas import` and the tests all call `ingest`:

1. the raw bytes are kept; the same bytes (raw sha256) already stored are not stored again,
   nor a second delivery of a stored mail (same Message-ID, sender, subject and Date: kept as a
   "copy" on its ticket, silently). A stored Message-ID on another mail — other sender,
   subject or date, or its ticket closed since — is a new mail like any other, with a history
   line saying the id was reused (it is never less visible than a new mail);
2. parse (never fails: an unparseable mail is still stored, marked, in the default queue);
3. route by the ordered rules of data/routing.toml;
4. follow-up: a valid ticket number in the subject, else In-Reply-To/References, joins the
   existing ticket (a merged ticket forwards to its target; a reply to a removed one starts a
   new ticket). The state a customer's reply leaves is not decided here but in the procedure
   table's customer-reply row, `core.procedure.after_customer_reply` (a pending or closed
   ticket reopens, a new one stays new); this module applies it and writes the history line.
   A mail that only the number in its subject ties to the ticket (its thread names none of the
   ticket's messages) and whose sender is neither the ticket's customer, nor anyone whose mail
   the ticket holds, nor one of ours, is joined but marked "unknown sender": no state change,
   no customer contact, no automatic mail — until a technician accepts it (services.senders);
5. otherwise a new ticket;
6. acknowledgement for a new ticket, unless the queue, the loop guard or the daily cap says
   no; then the reason is a "no acknowledgement" line of the ticket's history.

Parsing, routing rules and loop-guard rules are protocol code in core.mail (parse, route,
loopguard); this module joins them to the store, in one transaction per mail.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from logeas_tui.core import numbers, procedure
from logeas_tui.core.mail.loopguard import forbidden_recipient, is_automatic
from logeas_tui.core.mail.parse import DATE_HEAD, ParsedMail, date_header, parse_message
from logeas_tui.core.mail.route import Rule, route
from logeas_tui.core.procedure import CLOSED_STATES, MERGED, OPEN, REMOVED
from logeas_tui.core.services import wording
from logeas_tui.core.services.attachments import store_attachments
from logeas_tui.core.services.common import add_message, record, save, send_to_customer
from logeas_tui.core.services.customers import mail_customer
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.tickets import new_ticket
from logeas_tui.core.store import counters, raw_mails
from logeas_tui.core.store.models import MAIL_IN, Message, Queue, Ticket
from logeas_tui.core.store.tx import writing

NEW_TICKET, FOLLOWUP, DUPLICATE, IGNORED = "new", "followup", "duplicate", "ignored"
COPY = "copy"  # same Message-ID as a stored mail, different bytes


@dataclass(frozen=True)
class IngestResult:
    outcome: str  # new | followup | copy | duplicate | ignored
    number: str | None
    parsed_ok: bool
    acknowledged: bool = False
    why_no_ack: str | None = None
    unknown_sender: bool = False  # a follow-up joined but marked, changing nothing else


def already_stored(sha: str) -> bool:
    return bool(Message.select().where(Message.raw_sha256 == sha).exists())


SHAS_PER_QUERY = 500  # bound parameters per query (engines limit them)


def stored_shas(shas: Sequence[str]) -> set[str]:
    """Which of these raw sha256 are stored already: `already_stored` for many mails at once,
    a query per SHAS_PER_QUERY of them instead of one per mail."""
    found: set[str] = set()
    for start in range(0, len(shas), SHAS_PER_QUERY):
        part = list(set(shas[start : start + SHAS_PER_QUERY]))
        query = Message.select(Message.raw_sha256).where(Message.raw_sha256.in_(part))
        found.update(query.scalars())
    return found


def stored_before(parsed: ParsedMail, sha: str) -> tuple[bool, Message | None]:
    """(same bytes stored?, the first stored mail with the same Message-ID)."""
    if Message.find(raw_sha256=sha) is not None:
        return True, None
    return False, (Message.find(message_id=parsed.message_id) if parsed.message_id else None)


def second_delivery(parsed: ParsedMail, raw: bytes, first: Message) -> Ticket | None:
    """The live ticket holding `first` when `raw` is another delivery of that very mail (same
    sender, subject and Date header; a relay adds headers), else None: a new mail. Only the
    head of the stored mail is fetched, all that `date_header` reads."""
    if first.from_addr.lower() != parsed.from_addr.lower() or first.subject != parsed.subject:
        return None
    kept = raw_mails.read(first.id, limit=DATE_HEAD)
    if kept is None or date_header(kept) != date_header(raw):
        return None
    ticket = _forward(Ticket.get_by_id(first.ticket_id))
    return ticket if ticket is not None and ticket.state not in CLOSED_STATES else None


def find_ticket(parsed: ParsedMail) -> tuple[Ticket | None, bool]:
    """The ticket this mail follows up, by number in the subject, else by Message-ID thread;
    and whether its thread names a message of that very ticket (False: only the number
    does — anyone can copy a number into a subject)."""
    by_number = None
    for number in numbers.find_numbers(parsed.subject):
        by_number = Ticket.get_or_none(Ticket.number == number)
        if by_number is not None:
            break
    by_thread = None
    ids = [i for i in (parsed.in_reply_to, *reversed(parsed.references)) if i]
    if ids:
        hit = (
            Message.select(Message.ticket)
            .where(Message.message_id.in_(ids))
            .order_by(Message.id.desc())
            .first()
        )
        by_thread = _forward(Ticket.get_by_id(hit.ticket_id)) if hit else None
    if by_number is None:
        return by_thread, by_thread is not None
    ticket = _forward(by_number)
    return ticket, ticket is not None and by_thread is not None and by_thread.id == ticket.id


def known_sender(desk: Desk, ticket: Ticket, address: str) -> bool:
    """Whether `address` may write on `ticket` as its customer: it is the customer's, one of
    ours (the support address, a technician's), or the sender of a mail the ticket holds (one
    not marked as from an unknown sender)."""
    address = address.strip().lower()
    if not address:
        return False
    if address == ticket.customer.strip().lower() or address in desk.config.own_addresses:
        return True
    senders = (
        Message.select(Message.from_addr)
        .where((Message.ticket == ticket.id) & (Message.kind == MAIL_IN) & ~Message.unknown_sender)
        .distinct()
    )
    return any(m.from_addr.strip().lower() == address for m in senders)


def customer_replied(desk: Desk, ticket: Ticket, at: datetime) -> tuple[str, str]:
    """What the customer's mail of `at` does to the ticket: the state the procedure's
    customer-reply row gives (a reminder ends when it reopens), the customer's last contact;
    out of an obsolete queue, which is read-only, to the default queue (its own history line).
    Returns (old state, new state); the caller writes the history line of the state."""
    old = ticket.state
    state = procedure.after_customer_reply(old)
    obsolete = ticket.queue if not ticket.queue.valid else None
    moved = {"queue": Queue.get(Queue.name == desk.config.default_queue).id} if obsolete else {}
    save(
        desk,
        ticket,
        state=state,
        last_customer_contact=at,
        pending_until=None if state == OPEN else ticket.pending_until,
        **moved,
    )
    if obsolete is not None:
        new = desk.config.default_queue
        record(
            desk,
            ticket,
            "queue",
            obsolete.name,
            new,
            detail=wording.out_of_obsolete(desk.config.language),
        )
    return old, state


def _forward(ticket: Ticket) -> Ticket | None:
    """A merged ticket forwards to the ticket it was merged into; a removed one to none."""
    seen: set[int] = set()
    while ticket is not None and ticket.state == MERGED and ticket.merged_into_id:
        if ticket.id in seen:
            break
        seen.add(ticket.id)
        ticket = Ticket.get_by_id(ticket.merged_into_id)
    if ticket is not None and ticket.state == REMOVED:
        return None
    return ticket


def _queue_for(desk: Desk, parsed: ParsedMail, rules: Sequence[Rule]) -> Queue | None:
    default = desk.config.default_queue
    if not parsed.ok:
        return Queue.get(Queue.name == default)
    decision = route(parsed, rules, default)
    if decision.ignore:
        return None
    queue = Queue.find(name=decision.queue or default)
    if queue is None or not queue.valid:
        queue = Queue.get(Queue.name == default)
    return queue


def _store(
    ticket: Ticket,
    parsed: ParsedMail,
    raw: bytes,
    sha: str,
    desk: Desk,
    *,
    unknown_sender: bool = False,
) -> Message:
    files = [
        {"filename": a.filename, "content_type": a.content_type, "size": a.size}
        for a in parsed.attachments
    ]
    msg = add_message(
        ticket,
        kind=MAIL_IN,
        from_addr=parsed.from_addr,
        to_addr=", ".join(parsed.to),
        cc=", ".join(parsed.cc),
        subject=parsed.subject,
        body=parsed.body_text,
        message_id=parsed.message_id,
        in_reply_to=parsed.in_reply_to,
        references=" ".join(parsed.references),
        date=desk.now(),
        author=parsed.from_name,
        raw_sha256=sha,
        attachments=json.dumps(files),
        parse_problem=None if parsed.ok else (parsed.problem or "could not be parsed"),
        unknown_sender=unknown_sender,
    )
    raw_mails.keep(msg.id, raw)
    store_attachments(msg.id, parsed.attachments)
    return msg


def _ack_refusal(desk: Desk, parsed: ParsedMail, queue: Queue, recipient: str) -> str | None:
    """Why the acknowledgement to `recipient` (the ticket's customer: the sender, or the
    Reply-To it names) is not sent; None: it is."""
    if not queue.acknowledge or queue.held:
        return f"queue {queue.name} sends no acknowledgement"
    if not parsed.ok:
        return "unparseable mail"
    reason = is_automatic(parsed) or forbidden_recipient(
        recipient, desk.config.own_addresses, desk.config.domain
    )
    if reason:
        return reason
    day = f"{desk.local_now():%Y%m%d}"
    if counters.auto_replies(recipient, day) >= desk.config.auto_reply_cap:
        return f"daily cap of {desk.config.auto_reply_cap} automatic mails reached"
    return None


def _acknowledge(desk: Desk, ticket: Ticket, parsed: ParsedMail, received: Message) -> None:
    subject, body = wording.acknowledgement(
        wording.acknowledgement_template(desk),
        number=ticket.number,
        subject=parsed.subject,
        customer=ticket.customer,
        customer_name=ticket.customer_name,
    )
    send_to_customer(
        desk.acting_as("system"),
        ticket,
        body,
        action="ack",
        automatic=True,
        subject=subject or ticket.subject,
        answering=received,
    )
    day = f"{desk.local_now():%Y%m%d}"
    counters.count_auto_reply(ticket.customer, day)


def ingest(
    desk: Desk,
    raw: bytes,
    rules: Sequence[Rule],
    *,
    acknowledge: bool = True,
    parsed: ParsedMail | None = None,
) -> IngestResult:
    """Store one received mail as a new ticket or a follow-up, in one transaction."""
    sha = hashlib.sha256(raw).hexdigest()
    if parsed is None:  # parsed ahead means checked ahead (services.parse_ahead)
        if already_stored(sha):  # cheap read first: a re-sync parses nothing
            return IngestResult(DUPLICATE, None, True)
        parsed = parse_message(raw)
    with writing():
        duplicate, first = stored_before(parsed, sha)
        if duplicate:
            return IngestResult(DUPLICATE, None, parsed.ok)
        holder = second_delivery(parsed, raw, first) if first is not None else None
        if holder is not None:
            # The same mail delivered again (through another relay): keep the bytes on the
            # ticket that has the first one, but no new ticket, state or ack.
            _store(holder, parsed, raw, sha, desk)
            record(
                desk.acting_as("mail"),
                holder,
                "copy kept",
                detail=wording.another_copy(desk.config.language, parsed.message_id or ""),
            )
            return IngestResult(COPY, holder.number, parsed.ok)
        result = _new_mail(desk, parsed, raw, sha, rules, acknowledge)
        if first is not None and result.number is not None:
            record(
                desk.acting_as("mail"),
                Ticket.get(Ticket.number == result.number),
                "message id reused",
                detail=wording.reused_message_id(
                    desk.config.language, parsed.message_id or "", first.ticket.number
                ),
            )
        return result


def _new_mail(
    desk: Desk,
    parsed: ParsedMail,
    raw: bytes,
    sha: str,
    rules: Sequence[Rule],
    acknowledge: bool,
) -> IngestResult:
    """A mail not stored before: a follow-up of the ticket it names, else a new ticket."""
    ticket, threaded = find_ticket(parsed) if parsed.ok else (None, False)
    system = desk.acting_as(parsed.from_addr or "mail")
    customer, customer_name = mail_customer(
        parsed.from_addr,
        parsed.from_name,
        parsed.reply_to,
        parsed.reply_to_name,
        desk.config.own_addresses,
    )
    if ticket is not None and not threaded and not known_sender(desk, ticket, parsed.from_addr):
        _store(ticket, parsed, raw, sha, desk, unknown_sender=True)
        save(desk, ticket)  # a new version (screens read it again); nothing else changes
        record(
            system,
            ticket,
            "unknown sender mail",
            detail=wording.unknown_sender_mail(parsed.from_addr, parsed.subject),
        )
        return IngestResult(FOLLOWUP, ticket.number, parsed.ok, unknown_sender=True)
    if ticket is not None:
        received = _store(ticket, parsed, raw, sha, desk)
        old, state = customer_replied(system, ticket, received.date)
        record(
            system,
            ticket,
            "customer mail",
            old,
            state if state != old else "",
            detail=wording.customer_mail(parsed.subject),
        )
        return IngestResult(FOLLOWUP, ticket.number, parsed.ok)
    queue = _queue_for(desk, parsed, rules)
    if queue is None:
        return IngestResult(IGNORED, None, parsed.ok)
    ticket = new_ticket(
        desk,
        queue,
        customer=customer,
        customer_name=customer_name,
        subject=parsed.subject or "(no subject)",
    )
    if not parsed.ok:
        save(desk, ticket, unparsed=True)
    received = _store(ticket, parsed, raw, sha, desk)
    record(
        system,
        ticket,
        "created",
        new=ticket.state,
        detail=wording.created_by_mail(
            desk.config.language, parsed.from_addr, queue.name, parsed=parsed.ok
        ),
    )
    why = (
        "acknowledgements off"
        if not acknowledge
        else _ack_refusal(desk, parsed, queue, ticket.customer)
    )
    if why is None:
        _acknowledge(desk, ticket, parsed, received)
    else:  # so a technician can see why the customer got no acknowledgement
        record(desk.acting_as("system"), ticket, "no acknowledgement", detail=why)
    return IngestResult(NEW_TICKET, ticket.number, parsed.ok, why is None, why)
