"""`logeas serve`: the same app, on the same store, in a real browser (headless chromium
driven by selenium) — and, beyond loopback, only behind the config's password.

The screenshots are kept in tests/artefacts/ (ignored by git); each test prints their paths.
"""

from __future__ import annotations

import http.client
import socket
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.integration.serving import (
    DEADLINE,
    artefact,
    chromium,
    logeas,
    make_demo_store,
    screen_text,
    serving,
)
from tests.servers import free_port

pytestmark = pytest.mark.integration

HELP_ONLY = "Ticket actions"  # the help screen's column title: drawn nowhere else
PASSWORD = "correct horse battery"
WITH_PASSWORD = f'language = "en"\n[serve]\npassword = "{PASSWORD}"\n'


def _wait(driver: object) -> object:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, DEADLINE, poll_frequency=0.2)


def _shows_the_desk(numbers: set[str]) -> object:
    """The queue list (two queue names) and one of the store's ticket numbers are drawn."""

    def shown(driver: object) -> bool:
        text = screen_text(driver)
        return "LoGeAs" in text and "Saturne" in text and any(n in text for n in numbers)

    return shown


def test_the_app_opens_in_a_browser_and_answers_a_key(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    store = make_demo_store(tmp_path)
    numbers = store.ticket_numbers()
    port = free_port()
    with serving(store, "--port", str(port)) as served, chromium() as driver:
        assert served.url == f"http://127.0.0.1:{port}/"
        driver.get(served.url)
        wait = _wait(driver)
        wait.until(_shows_the_desk(numbers))  # type: ignore[attr-defined]
        artefact(driver, "serve-desk.png")
        before = screen_text(driver)
        assert HELP_ONLY not in before
        driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys("?")
        wait.until(lambda d: HELP_ONLY in screen_text(d)[len(before) :])  # type: ignore[attr-defined]
        artefact(driver, "serve-help.png")
    assert served.process.returncode == 0  # stopped cleanly (SIGTERM, as Ctrl+C), not killed


def test_another_address_without_a_password_is_refused_in_one_sentence(tmp_path: Path) -> None:
    store = make_demo_store(tmp_path)
    refused = logeas("serve", "--host", "0.0.0.0", "--port", str(free_port()), *store.options)
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr == (
        "error: Serving on 0.0.0.0 lets other machines in, so it needs a password: set "
        "password under [serve] in the settings file, or serve on 127.0.0.1.\n"
    )


def test_a_port_in_use_is_said_in_one_sentence(tmp_path: Path) -> None:
    store = make_demo_store(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        refused = logeas("serve", "--port", str(port), *store.options)
    assert refused.returncode == 1
    assert (
        refused.stderr
        == f"error: Cannot listen on 127.0.0.1 port {port}: address already in use.\n"
    )


def _ask(
    port: int, method: str, path: str, body: str = "", cookie: str = ""
) -> tuple[int, http.client.HTTPMessage, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=DEADLINE)
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
        if cookie:
            headers["Cookie"] = cookie
        connection.request(method, path, body=body or None, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def test_with_a_password_nothing_is_served_until_it_is_given(tmp_path: Path) -> None:
    store = make_demo_store(tmp_path, WITH_PASSWORD)
    port = free_port()
    with serving(store, "--host", "0.0.0.0", "--port", str(port)) as served:
        assert "give the [serve] password" in served.line
        status, _, page = _ask(port, "GET", "/")
        assert status == 401 and 'type="password"' in page and "textual-terminal" not in page
        for path in ("/ws", "/static/js/textual.js"):
            assert _ask(port, "GET", path)[0] == 401, path
        status, _, page = _ask(port, "POST", "/login", urlencode({"password": "guess"}))
        assert status == 401 and "Wrong password." in page
        status, headers, _ = _ask(port, "POST", "/login", urlencode({"password": PASSWORD}))
        assert status == 303 and headers["Location"] == "/"
        cookie = headers["Set-Cookie"].split(";")[0]
        status, _, page = _ask(port, "GET", "/", cookie=cookie)
        assert status == 200 and "textual-terminal" in page
    said = served.line + "".join(served.rest)
    assert PASSWORD not in said and PASSWORD.split()[0] not in said


def test_a_technician_gives_the_password_in_the_browser_and_gets_the_desk(
    tmp_path: Path,
) -> None:
    from selenium.webdriver.common.by import By

    store = make_demo_store(tmp_path, WITH_PASSWORD)
    numbers = store.ticket_numbers()
    with serving(store, "--port", str(free_port())) as served, chromium() as driver:
        driver.get(served.url)
        field = driver.find_element(By.CSS_SELECTOR, "input[type=password]")
        field.send_keys(PASSWORD)
        field.submit()
        _wait(driver).until(_shows_the_desk(numbers))  # type: ignore[attr-defined]
        assert PASSWORD not in driver.current_url
        artefact(driver, "serve-after-password.png")
