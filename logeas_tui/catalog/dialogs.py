"""Texts of the dialogs, phone intake, compose and help: key -> (French, English)."""

TEXTS: dict[str, tuple[str, str]] = {}
