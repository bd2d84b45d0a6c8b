"""`logeas` starts its app without loading what only some verbs or engines use: a SQLite store
opens with no PostgreSQL driver, no verb's services are loaded to parse the command line, and
the app's modules load neither the mail stack nor the holidays library, nor the screens and
dialogs that only a key opens (the action flows, compose, merge, phone intake, help) nor the
services the app runs later in worker threads (purge, backup);
a postgresql:// store still opens through the same start-up path."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import json, sys
    import logeas_tui.cli
    import logeas_tui.app
    from logeas_tui.core.store.connection import open_store
    from logeas_tui.core.store.models import Queue
    open_store(sys.argv[1])
    queues = Queue.select().count()
    loaded = sorted(m for m in ("psycopg", "logeas_tui.cli.verbs", "logeas_tui.core.store.copy",
                                "playhouse.migrate", "imap_tools", "yagmail", "holidays",
                                "email_validator", "logeas_tui.core.services.inbound", "plotext",
                                "logeas_tui.core.mail.compose", "email.policy",
                                "logeas_tui.screens.flows", "logeas_tui.screens.compose",
                                "logeas_tui.screens.dialogs", "logeas_tui.screens.merge",
                                "logeas_tui.screens.phone", "logeas_tui.screens.help",
                                "logeas_tui.core.services.cleanup",
                                "logeas_tui.core.services.daily_backup")
              if m in sys.modules)
    print(json.dumps({"loaded": loaded, "queues": queues}))
    """
)


def _start(location: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, location], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_the_start_up_path_loads_only_what_the_store_needs(db_path: Path | str, desk) -> None:
    result = _start(str(db_path))
    assert result["queues"]  # the store was read (set up by the `desk` fixture)
    if str(db_path).startswith("postgresql"):
        assert result["loaded"] == ["psycopg"]
    else:
        assert result["loaded"] == []
