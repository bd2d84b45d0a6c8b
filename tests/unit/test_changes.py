"""The live view's change check (`store.changes`, through `services.live`): quiet while nobody
writes, yes once after another process changed a ticket, and not fooled by commits that touch
no ticket (the mail lease renewed). The same answers from the stamp alone, the check of any
engine other than an SQLite file."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from logeas_tui.core.services import live, mail_lease, tickets
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store.changes import ChangeWatch, DataVersionWatch, KeptConnectionWatch
from logeas_tui.core.store.connection import is_sqlite
from tests.factories import stored_mail

# Another process closes a ticket (the store's own CLI would do the same).
CLOSE = """
import sys
from logeas_tui.core.config import Config
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.services.tickets import close
from logeas_tui.core.store.connection import open_store
open_store(sys.argv[1])
close(Desk(Config(language="en", me="Guillaume")), sys.argv[2])
"""


def mail(desk: Desk, subject: str = "Imprimante") -> str:
    return stored_mail(desk, sender="marie@example.fr", name="", subject=subject, body="b")


def test_the_watch_says_yes_once_after_another_process_changed_a_ticket(
    desk: Desk, db_path: Path
) -> None:
    number = mail(desk)
    watch = live.watch()
    try:
        # an SQLite file: data_version first; PostgreSQL: the stamp on a kept connection
        assert isinstance(watch, DataVersionWatch if is_sqlite() else KeptConnectionWatch)
        assert not watch.changed()  # the first look takes the mark
        assert not watch.changed()
        subprocess.run([sys.executable, "-c", CLOSE, str(db_path), number], check=True, timeout=60)
        assert watch.changed()
        assert not watch.changed()  # said once
    finally:
        watch.close()


def test_a_commit_that_touches_no_ticket_is_not_a_change(desk: Desk) -> None:
    mail(desk)
    watch = live.watch()
    try:
        assert not watch.changed()
        mail_lease.take(desk)  # the mail worker renews its lease: data_version moves
        desk.clock.advance(timedelta(seconds=20))  # type: ignore[attr-defined]
        mail_lease.take(desk)
        assert not watch.changed()
        tickets.mark_seen(desk, mail(desk, "Écran"))  # …but a new ticket is
        assert watch.changed()
    finally:
        watch.close()


def test_the_stamp_alone_sees_new_tickets_messages_and_changes(desk: Desk) -> None:
    """The fallback check of any engine: peewee queries through the bound `db`."""
    number = mail(desk)
    watch = ChangeWatch()
    assert not watch.changed()
    assert not watch.changed()
    tickets.take(desk, number)  # a change: one more history row
    assert watch.changed()
    assert not watch.changed()
    tickets.note(desk, number, "vu")  # a new message
    assert watch.changed()
    mail(desk, "Écran")  # a new ticket
    assert watch.changed()
    assert not watch.changed()
