"""The key bar at the bottom: every key of the screen, wrapped over as many lines as the width
needs (Textual's Footer is one line, too short for the whole action table). Keys the selected
ticket's state forbids are shown greyed out."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """Reads the screen's active bindings whenever they change."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        background: $footer-background;
        color: $footer-foreground;
        padding: 0 1;
        & > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
        & > .key-bar--description { color: $footer-description-foreground; }
        & > .key-bar--disabled { color: $text-disabled; }
    }
    """

    def __init__(self, order: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.order = order  # binding ids shown first, in this order (the action table)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    _drawn: tuple[int, list[Text]] | None = None

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not (self.is_attached and screen is self.screen):
            return
        width = max(1, self.content_region.width)
        lines = self._lines(width)
        if self._drawn is not None and self._drawn[0] == width:
            before = self._drawn[1]
            if [(x.plain, x.spans) for x in before] == [(x.plain, x.spans) for x in lines]:
                return
            self.refresh(layout=len(before) != len(lines))
        else:
            self.refresh(layout=True)

    def _items(self) -> list[Text]:
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        description_style = self.get_component_rich_style("key-bar--description", partial=True)
        disabled = self.get_component_rich_style("key-bar--disabled", partial=True)
        actions: list[tuple[int, Text]] = []
        others: list[Text] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            item = Text(end="")
            item.append(self.app.get_key_display(binding), key_style)
            item.append(" " + binding.description, description_style)
            if not active.enabled:
                item.stylize(Style(dim=True) + disabled)
            if binding.id in self.order:
                actions.append((self.order.index(binding.id), item))
            else:
                others.append(item)
        return [item for _, item in sorted(actions, key=lambda pair: pair[0])] + others

    def _lines(self, width: int) -> list[Text]:
        lines: list[Text] = [Text(end="")]
        for item in self._items():
            current = lines[-1]
            gap = 2 if current.cell_len else 0
            if current.cell_len and current.cell_len + gap + item.cell_len > width:
                lines.append(Text(end=""))
                current, gap = lines[-1], 0
            current.append(" " * gap)
            current.append_text(item)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(max(1, width)))

    def render(self) -> Text:
        width = max(1, self.content_region.width)
        lines = self._lines(width)
        self._drawn = (width, lines)
        return Text("\n", end="").join(lines)
