"""A real `logeas serve` process and a real headless chromium for the browser tests.

The server runs in its own process group with every app it starts for a browser, so stopping
it ends them all. The page's terminal (xterm.js) draws on a canvas, which has no text to
read: a script installed before the page loads keeps, beside xterm.js, a copy of every byte
the app sent over the websocket (what the terminal draws), and `screen_text` strips it of its
escape sequences.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import selectors
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

DEADLINE = 60.0  # a hang guard, never a timing expectation
ARTEFACTS = Path(__file__).resolve().parents[1] / "artefacts"  # kept by the suite, ignored by git

CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMEDRIVER = ("/usr/bin/chromedriver",)

# Runs in the page before its own scripts: keep what the terminal receives, as text.
KEEP_TERMINAL_BYTES = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__terminalText = "";
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data instanceof ArrayBuffer) {
          window.__terminalText += decoder.decode(event.data, {stream: true});
        }
      });
    }
  };
})();
"""
ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def logeas(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "logeas_tui", *args],
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        env=env,
        stdin=subprocess.DEVNULL,
    )


@dataclass
class DemoStore:
    db: Path
    config: Path

    @property
    def options(self) -> tuple[str, ...]:
        return ("--db", str(self.db), "--config", str(self.config))

    def ticket_numbers(self) -> set[str]:
        listed = logeas("list", "--json", *self.options)
        assert listed.returncode == 0, listed.stderr
        return {row["number"] for row in json.loads(listed.stdout)}


def make_demo_store(folder: Path, settings: str = 'language = "en"\n') -> DemoStore:
    config = folder / "config.toml"
    config.write_text(settings, encoding="utf-8")
    config.chmod(0o600)
    store = DemoStore(folder / "demo.sqlite", config)
    made = logeas("demo", "--tickets", "30", "--seed", "3", *store.options)
    assert made.returncode == 0, made.stderr
    return store


@dataclass
class Served:
    process: subprocess.Popen[str]
    line: str  # what `logeas serve` printed: the URL to open
    rest: tuple[str, str] = ("", "")  # the rest of its stdout and stderr, once stopped

    @property
    def url(self) -> str:
        found = re.search(r"http://\S+/", self.line)
        assert found, self.line
        return found.group(0)


def _first_line(process: subprocess.Popen[str]) -> str:
    """The first line on stdout; "" if the process ended or said nothing by the deadline."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end and process.poll() is None:
            if selector.select(timeout=1.0):
                return process.stdout.readline()
    return ""


def _stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    """End the server (SIGTERM), then whatever of its process group outlived it (the apps of
    the browsers, if any): SIGKILL. Returns the rest of its stdout and stderr."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        rest = process.communicate(timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        rest = None
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    return rest or process.communicate(timeout=DEADLINE)


@contextmanager
def serving(store: DemoStore, *args: str) -> Iterator[Served]:
    process = subprocess.Popen(
        [sys.executable, "-m", "logeas_tui", "serve", *args, *store.options],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    served, stopped = Served(process, ""), False
    try:
        served.line = _first_line(process)
        if not served.line:
            served.rest, stopped = _stop(process), True
            raise AssertionError(f"`logeas serve` printed no address: {served.rest[1]}")
        yield served
    finally:
        if not stopped:
            served.rest = _stop(process)


def _found(paths: tuple[str, ...], name: str) -> str | None:
    return next((p for p in paths if os.access(p, os.X_OK)), None) or shutil.which(name)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless chromium driven by selenium, quit whatever happens."""
    browser, driver_path = _found(CHROMIUM, "chromium"), _found(CHROMEDRIVER, "chromedriver")
    if not browser or not driver_path:
        pytest.skip("no chromium and chromium-driver (make system-deps installs them as root)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.add_argument("--window-size=1280,800")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    try:
        driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": KEEP_TERMINAL_BYTES}
        )
        yield driver
    finally:
        driver.quit()


def screen_text(driver: Any) -> str:
    """Everything the app has drawn in the page's terminal so far, as plain text."""
    return ESCAPES.sub("", driver.execute_script("return window.__terminalText || ''"))


def artefact(driver: Any, name: str) -> Path:
    ARTEFACTS.mkdir(exist_ok=True)
    path = ARTEFACTS / name
    driver.save_screenshot(str(path))
    print(f"screenshot: {path}")
    return path
