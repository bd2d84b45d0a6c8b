"""Parsing real-world mail: every corpus file survives, and what a technician reads is right.

The third-party corpus (../shared/corpus beside the repository, see its README) is not copied into the repository
(licences); set LOGEAS_MAIL_CORPUS to its path, or those tests are skipped.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from logeas_tui.core.mail.mbox import split_mbox
from logeas_tui.core.mail.parse import ParsedMail, parse_message, strip_mbox_from_line
from tests.conftest import CORPUS

CORPUS = CORPUS
MAIL_SUFFIXES = (".box", ".eml")
EMPTY_FILES = {"mail-gem/sample_output_multipart"}  # an empty file in the mail gem's tree


def _corpus_files() -> list[Any]:
    if not CORPUS.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no mail corpus at {CORPUS}"))]
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    return [pytest.param(p, id=str(p.relative_to(CORPUS))) for p in files]


def _corpus(name: str) -> ParsedMail:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"no mail corpus at {CORPUS}")
    return parse_message(path.read_bytes())


class _RubyYaml(yaml.SafeLoader):
    """Zammad's expectations are Ruby/Psych dumps: read their tagged nodes as plain data."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_RubyYaml.add_multi_constructor("!", _untagged)


def _expected(name: str) -> dict[str, Any]:
    path = CORPUS / "zammad" / f"{name}.yml"
    if not path.is_file():
        pytest.skip(f"no mail corpus at {CORPUS}")
    return dict(yaml.load(path.read_text(encoding="utf-8"), Loader=_RubyYaml))


@pytest.mark.parametrize("path", _corpus_files())
def test_every_corpus_file_parses_without_raising(path: Path) -> None:
    parsed = parse_message(path.read_bytes())
    assert isinstance(parsed, ParsedMail)
    assert "\n" not in parsed.subject and "\r" not in parsed.subject
    if path.suffix in MAIL_SUFFIXES:
        assert parsed.ok, parsed.problem
    if str(path.relative_to(CORPUS)) in EMPTY_FILES:
        assert (parsed.ok, parsed.problem) == (False, "empty message")


@pytest.mark.parametrize(
    "name",
    [
        "mail001",  # umlauts in a quoted-printable subject, trailing space
        "mail005",  # `addr (Name)`: the display name is in a comment
        "mail027",  # an encoded word that starts with CRLF
        "mail031",  # labelled GB2312, really GBK
        "mail091",  # ISO-2022-JP in encoded words
        "mail093",  # raw Shift_JIS bytes in the subject; ISO-2022-JP label lying in From
        "mail119",  # Cyrillic
    ],
)
def test_subject_and_sender_match_zammads_expectations(name: str) -> None:
    expected = _expected(name)
    parsed = _corpus(f"zammad/{name}.box")
    assert parsed.subject == expected["subject"].strip()
    assert parsed.from_addr == expected["from_email"].lower()
    assert parsed.from_name == expected["from_display_name"]


def test_html_only_mail_reads_as_text() -> None:
    parsed = _corpus("zammad/mail001.box")  # text/html only
    assert parsed.body_text.startswith("Hallo Martin,")
    assert "Schriftfarbe: Schwarz" in parsed.body_text
    assert "<" not in parsed.body_text and "&nbsp;" not in parsed.body_text


def test_html_only_mail_built_here_reads_as_text() -> None:
    raw = (
        b"From: a@example.com\r\nSubject: html\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        b"<html><body><p>Bonjour&nbsp;<b>Nicolas</b>,</p><ul><li>un</li><li>deux</li></ul>"
        b"<p>Caf\xc3\xa9 <a href='https://logeas.fr'>site</a></p></body></html>"
    )
    body = parse_message(raw).body_text
    assert "Bonjour Nicolas," in body.replace("\xa0", " ")
    assert "un" in body and "deux" in body and "Café" in body and "https://logeas.fr" in body
    assert "<" not in body.replace("<https", "")


def test_plain_text_is_preferred_over_its_html_alternative() -> None:
    raw = (
        b'From: a@example.com\r\nContent-Type: multipart/alternative; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nthe plain one\r\n"
        b"--b\r\nContent-Type: text/html\r\n\r\n<p>the html one</p>\r\n--b--\r\n"
    )
    assert parse_message(raw).body_text == "the plain one"


