"""Bindings' descriptions in the current language.

Bindings are declared with catalog keys as descriptions (class attributes are built before
the language is known); each instance swaps them for the text in the current language."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.dom import DOMNode
from textual.screen import Screen

from logeas_tui.i18n import texts
from logeas_tui.texts import Catalog


def translate_bindings(node: DOMNode, catalog: Catalog | None = None) -> None:
    """Replace `node`'s binding descriptions (catalog keys) by their translation, from
    `catalog` or else the running app's (an App translates its own before it runs)."""
    catalog = catalog or texts()
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=catalog.t(b.description)) if b.description else b
            for b in bindings
        ]


def key_of(screen: Screen[Any], action: str) -> str:
    """The key that runs `action` on `screen`, as shown (a keymap may rebind it); "" if none."""
    for active in screen.active_bindings.values():
        if active.binding.id == action:
            return screen.app.get_key_display(active.binding)
    return ""
