"""The flows of the action table's keys (each named in the registry, `logeas_tui.actions`).

A flow asks only what its action needs (a dialog at most, or a compose then a choice), calls
the service, and says what happened. Every rule stays in `core.services`: a refusal or an error
is the service's own sentence, shown as it is. Flows run inside a worker on the UI's event loop
(an async worker, not a thread) because they wait for dialogs with `push_screen_wait`; the
service calls are short SQLite writes made right there.

Every change is made on the version of the ticket the screen showed. When someone else changed
the ticket meanwhile the service refuses it; the flow says who changed it and how, and has the
screen read the ticket again, so the next try starts from what is now there. A text the
technician writes is never lost, to that or to Esc or a crash: it is a draft on the ticket
(`services.drafts`) until sent or discarded, and the same key offers it again. An
answer to the customer refused because someone else has just answered shows that answer and
goes out only once confirmed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC
from functools import partial
from typing import Any

from rich.text import Text
from textual.screen import Screen

from logeas_tui.actions import refusal_for
from logeas_tui.core import texts
from logeas_tui.core.errors import Conflict, HelpdeskError, InvalidInput, NotFound, Refused
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services import answers, drafts, handoff, live, merge, tickets
from logeas_tui.core.services.desk import ActionResult, Desk
from logeas_tui.core.store.views import TicketRow
from logeas_tui.i18n import say, t
from logeas_tui.messages import TicketChanged
from logeas_tui.screens.compose import ComposeScreen, Drafting
from logeas_tui.screens.dialogs import (
    AskChoiceScreen,
    Choice,
    ChoiceScreen,
    ConfirmScreen,
    DaysScreen,
)
from logeas_tui.screens.merge import MergeScreen
from logeas_tui.widgets.background import off_loop
from logeas_tui.widgets.keys import key_of
from logeas_tui.widgets.literal import block, clean_line, literal

ANSWER_LINES = 6  # of someone else's answer, shown before a second one goes out
FIRST_WORDS = 80  # characters of it in the notice


@dataclass(frozen=True)
class Flow:
    """What a flow works with: the screen it runs from, the desk, the selected ticket, the
    action, the key that runs it there, and the texts it did not send (kept as drafts)."""

    screen: Screen[Any]
    desk: Desk
    row: TicketRow
    action: str = ""
    key: str = ""
    kept: list[str] = field(default_factory=list)

    async def ask(self, dialog: Screen[Any]) -> Any:
        return await self.screen.app.push_screen_wait(dialog)

    @property
    def version(self) -> int:
        return self.row.version

    def keep(self, text: str) -> None:
        """`text` was not sent: its draft stays (the compose screen stored it on leaving)."""
        self.kept.append(text)

    def refused_days(self, err: InvalidInput) -> None:
        """A number of days the service refused: say why, so the dialog can ask again."""
        if err.field != "days":
            raise err
        self.screen.notify(say(err), severity="error", markup=False)


# The tickets an action is running on in this app (its dialog open, or its write waiting for
# the store): a second key on the same ticket meanwhile is said, not run twice.
ACTING: set[str] = set()


async def run_action(
    screen: Screen[Any],
    desk: Desk,
    action: str,
    flow: Callable[[Flow], Awaitable[ActionResult | None]],
    row: TicketRow,
) -> str | None:
    """Run `flow`, the flow of `action`, on ticket `row`; the ticket's number on success,
    None otherwise (refused, failed — both said in a notification — or cancelled)."""
    reason = refusal_for(action, row)
    if reason:
        screen.notify(say(reason), severity="warning", markup=False)
        return None
    if row.number in ACTING:  # its dialog or its write is still under way: one at a time
        screen.notify(t("act.busy", number=row.number), severity="warning", markup=False)
        return None
    result: ActionResult | None = None
    flowing = Flow(screen, desk, row, action, key_of(screen, action))
    ACTING.add(row.number)
    try:
        result = await flow(flowing)
    except Conflict as err:
        changed_meanwhile(screen, row.number, err)
    except HelpdeskError as err:
        screen.notify(say(err), severity="error", markup=False)
    finally:
        ACTING.discard(row.number)
    if flowing.kept:  # written, not sent: said after why
        screen.notify(t("act.kept"), severity="warning", markup=False)
    if result is None:
        return None
    screen.notify(t(f"dlg.done.{action}", number=result.number, source=row.number), markup=False)
    if result.notice:
        screen.notify(say(result.notice), severity="warning", markup=False)
    return result.number


def changed_meanwhile(screen: Screen[Any], number: str, err: Conflict) -> None:
    """Someone else changed ticket `number` since the screen showed it: say who and how, and
    have the screen show its new state (read again)."""
    screen.notify(t("act.conflict", said=say(err)), severity="warning", markup=False)
    screen.post_message(TicketChanged(number))


async def answering(f: Flow, send: Callable[[int], ActionResult]) -> ActionResult | None:
    """`send(version)` an answer to the customer, made on the version the screen showed. When
    that is refused because someone else has answered the customer since, show their answer
    and send ours only if the technician confirms (None when not); any other change meanwhile
    is the caller's refusal."""
    try:
        return await off_loop(lambda: send(f.version))
    except Conflict:
        theirs = await off_loop(lambda: live.answer_after(f.row.number, f.row.last_message))
        if theirs is None:
            raise
    number = f.row.number
    f.screen.post_message(TicketChanged(number))  # their answer, on screen beneath
    lines = [line.strip() for line in theirs.body.splitlines() if line.strip()]
    who = theirs.author or theirs.from_addr
    start = clean_line(" ".join(lines))  # its first line, and more when that is "Hello,"
    start = start if len(start) <= FIRST_WORDS else start[: FIRST_WORDS - 1].rstrip() + "…"
    said = t("act.answered", number=number, who=who, line=start)
    f.screen.notify(said, severity="warning", markup=False)
    extract = block("\n".join(lines[:ANSWER_LINES]) + ("\n…" if len(lines) > ANSWER_LINES else ""))
    question = t("dlg.answered.question", number=number, who=who)
    if not await f.ask(ConfirmScreen(question, extract)):
        return None
    now = await off_loop(lambda: live.current_row(f.desk, number))
    if now is None:
        raise NotFound(Sentence("no_ticket", number=number))
    reason = refusal_for(f.action, now)
    if reason is not None:
        raise Refused(reason)
    version = now.version
    return await off_loop(lambda: send(version))


