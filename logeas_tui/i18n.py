"""The UI's `t()` and `say()`: texts in the language of the app that is running.

The app holds its catalogue (`app.texts`, a `logeas_tui.texts.Catalog` built from the desk's
configured language); these read it through Textual's active-app context variable, which is
set while the app runs, in its workers' threads too. So two apps in one process (the tests)
each speak their own language, and nothing has to be reset between them.
"""

from __future__ import annotations

from textual._context import active_app

from logeas_tui.texts import Catalog


def texts() -> Catalog:
    """The running app's catalogue."""
    try:
        app = active_app.get()
    except LookupError:
        raise RuntimeError("texts are looked up in a running app (none is running)") from None
    catalog = getattr(app, "texts", None)
    if not isinstance(catalog, Catalog):
        raise RuntimeError(f"{type(app).__name__} has no `texts` catalogue")
    return catalog


def t(key: str, **values: object) -> str:
    """The text of `key` in the running app's language; a missing key shows itself."""
    return texts().t(key, **values)


def say(said: object) -> str:
    """What the core said (a Sentence, or an error carrying one) in the running app's
    language; any other text through the catalogue."""
    return texts().say(said)
