"""Reading header fields of real, often broken, mail into plain values.

Why raw: `Message.raw_items()` never parses, so one malformed header cannot stop the reading of
the others; each value is decoded by `decode` (wrong charsets survive). Addresses alone go
through the stdlib's structured parser, which knows quoting and groups, with the compat parser
as a fallback when it fails or produces mojibake. The header block may also be repaired before
parsing (obsolete syntax, a stray line); the stored bytes always stay as received.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from logeas_tui.core.mail.decode import header_text, unsurrogate

_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.IGNORECASE)
_ANGLE_ID = re.compile(r"<([^<>]+)>")
_MOJIBAKE = re.compile("[\ufffd\udc80-\udcff]")
_OBS_NAME = re.compile(rb"^([!-9;-~]+)[ \t]+:", re.MULTILINE)  # RFC 5322 obs: `Subject  :`
_HEADER_LINE = re.compile(rb"[!-9;-~]+[ \t]*:")


def repair_header_block(raw: bytes) -> bytes:
    """Repair the header block for parsing only (the stored bytes stay as received): accept
    the obsolete `Name  : value` syntax, and drop a stray non-header line that sits between
    headers, where the stdlib would end the headers and read the rest as body."""
    match = re.search(rb"\r?\n\r?\n", raw)
    if match is None:
        return raw
    lines = raw[: match.start()].split(b"\n")
    fits = [bool(_HEADER_LINE.match(line)) or line[:1] in (b" ", b"\t") for line in lines]
    if not fits[0] or all(fits) and not _OBS_NAME.search(raw[: match.start()]):
        return raw
    last = max(i for i, fit in enumerate(fits) if fit)
    kept = [line for i, line in enumerate(lines) if fits[i] or i > last]
    return _OBS_NAME.sub(rb"\1:", b"\n".join(kept)) + raw[match.start() :]


def raw_headers(msg: Message) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        found.setdefault(str(name).strip().lower(), []).append(str(value))
    return found


def raw_header(part: Message, name: str) -> str | None:
    for key, value in part.raw_items():
        if str(key).lower() == name:
            return str(value)
    return None


def raw_charset(part: Message) -> str | None:
    match = _CHARSET_PARAM.search(raw_header(part, "content-type") or "")
    return match.group(1) if match else None


def charset_hint(msg: Message) -> str | None:
    """The first charset the message declares anywhere: the best guess for unlabelled bytes."""
    for index, part in enumerate(msg.walk()):
        if index > 50:
            break
        charset = raw_charset(part)
        if charset:
            return charset
    return None


# Control characters, bidi controls and zero-width characters never belong in an address (they
# are removed from the stored customer); an address is at most 254 characters (RFC 5321).
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
MAX_ADDRESS = 254
MAX_NAME = 256

# The stdlib's structured address parser is quadratic: a 600 KB From of encoded words took
# 22 s and 5.5 GB. Past this size a header is read by the simple (linear) parser alone.
STRUCTURED_MAX = 4096


def addresses(raw_values: Sequence[str], hint: str | None) -> list[tuple[str, str]]:
    """(display name, lower-cased address) pairs; empty addresses (groups, `<>`) are dropped."""
    pairs: list[tuple[str, str]] = []
    for raw in raw_values:
        text = unsurrogate(raw, hint)
        structured = _structured_addresses(text) if len(text) <= STRUCTURED_MAX else None
        compat = _compat_addresses(text, hint)
        if structured is None:
            pairs.extend(compat)
            continue
        # `addr (Name)`: the old comment form names the sender only for the compat parser
        names = {addr.lower(): name for name, addr in compat if name}
        pairs.extend((name or names.get(addr.lower(), ""), addr) for name, addr in structured)
    out = []
    for name, addr in pairs:
        clean = _INVISIBLE.sub("", addr).strip().lower()
        if clean and len(clean) <= MAX_ADDRESS:  # a 40,000-character "address" is none
            out.append((_INVISIBLE.sub("", name).strip()[:MAX_NAME], clean))
    return out


def _structured_addresses(text: str) -> list[tuple[str, str]] | None:
    try:
        header = policy.default.header_factory("to", text)
        pairs = [(a.display_name, a.addr_spec) for a in header.addresses]
    except Exception:
        return None
    if any(_MOJIBAKE.search(name + addr) for name, addr in pairs):
        return None  # a lying charset: the compat path decodes names with fallbacks
    return pairs


def _compat_addresses(text: str, hint: str | None) -> list[tuple[str, str]]:
    return [(header_text(name, hint).strip('" '), addr) for name, addr in getaddresses([text])]


def message_ids(value: str) -> list[str]:
    found = ["".join(m.split()) for m in _ANGLE_ID.findall(value)]
    return [i for i in found if i] or [t.strip("<>") for t in value.split() if t.strip("<>")]


def first_id(values: Sequence[str]) -> str | None:
    for value in values:
        ids = message_ids(value)
        if ids:
            return ids[0]
    return None


def first_date(values: Sequence[str]) -> datetime | None:
    for value in values:
        try:
            when = parsedate_to_datetime(value.strip())
            if when.tzinfo is None:  # "-0000": zone unknown, RFC 5322 says treat as UTC
                when = when.replace(tzinfo=UTC)
            return when.astimezone(UTC)
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
    return None
