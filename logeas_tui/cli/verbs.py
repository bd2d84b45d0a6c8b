"""The headless verbs of `logeas`: each calls one core service and prints the result.

Every verb takes the desk, the parsed arguments and the text stream to print on, and returns
the exit status. Verbs that create or change a ticket print its number (with `--json`, the
ticket); a service's notice goes to stderr as "note: …". Mail text goes through
`output.safe`.
"""

from __future__ import annotations

import sys
import time
from argparse import Namespace
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from logeas_tui.cli.output import json_text, safe, write_json
from logeas_tui.core import numbers
from logeas_tui.core.clock import as_utc
from logeas_tui.core.errors import InvalidInput, NotFound
from logeas_tui.core.procedure import STATES
from logeas_tui.core.sentences import Sentence
from logeas_tui.core.services import answers, handoff, senders, tickets
from logeas_tui.core.services import merge as merge_service
from logeas_tui.core.services.desk import ActionResult, Desk
from logeas_tui.core.store import queries
from logeas_tui.core.store.views import TicketRow, TicketView
from logeas_tui.texts import Catalog

# Rows per query when listing everything: few queries (each sorts the whole list), and each
# page's id list stays under SQLite's default limit of 32,766 bound variables.
PAGE = 30_000


def _wants_json(args: Namespace) -> bool:
    return bool(getattr(args, "json", False))