@pytest.mark.parametrize(
    ("header", "subject"),
    [
        (b"=?x-no-such-charset?Q?caf=E9?=", "café"),  # unknown label
        (b"=?utf-8?Q?caf=E9?=", "café"),  # labelled UTF-8, really Latin-1
        (b"caf\xe9 cr\xe8me", "café crème"),  # raw 8-bit, no label at all
        (b"=?utf-8?B?Y2Fmw6k?=", "café"),  # base64 missing its padding
        (b"=?iso-8859-1?Q?Gr=FC=DFe?= =?iso-8859-1?Q?_aus_Paris?=", "Grüße aus Paris"),
        (b"=?utf-8?B?w6k=?= =?utf-8?B?w6k=?=", "éé"),  # space between words dropped
        (b"Hello \x1b[31mred\x1b[0m", "Hello  [31mred [0m"),  # no escape sequence survives
    ],
)
def test_a_broken_or_missing_charset_still_gives_a_subject(header: bytes, subject: str) -> None:
    parsed = parse_message(b"From: a@example.com\r\nSubject: " + header + b"\r\n\r\nbody\r\n")
    assert parsed.ok
    assert parsed.subject == subject


def test_attachments_are_listed_with_type_size_and_data() -> None:
    raw = (
        b'From: a@example.com\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nVoir pi\xc3\xa8ce jointe.\r\n"
        b'--b\r\nContent-Type: application/pdf; name="devis.pdf"\r\n'
        b"Content-Disposition: attachment; filename*=utf-8''devis%20%C3%A9t%C3%A9.pdf\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n"
        b"--b\r\nContent-Type: image/png\r\nContent-Disposition: inline\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\niVBORw0K\r\n--b--\r\n"
    )
    parsed = parse_message(raw)
    assert parsed.body_text == "Voir pièce jointe."
    assert [(a.filename, a.content_type, a.size) for a in parsed.attachments] == [
        ("devis été.pdf", "application/pdf", 9),
        ("attachment-2.png", "image/png", 6),
    ]
    assert parsed.attachments[0].data == b"%PDF-1.4\n"


@pytest.mark.parametrize(
    ("name", "filenames"),
    [
        ("zammad/mail081.box", ["Erklärung.txt"]),
        ("mail-gem/mime_emails/raw_email7.eml", ["test.rb", "test.pdf", "smime.p7s"]),
        ("mail-gem/attachment_emails/attachment_with_unquoted_name.eml", ["This is a test.txt"]),
        (
            "mail-gem/attachment_emails/attachment_with_base64_encoded_name.eml",
            ["This is a test.pdf"],
        ),
        ("mail-gem/multi_charset/japanese_attachment.eml", ["てすと.txt"]),
        ("mail-gem/attachment_emails/attachment_message_rfc822.eml", ["ForwardedMessage.eml"]),
    ],
)
def test_corpus_attachments_are_listed(name: str, filenames: list[str]) -> None:
    parsed = _corpus(name)
    assert [a.filename for a in parsed.attachments] == filenames
    assert all(a.size == len(a.data) > 0 for a in parsed.attachments)


def test_ids_addresses_and_date_are_normalised() -> None:
    raw = (
        b"From: =?utf-8?Q?P=C3=A9tronille?= <Petronille@Example.COM>\r\n"
        b'To: "Support, LoGeAs" <support@logeas.fr>, other@example.com\r\n'
        b"Cc: undisclosed-recipients:;\r\n"
        b"Message-ID:\r\n <abc.123@example.com>\r\n"
        b"In-Reply-To: <parent@logeas.fr> (sent by Outlook)\r\n"
        b"References: <a@x>\r\n <b@x>  <parent@logeas.fr>\r\n"
        b"Date: Tue, 24 Nov 2026 10:30:00 +0100\r\nX-Custom: =?utf-8?Q?d=C3=A9cod=C3=A9?=\r\n\r\nhi\r\n"
    )
    parsed = parse_message(raw)
    assert (parsed.from_addr, parsed.from_name) == ("petronille@example.com", "Pétronille")
    assert parsed.to == ("support@logeas.fr", "other@example.com") and parsed.cc == ()
    assert parsed.message_id == "abc.123@example.com"
    assert parsed.in_reply_to == "parent@logeas.fr"
    assert parsed.references == ("a@x", "b@x", "parent@logeas.fr")
    assert parsed.date == datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    assert parsed.header("X-CUSTOM") == "décodé" and parsed.headers["x-custom"] == ("décodé",)
    assert parsed.header("x-absent") is None


def test_obsolete_header_syntax_and_a_stray_header_line_are_read() -> None:
    assert _corpus("mail-gem/rfc2822/example13.eml").subject == "Saying Hello"  # `Subject  :`
    assert (
        _corpus("mail-gem/plain_emails/raw_email_incorrect_header.eml").from_addr == "xxx@xxx.xxx"
    )


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00" * 64,
        bytes(range(256)) * 8,
        b"Subject: only headers",
        b"Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n--x--",
        b"From: <<<@@@>>>\r\nDate: Feb 30 99999 99:99\r\nMessage-ID: <>\r\n\r\n",
    ],
)
def test_garbage_never_raises(raw: bytes) -> None:
    assert isinstance(parse_message(raw), ParsedMail)


