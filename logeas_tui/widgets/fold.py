"""A long mail body is folded: the pane lays out only its first screenfuls, so opening a 50 MB
mail costs what opening a short one costs. Each unfolding shows `GROWTH` times more. The cut
is made before the text is cleaned or measured: nothing here reads past what is shown."""

from __future__ import annotations

FOLD_LINES = 60  # about a screenful and a half of a mail
FOLD_CHARS = 8_000  # a body of one endless line folds too
GROWTH = 8  # each "show more" multiplies what is shown


def fold(body: str, level: int = 0) -> tuple[str, int]:
    """The first part of `body` shown at unfolding `level` (0: folded), cut at a line end when
    it can be, and how many characters of `body` are left out (0: all of it is shown)."""
    lines = FOLD_LINES * GROWTH**level
    chars = FOLD_CHARS * GROWTH**level
    window = body[:chars]
    parts = window.split("\n", lines)
    shown = "\n".join(parts[:lines]) if len(parts) > lines else window
    left = len(body) - len(shown)
    if left and left <= 64 and not body[len(shown) :].strip():
        left = 0  # only trailing blank lines left out
    return shown, left
