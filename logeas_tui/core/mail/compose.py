"""Build the mail the helpdesk sends, with the headers that keep threads and stop loops.

Why build it here rather than with the SMTP client: the customer's reply must find its ticket
again, so each mail carries our own unique Message-ID (stored with the ticket) plus In-Reply-To
and References; and automatic mail must say so (`Auto-Submitted: auto-replied`, `X-Loop`) so
that other systems do not answer it. yagmail would build HTML multipart mail with `<br>` in
the text and repeat Message-IDs, so it only transports what is built here (see transport).
The body is plain UTF-8 text, quoted-printable when it is not plain ASCII, so the mail passes
relays that do not speak 8BITMIME.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid


def _bare(message_id: str) -> str:
    return message_id.strip().strip("<>").strip()


def _one_line(text: str) -> str:
    return " ".join(text.splitlines()).strip()


MAX_REFERENCES = 10  # RFC 5322 practice: the thread's first id and the newest ones thread it


def build_message(
    *,
    from_addr: str,
    to: str | Sequence[str],
    subject: str,
    body: str,
    in_reply_to: str | None = None,
    references: Sequence[str] = (),
    auto_submitted: bool = False,
    loop_address: str | None = None,
    message_id_domain: str,
    date: datetime,
) -> tuple[EmailMessage, str]:
    """A plain-text mail and its Message-ID (without angle brackets), ready for the outbox.

    Message-IDs in `in_reply_to` and `references` may come with or without brackets; the
    parent (`in_reply_to`) is appended to References when missing, as RFC 5322 asks.
    """
    if date.tzinfo is None:
        raise ValueError("build_message needs an aware datetime")
    message_id = make_msgid(domain=message_id_domain)
    message = EmailMessage()
    message["From"] = _one_line(from_addr)
    message["To"] = ", ".join(_one_line(a) for a in ([to] if isinstance(to, str) else to))
    message["Subject"] = _one_line(subject)
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id
    thread = [_bare(r) for r in references if _bare(r)]
    if in_reply_to and _bare(in_reply_to):
        message["In-Reply-To"] = f"<{_bare(in_reply_to)}>"
        if _bare(in_reply_to) not in thread:
            thread.append(_bare(in_reply_to))
    if thread:  # the newest ones: a hostile mail's 50,000 References are not copied back
        ids = list(dict.fromkeys(thread))
        kept = ids if len(ids) <= MAX_REFERENCES else [ids[0], *ids[1 - MAX_REFERENCES :]]
        message["References"] = " ".join(f"<{r}>" for r in kept)
    if auto_submitted:
        message["Auto-Submitted"] = "auto-replied"
        message["X-Auto-Response-Suppress"] = "All"  # asks Exchange not to answer it
        if loop_address:
            message["X-Loop"] = _one_line(loop_address)
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    if not text.endswith("\n"):
        text += "\n"
    plain = text.isascii() and all(len(line) <= 900 for line in text.split("\n"))
    message.set_content(text, charset="utf-8", cte="7bit" if plain else "quoted-printable")
    return message, _bare(message_id)
