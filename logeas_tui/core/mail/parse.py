"""Parse one raw mail into the plain facts the helpdesk stores.

Why this never raises: a mail the parser cannot read is still a customer's request. One bad
header or a lying charset must not stop the sync loop or lose the message, so every step is
guarded: a step that fails leaves its field empty and is named in `problem` (`ok=False`), and
the caller keeps the raw bytes. Data defects that are merely common (no Date, a bad Date, no
From) are not problems; they just give empty fields.

Header fields are read by `headers` (raw, one at a time) and decoded by `decode` (wrong
charsets survive). The body is the text parts in reading order, text/plain preferred within
each multipart/alternative; HTML-only mail becomes readable text through html2text. Every
other leaf part is an attachment, and an attached message is kept whole as `.eml`.

Cost is bounded per mail: the structure is parsed with compat32 (no header objects: 25,000
parts took 50 s with policy.default) and big base64 bodies never enter the parse tree
(`lifted`: decoded once, straight from the mail's bytes).
"""

from __future__ import annotations

import email
import html
import mimetypes
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from email import policy
from email.message import Message
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import TypeVar

import html2text

from logeas_tui.core.mail import headers as fields
from logeas_tui.core.mail.decode import decode_bytes, header_text
from logeas_tui.core.mail.lifted import Lifted
from logeas_tui.core.mail.mbox import strip_mbox_from_line

_T = TypeVar("_T")
Piece = tuple[str, str]  # ("plain" | "html", text): one body part in reading order
_MAX_DEPTH = 30
_NAME_PARAM = re.compile(r"""\b(?:file)?name\s*=\s*(?:"([^"]*)"|([^;\r\n]*))""", re.IGNORECASE)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    size: int
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class ParsedMail:
    """What the store keeps of a mail. Message-IDs are stored without angle brackets."""

    message_id: str | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    from_addr: str = ""
    from_name: str = ""
    reply_to: str = ""  # the first Reply-To address: where the sender wants answers
    reply_to_name: str = ""
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    subject: str = ""
    date: datetime | None = None
    body_text: str = ""
    attachments: tuple[Attachment, ...] = ()
    headers: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, hash=False
    )
    ok: bool = True
    problem: str | None = None

    def header(self, name: str) -> str | None:
        """The first decoded value of header `name` (any case), or None when absent."""
        values = self.headers.get(name.lower())
        return values[0] if values else None


_DATE_BLOCK = 65_536  # of the header block, what `date_header` reads
DATE_HEAD = _DATE_BLOCK + 4  # of a mail's bytes, all `date_header` reads (and the blank line)


def date_header(raw: bytes) -> str | None:
    """The Date header exactly as written (whitespace folded), read from the header block
    alone: what tells a second delivery of one mail from another mail under the same id.
    The same for `raw` and `raw[:DATE_HEAD]`."""
    head = email.message_from_bytes(
        raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0][:_DATE_BLOCK], policy=policy.compat32
    )
    value = head.get("date")
    return " ".join(str(value).split()) if value is not None else None


def parse_message(raw: bytes) -> ParsedMail:
    """Parse `raw` (RFC 5322 bytes). Never raises: failures give ok=False and a problem."""
    problems: list[str] = []
    raw = strip_mbox_from_line(raw)
    try:
        return _parse(raw, problems)
    except (Exception, RecursionError) as exc:  # last line of defence, see the module docstring
        problems.append(f"unreadable message ({type(exc).__name__}: {str(exc)[:200]})")
        return _headers_then_text(raw, problems)


def _headers_then_text(raw: bytes, problems: list[str]) -> ParsedMail:
    """When the whole mail cannot be parsed (the stdlib's parser recurses once per MIME level:
    5,000 levels exhaust it): its header block alone, so the sender and the subject are never
    lost, and the rest shown as text."""
    cut = re.search(rb"\r?\n\r?\n", raw)
    head, rest = (raw[: cut.end()], raw[cut.end() :]) if cut else (raw, b"")
    try:
        parsed = _parse(re.sub(rb"(?im)^content-type:", b"X-Original-Content-Type:", head), [])
    except (Exception, RecursionError):
        return ParsedMail(ok=False, problem="; ".join(problems))
    text = decode_bytes(rest, None, None)
    return replace(parsed, body_text=text, ok=False, problem="; ".join(problems))


