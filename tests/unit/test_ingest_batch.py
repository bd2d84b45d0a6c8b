"""Many mails per write transaction (services.write_batch) and the parse on another core
(services.parse_ahead): each mail still all-or-nothing, dedupe and the daily cap exact."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from logeas_tui.cli.mail_verbs import import_paths
from logeas_tui.core.services.inbound import ingest
from logeas_tui.core.services.write_batch import WriteBatch
from logeas_tui.core.store.models import MAIL_IN, Message, Outbox, Ticket
from tests.unit.test_mail_ingest import mail


def _write(folder: Path, mails: list[bytes]) -> Path:
    folder.mkdir()
    for n, raw in enumerate(mails):
        (folder / f"{n:04d}.eml").write_bytes(raw)
    return folder


def test_import_over_several_batches_stores_each_mail_once(desk, tmp_path):
    mails = [mail(f"Demande {n}", sender=f"c{n}@client.example") for n in range(230)]
    folder = _write(tmp_path / "in", [*mails, mails[3], mails[225]])  # two sent twice
    out = io.StringIO()
    assert import_paths(desk, [str(folder)], False, out) == 0
    assert "230 new tickets" in out.getvalue() and "2 already stored" in out.getvalue()
    assert Ticket.select().count() == 230
    subjects = {m.subject for m in Message.select().where(Message.kind == MAIL_IN)}
    assert subjects == {f"Demande {n}" for n in range(230)}


def test_daily_cap_holds_inside_one_batch(desk, tmp_path):
    cap = desk.config.auto_reply_cap
    mails = [mail(f"Encore {n}", sender="jean@client.example") for n in range(cap + 5)]
    import_paths(desk, [str(_write(tmp_path / "in", mails))], True, io.StringIO())
    assert Ticket.select().count() == cap + 5
    assert Outbox.select().where(Outbox.automatic).count() == cap


def test_a_failing_mail_is_rolled_back_alone(desk):
    with WriteBatch() as batch:
        with batch.mail(1):
            ingest(desk, mail("Premier"), [])
        with pytest.raises(RuntimeError), batch.mail(1):
            ingest(desk, mail("Deuxième"), [])
            raise RuntimeError("the store refused this one")
        with batch.mail(1):
            ingest(desk, mail("Troisième"), [])
    assert sorted(t.subject for t in Ticket.select()) == ["Premier", "Troisième"]


def test_a_crash_loses_only_the_uncommitted_batch(desk):
    with pytest.raises(RuntimeError), WriteBatch(max_mails=2) as batch:
        for n in range(3):
            with batch.mail(1):
                ingest(desk, mail(f"Demande {n}"), [])
        raise RuntimeError("killed")
    assert sorted(t.subject for t in Ticket.select()) == ["Demande 0", "Demande 1"]


def test_a_mail_failing_halfway_in_a_batch_leaves_nothing_of_it(desk, monkeypatch):
    """ingest's own transaction is the batch's savepoint for the mail (store.tx): a failure
    after its ticket was written still takes the ticket back with it."""
    from logeas_tui.core.services import inbound

    def refuse(*args, **kwargs):
        raise RuntimeError("the store refused the message")

    with WriteBatch() as batch:
        with batch.mail(1):
            ingest(desk, mail("Premier"), [])
        with monkeypatch.context() as patched:
            patched.setattr(inbound, "_store", refuse)
            with pytest.raises(RuntimeError), batch.mail(1):
                ingest(desk, mail("Deuxième"), [])
    assert [t.subject for t in Ticket.select()] == ["Premier"]


def test_only_the_first_writing_in_a_mail_shares_its_savepoint(desk):
    """A later writing() in the same mail still has a savepoint of its own: an error caught
    around it undoes its writes only."""
    from logeas_tui.core.store.models import Queue
    from logeas_tui.core.store.tx import one_mail, writing

    queue = Queue.select().first().id
    with writing(), one_mail():
        with writing():  # the mail's own savepoint
            Queue.update(purpose="kept").where(Queue.id == queue).execute()
        with pytest.raises(RuntimeError), writing():
            Queue.update(purpose="undone").where(Queue.id == queue).execute()
            raise RuntimeError("refused")
    assert Queue.get_by_id(queue).purpose == "kept"
