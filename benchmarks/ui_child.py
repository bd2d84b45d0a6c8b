"""One measured process of `bench_ui.py`, launched the same way for each figure (a fresh
interpreter, headless, 120×40), printing one JSON line:

- `bare`: a bare Textual app showing one label — the floor a start-up is compared with;
- `start DB`: `logeas --db DB` (the CLI's own imports and store opening) until the first frame
  that shows ticket rows; its RSS then;
- `open DB NUMBER`: start, open ticket NUMBER (as Enter does), then 20 × j, `e` (show more)
  and `q`, each from the key to the frame that shows it; RSS after.

Times are wall-clock (`time.time()`), so the parent can count from before it spawned us.
"""

from __future__ import annotations

import json
import sys
import time


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Label

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Label("logeas")

        def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
            super()._display(screen, renderable)
            if screen.query(Label):
                print(json.dumps({"shown": time.time(), "rss": rss_mb()}), flush=True)
                self.exit()

    Bare().run(headless=True, size=(120, 40))


def logeas(db: str, number: str | None) -> None:
    import asyncio

    from logeas_tui import cli
    from logeas_tui.cli.parser import build_parser

    args = build_parser().parse_args(["--db", db])
    desk = cli._open_desk(args)
    first_reads = cli.prepare_app(desk)  # as `cli.run_app` does, before Textual loads
    from logeas_tui.app import LogeasApp

    out: dict[str, object] = {}
    frames: list[float] = []

    class Timed(LogeasApp):
        def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
            super()._display(screen, renderable)
            frames.append(time.time())
            if "shown" not in out and self.main_screen is not None:
                with_rows = self.main_screen.ticket_list.row_at(0) is not None
                if with_rows:
                    out["shown"] = frames[-1]
                    out["rss"] = rss_mb()
                    if number is None:
                        self.exit()
                    else:
                        self.call_later(lambda: self.run_worker(drive(self)))

    async def key(app: Timed, name: str, done) -> float:  # type: ignore[no-untyped-def]
        t0 = time.time()
        app.simulate_key(name)
        while not done():
            await asyncio.sleep(0.0005)
        reached = time.time()
        while not (frames and frames[-1] >= reached):
            await asyncio.sleep(0.0005)
        return frames[-1] - t0

    async def drive(app: Timed) -> None:
        screen = app.main_screen
        assert screen is not None and number is not None
        detail = screen.detail
        t0 = time.time()
        screen.open_ticket(number)
        while detail.number != number:
            await asyncio.sleep(0.0005)
        reached = time.time()
        while not (frames and frames[-1] >= reached):
            await asyncio.sleep(0.0005)
        out["open"] = frames[-1] - t0
        detail.focus()
        await asyncio.sleep(0.05)
        moves = []
        for _ in range(20):
            y = detail.scroll_y
            moves.append(
                await key(app, "j", lambda y=y: detail.scroll_y != y or detail.max_scroll_y == y)
            )
        out["j"] = moves
        level = getattr(detail, "_unfold", None)
        out["e"] = await key(
            app,
            "e",
            lambda: (
                getattr(detail, "_unfold", None) != level or not getattr(detail, "_folded", False)
            ),
        )
        out["rss_open"] = rss_mb()
        out["q_at"] = time.time()
        app.simulate_key("q")

    Timed(desk, first_reads).run(headless=True, size=(120, 40))
    out["exited"] = time.time()
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    else:
        logeas(sys.argv[2], sys.argv[3] if mode == "open" else None)
