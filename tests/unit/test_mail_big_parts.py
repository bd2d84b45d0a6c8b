"""Big base64 bodies are decoded straight from the mail's bytes (core.mail.lifted) and stored
without whole copies (core.store.blobs), and what comes out is exactly what the stdlib's own
reading gives: the same attachment bytes, the same attached message, the same body text
(issue 9.7). Their memory and time are measured by benchmarks/bench_pathological.py."""

from __future__ import annotations

import base64
import email
import random
from email import policy
from pathlib import Path

from logeas_tui.core.mail.lifted import LIFT_BYTES, Lifted
from logeas_tui.core.mail.parse import parse_message
from logeas_tui.core.mail.route import load_rules
from logeas_tui.core.services.inbound import NEW_TICKET, ingest
from logeas_tui.core.store import queries
from logeas_tui.core.store.models import Attachment, Message

RULES = load_rules(Path(__file__).resolve().parents[2] / "data" / "routing.toml")
DATA = random.Random(7).randbytes(3 * LIFT_BYTES + 5)  # not a multiple of 3: padded base64


def mail(inner: bytes, *, crlf: bool = False, encoded: bytes | None = None) -> bytes:
    body = base64.encodebytes(DATA) if encoded is None else encoded
    raw = (
        b"From: Jean <jean@client.example>\nTo: support@logeas.fr\nSubject: Gros fichier\n"
        b"Message-ID: <big@client.example>\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\n'
        b"Voici.\n--b\n" + inner + b"\n" + body + b"--b--\n"
    )
    return raw.replace(b"\n", b"\r\n") if crlf else raw


ATTACHED = (
    b"Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n"
    b'Content-Disposition: attachment; filename="sauvegarde.bin"\n'
)


def stdlib_leaves(raw: bytes) -> list[bytes]:
    """Each leaf part's decoded payload as the stdlib reads the whole mail."""
    msg = email.message_from_bytes(raw, policy=policy.compat32)
    return [p.get_payload(decode=True) for p in msg.walk() if not p.is_multipart()]


def test_a_big_base64_attachment_is_decoded_exactly_and_kept_out_of_the_parse() -> None:
    for crlf in (False, True):
        raw = mail(ATTACHED, crlf=crlf)
        assert len(Lifted(raw).text) < 1_000  # the parser never sees the 1 MB body
        parsed = parse_message(raw)
        assert parsed.ok and parsed.body_text == "Voici."
        (found,) = parsed.attachments
        assert (found.filename, found.data, found.size) == ("sauvegarde.bin", DATA, len(DATA))


def test_a_big_base64_text_body_reads_as_the_stdlib_reads_it() -> None:
    text = ("Ligne de texte numero %d, assez longue pour remplir.\n" * 20_000).encode()
    inner = b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n"
    raw = mail(inner, encoded=base64.encodebytes(text))
    assert parse_message(raw).body_text == "Voici.\n\n" + text.decode().strip("\n")


def test_an_attached_message_holding_a_big_attachment_is_kept_as_the_stdlib_writes_it() -> None:
    for crlf in (False, True):
        forwarded = mail(ATTACHED).replace(b"--b", b"--c")  # a boundary of its own
        forwarded = forwarded.replace(b'boundary="b"', b'boundary="c"')
        raw = mail(b"Content-Type: message/rfc822\n", crlf=crlf, encoded=forwarded)
        assert len(Lifted(raw).text) < 1_000
        whole = email.message_from_bytes(raw, policy=policy.compat32)
        rfc822 = next(p for p in whole.walk() if p.get_content_type() == "message/rfc822")
        expected = rfc822.get_payload(0).as_bytes()
        (found,) = parse_message(raw).attachments
        assert found.content_type == "message/rfc822" and found.data == expected


def test_bodies_not_plain_base64_are_left_to_the_stdlib() -> None:
    lines = base64.encodebytes(DATA).split(b"\n")
    for odd in (
        b"\n".join([*lines[:100], b"pas du base64 !", *lines[100:]]),  # a foreign line
        b"\n".join([*lines[:100], b"AAA=", *lines[100:]]),  # padding in the middle
        base64.encodebytes(DATA)[:-3] + b"\n",  # cut short: a length that is not whole
    ):
        raw = mail(ATTACHED, encoded=odd)
        assert len(Lifted(raw).text) == len(raw)
        assert [a.data for a in parse_message(raw).attachments] == stdlib_leaves(raw)[1:]


def test_a_token_written_by_the_sender_is_only_text() -> None:
    raw = mail(ATTACHED)
    lifted = Lifted(raw)
    token = lifted.text.split(b"\n\n")[-1].split(b"\n")[0]  # the one put for the big body
    forged = mail(b"Content-Type: text/plain\n", encoded=token + b"\n" + base64.encodebytes(DATA))
    assert Lifted(forged).text == forged  # another mail, another token: nothing lifted
    assert parse_message(forged).body_text.startswith("Voici.\n\n" + token.decode())


def test_a_big_mail_and_its_attachment_are_stored_byte_for_byte(desk) -> None:
    raw = mail(ATTACHED, crlf=True)
    result = ingest(desk, raw, RULES)
    assert result.outcome == NEW_TICKET and result.number is not None
    assert queries.raw_message(result.number) == raw
    stored = Message.get(Message.raw_sha256.is_null(False))
    (row,) = Attachment.select().where(Attachment.message == stored.id)
    assert bytes(row.data) == DATA and row.filename == "sauvegarde.bin"