def _guard(problems: list[str], what: str, default: _T, step: Callable[[], _T]) -> _T:
    try:
        return step()
    except Exception as exc:
        problems.append(f"{what}: {type(exc).__name__}: {exc}")
        return default


def _parse(raw: bytes, problems: list[str]) -> ParsedMail:
    if not raw or raw.isspace():  # (strip() would copy a 70 MB mail for nothing)
        return ParsedMail(ok=False, problem="empty message")
    # compat32: policy.default's header objects cost ~0.2 ms per header parse (25,000 parts
    # took 50 s); every header is read raw anyway (`headers`, `decode`).
    lifted = Lifted(fields.repair_header_block(raw))  # big base64 bodies kept out of the tree
    msg = email.message_from_bytes(lifted.text, policy=policy.compat32)
    no_headers: dict[str, list[str]] = {}
    raw_headers = _guard(problems, "headers", no_headers, lambda: fields.raw_headers(msg))
    if not raw_headers:
        problems.append("no header found")
    hint = _guard(problems, "charset", None, lambda: fields.charset_hint(msg))
    headers = {
        name: tuple(_decoded(problems, name, value, hint) for value in values)
        for name, values in raw_headers.items()
    }

    def addresses(name: str) -> list[tuple[str, str]]:
        values = raw_headers.get(name, [])
        return _guard(problems, name, [], lambda: fields.addresses(values, hint))

    senders = addresses("from")
    answer_to = [pair for pair in addresses("reply-to") if pair[1]]
    attachments: list[Attachment] = []
    no_pieces: list[Piece] = []
    pieces = _guard(
        problems, "body", no_pieces, lambda: _walk_safely(msg, lifted, attachments, hint, problems)
    )
    references = [i for v in headers.get("references", ()) for i in fields.message_ids(v)]
    return ParsedMail(
        message_id=fields.first_id(headers.get("message-id", ())),
        in_reply_to=fields.first_id(headers.get("in-reply-to", ())),
        references=tuple(dict.fromkeys(references)),
        from_addr=senders[0][1] if senders else "",
        from_name=senders[0][0] if senders else "",
        reply_to=answer_to[0][1] if answer_to else "",
        reply_to_name=answer_to[0][0] if answer_to else "",
        to=tuple(addr for _, addr in addresses("to")),
        cc=tuple(addr for _, addr in addresses("cc")),
        subject=(headers.get("subject") or ("",))[0].strip(),
        date=fields.first_date(headers.get("date", ())),
        body_text=_guard(problems, "body text", "", lambda: _body_text(pieces)),
        attachments=tuple(attachments),
        headers=MappingProxyType(headers),
        ok=not problems,
        problem="; ".join(problems) or None,
    )


def _decoded(problems: list[str], name: str, raw: str, hint: str | None) -> str:
    return _guard(problems, name, "", lambda: header_text(raw, hint))


def _walk_safely(
    msg: Message,
    lifted: Lifted,
    attachments: list[Attachment],
    hint: str | None,
    problems: list[str],
) -> list[Piece]:
    deep: list[int] = []
    pieces = _walk(_Walk(lifted, attachments, hint, deep), msg, 0)
    if deep:
        problems.append(f"{len(deep)} MIME part(s) nested deeper than {_MAX_DEPTH} levels not read")
    return pieces


@dataclass
class _Walk:
    """What the walk of one mail's parts gathers and needs."""

    lifted: Lifted
    attachments: list[Attachment]
    hint: str | None
    deep: list[int]


