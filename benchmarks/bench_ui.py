"""How the main screen feels with a big store: builds a 100,000-ticket demo database (once,
kept in /tmp), then measures in a headless app (Textual's run_test):

- first paint: from App start to the first frame, to the first rows, to the count;
- in the biggest queue: 200 cursor moves (j), up to 200 page-downs, G and g, each from the
  key to the frame that shows the row (not the "…" of a page on its way);
- opening a ticket (Enter: read + mark seen) and a full-text search;
- then (`ui_scale`), in fresh processes side by side: start-up to a filled list at 100k and
  1k tickets against a bare Textual app, RSS, and opening tickets with big mails.

Prints figures; asserts nothing about timings. `--tickets N` and `--db PATH` to vary.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import ui_scale  # noqa: E402  (beside this file)

from logeas_tui.app import LogeasApp  # noqa: E402
from logeas_tui.core.config import Config, TechnicianConf  # noqa: E402
from logeas_tui.core.services.desk import Desk  # noqa: E402
from logeas_tui.core.services.setup import ensure_setup  # noqa: E402
from logeas_tui.core.store import queries  # noqa: E402
from logeas_tui.core.store.connection import close_store, open_store  # noqa: E402
from logeas_tui.core.store.models import Ticket  # noqa: E402
from logeas_tui.widgets.queue_list import QueueList  # noqa: E402
from logeas_tui.widgets.ticket_list import TicketList  # noqa: E402

SIZE = (120, 40)


class TimedApp(LogeasApp):
    """Records when each frame reaches the (headless) terminal."""

    frames: list[float]

    def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
        self.frames.append(time.perf_counter())
        super()._display(screen, renderable)


async def key_to_frame(app: TimedApp, key: str, done) -> float:
    """Send `key` as the terminal would; the time until `done()` holds and a frame showing it
    was written (no pilot: its idle waits would count the background threads too)."""
    t0 = time.perf_counter()
    app.simulate_key(key)
    while not done():
        await asyncio.sleep(0.0005)
    reached = time.perf_counter()
    while not (app.frames and app.frames[-1] >= reached):
        await asyncio.sleep(0.0005)
    return app.frames[-1] - t0


def build(path: Path, count: int) -> Desk:
    config = Config(
        language="en",
        me="Nicolas",
        technicians=(TechnicianConf("Nicolas", "nicolas@logeas.fr", 1),),
    )
    fresh = not path.exists()
    open_store(str(path))
    ensure_setup(config)
    desk = Desk(config)
    have = Ticket.select().count()
    if fresh or have < count:
        from logeas_tui.demo import generate

        started = time.perf_counter()
        generate(desk, count - have)
        print(f"built {count - have:,} demo tickets in {time.perf_counter() - started:.1f} s")
    print(f"store: {path} ({Ticket.select().count():,} tickets)")
    return desk


async def wait_until(pilot, test, timeout: float = 60.0) -> float:
    """Poll `test` while the app runs (not pilot.pause: it waits for the process to idle)."""
    started = time.perf_counter()
    while not test():
        if time.perf_counter() - started > timeout:
            raise TimeoutError
        await asyncio.sleep(0.001)
    return time.perf_counter() - started


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


async def measure(desk: Desk) -> None:
    now = desk.clock.now()
    biggest = max(queries.queues(now), key=lambda q: sum(q.counts.values()))
    app = TimedApp(desk)
    app.frames = []
    started = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        tickets = app.screen.query_one(TicketList)
        await wait_until(pilot, lambda: tickets.row_at(0) is not None)
        rows_shown = time.perf_counter() - started
        await wait_until(pilot, lambda: tickets.count is not None)
        counted = time.perf_counter() - started
        first_frame = app.frames[0] - started
        print(f"start → first frame of the main screen: {ms(first_frame)}")
        print(f"start → first rows of My review drawn: {ms(rows_shown)}")
        print(f"start → My review counted ({tickets.count:,} tickets): {ms(counted)}")

        queues = app.screen.query_one(QueueList)
        await wait_until(pilot, lambda: queues.queues)
        switched = time.perf_counter()
        queues.highlighted = queues.get_option_index(f"q:{biggest.name}")
        await wait_until(
            pilot, lambda: tickets.filter.queue == biggest.name and tickets.count is not None
        )
        await pilot.pause()
        print(
            f"switch to the biggest queue ({biggest.name}, {tickets.count:,} open tickets "
            f"listed): {ms(time.perf_counter() - switched)}"
        )
        tickets.focus()
        await pilot.pause()

        def report(label: str, timings: list[float]) -> None:
            print(
                f"{label}: key→frame median {ms(statistics.median(timings))}, "
                f"worst {ms(max(timings))}, total {ms(sum(timings))}"
            )

        def at(row: int):
            return lambda: tickets.cursor == row and tickets.row_at(row) is not None

        moves = []
        for _ in range(200):
            moves.append(
                await key_to_frame(app, "j", at(min(tickets.cursor + 1, tickets.count - 1)))
            )
        report("200 cursor moves (j)", moves)
        pages = []
        for _ in range(min(200, tickets.count // tickets.page_height)):
            target = min(tickets.cursor + tickets.page_height, tickets.count - 1)
            pages.append(await key_to_frame(app, "pagedown", at(target)))
        report(f"{len(pages)} page-downs, rows drawn (not '…')", pages)
        print(f"  (cursor now on row {tickets.cursor:,} of {tickets.count:,})")
        report("G, last row drawn", [await key_to_frame(app, "G", at(tickets.count - 1))])
        report("g, first row drawn", [await key_to_frame(app, "g", at(0))])

        shown = await key_to_frame(
            app,
            "x",
            lambda: (
                tickets.count is not None
                and tickets.filter.hide_closed is False
                and tickets.row_at(0) is not None
            ),
        )
        print(
            f"x, closed tickets shown too ({tickets.count:,} rows): key→frame {ms(shown)} "
            "(target ≤ 50 ms)"
        )
        report(
            "G, last row drawn (target ≤ 50 ms)",
            [await key_to_frame(app, "G", at(tickets.count - 1))],
        )
        report(
            "k ×20 from the end",
            [await key_to_frame(app, "k", at(tickets.cursor - 1)) for _ in range(20)],
        )
        report("g, first row drawn", [await key_to_frame(app, "g", at(0))])
        await key_to_frame(
            app, "x", lambda: tickets.count is not None and tickets.filter.hide_closed is True
        )

        await asyncio.sleep(1.0)  # let the read-ahead finish
        number = tickets.selected.number
        detail = app.screen.query_one("#detail")
        report(
            "open a ticket (Enter: read, mark seen, draw)",
            [await key_to_frame(app, "enter", lambda: detail.number == number)],
        )

        await pilot.press("escape", "slash", *"imprimante")
        searched = await key_to_frame(
            app,
            "enter",
            lambda: tickets.filter.search and tickets.count is not None and tickets.row_at(0),
        )
        print(
            f"full-text search 'imprimante' in {biggest.name} ({tickets.count:,} hits): "
            f"Enter→frame {ms(searched)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--small", type=int, default=1_000, help="the store compared with")
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/logeas-bench-ui-{args.tickets}.sqlite")
    small = Path(f"/tmp/logeas-bench-ui-{args.small}.sqlite")
    desk = build(path, args.tickets)
    try:
        asyncio.run(measure(desk))
    finally:
        close_store()
    numbers = ui_scale.big_mail_numbers(build(small, args.small))
    close_store()
    ui_scale.startup(path, small)
    ui_scale.big_mails(small, numbers)


if __name__ == "__main__":
    main()
