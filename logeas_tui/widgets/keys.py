"""Bindings' descriptions in the current language.

Bindings are declared with catalog keys as descriptions (class attributes are built before
the language is known); each instance swaps them for the text in the current language."""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from logeas_tui.i18n import t


def translate_bindings(node: DOMNode) -> None:
    """Replace `node`'s binding descriptions (catalog keys) by their translation."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=t(b.description)) if b.description else b for b in bindings
        ]