def _walk(walk: _Walk, part: Message, depth: int) -> list[Piece]:
    """Body pieces ("plain"|"html", text) in reading order; other parts go to `attachments`.
    A part nested deeper than _MAX_DEPTH is counted in `deep`; the parts above are kept."""
    if depth > _MAX_DEPTH:
        walk.deep.append(depth)
        return []
    ctype = part.get_content_type()  # each call parses the header again: once per part
    maintype = ctype.partition("/")[0]
    payload = part.get_payload()
    index = len(walk.attachments)
    if isinstance(payload, list):
        if maintype == "message":
            data = b"".join(_message_bytes(sub) for sub in payload if isinstance(sub, Message))
            data = walk.lifted.restore(data)
            walk.attachments.append(_attachment(part, ctype, data, index, part.get_filename()))
            return []
        subs = [sub for sub in payload if isinstance(sub, Message)]
        branches = [_walk(walk, sub, depth + 1) for sub in subs]
        if ctype == "multipart/alternative" and branches:
            return _preferred(branches)
        return [piece for branch in branches for piece in branch]
    data = walk.lifted.data(part)
    if maintype == "multipart":  # no boundary found: read it as text
        ctype = "text/plain"
    filename = part.get_filename()
    inline = not filename and part.get_content_disposition() != "attachment"
    if ctype in ("text/plain", "text/html") and inline:
        text = decode_bytes(data, fields.raw_charset(part), walk.hint)
        return [(ctype[5:], text.replace("\r\n", "\n").replace("\r", "\n"))]
    walk.attachments.append(_attachment(part, ctype, data, index, filename))
    return []


def _preferred(branches: list[list[Piece]]) -> list[Piece]:
    """Of alternative renderings, the first with non-blank plain text, else the richest."""
    for branch in branches:
        if any(kind == "plain" and text.strip() for kind, text in branch):
            return branch
    filled = [branch for branch in branches if any(text.strip() for _, text in branch)]
    return filled[-1] if filled else branches[0]


def _message_bytes(sub: Message) -> bytes:
    try:
        return sub.as_bytes()
    except Exception:
        return sub.as_string(policy=policy.compat32).encode("utf-8", "surrogateescape")


def _attachment(
    part: Message, ctype: str, data: bytes, index: int, given: str | None
) -> Attachment:
    return Attachment(_filename(part, ctype, index, given), ctype, len(data), data)


def _filename(part: Message, ctype: str, index: int, given: str | None) -> str:
    """`given`: what the stdlib's get_filename() read."""
    try:
        name = header_text(given or "")
    except Exception:
        name = ""
    # The stdlib stops an unquoted name at the first space and drops `name==?utf-8?B?…?=`;
    # the raw parameter, when it extends what was parsed, is the better reading.
    for header in ("content-disposition", "content-type"):
        match = _NAME_PARAM.search(fields.raw_header(part, header) or "")
        if match:
            found = header_text(match.group(1) or match.group(2) or "").strip()
            if len(found) > len(name) and (not name or found.startswith(name)):
                name = found
            break
    name = PurePosixPath(name.replace("\\", "/")).name.strip()  # never a path
    if name:
        return name
    if ctype.startswith("message/"):
        return f"message-{index + 1}.eml"
    return f"attachment-{index + 1}{mimetypes.guess_extension(ctype) or '.bin'}"


def _body_text(pieces: list[Piece]) -> str:
    texts = [text if kind == "plain" else _html_to_text(text) for kind, text in pieces]
    return "\n\n".join(t.strip("\n") for t in texts if t.strip()).rstrip()


def _html_to_text(markup: str) -> str:
    try:
        converter = html2text.HTML2Text()
        converter.body_width = 0
        converter.ignore_images = True
        converter.ignore_emphasis = True
        converter.unicode_snob = True
        return str(converter.handle(markup))
    except Exception:  # html2text choked: crude tag stripping still beats nothing
        return html.unescape(re.sub(r"<[^>]*>", " ", markup))
