"""Mail throughput: `logeas import` of the shared corpus (the generated-mail import and the IMAP
sync are in bench_ingest.py). Prints figures; asserts nothing about time."""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from logeas_tui.cli import mail_verbs  # noqa: E402
from logeas_tui.core.clock import SystemClock  # noqa: E402
from logeas_tui.core.config import Config  # noqa: E402
from logeas_tui.core.services.desk import Desk  # noqa: E402
from logeas_tui.core.services.setup import ensure_setup  # noqa: E402
from logeas_tui.core.store.connection import close_store, open_store  # noqa: E402
from tests.conftest import CORPUS  # noqa: E402


def fresh_desk(directory: str, name: str, **conf: object) -> Desk:
    close_store()
    open_store(str(Path(directory) / name))
    config = Config(language="fr", **conf)  # type: ignore[arg-type]
    ensure_setup(config)
    return Desk(config, SystemClock())


def bench_import(directory: str) -> None:
    if not CORPUS.is_dir():
        print("corpus import: skipped (no ../shared/corpus)")
        return
    desk = fresh_desk(directory, "import.sqlite")
    out = io.StringIO()
    started = time.perf_counter()
    mail_verbs.import_paths(desk, [str(CORPUS)], True, out)
    elapsed = time.perf_counter() - started
    print(f"corpus import: {out.getvalue().splitlines()[-1]}")
    print(f"corpus import: {elapsed:.2f} s wall")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        bench_import(tmp)
    close_store()
