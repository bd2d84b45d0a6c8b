"""The rows of a long body, drawn a row at a time, are the rows a Rich `Text` of the cleaned
body wraps into: words kept whole, a word wider than the pane cut, tabs, wide characters and
control characters (shown as pictures) measured as the terminal shows them."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region

from logeas_tui.widgets.body_lines import BodyLines
from logeas_tui.widgets.literal import clean_block

WIDTH = 30
BODY = "\n".join(
    [
        "court",
        "",
        " ".join(f"mot{i}" for i in range(20)),
        "x" * 75,
        "\tindenté\tpar\tdes\ttabulations\tjusqu'au\tbout",
        "漢字かな交じり文 " * 6,
        "échappement \x1b[31m rouge [b]gras[/b] \x07 cloche " * 2,
        "espaces     en     série     qui     passent     la     largeur",
    ]
)


def wrapped(body: str, width: int) -> list[str]:
    console = Console(width=width)
    return [
        row.plain.rstrip()
        for line in body.split("\n")
        for row in Text(clean_block(line)).wrap(console, width)
    ]


class Pane(App[None]):
    CSS = f"BodyLines {{ width: {WIDTH}; }}"

    def compose(self) -> ComposeResult:
        yield BodyLines(BODY)


async def test_rows_are_those_rich_wraps_the_body_into() -> None:
    app = Pane()
    async with app.run_test(size=(60, 60)) as pilot:
        await pilot.pause()
        body = app.query_one(BodyLines)
        expected = wrapped(BODY, WIDTH)
        assert body.size.height == len(expected)
        strips = body.render_lines(Region(0, 0, WIDTH, body.size.height))
        assert [strip.text.rstrip() for strip in strips] == expected
        assert "échappement ␛[31m rouge" in expected and "[b]gras[/b] ␇ cloche" in expected