async def sending(
    f: Flow, text: str, send: Callable[[int], ActionResult], *, answer: bool = True
) -> ActionResult | None:
    """`send(version)` what the technician wrote (an `answer` to the customer: see
    `answering`), dropping its draft with it; if it does not go out (refused, not confirmed),
    its draft stays for the next try. (A field the service refused is the flow's to ask
    again.)"""

    def and_drop(version: int) -> ActionResult:
        return drafts.sent(f.desk, f.row.number, f.action, partial(send, version))

    try:
        result = (
            await answering(f, and_drop) if answer else await off_loop(lambda: and_drop(f.version))
        )
    except InvalidInput:
        raise
    except HelpdeskError:
        f.keep(text)
        raise
    if result is None:
        f.keep(text)
    return result


def ticket_line(row: TicketRow) -> Text:
    """`number · subject · customer`, for the dialogs' detail line (mail text stays literal)."""
    line = Text(row.number, style="bold")
    line.append(" · ")
    line.append_text(literal(row.subject))
    line.append(" · ")
    line.append_text(literal(row.customer_name or row.customer))
    return line


# The action table --------------------------------------------------------------------------


async def merge_flow(f: Flow) -> ActionResult | None:
    target = await f.ask(MergeScreen(f.desk, f.row))
    if not target:
        return None
    return await off_loop(
        lambda: merge.merge(f.desk, f.row.number, target, expected_version=f.version)
    )


