"""`S` statistics: per week, bars of tickets created and closed and a line of the median time
to a first answer (in opening hours), drawn by plotext; the numbers in a table under them and
each queue's oldest open ticket. The report is read by a worker thread; Escape closes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual_plotext import PlotextPlot

from logeas_tui.core.services import stats
from logeas_tui.core.services.desk import Desk
from logeas_tui.i18n import t
from logeas_tui.widgets.background import in_thread


class StatsScreen(Screen[None]):
    """The last weeks of the whole support, as plots and as numbers."""

    DEFAULT_CSS = """
    StatsScreen { layout: vertical; }
    StatsScreen #stats-title { height: 1; text-style: bold; padding: 0 1; }
    StatsScreen #plots { height: 16; }
    StatsScreen PlotextPlot { width: 1fr; height: 1fr; }
    StatsScreen DataTable { height: auto; max-height: 12; }
    StatsScreen #oldest { height: auto; padding: 0 1; }
    StatsScreen #stats-hint { dock: bottom; height: 1; color: $text-muted; padding: 0 1; }
    """

    BINDINGS = [Binding("escape", "close", "Close", show=False)]

    @dataclass
    class Loaded(Message):
        report: stats.Report

    def __init__(self, desk: Desk, weeks: int = 8) -> None:
        super().__init__()
        self.desk = desk
        self.weeks = weeks

    def compose(self) -> ComposeResult:
        yield Static(Text(t("stats.title", weeks=self.weeks)), id="stats-title")
        with Horizontal(id="plots"):
            yield PlotextPlot(id="bars")
            yield PlotextPlot(id="answer")
        with Vertical():
            yield DataTable(id="numbers", cursor_type="none", zebra_stripes=True)
            yield Static(Text(t("stats.loading")), id="oldest")
        yield Static(Text(t("stats.hint")), id="stats-hint")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, group="stats", exclusive=True)
    def load(self) -> None:
        self.post_message(self.Loaded(in_thread(lambda: stats.report(self.desk, weeks=self.weeks))))

    def on_stats_screen_loaded(self, message: Loaded) -> None:
        """Draw the plots and fill the table with the report read."""
        report = message.report
        weeks = [w.partition("-")[2] for w in report.weeks]  # "W48": the year is in the table
        created = [r.created for r in report.totals]
        closed = [r.closed for r in report.totals]
        bars = self.query_one("#bars", PlotextPlot).plt
        bars.clear_figure()
        # plotext takes `labels` (one per series); textual-plotext's stub says `label`
        bars.multiple_bar(  # type: ignore[call-arg]
            weeks, [created, closed], labels=[t("stats.created"), t("stats.closed")]
        )
        bars.title(t("stats.bars_title"))
        answer = self.query_one("#answer", PlotextPlot).plt
        answer.clear_figure()
        answered = [  # weeks without an answered ticket have no point (not a zero)
            (i, round(r.median_first_answer / 60))
            for i, r in enumerate(report.totals, start=1)
            if r.median_first_answer is not None
        ]
        if answered:
            answer.plot([i for i, _ in answered], [m for _, m in answered], marker="braille")
        answer.xlim(1, len(weeks))
        answer.xticks(list(range(1, len(weeks) + 1)), weeks)
        answer.title(t("stats.answer_title"))
        self.query_one("#bars", PlotextPlot).refresh()
        self.query_one("#answer", PlotextPlot).refresh()
        self._fill(report)

    def _fill(self, report: stats.Report) -> None:
        table = self.query_one("#numbers", DataTable)
        table.clear(columns=True)
        table.add_columns(
            *(
                t(f"stats.col.{c}")
                for c in ("week", "mail", "phone", "closed", "reopened", "open", "answer", "close")
            )
        )
        for r in report.totals:
            table.add_row(
                r.week,
                str(r.by_mail),
                str(r.by_phone),
                str(r.closed),
                str(r.reopened),
                str(r.still_open),
                stats.duration(r.median_first_answer),
                stats.duration(r.median_close),
            )
        oldest = Text(t("stats.oldest") + "\n", style="bold")
        zone = self.desk.config.hours.zone
        for o in report.oldest:
            local = o.created.replace(tzinfo=UTC).astimezone(zone)
            oldest.append(f"  {o.number}  {local:%Y-%m-%d %H:%M}  ")
            oldest.append(o.queue)  # a config name: shown as text, never as markup
            oldest.append("\n")
        oldest.rstrip()
        self.query_one("#oldest", Static).update(oldest)

    def action_close(self) -> None:
        self.dismiss(None)
