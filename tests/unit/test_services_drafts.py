"""Drafts, headless and on both engines: one per ticket, technician and kind, written over as
the text grows, gone when sent (in the send's own transaction) or discarded, kept when the send
is refused; a store of schema v7 gets their table on opening."""

from __future__ import annotations

from datetime import timedelta

import pytest
from peewee import SqliteDatabase

from logeas_tui.core.errors import Conflict, InvalidInput, NotFound
from logeas_tui.core.services import answers, cleanup, drafts, handoff, tickets
from logeas_tui.core.services.desk import Desk
from logeas_tui.core.store import migrations, queries
from logeas_tui.core.store.connection import close_store, open_store
from logeas_tui.core.store.models import Draft, db
from tests.factories import stored_mail


def ticket(desk: Desk, subject: str = "Licence expirée") -> str:
    return stored_mail(desk, sender="jean@client.example", name="", subject=subject, body="…")


def text(desk: Desk, number: str, kind: str) -> str | None:
    found = drafts.draft(desk, number, kind)
    return None if found is None else found.body


def test_a_draft_is_written_over_and_kept_per_technician_and_kind(desk: Desk, clock) -> None:
    number = ticket(desk)
    guillaume = desk.acting_as("Guillaume")
    drafts.save(desk, number, "reply", "Bonjour")
    clock.set(clock.now() + timedelta(minutes=5))
    drafts.save(desk, number, "reply", "Bonjour, voici la clé.")
    drafts.save(desk, number, "note", "Clé envoyée le 15/11")
    drafts.save(guillaume, number, "reply", "Je m'en occupe")
    found = drafts.draft(desk, number, "reply")
    assert found is not None
    assert (found.body, found.updated) == ("Bonjour, voici la clé.", desk.now())
    assert text(desk, number, "note") == "Clé envoyée le 15/11"
    assert text(desk, number, "ask") is None
    assert text(guillaume, number, "reply") == "Je m'en occupe"
    assert Draft.select().count() == 3  # one row per ticket, technician and kind


def test_a_blank_text_and_a_discard_leave_no_draft(desk: Desk) -> None:
    number = ticket(desk)
    drafts.save(desk, number, "note", "À voir")
    drafts.save(desk, number, "note", "  \n")
    assert text(desk, number, "note") is None
    drafts.save(desk, number, "ask", "Quelle version ?")
    drafts.discard(desk, number, "ask")
    assert text(desk, number, "ask") is None
    drafts.discard(desk, number, "ask")  # nothing to discard: nothing happens


def test_a_draft_on_a_ticket_that_does_not_exist_is_refused(desk: Desk) -> None:
    with pytest.raises(NotFound):
        drafts.save(desk, "2026112410000018", "reply", "Bonjour")


def test_sending_drops_the_draft_and_a_refused_send_keeps_it(desk: Desk) -> None:
    number = ticket(desk)
    drafts.save(desk, number, "reply", "Voici la clé.")
    version = queries.ticket_row(number, me=None, now=desk.now()).version
    handoff.move(desk.acting_as("Guillaume"), number, "Secrétariat")  # meanwhile
    with pytest.raises(Conflict):
        drafts.sent(
            desk,
            number,
            "reply",
            lambda: answers.reply(desk, number, "Voici la clé.", expected_version=version),
        )
    assert text(desk, number, "reply") == "Voici la clé."
    with pytest.raises(InvalidInput):  # an empty text is refused: the draft is not touched
        drafts.sent(desk, number, "reply", lambda: answers.reply(desk, number, " "))
    assert text(desk, number, "reply") == "Voici la clé."
    result = drafts.sent(
        desk, number, "reply", lambda: answers.reply(desk, number, "Voici la clé.")
    )
    assert result.number == number
    assert text(desk, number, "reply") is None
    assert queries.ticket_row(number, me=None, now=desk.now()).state == "closed successful"


def test_a_destroyed_ticket_takes_its_drafts_with_it(desk: Desk, clock) -> None:
    number = ticket(desk)
    drafts.save(desk, number, "note", "À voir")
    handoff.move(desk, number, "Delete")
    clock.set(clock.now() + timedelta(hours=desk.config.delete_grace_hours + 1))
    assert number in cleanup.purge_deleted(desk)
    assert Draft.select().count() == 0


def test_only_hand_written_actions_have_drafts(desk: Desk) -> None:
    number = ticket(desk)
    with pytest.raises(ValueError):
        drafts.save(desk, number, "close", "?")


def test_version_7_store_gets_the_drafts_table_on_both_engines(db_path, desk: Desk) -> None:
    """What version 7 had: no draft table. Opening the store adds it; a draft is then kept,
    and opening again changes nothing."""
    number = ticket(desk)
    tickets.note(desk, number, "avant")
    database = db.obj
    database.execute_sql("DROP TABLE draft")
    if isinstance(database, SqliteDatabase):
        database.pragma("user_version", 7)
    else:
        database.execute_sql("DELETE FROM schema_version WHERE v > 7")
    assert "draft" not in database.get_tables()
    close_store()

    open_store(str(db_path))
    assert "draft" in db.obj.get_tables()
    assert any(i.unique for i in db.obj.get_indexes("draft"))
    drafts.save(desk, number, "reply", "Bonjour")
    drafts.save(desk, number, "reply", "Bonjour, voici la clé.")  # the same row, written over
    assert text(desk, number, "reply") == "Bonjour, voici la clé."
    assert Draft.select().count() == 1
    assert migrations.migrate(db.obj) == len(migrations.STEPS)  # idempotent
