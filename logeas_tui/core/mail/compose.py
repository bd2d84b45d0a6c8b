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

import binascii
import re
from collections.abc import Sequence
from datetime import datetime
from email import message_from_bytes, policy
from email.charset import QP, Charset
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any


def _bare(message_id: str) -> str:
    return message_id.strip().strip("<>").strip()


def _one_line(text: str) -> str:
    return " ".join(text.splitlines()).strip()


MAX_REFERENCES = 10  # RFC 5322 practice: the thread's first id and the newest ones thread it


def compose(
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
) -> tuple[bytes, str]:
    """The mail's bytes, ready for the outbox, and its Message-ID (without angle brackets).

    Message-IDs in `in_reply_to` and `references` may come with or without brackets; the
    parent (`in_reply_to`) is appended to References when missing, as RFC 5322 asks.

    The usual mail (printable ASCII addresses, lines of sane length) is written here line by
    line: the stdlib's header objects cost 2 ms a mail, most of an acknowledgement's price
    during a sync. Anything else (a non-ASCII address, a control character, a very long
    header) goes through `email.message.EmailMessage`, which reads back the same."""
    if date.tzinfo is None:
        raise ValueError("build_message needs an aware datetime")
    message_id = make_msgid(domain=message_id_domain)
    headers = [
        ("From", _one_line(from_addr)),
        ("To", ", ".join(_one_line(a) for a in ([to] if isinstance(to, str) else to))),
        ("Subject", _one_line(subject)),
        ("Date", format_datetime(date)),
        ("Message-ID", message_id),
    ]
    thread = [_bare(r) for r in references if _bare(r)]
    if in_reply_to and _bare(in_reply_to):
        headers.append(("In-Reply-To", f"<{_bare(in_reply_to)}>"))
        if _bare(in_reply_to) not in thread:
            thread.append(_bare(in_reply_to))
    if thread:  # the newest ones: a hostile mail's 50,000 References are not copied back
        ids = list(dict.fromkeys(thread))
        kept = ids if len(ids) <= MAX_REFERENCES else [ids[0], *ids[1 - MAX_REFERENCES :]]
        headers.append(("References", " ".join(f"<{r}>" for r in kept)))
    if auto_submitted:
        headers.append(("Auto-Submitted", "auto-replied"))
        headers.append(("X-Auto-Response-Suppress", "All"))  # asks Exchange not to answer it
        if loop_address:
            headers.append(("X-Loop", _one_line(loop_address)))
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    if not text.endswith("\n"):
        text += "\n"
    plain = text.isascii() and all(len(line) <= 900 for line in text.split("\n"))
    raw = _written(headers, text, plain)
    if raw is None:
        raw = _through_stdlib(headers, text, plain).as_bytes()
    return raw, _bare(message_id)


def build_message(**fields: Any) -> tuple[EmailMessage, str]:
    """`compose`'s mail as an `EmailMessage` (for the transport and the tests)."""
    raw, message_id = compose(**fields)
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message, message_id


_UTF8_QP = Charset("utf-8")
_UTF8_QP.header_encoding = QP  # "=?utf-8?q?apr=C3=A8s?=": readable where it is ASCII
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_ADDRESS_HEADERS = frozenset({"From", "To", "X-Loop"})
_LONGEST = 900  # of a header line or a 7-bit body line (RFC 5322 allows 998)


def _written(headers: list[tuple[str, str]], text: str, plain: bool) -> bytes | None:
    """The mail written out directly, or None when a value needs the stdlib's care."""
    lines = []
    for name, value in headers:
        if _CONTROL.search(value) or len(value) > _LONGEST - len(name):
            return None
        if value.isascii() and "=?" not in value:
            lines.append(_folded(f"{name}: {value}"))
        elif name in _ADDRESS_HEADERS:
            return None  # a non-ASCII display name or address: the stdlib encodes it
        # (a "=?…?=" typed in a subject is text: encoded, it cannot be read as an encoded word)
        else:
            # not folded by us: some readers (imap_tools) drop the space of a fold that comes
            # before an encoded word; Header folds long runs between its own encoded words
            lines.append(f"{name}: {_encoded_words(value)}")
    if any(len(line) > _LONGEST for header in lines for line in header.split("\n")):
        return None
    if plain:
        encoding, payload = "7bit", text
    else:
        encoding = "quoted-printable"
        payload = binascii.b2a_qp(text.encode("utf-8"), istext=True).decode("ascii")
    lines += [
        'Content-Type: text/plain; charset="utf-8"',
        f"Content-Transfer-Encoding: {encoding}",
        "MIME-Version: 1.0",
        "",
        payload,
    ]
    return "\n".join(lines).encode("ascii")


def _folded(line: str, width: int = 78) -> str:
    """A header line folded at spaces to `width` where it can be (RFC 5322 §2.2.3)."""
    if len(line) <= width or "\n" in line:
        return line
    out: list[str] = []
    current = ""
    for word in line.split(" "):
        if current and word and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return "\n ".join(out)


def _encoded_words(value: str) -> str:
    """`value` with each run of non-ASCII words as RFC 2047 encoded words and the ASCII words
    as they are (the ticket's hook stays readable in the raw header)."""
    out: list[str] = []
    run: list[str] = []
    for word in value.split(" "):
        if word and word.isascii() and "=?" not in word:  # ("" of "a  b": spaces kept in a run)
            if run:
                out.append(Header(" ".join(run), _UTF8_QP).encode(linesep="\n"))
                run = []
            out.append(word)
        else:
            run.append(word)
    if run:
        out.append(Header(" ".join(run), _UTF8_QP).encode(linesep="\n"))
    return " ".join(out)


def _through_stdlib(headers: list[tuple[str, str]], text: str, plain: bool) -> EmailMessage:
    message = EmailMessage()
    for name, value in headers:
        message[name] = value
    message.set_content(text, charset="utf-8", cte="7bit" if plain else "quoted-printable")
    return message
