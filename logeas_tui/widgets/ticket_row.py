"""What one line of the ticket list looks like: which columns fit the width (owner, then
customer, give way first), the marks (● a customer message I have not seen, or ? a mail
from an unknown sender not accepted yet, which says more; ⏰ a reminder due), the age
coloured past one and two days. Mail text goes through `literal`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from rich.style import Style
from rich.text import Text

from logeas_tui.core.procedure import IN_PROGRESS
from logeas_tui.core.store.views import TicketRow
from logeas_tui.i18n import t
from logeas_tui.widgets.literal import age, fit, literal

NUMBER_W, AGE_W, STATE_W, MARKS_W = 16, 4, 10, 3
CUSTOMER_W, OWNER_W, SUBJECT_MIN = 17, 10, 20
DAY = 86_400


@dataclass(frozen=True)
class Columns:
    """Which columns fit in `width` cells."""

    width: int
    customer: bool
    owner: bool
    subject: int

    @classmethod
    def for_width(cls, width: int) -> Columns:
        fixed = MARKS_W + NUMBER_W + AGE_W + STATE_W + 4  # four gaps
        room = width - fixed
        owner = room >= SUBJECT_MIN + CUSTOMER_W + OWNER_W + 2
        customer = room >= SUBJECT_MIN + CUSTOMER_W + 1
        subject = room - (CUSTOMER_W + 1 if customer else 0) - (OWNER_W + 1 if owner else 0)
        return cls(width, customer, owner, max(subject, 1))


class RowPainter:
    """Builds the `Text` of the header and of rows for a width; `style(name)` gives the list's
    component style (header, aged, old, unseen, unknown, due, closed)."""

    def __init__(self, style: Callable[[str], Style], width: int) -> None:
        self.style = style
        self.width = width
        self.cols = Columns.for_width(width)

    def header(self) -> Text:
        parts = [
            ("", MARKS_W),
            (t("col.number"), NUMBER_W),
            (t("col.age"), AGE_W),
            (t("col.state"), STATE_W),
        ]
        if self.cols.customer:
            parts.append((t("col.customer"), CUSTOMER_W))
        parts.append((t("col.subject"), self.cols.subject))
        if self.cols.owner:
            parts.append((t("col.owner"), OWNER_W))
        return self.join([fit(Text(label), w) for label, w in parts], self.style("header"))

    def placeholder(self, extra: Style) -> Text:
        """A row whose page is still being read."""
        return self.join([Text(" " * MARKS_W), Text("…", style="dim")], extra)

    def row(self, row: TicketRow, now: datetime, extra: Style) -> Text:
        """`row` as a line; `extra` (the cursor) goes over everything."""
        marks = Text(end="")
        if row.unknown_sender:
            marks.append("?", style=self.style("unknown"))
        else:
            marks.append(
                "●" if row.unseen else " ", style=self.style("unseen") if row.unseen else ""
            )
        marks.append("⏰" if row.reminder_due else "  ", style=self.style("due"))
        short, delta = age(row.created, now)
        seconds = delta.total_seconds()
        age_style = (
            self.style("old")
            if seconds > 2 * DAY
            else (self.style("aged") if seconds > DAY else Style())
        )
        cells = [
            fit(marks, MARKS_W),
            fit(Text(row.number), NUMBER_W),
            fit(Text(short.rjust(AGE_W - 1), style=age_style), AGE_W),
            fit(Text(t(f"state.short.{row.state}")), STATE_W),
        ]
        if self.cols.customer:
            cells.append(fit(literal(row.customer_name or row.customer), CUSTOMER_W))
        if row.subject:
            subject = literal(row.subject, self.style("unseen") if row.unseen else "")
        else:
            subject = Text(t("list.no_subject"), style="dim")
        cells.append(fit(subject, self.cols.subject))
        if self.cols.owner:
            cells.append(fit(literal(row.owner or "—"), OWNER_W))
        base = Style() if row.state in IN_PROGRESS else self.style("closed")
        return self.join(cells, base + extra)

    def join(self, cells: list[Text], style: Style) -> Text:
        text = Text(" ").join(cells)
        text.no_wrap = True
        text.end = ""
        text.truncate(self.width, pad=True)
        if style:
            text.stylize(style)
        return text
