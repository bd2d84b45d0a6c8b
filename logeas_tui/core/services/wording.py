"""What the services write for a technician to read later: the details of history lines, and
the acknowledgement a new mail ticket sends. A detail is stored as written, so it is written
in the desk's language (its texts are the catalogues' `wording.*`).

Why one module: the demo generator (`logeas_tui.demo`) writes years of history without running
the services. It calls these functions, so its tickets read as the services would have left
them, and a change of wording here changes both.
"""

from __future__ import annotations

from datetime import datetime

from logeas_tui.core import texts
from logeas_tui.core.services.desk import Desk
from logeas_tui.texts import Catalog


def _said(language: str) -> Catalog:
    return Catalog(language)


def created_by_phone(language: str, customer: str, queue: str, owner: str | None) -> str:
    texts = _said(language)
    if owner:
        return texts.t("wording.phone_owner", customer=customer, queue=queue, owner=owner)
    return texts.t("wording.phone", customer=customer, queue=queue)


def created_by_mail(language: str, sender: str, queue: str, *, parsed: bool = True) -> str:
    key = "wording.mail" if parsed else "wording.mail_unparsed"
    return _said(language).t(key, sender=sender or "?", queue=queue)


def reused_message_id(language: str, message_id: str, first_ticket: str) -> str:
    return _said(language).t("wording.reused_id", id=message_id[:200], number=first_ticket)


def customer_mail(subject: str) -> str:
    return subject[:120]


def unknown_sender_mail(sender: str, subject: str) -> str:
    return f"{sender or '?'}: {subject[:120]}"


def sender_accepted(language: str, senders: list[str]) -> str:
    return _said(language).t("wording.accepted", senders=", ".join(senders) or "?")


def out_of_obsolete(language: str) -> str:
    return _said(language).t("wording.out_of_obsolete")


def note(body: str) -> str:
    return body.strip().splitlines()[0][:80]


def reminder_in(language: str, days: int) -> str:
    return _said(language).plural("wording.reminder_in", days)


def with_level(language: str, name: str, level: int) -> str:
    """A technician as a transfer names them, before and after."""
    return _said(language).t("wording.with_level", name=name, level=level)


def state_kept(language: str, state: str) -> str:
    return _said(language).sentence("wording.state_kept", {"state": state})


def merged_into(language: str, target: str, moved: int) -> str:
    return _said(language).plural("wording.merged_into", moved, target=target)


def merged_here(language: str, duplicate: str) -> str:
    return _said(language).t("wording.merged_here", number=duplicate)


def unmerged(language: str, target: str) -> str:
    return _said(language).t("wording.unmerged", number=target)


def unmerge(language: str, duplicate: str, state: str, *, kept: bool) -> str:
    """The target's line: the duplicate taken out, its state put back or kept (it changed
    after the merge)."""
    key = "wording.unmerge_kept" if kept else "wording.unmerge_back"
    return _said(language).sentence(key, {"number": duplicate, "state": state})


def another_copy(language: str, message_id: str) -> str:
    return _said(language).t("wording.another_copy", id=message_id[:200])


def reminder_on(language: str, due: datetime) -> str:
    return _said(language).t("wording.reminder_on", when=f"{due:%Y-%m-%d %H:%M}")


def no_mailbox(language: str, action: str, customer: str) -> str:
    return _said(language).t("wording.no_mailbox", action=action, customer=customer)


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