async def unmerge_flow(f: Flow) -> ActionResult | None:
    question = t("dlg.unmerge.question", number=f.row.number, target=f.row.merged_into or "?")
    if not await f.ask(ConfirmScreen(question, ticket_line(f.row))):
        return None
    return await off_loop(lambda: merge.unmerge(f.desk, f.row.number))


async def composing(f: Flow, title: str, **options: Any) -> str | None:
    """The compose screen of this action on this ticket, offering the technician's draft of
    it and keeping what is typed as that draft; the text to send, or None (left)."""
    number, kind = f.row.number, f.action
    found = await off_loop(lambda: drafts.draft(f.desk, number, kind))
    since = ""
    if found is not None:
        when = found.updated.replace(tzinfo=UTC).astimezone(f.desk.config.hours.zone)
        since = t("drafts.since", when=f"{when:%Y-%m-%d %H:%M}")
    keeping = Drafting(
        save=partial(drafts.save, f.desk, number, kind),
        discard=partial(drafts.discard, f.desk, number, kind),
        since=since,
        kept=t("drafts.kept", shortcut=f.key, number=number) if f.key else t("drafts.kept_here"),
    )
    initial = found.body if found else ""
    return await f.ask(ComposeScreen(title, initial, drafting=keeping, **options))


async def reply_flow(f: Flow) -> ActionResult | None:
    title = t("dlg.reply.title", number=f.row.number)
    text = await composing(f, title, to=f.row.customer, send_label=t("dlg.reply.send"))
    if text is None:
        return None
    body: str = text
    return await sending(
        f, body, lambda v: answers.reply(f.desk, f.row.number, body, expected_version=v)
    )


async def _pick(
    f: Flow, kind: str, choices: list[Choice], *, detail: Text | None = None, wide: bool = False
) -> str | None:
    """One of `choices` (kind: canned, doc, transfer, move — the dialog's texts' prefix)."""
    picked = await f.ask(
        ChoiceScreen(
            t(f"dlg.{kind}.title", number=f.row.number),
            choices,
            hint=t(f"dlg.{kind}.hint"),
            empty=t(f"dlg.{kind}.empty"),
            detail=detail or ticket_line(f.row),
            wide=wide,
        )
    )
    return picked or None


async def canned_flow(f: Flow) -> ActionResult | None:
    choices = [
        Choice(item.name, literal(item.title), block(answers.canned_body(f.desk, f.row, item)))
        for item in texts.canned_answers(f.desk.config.data_dir, f.desk.config.language)
    ]
    name = await _pick(f, "canned", choices)
    if name is None:
        return None
    return await answering(
        f, lambda v: answers.reply_canned(f.desk, f.row.number, name, expected_version=v)
    )


async def doc_flow(f: Flow) -> ActionResult | None:
    choices = []
    for doc in texts.doc_refs(f.desk.config.data_dir):
        label = literal(doc.title)
        label.append(f"  ({doc.ref})", style="dim")
        choices.append(Choice(doc.ref, label, block(answers.doc_body(f.desk, f.row, doc))))
    ref = await _pick(f, "doc", choices)
    if ref is None:
        return None
    return await answering(
        f, lambda v: answers.reply_doc(f.desk, f.row.number, ref, expected_version=v)
    )


async def ask_flow(f: Flow) -> ActionResult | None:
    title = t("dlg.ask.compose_title", number=f.row.number)
    while True:
        text = await composing(f, title, to=f.row.customer, send_label=t("dlg.ask.send"))
        if text is None:
            return None
        while (outcome := await f.ask(AskChoiceScreen())) is not None:
            try:
                return await sending(f, text, partial(_ask_info, f, text, outcome.pending_days))
            except InvalidInput as err:
                f.refused_days(err)  # asked again, the text is kept
        # Escape at the choice: back to the text, its draft


def _ask_info(f: Flow, text: str, days: int | None, version: int) -> ActionResult:
    return answers.ask_info(f.desk, f.row.number, text, pending_days=days, expected_version=version)


