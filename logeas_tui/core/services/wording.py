"""What the services write for a technician to read later: the details of history lines, and
the acknowledgement a new mail ticket sends.

Why one module: the demo generator (`logeas_tui.demo`) writes years of history without running
the services. It calls these functions, so its tickets read as the services would have left
them, and a change of wording here changes both.
"""

from __future__ import annotations

from logeas_tui.core import texts
from logeas_tui.core.services.desk import Desk


def created_by_phone(customer: str, queue: str, owner: str | None) -> str:
    return f"phone call from {customer} in {queue}" + (f", owner {owner}" if owner else "")


def created_by_mail(sender: str, queue: str, *, parsed: bool = True) -> str:
    return f"mail from {sender or '?'} in {queue}" + (
        "" if parsed else " (could not be parsed; raw bytes kept)"
    )


def reused_message_id(message_id: str, first_ticket: str) -> str:
    return f"<{message_id[:200]}> was already used by a mail of ticket {first_ticket}"


def customer_mail(subject: str) -> str:
    return subject[:120]


def unknown_sender_mail(sender: str, subject: str) -> str:
    return f"{sender or '?'}: {subject[:120]}"


def out_of_obsolete() -> str:
    return "a customer reply: obsolete queues are read-only"


def sender_accepted(senders: list[str]) -> str:
    return f"accepted as the customer's mail: {', '.join(senders) or '?'}"


def note(body: str) -> str:
    return body.strip().splitlines()[0][:80]


def reminder_in(days: int) -> str:
    return f"reminder in {days} days"


def with_level(name: str, level: int) -> str:
    """A technician as a transfer names them, before and after."""
    return f"{name} (level {level})"


def state_kept(state: str) -> str:
    return f"state kept: {state}"


def merged_into(target: str, moved: int) -> str:
    return f"merged into {target} ({moved} messages moved)"


def merged_here(duplicate: str) -> str:
    return f"{duplicate} merged into this ticket"


def acknowledgement_template(desk: Desk) -> str:
    """`data/templates/ack.<language>.txt`, for `acknowledgement` (read once per mail, or once
    for a whole demo)."""
    return texts.template(desk.config.data_dir, "ack", desk.config.language)


def acknowledgement(
    template: str, *, number: str, subject: str, customer: str, customer_name: str
) -> tuple[str, str]:
    """The acknowledgement's subject (without the `[Ticket#N]` hook; empty when the template has
    no `Subject:` line) and body."""
    text = texts.fill(
        template, number=number, subject=subject, customer=customer, customer_name=customer_name
    )
    first, _, rest = text.partition("\n")
    title = first.split(":", 1)[1].strip() if first.lower().startswith("subject:") else ""
    body = rest if title else text
    return title, body.lstrip("\n")
