"""Merge a duplicate into an existing ticket, and undo it (unmerge).

Merge records exactly what it changed (which messages moved, both tickets' previous state) in
the duplicate's history, so unmerge can put everything back — something OTRS, Zammad and RT
do not offer.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from peewee import fn

from logeas_tui.core import procedure
from logeas_tui.core.errors import Refused
from logeas_tui.core.procedure import MERGED
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services import wording
from logeas_tui.core.services.common import record, save, ticket_for
from logeas_tui.core.services.desk import ActionResult, Desk
from logeas_tui.core.store.models import MAIL_IN, History, Message, Ticket
from logeas_tui.core.store.tx import writing


def _last_in(ticket_id: int) -> int:
    value = (
        Message.select(fn.MAX(Message.id))
        .where((Message.ticket == ticket_id) & (Message.kind == MAIL_IN))
        .scalar()
    )
    return int(value or 0)


def merge(
    desk: Desk, duplicate: str, target: str, *, expected_version: int | None = None
) -> ActionResult:
    """Move the duplicate's messages into `target`; duplicate → merged, target → open."""
    with writing():
        dup = ticket_for("merge", duplicate, expected_version)
        into = ticket_for("merge", target)
        if dup.id == into.id:
            raise Refused(Sentence("merge_self"))
        moved = [
            (m.id, m.origin_ticket_id)
            for m in Message.select(Message.id, Message.origin_ticket).where(
                Message.ticket == dup.id
            )
        ]
        data: dict[str, Any] = {
            "target": into.number,
            "messages": moved,
            "dup": {"state": dup.state, "pending_until": _iso(dup.pending_until)},
            "target_before": {
                "state": into.state,
                "pending_until": _iso(into.pending_until),
                "last_in_id": into.last_in_id,
            },
        }
        for msg_id, origin in moved:
            Message.update(ticket=into.id, origin_ticket=origin or dup.id).where(
                Message.id == msg_id
            ).execute()
        save(desk, dup, state=MERGED, merged_into=into.id, pending_until=None, last_in_id=0)
        state = procedure.leaves("merge")
        save(desk, into, state=state, pending_until=None, last_in_id=_last_in(into.id))
        data["target_version"] = into.version
        record(
            desk,
            dup,
            "merged",
            data["dup"]["state"],
            MERGED,
            detail=wording.merged_into(desk.config.language, into.number, len(moved)),
            data=data,
        )
        record(
            desk,
            into,
            "merge",
            data["target_before"]["state"],
            state,
            detail=wording.merged_here(desk.config.language, dup.number),
            seen=False,  # the duplicate's mail is news on the ticket it joined: my review shows it
        )
    return ActionResult(into.number)


def unmerge(desk: Desk, number: str) -> ActionResult:
    """Undo the last merge of ticket `number`: its messages and both states come back."""
    with writing():
        dup = ticket_for("unmerge", number)
        entry = (
            History.select()
            .where((History.ticket == dup.id) & (History.action == "merged"))
            .order_by(History.id.desc())
            .first()
        )
        if entry is None or not entry.data or not dup.merged_into_id:
            raise Refused(Sentence("no_merge_record", number=dup.number))
        data = json.loads(entry.data)
        into = Ticket.get_by_id(dup.merged_into_id)
        if into.state == MERGED:
            raise Refused(Sentence("target_merged", number=into.number))
        for msg_id, origin in data["messages"]:
            Message.update(ticket=dup.id, origin_ticket=origin).where(
                (Message.id == msg_id) & (Message.ticket == into.id)
            ).execute()
        save(
            desk,
            dup,
            state=data["dup"]["state"],
            merged_into=None,
            pending_until=_parse(data["dup"]["pending_until"]),
            last_in_id=_last_in(dup.id),
        )
        notice = None
        before = data["target_before"]
        if into.version == data.get("target_version"):
            save(
                desk,
                into,
                state=before["state"],
                pending_until=_parse(before["pending_until"]),
                last_in_id=_last_in(into.id),
            )
        else:
            save(desk, into, last_in_id=_last_in(into.id))
            notice = Sentence("target_changed", number=into.number)
        language = desk.config.language
        out_of = wording.unmerged(language, into.number)
        record(desk, dup, "unmerged", MERGED, dup.state, detail=out_of)
        taken = wording.unmerge(language, dup.number, into.state, kept=notice is not None)
        record(desk, into, "unmerge", detail=taken)
    return ActionResult(dup.number, notice)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