async def pending_flow(f: Flow) -> ActionResult | None:
    title = t("dlg.pending.title", number=f.row.number)
    while (days := await f.ask(DaysScreen(title, ticket_line(f.row)))) is not None:
        try:
            return await off_loop(
                lambda: tickets.set_pending(f.desk, f.row.number, days, expected_version=f.version)
            )
        except InvalidInput as err:
            f.refused_days(err)
    return None


async def transfer_flow(f: Flow) -> ActionResult | None:
    current, others = handoff.transfer_choices(f.desk, f.row.owner)
    choices = [
        Choice(tech.name, Text(f"{tech.name} — {t('dlg.phone.level', level=tech.level)}"))
        for tech in others
    ]
    detail = ticket_line(f.row)
    if current is not None:
        detail.append("\n")
        detail.append(t("dlg.transfer.current", name=current.name, level=current.level))
    name = await _pick(f, "transfer", choices, detail=detail)
    if not name:
        return None
    return await off_loop(
        lambda: handoff.transfer(f.desk, f.row.number, name, expected_version=f.version)
    )


async def move_flow(f: Flow) -> ActionResult | None:
    targets = handoff.move_choices(f.row.queue)
    width = max((len(q.name) for q in targets), default=0) + 2
    choices = []
    for queue in targets:
        label = literal(queue.name.ljust(width))
        label.append_text(literal(queue.purpose, style="dim"))
        choices.append(Choice(queue.name, label))
    detail = ticket_line(f.row)
    detail.append("\n")
    detail.append(t("dlg.move.current", queue=f.row.queue))
    name = await _pick(f, "move", choices, detail=detail, wide=True)
    if not name:
        return None
    return await off_loop(
        lambda: handoff.move(f.desk, f.row.number, name, expected_version=f.version)
    )


async def _closing(f: Flow, successful: bool) -> ActionResult | None:
    key = "dlg.close.question" if successful else "dlg.close_unsuccessful.question"
    if not await f.ask(ConfirmScreen(t(key, number=f.row.number), ticket_line(f.row))):
        return None
    return await off_loop(
        lambda: tickets.close(
            f.desk, f.row.number, successful=successful, expected_version=f.version
        )
    )


async def close_flow(f: Flow) -> ActionResult | None:
    return await _closing(f, True)


async def close_unsuccessful_flow(f: Flow) -> ActionResult | None:
    return await _closing(f, False)


async def reopen_flow(f: Flow) -> ActionResult | None:
    return await off_loop(lambda: tickets.reopen(f.desk, f.row.number, expected_version=f.version))


async def note_flow(f: Flow) -> ActionResult | None:
    title = t("dlg.note.title", number=f.row.number)
    text = await composing(f, title, review=False)
    if text is None:
        return None
    body: str = text
    return await sending(
        f,
        body,
        lambda v: tickets.note(f.desk, f.row.number, body, expected_version=v),
        answer=False,
    )


async def take_flow(f: Flow) -> ActionResult | None:
    return await off_loop(lambda: tickets.take(f.desk, f.row.number, expected_version=f.version))


async def assign_flow(f: Flow) -> ActionResult | None:
    """To a colleague of my support level (another level is a transfer)."""
    choices = [
        Choice(tech.name, Text(f"{tech.name} — {t('dlg.phone.level', level=tech.level)}"))
        for tech in handoff.assign_choices(f.desk, f.row.owner)
    ]
    detail = ticket_line(f.row)
    detail.append("\n")
    detail.append(t("dlg.assign.current", name=f.row.owner or t("detail.no_owner")))
    name = await _pick(f, "assign", choices, detail=detail)
    if not name:
        return None
    return await off_loop(
        lambda: tickets.assign(f.desk, f.row.number, name, expected_version=f.version)
    )


async def accept_flow(f: Flow) -> ActionResult | None:
    """No dialog: the technician has read the mail, marked above it with this key."""
    from logeas_tui.core.services import senders  # loads the mail stack: not before it is used

    return await off_loop(
        lambda: senders.accept_sender(f.desk, f.row.number, expected_version=f.version)
    )