def test_a_failed_step_is_reported_and_the_rest_is_kept() -> None:
    nested = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
        for i in range(40)
    )
    parsed = parse_message(
        b"Subject: deep\r\nFrom: a@example.com\r\nMIME-Version: 1.0\r\n" + nested
    )
    assert not parsed.ok and parsed.problem and "nested deeper than 30" in parsed.problem
    assert (parsed.subject, parsed.from_addr) == ("deep", "a@example.com")


def test_strip_mbox_from_line() -> None:
    assert (
        strip_mbox_from_line(b"From me@x  Thu May  3 12:04:29 2012\nSubject: s\n")
        == b"Subject: s\n"
    )
    assert strip_mbox_from_line(b"From: me@x\nSubject: s\n") == b"From: me@x\nSubject: s\n"
    assert strip_mbox_from_line(b"From  : me@x\n") == b"From  : me@x\n"  # obsolete header syntax
    assert parse_message(b"From me@x Thu May  3 2012\r\nSubject: s\r\n\r\n").subject == "s"


ENVELOPE = b"From jean@client.example Tue Nov 24 10:12:00 2026\n"


def test_one_mail_behind_an_envelope_line_is_one_mail_whatever_its_body_says() -> None:
    mail = (
        b"From: jean@client.example\nSubject: Devis\n\nBonjour,\n\n"
        b"From the start the printer jams.\nFrom time to time it works.\n\n"
        b"From my desk: Jean\n"
    )
    assert split_mbox(ENVELOPE + mail) == [mail]


def test_an_mbox_is_split_at_its_envelope_lines_only() -> None:
    mails = [
        b"From: a@x\nSubject: un\n\nBonjour,\n\nFrom now on it fails.\n",
        b"From: b@x\nSubject: deux\n\n>From a quoted line\n",
        b"From: c@x\nSubject: trois\n\nfin\n",
    ]
    assert split_mbox(b"".join(ENVELOPE + m + b"\n" for m in mails)) == mails


def test_a_huge_address_header_is_parsed_in_linear_time() -> None:
    """20,000 encoded-word recipients (1.6 MB of header): the stdlib's structured parser is
    quadratic, so past a few KB the header goes through the simple parser alone."""
    import resource

    many = " ".join(f"=?utf-8?q?Jean_{i}?= <j{i}@x.example>," for i in range(20_000))
    raw = f"From: {many}\nTo: {many}\nSubject: big\n\nbody\n".encode()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    parsed = parse_message(raw)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert parsed.from_addr == "j0@x.example" and len(parsed.to) == 20_000
    assert grown_mb < 500, grown_mb  # the quadratic parser needs gigabytes here


def test_control_characters_are_removed_from_an_address_and_a_huge_one_is_none() -> None:
    odd = b'From: "Jean\x1b[2J" <je\x07an\xe2\x80\x8b@client.example>\nSubject: s\n\nb\n'
    parsed = parse_message(odd)
    assert parsed.from_addr == "jean@client.example" and "\x1b" not in parsed.from_name
    huge = b"From: " + b"a" * 40_000 + b"@x.example\nSubject: s\n\nb\n"
    parsed = parse_message(huge)
    assert parsed.from_addr == "" and parsed.subject == "s"  # kept, the customer unknown


def _nested(levels: int, deep_text: str, shallow_text: str) -> bytes:
    head = "From: Jean <jean@client.example>\nSubject: Profond\nMIME-Version: 1.0\n"
    body = 'Content-Type: multipart/mixed; boundary="top"\n\n--top\n'
    body += f"Content-Type: text/plain\n\n{shallow_text}\n--top\n"
    for i in range(levels):
        body += f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n'
    body += f"Content-Type: text/plain\n\n{deep_text}\n"
    body += "".join(f"--b{i}--\n" for i in reversed(range(levels))) + "--top--\n"
    return (head + body).encode()


def test_a_mail_nested_too_deep_keeps_its_sender_subject_and_reachable_text() -> None:
    parsed = parse_message(_nested(50, "tout au fond", "en surface"))
    assert (parsed.from_addr, parsed.subject) == ("jean@client.example", "Profond")
    assert "en surface" in parsed.body_text and "tout au fond" not in parsed.body_text
    assert "nested deeper than 30 levels" in (parsed.problem or "")
    hopeless = parse_message(_nested(5000, "tout au fond", "en surface"))  # the parser recurses
    assert (hopeless.from_addr, hopeless.subject) == ("jean@client.example", "Profond")
    assert "en surface" in hopeless.body_text and not hopeless.ok
