"""The flows of the action table's keys (each named in the registry, `logeas_tui.actions`).

A flow asks only what its action needs (a dialog at most, or a compose then a choice), calls
the service, and says what happened. Every rule stays in `core.services`: a refusal or an error
is the service's own sentence, shown as it is. Flows run inside a worker on the UI's event loop
(an async worker, not a thread) because they wait for dialogs with `push_screen_wait`; the
service calls are short SQLite writes made right there.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.screen import Screen

from logeas_tui.core import procedure, texts
from logeas_tui.core.errors import HelpdeskError, InvalidInput
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services import answers, handoff, merge, tickets
from logeas_tui.core.services.desk import ActionResult, Desk
from logeas_tui.core.store.views import TicketRow
from logeas_tui.i18n import say, t
from logeas_tui.screens.compose import ComposeScreen
from logeas_tui.screens.dialogs import (
    AskChoiceScreen,
    Choice,
    ChoiceScreen,
    ConfirmScreen,
    DaysScreen,
)
from logeas_tui.screens.merge import MergeScreen
from logeas_tui.widgets.literal import block, literal


@dataclass(frozen=True)
class Flow:
    """What a flow works with: the screen it runs from, the desk, the selected ticket."""

    screen: Screen[Any]
    desk: Desk
    row: TicketRow

    async def ask(self, dialog: Screen[Any]) -> Any:
        return await self.screen.app.push_screen_wait(dialog)

    @property
    def version(self) -> int:
        return self.row.version

    def refused_days(self, err: InvalidInput) -> None:
        """A number of days the service refused: say why, so the dialog can ask again."""
        if err.field != "days":
            raise err
        self.screen.notify(say(err), severity="error", markup=False)


def refusal_for(action: str, row: TicketRow) -> Sentence | None:
    """Why the procedure forbids `action` on the ticket of `row` (None: it is allowed)."""
    return procedure.refusal(action, row.state, row.number, row.merged_into or "")


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
    try:
        result = await flow(Flow(screen, desk, row))
    except HelpdeskError as err:
        screen.notify(say(err), severity="error", markup=False)
        return None
    if result is None:
        return None
    screen.notify(t(f"dlg.done.{action}", number=result.number, source=row.number), markup=False)
    if result.notice:
        screen.notify(say(result.notice), severity="warning", markup=False)
    return result.number


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
    return merge.merge(f.desk, f.row.number, target, expected_version=f.version)


async def unmerge_flow(f: Flow) -> ActionResult | None:
    question = t("dlg.unmerge.question", number=f.row.number, target=f.row.merged_into or "?")
    if not await f.ask(ConfirmScreen(question, ticket_line(f.row))):
        return None
    return merge.unmerge(f.desk, f.row.number)


async def reply_flow(f: Flow) -> ActionResult | None:
    body = await f.ask(
        ComposeScreen(
            t("dlg.reply.title", number=f.row.number),
            to=f.row.customer,
            send_label=t("dlg.reply.send"),
        )
    )
    if body is None:
        return None
    return answers.reply(f.desk, f.row.number, body, expected_version=f.version)


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
    return answers.reply_canned(f.desk, f.row.number, name, expected_version=f.version)


async def doc_flow(f: Flow) -> ActionResult | None:
    choices = []
    for doc in texts.doc_refs(f.desk.config.data_dir):
        label = literal(doc.title)
        label.append(f"  ({doc.ref})", style="dim")
        choices.append(Choice(doc.ref, label, block(answers.doc_body(f.desk, f.row, doc))))
    ref = await _pick(f, "doc", choices)
    if ref is None:
        return None
    return answers.reply_doc(f.desk, f.row.number, ref, expected_version=f.version)


async def ask_flow(f: Flow) -> ActionResult | None:
    body, draft = "", False
    while True:
        text = await f.ask(
            ComposeScreen(
                t("dlg.ask.compose_title", number=f.row.number),
                body,
                to=f.row.customer,
                send_label=t("dlg.ask.send"),
                draft=draft,
            )
        )
        if text is None:
            return None
        while (outcome := await f.ask(AskChoiceScreen())) is not None:
            try:
                return answers.ask_info(
                    f.desk,
                    f.row.number,
                    text,
                    pending_days=outcome.pending_days,
                    expected_version=f.version,
                )
            except InvalidInput as err:
                f.refused_days(err)  # asked again, the text is kept
        body, draft = text, True  # Escape at the choice: back to the text, which is kept


async def pending_flow(f: Flow) -> ActionResult | None:
    title = t("dlg.pending.title", number=f.row.number)
    while (days := await f.ask(DaysScreen(title, ticket_line(f.row)))) is not None:
        try:
            return tickets.set_pending(f.desk, f.row.number, days, expected_version=f.version)
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
    return handoff.transfer(f.desk, f.row.number, name, expected_version=f.version)


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
    return handoff.move(f.desk, f.row.number, name, expected_version=f.version)


async def _closing(f: Flow, successful: bool) -> ActionResult | None:
    key = "dlg.close.question" if successful else "dlg.close_unsuccessful.question"
    if not await f.ask(ConfirmScreen(t(key, number=f.row.number), ticket_line(f.row))):
        return None
    return tickets.close(f.desk, f.row.number, successful=successful, expected_version=f.version)


async def close_flow(f: Flow) -> ActionResult | None:
    return await _closing(f, True)


async def close_unsuccessful_flow(f: Flow) -> ActionResult | None:
    return await _closing(f, False)


async def reopen_flow(f: Flow) -> ActionResult | None:
    return tickets.reopen(f.desk, f.row.number, expected_version=f.version)


async def note_flow(f: Flow) -> ActionResult | None:
    body = await f.ask(ComposeScreen(t("dlg.note.title", number=f.row.number), review=False))
    if body is None:
        return None
    return tickets.note(f.desk, f.row.number, body, expected_version=f.version)


async def take_flow(f: Flow) -> ActionResult | None:
    return tickets.take(f.desk, f.row.number, expected_version=f.version)
