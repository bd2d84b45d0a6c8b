"""The rows the helpdesk writes, as field → value mappings: a ticket, a message, a history line.

Why: two writers fill these tables — the services, one row at a time (`Model.create(**row)`),
and the demo generator, by the hundred thousand (bulk inserts by column name). Both build their
rows here, so a column added, renamed or given a new default in `models.py` changes in one place
for both, and a builder that misses a column fails the store's tests.

Keys are the models' field names (a foreign key's field name takes the other row's id); the
row's own id is left to the database unless the caller adds one. Times are naive UTC
`datetime`s, or already in their stored text form (the demo's bulk inserts skip peewee).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from logeas_tui.core.procedure import NEW

Time = datetime | str


def ticket_row(
    *,
    number: str,
    queue: int,
    created: Time,
    updated: Time,
    state: str = NEW,
    owner: int | None = None,
    customer: str = "",
    customer_name: str = "",
    subject: str = "",
    last_customer_contact: Time | None = None,
    pending_until: Time | None = None,
    merged_into: int | None = None,
    moved_to_delete_at: Time | None = None,
    unparsed: bool = False,
    last_in_id: int = 0,
    version: int = 1,
) -> dict[str, Any]:
    return {
        "number": number,
        "queue": queue,
        "state": state,
        "owner": owner,
        "customer": customer,
        "customer_name": customer_name,
        "subject": subject,
        "created": created,
        "updated": updated,
        "last_customer_contact": last_customer_contact,
        "pending_until": pending_until,
        "merged_into": merged_into,
        "moved_to_delete_at": moved_to_delete_at,
        "unparsed": unparsed,
        "last_in_id": last_in_id,
        "version": version,
    }


def message_row(
    *,
    ticket: int,
    kind: str,
    date: Time,
    origin_ticket: int | None = None,
    from_addr: str = "",
    to_addr: str = "",
    cc: str = "",
    subject: str = "",
    body: str = "",
    message_id: str | None = None,
    in_reply_to: str | None = None,
    references: str = "",
    author: str = "",
    raw_sha256: str | None = None,
    attachments: str = "[]",
    parse_problem: str | None = None,
    unknown_sender: bool = False,
) -> dict[str, Any]:
    return {
        "ticket": ticket,
        "origin_ticket": origin_ticket,
        "kind": kind,
        "from_addr": from_addr,
        "to_addr": to_addr,
        "cc": cc,
        "subject": subject,
        "body": body,
        "message_id": message_id,
        "in_reply_to": in_reply_to,
        "references": references,
        "date": date,
        "author": author,
        "raw_sha256": raw_sha256,
        "attachments": attachments,
        "parse_problem": parse_problem,
        "unknown_sender": unknown_sender,
    }


def history_row(
    *,
    ticket: int,
    at: Time,
    who: str,
    action: str,
    old: str = "",
    new: str = "",
    detail: str = "",
    data: str = "",
) -> dict[str, Any]:
    return {
        "ticket": ticket,
        "at": at,
        "who": who,
        "action": action,
        "old": old,
        "new": new,
        "detail": detail,
        "data": data,
    }
