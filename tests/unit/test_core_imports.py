"""The core runs headless: importing every module of `logeas_tui.core` loads neither textual
nor rich (the import-linter contract checks the same statically)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def test_core_loads_no_ui_library() -> None:
    script = textwrap.dedent(
        """
        import importlib, json, pkgutil, sys
        import logeas_tui.core as core
        names = [m.name for m in pkgutil.walk_packages(core.__path__, "logeas_tui.core.")]
        for name in names:
            importlib.import_module(name)
        ui = sorted(m for m in sys.modules
                    if m.split(".")[0] in ("textual", "rich")
                    or m.startswith(("logeas_tui.app", "logeas_tui.screens",
                                     "logeas_tui.widgets", "logeas_tui.i18n")))
        print(json.dumps({"modules": names, "ui": ui}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    # the walk really went through the core (services, store and hours at least)
    for expected in (
        "logeas_tui.core.hours",
        "logeas_tui.core.services.merge",
        "logeas_tui.core.store.queries",
        "logeas_tui.core.config",
    ):
        assert expected in result["modules"]
    assert result["ui"] == []
