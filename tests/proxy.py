"""A TCP proxy on loopback in front of a real server, to stage its outages: every byte the
server sends delayed, the connection dropped mid-fetch, or the connection frozen (nothing more
forwarded, the socket kept open). The fault is armed when the client sends `trigger` (by
default IMAP's `BODY.PEEK`, i.e. once the mail itself is being fetched) and strikes after
`budget` more bytes from the server; `heal()` makes later connections plain again.

Delays are lower bounds (a sleep never ends early), so a test built on them is deterministic.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass

from tests.servers import HOST

PASS, SLOW, DROP, FREEZE = "pass", "slow", "drop", "freeze"


@dataclass
class Fault:
    kind: str = PASS
    budget: int = 0  # bytes from the server forwarded after the trigger before DROP / FREEZE
    delay: float = 0.0  # SLOW: seconds before each byte from the server
    trigger: bytes = b"BODY.PEEK"


class Proxy:
    def __init__(self, target_port: int, fault: Fault, target_host: str = HOST) -> None:
        self.target = (target_host, target_port)
        self.fault = fault
        self.faults_struck = 0
        self.stopping = threading.Event()
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self.listener = socket.create_server((HOST, 0))
        self.listener.settimeout(0.2)
        self.host, self.port = HOST, int(self.listener.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    def heal(self) -> None:
        """Connections from now on are forwarded untouched."""
        self.fault = Fault()

    def close(self) -> None:
        self.stopping.set()
        self.listener.close()
        with self._lock:
            for sock in self._open:
                with contextlib.suppress(OSError):
                    sock.close()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                continue
            server = socket.create_connection(self.target, timeout=10)
            with self._lock:
                self._open += [client, server]
            _Link(self, client, server, self.fault).start()


class _Link:
    """One proxied connection: a pump each way."""

    def __init__(self, proxy: Proxy, client: socket.socket, server: socket.socket, fault: Fault):
        self.proxy, self.client, self.server, self.fault = proxy, client, server, fault
        self.armed = threading.Event()
        for sock in (client, server):
            sock.settimeout(None)

    def start(self) -> None:
        threading.Thread(target=self._upstream, daemon=True).start()
        threading.Thread(target=self._downstream, daemon=True).start()

    def _shut(self) -> None:
        for sock in (self.client, self.server):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _upstream(self) -> None:
        seen = b""
        with contextlib.suppress(OSError):
            while data := self.client.recv(65536):
                seen = (seen + data)[-256:]
                if self.fault.trigger in seen:
                    self.armed.set()
                self.server.sendall(data)
        if not self.armed.is_set() or self.fault.kind != FREEZE:
            self._shut()

    def _downstream(self) -> None:
        left = self.fault.budget
        with contextlib.suppress(OSError):
            while data := self.server.recv(65536):
                if self.fault.kind == SLOW:
                    for byte in data:
                        if self.proxy.stopping.wait(self.fault.delay):
                            return
                        self.client.sendall(bytes([byte]))
                    continue
                if self.fault.kind in (DROP, FREEZE) and self.armed.is_set():
                    if len(data) >= left:
                        self.client.sendall(data[:left])
                        self._strike()
                        return
                    left -= len(data)
                self.client.sendall(data)
        self._shut()

    def _strike(self) -> None:
        self.proxy.faults_struck += 1
        if self.fault.kind == DROP:
            self._shut()
        else:  # FREEZE: hold both sockets open, forward nothing, until the client gives up
            self.proxy.stopping.wait()
