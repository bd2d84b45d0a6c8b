"""Property-based proofs that the mail pipeline holds whatever arrives (issue 9, "Proofs that
stay in the suite"): random bytes, random MIME trees and random header soups go through
`parse_message` and `ingest` without an exception, the raw bytes are stored exactly, and every
stored mail is a ticket one can open, its bytes given back by `raw_message`.

The example counts are moderate so the file runs in seconds per engine. One `desk` (store)
serves all the examples of a test, so the store accumulates: a later example may be a copy of,
or a follow-up to, an earlier one, which the properties allow. Time and memory bounds are
measured by benchmarks/bench_pathological.py, not asserted here.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections import Counter
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from logeas_tui.core.mail.parse import ParsedMail, parse_message
from logeas_tui.core.mail.route import load_rules
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.inbound import (
    COPY,
    DUPLICATE,
    FOLLOWUP,
    NEW_TICKET,
    IngestResult,
    ingest,
)
from logeas_tui.core.store import queries, raw_mails
from logeas_tui.core.store.models import Message

PROOF = "X-Proof"
MAX_DEPTH = 30  # the MIME levels parse_message reads (core.mail.parse._MAX_DEPTH)
RULES = load_rules(Path(__file__).resolve().parents[2] / "data" / "routing.toml")

# LOGEAS_FUZZ_EXAMPLES=2000 hunts longer (examples per test through the store; 8 × that for
# the parser alone).
EXAMPLES = int(os.environ.get("LOGEAS_FUZZ_EXAMPLES", "40"))
WITH_STORE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NO_STORE = settings(max_examples=8 * EXAMPLES, deadline=None)

# --- what every ingested mail must satisfy ---------------------------------------------------


def assert_kept_and_findable(desk: Desk, raw: bytes, result: IngestResult) -> None:
    """The raw bytes are stored exactly once, on a ticket that opens and gives them back."""
    sha = hashlib.sha256(raw).hexdigest()
    stored = list(Message.select().where(Message.raw_sha256 == sha))
    assert len(stored) == 1, f"{len(stored)} messages hold these bytes ({result})"
    message = stored[0]
    assert raw_mails.read(message.id) == raw
    number = message.ticket.number
    if result.outcome == DUPLICATE:  # the same bytes came in an earlier example
        assert result.number is None
    else:
        assert result.outcome in (NEW_TICKET, FOLLOWUP, COPY), result
        assert result.number == number
    view = queries.ticket_view(number, me=desk.who, now=desk.clock.now())
    assert view is not None, f"ticket {number} does not open"
    received = [m for m in view.messages if m.raw_sha256 is not None]
    index = [m.raw_sha256 for m in received].index(sha) + 1
    assert queries.raw_message(number, index) == raw


def ingest_and_check(desk: Desk, raw: bytes) -> IngestResult:
    result = ingest(desk, raw, RULES)
    assert_kept_and_findable(desk, raw, result)
    return result


# --- random bytes ----------------------------------------------------------------------------

HEADERISH = st.sampled_from(
    [
        b"From: a@b.example\r\n",
        b"Subject: =?utf-8?B?w6k=?=\r\n",
        b"Content-Type: multipart/mixed; boundary=x\r\n",
        b"\r\n",
        b"\n",
        b"--x\r\n",
        b"--x--\r\n",
        b"From jean@client.example Tue Nov 24 10:12:00 2026\n",
        b"Content-Transfer-Encoding: base64\r\n",
        b"=?",
        b"?=",
        b":",
        b"\x00",
        b"\xff\xfe",
    ]
)
# pure noise, and noise cut with pieces of mail syntax (so the parser gets past the first line)
RANDOM_BYTES = st.one_of(
    st.binary(max_size=2_000),
    st.lists(st.one_of(HEADERISH, st.binary(max_size=40)), max_size=40).map(b"".join),
)


@NO_STORE
@given(raw=RANDOM_BYTES)
def test_parse_message_never_raises_on_random_bytes(raw: bytes) -> None:
    parsed = parse_message(raw)
    assert isinstance(parsed, ParsedMail)
    assert parsed.ok or parsed.problem  # a mail not read fully says why


@WITH_STORE
@given(raw=RANDOM_BYTES)
def test_random_bytes_are_stored_whole_as_a_ticket(desk, raw: bytes) -> None:
    ingest_and_check(desk, raw)


# --- random MIME trees, built with the standard library ---------------------------------------

CHARSETS = ["utf-8", "iso-8859-1", "windows-1252", "koi8-r", "shift_jis", "iso-2022-jp", "utf-16"]
BOGUS_CHARSETS = ["utf-9", "x-unknown", "unknown-8bit", "", "us-ascii", "utf-7", "euc-kr "]
# What a part says its transfer encoding is; the first three are true, the rest are lies.
ENCODINGS = ["base64", "quoted-printable", "8bit", "7bit", "binary", "x-uuencode", "gzip"]
SUBTYPES = ["mixed", "alternative", "related", "digest", "report", "signed", "x-weird"]
NAME_CHARS = st.characters(blacklist_categories=("Cs", "Cc"))  # header values forbid CR/LF
BOUNDARY = st.text(alphabet="abcXYZ019'()+_,-./:=? ", min_size=1, max_size=70).map(str.strip)
HTML_BITS = st.sampled_from(
    ["<a href='http://x.example/", "'>lien</a>", "<p>", "</div>", "<script>", "&eacute;", "<"]
)
TEXT = st.text(max_size=300)
HTML = st.lists(st.one_of(HTML_BITS, st.text(max_size=20)), max_size=30).map("".join)


@st.composite
def text_part(draw: st.DrawFn) -> EmailMessage:
    """A text part in a real or a wrong charset, under a true or a lying transfer encoding."""
    subtype = draw(st.sampled_from(["plain", "html", "enriched", "x-markdown"]))
    text = draw(HTML if subtype == "html" else TEXT)
    actual = draw(st.sampled_from(CHARSETS))
    declared = draw(st.one_of(st.just(actual), st.sampled_from(CHARSETS + BOGUS_CHARSETS)))
    said = draw(st.sampled_from(ENCODINGS))
    part = EmailMessage()
    data = text.encode(actual, "replace")
    part.set_content(data, "text", subtype, cte=said if said in ENCODINGS[:3] else "8bit")
    if said not in ENCODINGS[:3]:
        part.replace_header("Content-Transfer-Encoding", said)
    if draw(st.booleans()):  # the encoded payload damaged in transit
        part.set_payload(draw(st.text(alphabet="ABCxyz=+/!\n", max_size=80)))
    if declared:
        part.set_param("charset", declared)
    return part


@st.composite
def attachment_part(draw: st.DrawFn) -> EmailMessage:
    ctype = draw(
        st.sampled_from(
            ["application/pdf", "application/octet-stream", "image/png", "text/csv", "x-foo/bar"]
        )
    )
    filename = draw(
        st.one_of(
            st.none(),
            st.text(NAME_CHARS, max_size=60),
            st.sampled_from(["../../etc/passwd", "C:\\Windows\\x.exe", "a;b=c.txt", " .pdf"]),
        )
    )
    disposition = draw(st.sampled_from(["attachment", "inline", None]))
    part = EmailMessage()
    maintype, subtype = ctype.split("/")
    part.set_content(
        draw(st.binary(max_size=600)),
        maintype,
        subtype,
        cte=draw(st.sampled_from(["base64", "quoted-printable"])),
        disposition=disposition,
        filename=filename,
    )
    part[PROOF] = "attachment"  # so the test knows which leaves it must find again
    return part


def multipart(subtype: str, boundary: str | None, children: list[EmailMessage]) -> EmailMessage:
    part = EmailMessage()
    part["Content-Type"] = f"multipart/{subtype}"
    if boundary:  # may well occur inside a child: a hostile collision, on purpose
        part.set_boundary(boundary)
    part.set_payload(children)
    return part


def attached_message(inner: EmailMessage, subject: str) -> EmailMessage:
    inner["Subject"] = subject
    part = EmailMessage()
    part.set_content(inner)
    return part


def reachable_attachments(part: EmailMessage, depth: int = 0) -> list[bytes]:
    """The data of the attachments built into `part` that the parser must list: those within
    its 30 levels, not inside an attached message (kept whole as one .eml)."""
    if depth > MAX_DEPTH or part.get_content_maintype() == "message":
        return []
    if part.is_multipart():
        return [data for sub in part.iter_parts() for data in reachable_attachments(sub, depth + 1)]
    return [part.get_payload(decode=True)] if part[PROOF] else []


def distinct_boundaries(root: EmailMessage) -> bool:
    found = [p.get_boundary() for p in root.walk() if p.is_multipart() and p.get_boundary()]
    return len(found) == len(set(found))


LEAF = st.one_of(text_part(), attachment_part())
TREE = st.recursive(
    LEAF,
    lambda children: st.one_of(
        st.builds(
            multipart,
            st.sampled_from(SUBTYPES),
            st.one_of(st.none(), BOUNDARY),
            st.lists(children, max_size=4),
        ),
        st.builds(attached_message, children, st.text(NAME_CHARS, max_size=30)),
    ),
    max_leaves=10,
)
ODD_HEADERS = st.lists(
    st.tuples(
        st.sampled_from(
            ["X-Mailer", "Comments", "Keywords", "X-Spam-Flag", "Precedence", "Auto-Submitted"]
        ),
        st.text(NAME_CHARS, max_size=80),
    ),
    max_size=5,
)


@st.composite
def mime_mail(draw: st.DrawFn) -> tuple[bytes, str, str, list[bytes] | None]:
    """(raw bytes, the sender's address, the subject, the attachments the parser must find) of
    a random MIME tree, sometimes wrapped in up to 40 single-part multiparts (the parser reads
    30 levels). The attachments are None when two multiparts share a boundary: then the tree
    cannot be told from the bytes, and only the sender, subject and raw bytes are promised."""
    root = draw(TREE)
    for _ in range(draw(st.one_of(st.just(0), st.integers(0, 40)))):
        root = multipart("mixed", None, [root])
    sender = draw(st.from_regex(r"[a-z][a-z0-9.]{0,15}@[a-z]{1,10}\.example", fullmatch=True))
    subject = draw(st.text(NAME_CHARS, max_size=120))
    user, _, domain = sender.partition("@")
    root["From"] = Address(draw(st.text(NAME_CHARS, max_size=40)), user, domain)
    root["To"] = "support@logeas.fr"
    root["Subject"] = subject
    root["Message-ID"] = f"<{draw(st.uuids()).hex}@client.example>"
    if "MIME-Version" not in root:
        root["MIME-Version"] = "1.0"
    for index, part in enumerate(root.walk()):  # the generator's own boundaries are random
        if part.is_multipart() and part.get_boundary() is None:
            part.set_boundary(f"=_part{index}")
    for name, value in draw(ODD_HEADERS):
        root[name] = value
    raw = root.as_bytes()
    if draw(st.booleans()):
        raw = raw.replace(b"\n", b"\r\n")
    expected = reachable_attachments(root) if distinct_boundaries(root) else None
    return raw, sender, subject, expected


def words(text: str) -> list[str]:
    return text.split()


@WITH_STORE
@given(mail=mime_mail())
def test_random_mime_trees_keep_raw_bytes_sender_subject_and_attachments(desk, mail) -> None:
    raw, sender, subject, attachments = mail
    parsed = parse_message(raw)
    assert parsed.from_addr == sender  # never lost, however deep or broken the body
    assert words(parsed.subject) == words(subject)
    if attachments is not None:  # each one found, whatever charsets and encodings lie around
        assert not Counter(attachments) - Counter(a.data for a in parsed.attachments)
    ingest_and_check(desk, raw)


# --- random header soups, written byte by byte ------------------------------------------------

FIELD_NAMES = st.one_of(
    st.sampled_from(
        [
            "From",
            "To",
            "Cc",
            "Subject",
            "Date",
            "Message-ID",
            "In-Reply-To",
            "References",
            "Content-Type",
            "Content-Transfer-Encoding",
            "MIME-Version",
            "Auto-Submitted",
            "Return-Path",
            "X-Spam-Flag",
            "Reply-To",
            "subject",
            "FROM",
            "From ",
            "X-\x00",
        ]
    ),
    st.text(alphabet="ABCabc-_!#", min_size=1, max_size=20),
)


@st.composite
def encoded_word(draw: st.DrawFn) -> bytes:
    """An RFC 2047 encoded word: well formed, or with a bogus charset, encoding or text."""
    charset = draw(st.sampled_from(["utf-8", "iso-8859-1", "UTF-8", "koi8-r", "bogus", ""]))
    text = draw(st.text(max_size=30))
    kind = draw(st.sampled_from("BbQqX"))
    if kind in "Bb":
        body = base64.b64encode(text.encode("utf-8")).decode()
        body = body.rstrip("=") if draw(st.booleans()) else body  # padding lost
    elif kind in "Qq":
        body = "".join(f"={b:02X}" if b > 127 or b in b" ?=_" else chr(b) for b in text.encode())
    else:
        body = text
    return f"=?{charset}?{kind}?{body}?=".encode("utf-8", "surrogatepass")


def one_line(data: bytes) -> bytes:
    return data.replace(b"\r", b"").replace(b"\n", b"")


FIELD_VALUE = st.lists(
    st.one_of(
        encoded_word(),
        st.text(max_size=40).map(lambda t: one_line(t.encode("utf-8", "surrogatepass"))),
        st.binary(max_size=20).map(one_line),
        st.sampled_from(
            [
                b" <a@b.example>",
                b", ",
                b'"Jean, Dupont" <jean@client.example>',
                b"<<>>@",
                b"<%d@x.example> " % 1,
                b"[Ticket#2026112410000012]",
                b"Tue, 24 Nov 2026 10:12:00 +0100",
                b"Feb 30 99999 99:99",
                b"auto-replied",
                b"multipart/mixed; boundary=",
                b"\r\n\t",  # folded onto the next line
                b"\r\n ",
                b"\n",  # a bare line feed inside a value
                b"\r",
            ]
        ),
    ),
    max_size=12,
).map(b"".join)
SEPARATORS = st.sampled_from([b": "] * 6 + [b":", b" : ", b""])  # mostly well formed
LINE_ENDS = st.sampled_from([b"\r\n", b"\n", b"\r"])


@st.composite
def header_soup(draw: st.DrawFn) -> bytes:
    lines = draw(
        st.lists(
            st.tuples(FIELD_NAMES, SEPARATORS, FIELD_VALUE),
            min_size=1,
            max_size=25,
        )
    )
    end = draw(LINE_ENDS)
    head = b"".join(name.encode("utf-8") + sep + value + end for name, sep, value in lines)
    if draw(st.booleans()):  # one header repeated a thousand times, or a very long one
        head += draw(FIELD_NAMES).encode() + b": " + draw(FIELD_VALUE) * 1_000 + end
    body = draw(st.one_of(st.just(b""), st.binary(max_size=300), TEXT.map(str.encode)))
    return head + (end + body if draw(st.booleans()) else body)


@NO_STORE
@given(raw=header_soup())
def test_parse_message_never_raises_on_header_soups(raw: bytes) -> None:
    parsed = parse_message(raw)
    assert isinstance(parsed.subject, str) and isinstance(parsed.from_addr, str)


@WITH_STORE
@given(raw=header_soup())
def test_header_soups_are_stored_whole_as_a_ticket(desk, raw: bytes) -> None:
    ingest_and_check(desk, raw)
