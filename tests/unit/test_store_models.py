"""The models' own `create` and `find` (statements built once, issue 10) store and read rows
exactly as peewee's insert and `get_or_none` do, on both engines."""

from __future__ import annotations

from datetime import datetime

from logeas_tui.core.store.models import MAIL_IN, Message, Queue, Ticket

AT = datetime(2026, 11, 24, 9, 30)


def test_create_stores_the_row_peewees_insert_stores(desk) -> None:
    queue = Queue.get(Queue.name == "LoGeAs")
    given = {
        "queue": queue,  # a foreign key given as its row
        "subject": "Imprimante\x00bloquée",  # a NUL is stored as U+FFFD (models.Text)
        "created": AT,
        "updated": AT,
        "unparsed": True,
        "pending_until": None,
    }
    made = Ticket.create(number="2026112410000018", **given)
    by_peewee = Ticket.insert(number="2026112410000026", **given).execute()
    assert made.id != by_peewee and not made.dirty_fields
    mine, theirs = (
        Ticket.select().where(Ticket.id == n).tuples().get() for n in (made.id, by_peewee)
    )
    assert mine[2:] == theirs[2:]  # all but the id and the number
    assert Ticket.get_by_id(made.id).subject == "Imprimante\ufffdbloquée"
    assert Ticket.get_by_id(made.id).version == 1  # the model's defaults are written


def test_find_reads_the_first_row_as_get_or_none_does(desk) -> None:
    ticket = Ticket.create(
        number="2026112410000018", queue=Queue.get(Queue.name == "LoGeAs"), created=AT, updated=AT
    )
    first, second = (
        Message.create(ticket=ticket, kind=MAIL_IN, message_id="<m@x>", body=text, date=AT)
        for text in ("un", "deux")
    )
    found = Message.find(message_id="<m@x>")
    assert found is not None and found.id == first.id < second.id
    assert found.__data__ == Message.get_by_id(first.id).__data__
    assert not found.dirty_fields and found.ticket.number == "2026112410000018"
    queue = Queue.find(name="Spam")
    assert queue is not None and queue.__data__ == Queue.get(Queue.name == "Spam").__data__
    assert Queue.find(name="Nulle part") is None
