"""Telling one mail from an mbox file, and splitting an mbox into its mails.

A file that starts with `From ` is not always an mbox of many mails: a saved .eml often keeps
the one `From sender date` line its mail store wrote, and its body may well have lines that
start with "From " (unquoted: only mboxrd writers quote them as ">From "). A mail boundary is
recognised by its structure, not by the word: an envelope line — `From`, a sender, a date with
a time of day — at the start of the file or after an empty line, followed by a header line.
Anything else stays inside the mail it is in.
"""

from __future__ import annotations

import re
from datetime import datetime

_ENVELOPE = re.compile(rb"From \S+ [^\r\n]*\d{1,2}:\d{2}[^\r\n]*\r?\n[\x21-\x39\x3b-\x7e]+:")
_BREAK = re.compile(rb"\n\r?\nFrom ")  # an empty line, then "From "


_HEADER_LINE = re.compile(rb"[\x21-\x39\x3b-\x7e]+[ \t]*:")


def looks_like_mail(data: bytes) -> bool:
    """True when `data` starts as a mail does: a header line (`Name: value`) or an mbox
    envelope line. A text file (/etc/hostname, a log) is not a customer's request."""
    head = data.lstrip(b"\r\n")
    return head.startswith(b"From ") or _HEADER_LINE.match(head) is not None


def strip_mbox_from_line(data: bytes) -> bytes:
    """Drop a leading mbox `From sender date` line; the stored raw mail starts after it.
    (`From  : x`, an obsolete-syntax From header, is not such a line.)"""
    if not re.match(rb"From [^\s:]", data):
        return data
    end = data.find(b"\n")
    return b"" if end < 0 else data[end + 1 :]


def _is_envelope_at(data: bytes, pos: int) -> bool:
    return _ENVELOPE.match(data, pos) is not None


def split_mbox(data: bytes) -> list[bytes]:
    """The mails of `data` (which starts with an envelope line), each without its envelope
    line and without the empty line that separates it from the next, as Python's mailbox
    module stores them."""
    starts = [0]
    for found in _BREAK.finditer(data):
        pos = found.end() - len(b"From ")
        if _is_envelope_at(data, pos):
            starts.append(pos)
    mails = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(data)
        body = strip_mbox_from_line(data[start:end])
        # the empty line before the next envelope (or ending an mbox) belongs to no mail; a
        # single mail is kept exactly as it was written
        if index + 1 < len(starts) or (len(starts) > 1 and body.endswith(b"\n\n")):
            body = body[:-1]
        mails.append(body)
    return mails


_QUOTED = re.compile(rb"^(>*From )", re.MULTILINE)


def mbox_entry(sender: str, at: datetime, raw: bytes) -> bytes:
    """One mail as an mboxrd entry: its envelope line, its bytes with each line starting with
    `From ` (after any number of `>`) quoted by one more `>`, and the empty line that ends it."""
    address = re.sub(r"[\s\x00-\x1f\x7f]+", "", sender) or "MAILER-DAEMON"
    when = at.strftime("%a %b %d %H:%M:%S %Y")
    body = _QUOTED.sub(rb">\1", raw.replace(b"\r\n", b"\n"))
    if not body.endswith(b"\n"):
        body += b"\n"
    return f"From {address} {when}\n".encode("ascii", "replace") + body + b"\n"
