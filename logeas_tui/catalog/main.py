"""Texts of the main screen, its panes and the banner: key -> (French, English)."""

TEXTS: dict[str, tuple[str, str]] = {}
