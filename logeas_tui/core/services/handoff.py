"""Handing a ticket on: transfer to another support level (owner changes, state kept), the
colleagues it can be assigned to (`tickets.assign`), and move to another queue (state kept;
obsolete queues accept nothing)."""

from __future__ import annotations

from logeas_tui.core.errors import InvalidInput, Refused
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services import wording
from logeas_tui.core.services.common import active_queue, record, save, technician, ticket_for
from logeas_tui.core.services.desk import ActionResult, Desk
from logeas_tui.core.store import queries, ui_queries
from logeas_tui.core.store.models import Technician
from logeas_tui.core.store.tx import writing
from logeas_tui.core.store.views import QueueView, TechnicianView

DELETE_QUEUE = "Delete"


def transfer(
    desk: Desk, number: str, to: str, *, expected_version: int | None = None
) -> ActionResult:
    """Give the ticket to a technician of another support level; its state is kept."""
    with writing():
        ticket = ticket_for("transfer", number, expected_version)
        tech = technician(to)
        owner = Technician.get_by_id(ticket.owner_id).name if ticket.owner_id else None
        current, candidates = transfer_choices(desk, owner)
        if current is not None and tech.name not in {c.name for c in candidates}:
            raise InvalidInput(
                Sentence("same_level", name=tech.name, level=tech.level, current=current.name),
                "owner",
            )
        old = (
            wording.with_level(desk.config.language, current.name, current.level) if current else ""
        )
        save(desk, ticket, owner=tech.id)
        record(
            desk,
            ticket,
            "transfer",
            old,
            wording.with_level(desk.config.language, tech.name, tech.level),
            detail=wording.state_kept(desk.config.language, ticket.state),
        )
    return ActionResult(ticket.number)


def move(
    desk: Desk, number: str, queue: str, *, expected_version: int | None = None
) -> ActionResult:
    """Put the ticket in another queue; moving to Delete starts the grace delay."""
    with writing():
        ticket = ticket_for("move", number, expected_version)
        target = active_queue(queue)
        old = ticket.queue
        if old.id == target.id:
            raise Refused(Sentence("already_in_queue", number=ticket.number, queue=target.name))
        deleting = target.name == DELETE_QUEUE
        save(desk, ticket, queue=target.id, moved_to_delete_at=desk.now() if deleting else None)
        record(desk, ticket, "queue", old.name, target.name)
    notice = None
    if deleting:
        notice = Sentence(
            "delete_grace", number=ticket.number, hours=desk.config.delete_grace_hours
        )
    return ActionResult(ticket.number, notice)


def transfer_choices(
    desk: Desk, owner: str | None
) -> tuple[TechnicianView | None, list[TechnicianView]]:
    """Who holds the ticket now (its owner, else me) and the technicians of another support
    level it can be transferred to — the rule `transfer` enforces."""
    techs = queries.technicians()
    current = next((tech for tech in techs if tech.name == (owner or desk.who)), None)
    return current, [tech for tech in techs if current is None or tech.level != current.level]


def assign_choices(desk: Desk, owner: str | None) -> list[TechnicianView]:
    """The colleagues of my support level a ticket owned by `owner` can be assigned to (not
    me: that is take; not its owner); another level is a transfer."""
    techs = queries.technicians()
    me = next((tech for tech in techs if tech.name == desk.who), None)
    if me is None:
        return []
    return [tech for tech in techs if tech.level == me.level and tech.name not in {me.name, owner}]


def move_choices(current_queue: str) -> list[QueueView]:
    """The queues a ticket can be moved to: the active ones other than its own."""
    return [q for q in ui_queries.queue_names() if q.valid and q.name != current_queue]
