"""`logeas import` of the whole third-party corpus: every message kept byte for byte."""

from __future__ import annotations

import hashlib
import io

import pytest

from logeas_tui.cli import mail_verbs
from logeas_tui.core.mail.parse import strip_mbox_from_line
from logeas_tui.core.store import raw_mails
from logeas_tui.core.store.models import Message, Ticket
from tests.conftest import CORPUS

pytestmark = pytest.mark.integration

SKIP = {".yml", ".tsv", ".md"}


def _expected_shas() -> set[str]:
    shas = set()
    for path in CORPUS.rglob("*"):
        if not path.is_file() or path.suffix in SKIP or path.name.startswith("."):
            continue
        data = path.read_bytes()
        if data:
            shas.add(hashlib.sha256(strip_mbox_from_line(data)).hexdigest())
    return shas


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared mail corpus is not beside the repo")
def test_import_stores_every_corpus_message_byte_for_byte(desk):
    out = io.StringIO()
    assert mail_verbs.import_paths(desk, [str(CORPUS)], True, out) == 0

    stored = {m.raw_sha256 for m in Message.select(Message.raw_sha256).where(raw_mails.kept())}
    expected = _expected_shas()
    assert len(expected) > 120
    assert expected <= stored
    for m in Message.select().where(raw_mails.kept()):
        assert hashlib.sha256(raw_mails.read(m.id) or b"").hexdigest() == m.raw_sha256
    summary = out.getvalue().splitlines()[-1]
    assert "parsed cleanly" in summary and "mails/s" in summary

    again = io.StringIO()
    tickets_before = Ticket.select().count()
    mail_verbs.import_paths(desk, [str(CORPUS)], True, again)
    assert Ticket.select().count() == tickets_before
    assert " 0 new tickets" in again.getvalue()
