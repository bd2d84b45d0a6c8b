"""A message whose body is folded, framed as the detail pane frames every message (border and
title in the colour of its kind), but with its body in a `BodyLines`: only the rows on screen
are drawn, however much of the mail "show more" has let in. Short messages stay Rich panels."""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.console import Group, RenderableType
from rich.text import Text
from textual.color import Color
from textual.containers import Vertical
from textual.content import Content
from textual.css.types import EdgeType
from textual.widgets import Static

from logeas_tui.widgets.body_lines import BodyLines


class LongMessage(Vertical):
    """Headers, the body's lines, then the fold notice and attachments."""

    DEFAULT_CSS = """
    LongMessage { height: auto; padding: 0 1; border-title-align: left; }
    LongMessage > Static { width: 1fr; }
    """

    def __init__(self) -> None:
        self.head = Static("")
        self.body = BodyLines("")
        self.foot = Static("")
        super().__init__(self.head, self.body, self.foot)

    def fill(
        self,
        title: Text,
        colour: str,
        border: EdgeType,
        head: list[RenderableType],
        body: str,
        style: str,
        foot: list[RenderableType],
    ) -> None:
        """Show one message (the pane hands its pieces in, drawn as for a panel)."""
        truecolor = RichColor.parse(colour).get_truecolor()
        self.styles.border = (border, Color(*truecolor))
        self.border_title = Content.from_rich_text(title)
        self.head.update(Group(*head))
        self.head.display = bool(head)
        self.more(body, style, foot)

    def more(self, body: str, style: str, foot: list[RenderableType]) -> None:
        """Show more of the body (the rest of the frame is as it was)."""
        self.body.update(body, style)
        self.foot.update(Group(*foot))
        self.foot.display = bool(foot)