def _local(desk: Desk, value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if value is None:
        return "-"
    return as_utc(value).astimezone(desk.config.hours.zone).strftime(fmt)


def _texts(desk: Desk) -> Catalog:
    return Catalog(desk.config.language)


def _view(desk: Desk, number: str) -> TicketView:
    view = queries.ticket_view(number.strip(), me=desk.who, now=desk.clock.now())
    if view is None:
        raise NotFound(numbers.explain_invalid(number) or Sentence("no_ticket", number=number))
    return view


def _done(desk: Desk, result: ActionResult, args: Namespace, out: TextIO) -> int:
    """What every changing verb prints: the notice on stderr, the ticket on stdout."""
    if result.notice:
        texts = _texts(desk)
        print(texts.t("cli.note", said=texts.say(result.notice)), file=sys.stderr)
    if _wants_json(args):
        write_json(_view(desk, result.number).to_json(), out)
    else:
        out.write(result.number + "\n")
    return 0


def _body(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).expanduser().read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(Sentence("cli.not_utf8", path=path), "body") from None
    except OSError as exc:
        cause = exc.strerror or exc
        raise InvalidInput(Sentence("cli.cannot_read", path=path, cause=cause), "body") from None


# --- reading ------------------------------------------------------------------------------


def queues(desk: Desk, args: Namespace, out: TextIO) -> int:
    items = queries.queues(desk.clock.now())
    if _wants_json(args):
        write_json([q.to_json() for q in items], out)
        return 0
    texts = _texts(desk)
    width = max((len(q.name) for q in items), default=10)
    kinds = {kind: texts.t(f"cli.queue.{kind}") for kind in ("obsolete", "held", "active")}
    kind_width = max(len(kind) for kind in kinds.values())
    for q in items:
        kind = kinds["obsolete" if not q.valid else "held" if q.held else "active"]
        counts = "  ".join(f"{texts.state(state)} {n}" for state, n in q.counts.items() if n)
        due = f"  ({texts.plural('count.reminder_due', q.pending_due)})" if q.pending_due else ""
        out.write(
            f"{q.name:<{width}}  {kind:<{kind_width}}  {counts or texts.t('cli.queue.empty')}"
            f"{due}\n"
        )
    return 0


def technicians(desk: Desk, args: Namespace, out: TextIO) -> int:
    items = queries.technicians()
    if _wants_json(args):
        write_json([t.to_json() for t in items], out)
        return 0
    width = max((len(t.name) for t in items), default=10)
    texts = _texts(desk)
    for t in items:
        out.write(f"{t.name:<{width}}  {texts.t('dlg.phone.level', level=t.level)}  {t.email}\n")
    return 0


def _rows(desk: Desk, filt: queries.TicketFilter, limit: int | None) -> Iterator[TicketRow]:
    """The tickets, oldest first, read page by page (each after the last row of the one
    before); at most `limit`."""
    now = desk.clock.now()
    done, after = 0, None
    while limit is None or done < limit:
        size = PAGE if limit is None else min(PAGE, limit - done)
        page = queries.list_tickets(filt, me=desk.who, now=now, after=after, limit=size)
        yield from page
        if len(page) < size:
            return
        done += size
        after = queries.row_key(filt, page[-1])


def list_tickets(desk: Desk, args: Namespace, out: TextIO) -> int:
    if args.queue and args.queue not in {q.name for q in queries.queues(desk.clock.now())}:
        known = ", ".join(q.name for q in queries.queues(desk.clock.now()))
        raise NotFound(Sentence("cli.unknown_queue", name=args.queue, known=known))
    filt = queries.TicketFilter(
        queue=args.queue, state=args.state, search=args.search or None, review=args.review
    )
    rows = _rows(desk, filt, args.limit)
    if _wants_json(args):
        out.write("[")
        for n, row in enumerate(rows):
            out.write(("\n" if n == 0 else ",\n") + json_text(row.to_json(), indent=None))
        out.write("\n]\n")
        return 0
    texts = _texts(desk)
    states = {state: texts.state(state) for state in STATES}
    width = max(len(name) for name in states.values())
    for row in rows:
        out.write(
            f"{row.number}  {_local(desk, row.created, '%Y-%m-%d')}  "
            f"{states.get(row.state, row.state):<{width}}  "
            f"{safe(row.queue):<20}  {safe(row.customer)}  {safe(row.subject)}\n"
        )
    return 0


def show(desk: Desk, args: Namespace, out: TextIO) -> int:
    view = _view(desk, args.number)
    if _wants_json(args):
        write_json(view.to_json(), out)
        return 0
    r = view.row
    texts = _texts(desk)
    customer = (
        f"{safe(r.customer_name)} <{safe(r.customer)}>" if r.customer_name else safe(r.customer)
    )
    labels = {f: texts.t(f"field.{f}") for f in ("queue", "state", "owner", "customer")}
    labels |= {"created": texts.t("field.created"), "updated": texts.t("field.updated")}
    width = max(len(label) for label in labels.values()) + 2
    state = texts.state(r.state)
    if r.pending_until:
        state += " " + texts.t("cli.show.until", date=_local(desk, r.pending_until))
    if r.merged_into:
        state += " " + texts.t("cli.show.into", number=r.merged_into)
    lines = [
        f"{texts.t('pane.detail_of', number=r.number)}  {safe(r.subject)}",
        f"{labels['queue']:<{width}}{safe(r.queue)}",
        f"{labels['state']:<{width}}{state}",
        f"{labels['owner']:<{width}}{safe(r.owner) or '-'}",
        f"{labels['customer']:<{width}}{customer}",
        f"{labels['created']:<{width}}{_local(desk, r.created)}    "
        f"{labels['updated']} {_local(desk, r.updated)}",
    ]
    if view.merged_here:
        lines.append(texts.t("detail.merged_here", numbers=", ".join(view.merged_here)))
    for k, m in enumerate(view.messages, 1):
        kind = texts.t(f"kind.{m.kind.replace('-', '_')}")
        lines += [
            "",
            f"── {k}. {kind}  {_local(desk, m.date)}  {texts.t('detail.from')} {safe(m.from_addr)}"
            + (f"  {texts.t('detail.to')} {safe(m.to_addr)}" if m.to_addr else "")
            + (f"  {texts.t('detail.merged_from', number=m.merged_from)}" if m.merged_from else ""),
        ]
        if m.unknown_sender:
            lines.append(texts.t("cli.show.unknown_sender", number=r.number))
        if m.subject:
            lines.append(f"{texts.t('detail.subject')} {safe(m.subject)}")
        for a in m.attachments:
            said = texts.t(
                "cli.show.attachment",
                name=safe(a.filename),
                type=safe(a.content_type),
                size=a.size,
            )
            lines.append(f"{texts.t('detail.attachment')} {said}")
        if m.parse_problem:
            lines.append(f"{texts.t('detail.parse_problem')} {safe(m.parse_problem)}")
        lines += ["", safe(m.body, multiline=True).rstrip("\n")]
    lines += ["", texts.t("detail.history")]
    for h in view.history:
        old, new = (texts.state(v) if v in STATES else v for v in (h.old, h.new))
        change = f"{old} → {new}".strip() if h.old or h.new else ""
        parts = [
            _local(desk, h.at),
            h.who,
            texts.texts.get(f"history.{h.action}", h.action),
            change,
            h.detail,
        ]
        lines.append("  " + "  ".join(safe(p) for p in parts if p))
    out.write("\n".join(lines) + "\n")
    return 0


def raw(desk: Desk, args: Namespace, out: TextIO) -> int:
    row = _view(desk, args.number).row
    data = queries.raw_message(row.number, args.message)
    if data is None:
        raise NotFound(
            Sentence("cli.no_raw_k", number=row.number, k=args.message)
            if args.message
            else Sentence("cli.no_raw", number=row.number)
        )
    out.flush()
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8", "replace"))
    else:
        buffer.write(data)
        buffer.flush()
    return 0


# --- changing -----------------------------------------------------------------------------


def phone(desk: Desk, args: Namespace, out: TextIO) -> int:
    result = tickets.create_phone_ticket(
        desk,
        customer=args.customer,
        queue=args.queue,
        subject=args.subject,
        body=args.body,
        customer_name=args.name,
        close=args.close,
        owner=args.owner,
    )
    return _done(desk, result, args, out)


def _change(
    desk: Desk,
    args: Namespace,
    out: TextIO,
    service: Callable[..., ActionResult],
    *values: Any,
    **options: Any,
) -> int:
    """Run `service` on the ticket, refused when it is no longer at `--if-version`, and print
    what every changing verb prints."""
    result = service(desk, *values, expected_version=args.if_version, **options)
    return _done(desk, result, args, out)


def merge(desk: Desk, args: Namespace, out: TextIO) -> int:
    return _change(desk, args, out, merge_service.merge, args.duplicate, args.target)


def unmerge(desk: Desk, args: Namespace, out: TextIO) -> int:
    return _done(desk, merge_service.unmerge(desk, args.number), args, out)


def reply(desk: Desk, args: Namespace, out: TextIO) -> int:
    if args.canned:
        return _change(desk, args, out, answers.reply_canned, args.number, args.canned)
    if args.doc:
        return _change(desk, args, out, answers.reply_doc, args.number, args.doc)
    return _change(desk, args, out, answers.reply, args.number, _body(args.body_file))


def ask(desk: Desk, args: Namespace, out: TextIO) -> int:
    body = _body(args.body_file)
    return _change(
        desk, args, out, answers.ask_info, args.number, body, pending_days=args.pending_days
    )


def pending(desk: Desk, args: Namespace, out: TextIO) -> int:
    return _change(desk, args, out, tickets.set_pending, args.number, args.days)


def transfer(desk: Desk, args: Namespace, out: TextIO) -> int:
    return _change(desk, args, out, handoff.transfer, args.number, args.technician)


def move(desk: Desk, args: Namespace, out: TextIO) -> int:
    return _change(desk, args, out, handoff.move, args.number, args.queue)


def close(desk: Desk, args: Namespace, out: TextIO) -> int:
    successful = not args.unsuccessful
    return _change(desk, args, out, tickets.close, args.number, successful=successful)


def reopen(desk: Desk, args: Namespace, out: TextIO) -> int:
    return _change(desk, args, out, tickets.reopen, args.number)


def note(desk: Desk, args: Namespace, out: TextIO) -> int:
    return _change(desk, args, out, tickets.note, args.number, _body(args.body_file))


def take(desk: Desk, args: Namespace, out: TextIO) -> int:
    return _change(desk, args, out, tickets.take, args.number)


def assign(desk: Desk, args: Namespace, out: TextIO) -> int:
    return _change(desk, args, out, tickets.assign, args.number, args.technician)


def accept(desk: Desk, args: Namespace, out: TextIO) -> int:
    message = None
    if args.message is not None:
        shown = _view(desk, args.number).messages
        if args.message > len(shown):
            raise NotFound(
                Sentence("cli.no_message_k", number=args.number, count=len(shown), k=args.message)
            )
        message = shown[args.message - 1].id
    return _change(desk, args, out, senders.accept_sender, args.number, message)


def purge(desk: Desk, args: Namespace, out: TextIO) -> int:
    from logeas_tui.core.services.cleanup import purge_deleted

    destroyed = purge_deleted(desk)
    if _wants_json(args):
        write_json(destroyed, out)
    else:
        out.writelines(f"{number}\n" for number in destroyed)
        texts = _texts(desk)
        hours = desk.config.delete_grace_hours
        said = texts.plural("cli.purged", len(destroyed), hours=hours)
        print(texts.t("cli.note", said=said), file=sys.stderr)
    return 0


def demo(desk: Desk, args: Namespace, out: TextIO) -> int:
    from logeas_tui import demo as demo_data
    from logeas_tui.cli.progress import progress_on

    started = time.perf_counter()
    with progress_on(sys.stderr, _texts(desk)) as progress:
        count = demo_data.generate(desk, args.tickets, seed=args.seed, progress=progress)
    elapsed = time.perf_counter() - started
    if _wants_json(args):
        write_json({"tickets": count, "seconds": round(elapsed, 2)}, out)
    else:
        texts = _texts(desk)
        out.write(texts.plural("cli.demo", count, seconds=texts.number(elapsed, 1)) + "\n")
    return 0


# --- mail ---------------------------------------------------------------------------------


def sync(desk: Desk, args: Namespace, out: TextIO) -> int:
    from logeas_tui.cli import mail_verbs

    return mail_verbs.sync(desk, args.once, out)


def import_mail(desk: Desk, args: Namespace, out: TextIO) -> int:
    from logeas_tui.cli import mail_verbs

    return mail_verbs.import_paths(desk, args.paths, not args.no_ack, out)


def outbox(desk: Desk, args: Namespace, out: TextIO) -> int:
    from logeas_tui.cli import mail_verbs

    return mail_verbs.outbox(desk, _wants_json(args), out)
