"""The mail the helpdesk sends: plain text, unique Message-ID, threading and loop headers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from logeas_tui.core.mail.compose import build_message, compose
from logeas_tui.core.mail.loopguard import is_automatic
from logeas_tui.core.mail.parse import parse_message

WHEN = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def _build(**changes: Any) -> Any:
    values: dict[str, Any] = {
        "from_addr": "support@logeas.fr",
        "to": "client@example.com",
        "subject": "[Ticket#2026112410000013] Votre demande",
        "body": "Bonjour,\n\nVoici la réponse.\n-- \nNicolas",
        "message_id_domain": "logeas.fr",
        "date": WHEN,
    }
    values.update(changes)
    return build_message(**values)


def test_a_reply_reads_back_as_the_same_thread() -> None:
    message, message_id = _build(
        in_reply_to="parent@example.com", references=["<root@example.com>"]
    )
    parsed = parse_message(message.as_bytes())
    assert parsed.ok
    assert parsed.message_id == message_id and message_id.endswith("@logeas.fr")
    assert "<" not in message_id
    assert parsed.in_reply_to == "parent@example.com"
    assert parsed.references == ("root@example.com", "parent@example.com")
    assert parsed.subject == "[Ticket#2026112410000013] Votre demande"
    assert parsed.body_text == "Bonjour,\n\nVoici la réponse.\n-- \nNicolas"
    assert parsed.date == WHEN
    assert (parsed.from_addr, parsed.to) == ("support@logeas.fr", ("client@example.com",))


def test_each_message_gets_its_own_message_id() -> None:
    ids = {_build()[1] for _ in range(50)}
    assert len(ids) == 50


def test_the_parent_is_not_repeated_in_references() -> None:
    message, _ = _build(in_reply_to="<p@x>", references=["r@x", "p@x"])
    assert message["References"] == "<r@x> <p@x>"


def test_a_reply_to_a_mail_with_50000_references_copies_ten() -> None:
    many = [f"r{n}@x" for n in range(50_000)]
    message, _ = _build(in_reply_to="<p@x>", references=many)
    kept = message["References"].split()
    assert kept == ["<r0@x>", *(f"<r{n}@x>" for n in range(49_992, 50_000)), "<p@x>"]


def test_plain_utf8_text_only() -> None:
    message, _ = _build()
    assert not message.is_multipart()
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert message["Content-Transfer-Encoding"] == "quoted-printable"
    assert max(message.as_bytes()) < 128  # 7-bit clean for old relays
    ascii_message, _ = _build(body="Hello")
    assert ascii_message["Content-Transfer-Encoding"] == "7bit"


def test_automatic_mail_says_so_and_a_person_s_does_not() -> None:
    auto, _ = _build(auto_submitted=True, loop_address="support@logeas.fr")
    assert auto["Auto-Submitted"] == "auto-replied"
    assert auto["X-Loop"] == "support@logeas.fr"
    assert is_automatic(parse_message(auto.as_bytes())) is not None  # our own loop guard agrees
    manual, _ = _build()
    assert manual["Auto-Submitted"] is None and manual["X-Loop"] is None
    assert is_automatic(parse_message(manual.as_bytes())) is None


def test_a_subject_cannot_inject_headers() -> None:
    message, _ = _build(subject="Hello\r\nBcc: victim@example.com")
    assert message["Bcc"] is None
    assert parse_message(message.as_bytes()).subject == "Hello Bcc: victim@example.com"


def test_several_recipients() -> None:
    message, _ = _build(to=["a@example.com", "b@example.com"])
    assert parse_message(message.as_bytes()).to == ("a@example.com", "b@example.com")


def test_a_naive_date_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        _build(date=datetime(2026, 11, 24, 9, 30))


# The usual mail is written line by line (compose._written), anything unusual by the stdlib:
# either way it reads back as typed, whatever the subject, names and body.
_ANY = st.text(  # printable: the parser neutralises control and format characters itself
    alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn")),
    max_size=40,
)
_WORDS = st.lists(  # subjects and bodies as customers write them: words, some accented
    st.one_of(
        st.from_regex(r"[A-Za-z0-9#\[\]:=?.-]{1,14}", fullmatch=True),
        st.sampled_from(["après", "à", "reçu", "Œuvre", "日本語", "ß", "=?utf-8?q?x?="]),
        _ANY,
    ),
    max_size=30,
).map(" ".join)
_NAMES = st.from_regex(r"[A-Za-z][A-Za-z .'-]{0,30}", fullmatch=True)


def _read_back(raw: bytes) -> tuple[object, ...]:
    parsed = parse_message(raw)
    assert parsed.ok
    return (
        parsed.subject,
        parsed.body_text,
        parsed.from_addr,
        parsed.to,
        parsed.in_reply_to,
        parsed.references,
        is_automatic(parsed) is not None,
    )


@settings(max_examples=300, deadline=None)
@given(subject=_WORDS, body=_WORDS, name=_NAMES, auto=st.booleans())
def test_what_is_written_reads_back_as_typed(
    subject: str, body: str, name: str, auto: bool
) -> None:
    raw, message_id = compose(
        from_addr="Support <support@logeas.fr>",
        to=f"{name} <client@example.com>",
        subject=subject,
        body=body,
        in_reply_to="<parent@example.com>",
        references=["root@example.com"],
        auto_submitted=auto,
        loop_address="support@logeas.fr" if auto else None,
        message_id_domain="logeas.fr",
        date=WHEN,
    )
    assert max(raw) < 128 and all(len(line) <= 998 for line in raw.split(b"\n"))
    parsed = parse_message(raw)
    assert parsed.ok and parsed.message_id == message_id
    assert parsed.subject == " ".join(subject.splitlines()).strip()
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    assert parsed.body_text == text.strip("\n").rstrip()  # as the parser trims a body
    assert (parsed.from_addr, parsed.to) == ("support@logeas.fr", ("client@example.com",))
    assert parsed.references == ("root@example.com", "parent@example.com")
    assert (is_automatic(parsed) is not None) == auto


def test_a_french_subject_stays_readable_where_it_is_ascii() -> None:
    raw, _ = compose(
        from_addr="support@logeas.fr",
        to="client@example.com",
        subject="[Ticket#2026112410000013] Impression impossible après la mise à jour",
        body="Bonjour",
        message_id_domain="logeas.fr",
        date=WHEN,
    )
    head = raw.split(b"\n\n", 1)[0].decode("ascii")
    assert "[Ticket#2026112410000013] Impression impossible" in head
    assert parse_message(raw).subject.endswith("après la mise à jour")
    assert all(len(line) <= 998 for line in head.splitlines())


@pytest.mark.parametrize("subject", ["=?utf-8?q?x?= typed", "après =?utf-8?q?x?="])
def test_an_encoded_word_typed_in_a_subject_reads_back_as_typed(subject: str) -> None:
    raw, _ = compose(
        from_addr="support@logeas.fr",
        to="client@example.com",
        subject=subject,
        body="Bonjour",
        message_id_domain="logeas.fr",
        date=WHEN,
    )
    assert parse_message(raw).subject == subject
