"""Bindings' descriptions in the current language.

Bindings are declared with catalog keys as descriptions (class attributes are built before
the language is known); each instance swaps them for the text in the current language."""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

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
