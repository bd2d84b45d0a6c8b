"""The web server of `logeas serve`: textual-serve's, with a password gate in front of it.

textual-serve checks no credential itself, but it builds its aiohttp application in one
method, so a middleware is added there. With a password set (`[serve] password`), every route
(page, websocket, static files, downloads) answers 401 until the browser has posted the
password to `/login`, a form: the password travels in the request body, never in a URL, and
the browser then holds a random session cookie (new each time the server starts), never the
password. Without a password, nothing is gated: the verb allows that on loopback only.

The server's own logging is quiet: no access log, no banner, warnings on one line without a
traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import html
import logging
import secrets
import signal
import sys
from collections.abc import Awaitable, Callable

from aiohttp import web
from textual_serve.server import Server

from logeas_tui.core.config import Secret
from logeas_tui.texts import Catalog

COOKIE = "logeas_session"
LOGIN = "/login"
WRONG_PASSWORD_PAUSE = 1.0  # seconds before answering a wrong password: slows guessing

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class _OneLine(logging.Formatter):
    """A log record as one line, never with a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        return f"serve: {record.getMessage()}"


class GatedServer(Server):
    """textual-serve's server, behind `password` when one is given."""

    def __init__(
        self, command: str, host: str, port: int, password: Secret | None, texts: Catalog
    ) -> None:
        super().__init__(command, host=host, port=port, title="Logeas")
        self.password = password
        self.texts = texts
        self.session = secrets.token_urlsafe(32)

    def initialize_logging(self) -> None:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_OneLine())
        log = logging.getLogger("textual-serve")
        log.handlers[:] = [handler]
        log.setLevel(logging.WARNING)
        log.propagate = False

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: the verb says the one line to read (textual-serve prints a banner)."""

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        # The page names the websocket by an absolute URL: the one this browser reached.
        self.public_url = f"{request.scheme}://{request.host}"
        response: web.StreamResponse = await super().handle_index(request)
        return response

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        if self.password is not None:
            app.middlewares.append(self._gate)
            app.router.add_post(LOGIN, self._login)
        return app

    @web.middleware
    async def _gate(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        cookie = request.cookies.get(COOKIE, "")
        if request.path == LOGIN or hmac.compare_digest(cookie, self.session):
            return await handler(request)
        return self._login_page(request.path == "/", "")

    async def _login(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        given = str(form.get("password", ""))
        assert self.password is not None  # the route exists only with a password
        if not hmac.compare_digest(given.encode(), self.password.encode()):
            await asyncio.sleep(WRONG_PASSWORD_PAUSE)
            return self._login_page(True, self.texts.t("serve.login.wrong"))
        response = web.HTTPSeeOther("/")
        response.set_cookie(COOKIE, self.session, httponly=True, samesite="Strict", path="/")
        return response

    def _login_page(self, page: bool, error: str) -> web.Response:
        """401: the password form for the page, one sentence for anything else."""
        t = self.texts.t
        if not page:
            return web.Response(status=401, text=t("serve.login.needed"))
        said = f'<p role="alert">{html.escape(error)}</p>' if error else ""
        body = (
            f'<!doctype html><html lang="{self.texts.language}"><head><meta charset="utf-8">'
            f"<title>{html.escape(t('serve.login.title'))}</title></head>"
            f"<body><h1>{html.escape(t('serve.login.title'))}</h1>{said}"
            f'<form method="post" action="{LOGIN}"><label>{html.escape(t("serve.login.password"))} '
            '<input type="password" name="password" autofocus></label> '
            f'<button type="submit">{html.escape(t("serve.login.button"))}</button></form>'
            "</body></html>"
        )
        return web.Response(status=401, text=body, content_type="text/html")

    def run(self, announce: Callable[[], None]) -> None:
        """Serve until SIGINT or SIGTERM; `announce` is called once the port is listening."""
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            # Windows has no signal handlers in asyncio: Ctrl+C still raises KeyboardInterrupt
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            access_log=None,
            print=lambda *_: announce(),
        )
