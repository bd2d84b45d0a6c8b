"""Never answer a machine: the checks that keep automatic mail from starting a mail loop.

Why: an acknowledgement sent to an out-of-office reply, a mailing list or a bounce address gets
an automatic answer back, which opens a ticket, which is acknowledged… (RFC 3834). So the
acknowledgement is skipped when the incoming mail is itself automatic, or when the address is
one that no person reads. Each check returns a short English reason or None; the ingestion
(core.services.inbound) writes the reason to the ticket's history, so a technician can see
why no acknowledgement went out.

Beyond the procedure's list (Auto-Submitted, Precedence, List-Id, List-Unsubscribe, X-Loop),
three widespread markers are honoured: an empty Return-Path (a bounce, RFC 3834 §2),
X-Autoreply / X-Autorespond (common autoresponders) and X-Auto-Response-Suppress (Exchange's
"do not auto-reply to me"). The daily cap per address is counted in the store and checked by
core.services.inbound, not here.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from logeas_tui.core.mail.parse import ParsedMail

_PRECEDENCE = re.compile(r"^\s*(bulk|list|junk)\b", re.IGNORECASE)
_SUPPRESS = re.compile(r"\b(all|autoreply|oof)\b", re.IGNORECASE)
_NO_REPLY = re.compile(r"(?<![a-z0-9])(no|do[-_.]?not)[-_.]?reply", re.IGNORECASE)
_MAILER_DAEMON = re.compile(r"^mailer[-_.]?daemon$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[0-9]+$")


def is_automatic(parsed: ParsedMail) -> str | None:
    """Why `parsed` looks machine-sent (so it gets no automatic answer), or None."""
    auto = parsed.header("auto-submitted")
    if auto is not None and auto.split(";")[0].strip().lower() not in ("no", ""):
        return f"automatic mail (Auto-Submitted: {auto.split(';')[0].strip()})"
    for value in parsed.headers.get("precedence", ()):
        match = _PRECEDENCE.match(value)
        if match:
            return f"bulk mail (Precedence: {match.group(1).lower()})"
    for header, reason in (
        ("list-id", "mailing-list mail (List-Id)"),
        ("list-unsubscribe", "mailing-list mail (List-Unsubscribe)"),
        ("x-loop", "mail already in a loop (X-Loop)"),
        ("x-autoreply", "automatic reply (X-Autoreply)"),
        ("x-autorespond", "automatic reply (X-Autorespond)"),
    ):
        if header in parsed.headers:
            return reason
    if any(value.strip() == "<>" for value in parsed.headers.get("return-path", ())):
        return "bounce (empty Return-Path)"
    if any(_SUPPRESS.search(v) for v in parsed.headers.get("x-auto-response-suppress", ())):
        return "sender asks for no automatic reply (X-Auto-Response-Suppress)"
    return None


def forbidden_recipient(
    address: str, own_addresses: Collection[str], phone_domain: str
) -> str | None:
    """Why no automatic mail may go to `address`, or None when it may."""
    address = address.strip().strip("<>").strip().lower()
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        return "not an e-mail address"
    if _MAILER_DAEMON.match(local):
        return "mailer-daemon address"
    if local == "postmaster":
        return "postmaster address"
    if _NO_REPLY.search(local):
        return "no-reply address"
    own = {a.strip().lower() for a in own_addresses}
    if address in own or f"{local.split('+', 1)[0]}@{domain}" in own:
        return "our own address"
    if domain == phone_domain.strip().lower() and _PHONE.match(local):
        return "phone placeholder, not a mailbox"
    return None
