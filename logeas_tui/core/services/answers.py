"""Answering the customer, always through the tool: a written reply, a canned answer, a
documentation reference (→ closed), or a request for more information (→ closed, or pending
with a reminder). The mail goes to the outbox in the same transaction as the state change."""

from __future__ import annotations

from datetime import timedelta
from typing import Protocol

from logeas_tui.core import procedure, texts
from logeas_tui.core.errors import InvalidInput
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services import wording
from logeas_tui.core.services.common import record, save, send_to_customer, ticket_for
from logeas_tui.core.services.desk import ActionResult, Desk
from logeas_tui.core.store.tx import writing


class Addressee(Protocol):
    """What placeholders need: a Ticket or a TicketRow."""

    @property
    def customer(self) -> str: ...
    @property
    def customer_name(self) -> str: ...
    @property
    def number(self) -> str: ...
    @property
    def subject(self) -> str: ...


def placeholders(desk: Desk, ticket: Addressee) -> dict[str, str]:
    return {
        "customer": ticket.customer,
        "customer_name": ticket.customer_name or ticket.customer,
        "number": ticket.number,
        "subject": ticket.subject,
        "technician": desk.who,
    }


def canned_body(desk: Desk, ticket: Addressee, answer: texts.Canned) -> str:
    """The text a canned answer sends for this ticket (the preview shows exactly this)."""
    return texts.fill(answer.body, **placeholders(desk, ticket))


def doc_body(desk: Desk, ticket: Addressee, doc: texts.DocRef) -> str:
    """The text a documentation reference sends for this ticket."""
    model = texts.template(desk.config.data_dir, "doc", desk.config.language)
    return texts.fill(
        model, title=doc.title, url=doc.url, summary=doc.summary, **placeholders(desk, ticket)
    )


# How each answer is named in the ticket's history.
HISTORY = {"reply": "reply", "canned": "canned answer", "doc": "documentation", "ask": "ask info"}


def _answer(
    desk: Desk,
    action: str,
    number: str,
    body: str,
    *,
    pending_days: int | None = None,
    expected_version: int | None = None,
    detail: str = "",
) -> ActionResult:
    """Send `body` to the customer and leave the state the action table gives `action`."""
    if not body.strip():
        raise InvalidInput(Sentence("empty_message"), "body")
    with writing():
        ticket = ticket_for(action, number, expected_version)
        notice = send_to_customer(desk, ticket, body, action=HISTORY[action])
        old, state = ticket.state, procedure.leaves(action, 1 if pending_days else 0)
        due = desk.now() + timedelta(days=pending_days) if pending_days else None
        save(desk, ticket, state=state, pending_until=due)
        record(desk, ticket, HISTORY[action], old, state, detail=detail)
    return ActionResult(ticket.number, notice)


def reply(
    desk: Desk, number: str, body: str, *, expected_version: int | None = None
) -> ActionResult:
    return _answer(desk, "reply", number, body, expected_version=expected_version)


def reply_canned(
    desk: Desk, number: str, name: str, *, expected_version: int | None = None
) -> ActionResult:
    answer = texts.canned(desk.config.data_dir, desk.config.language, name)
    body = canned_body(desk, ticket_for("canned", number), answer)
    return _answer(
        desk, "canned", number, body, expected_version=expected_version, detail=answer.name
    )


def reply_doc(
    desk: Desk, number: str, ref: str, *, expected_version: int | None = None
) -> ActionResult:
    doc = texts.doc_ref(desk.config.data_dir, ref)
    body = doc_body(desk, ticket_for("doc", number), doc)
    return _answer(desk, "doc", number, body, expected_version=expected_version, detail=doc.ref)


def ask_info(
    desk: Desk,
    number: str,
    body: str,
    *,
    pending_days: int | None = None,
    expected_version: int | None = None,
) -> ActionResult:
    """Closed (the customer's reply reopens it) or pending with a reminder in x days."""
    if pending_days is not None and not 0 < pending_days <= 365:
        raise InvalidInput(Sentence("days_range"), "days")
    return _answer(
        desk,
        "ask",
        number,
        body,
        pending_days=pending_days,
        expected_version=expected_version,
        detail=wording.reminder_in(desk.config.language, pending_days) if pending_days else "",
    )
