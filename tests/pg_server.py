"""A throwaway PostgreSQL cluster on loopback for the tests that run on both engines.

`initdb` in a short temp folder, a free port, no Unix socket elsewhere than that folder, trust
authentication on 127.0.0.1 only; stopped and removed at the end of the session. PostgreSQL
refuses to run as root, so under root the cluster belongs to Debian's `postgres` user.

Each test gets a database of its own, copied from a template that already holds the schema
(`CREATE DATABASE … TEMPLATE`), so a test pays a file copy instead of the migrations.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.servers import HOST, free_port

TEMPLATE = "logeas_template"


def pg_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl (Debian keeps them out of PATH)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.access(Path(candidate) / "initdb", os.X_OK):
            return Path(candidate)
    return None


def _run_as(user: str | None) -> list[str]:
    return ["runuser", "-u", user, "--"] if user else []


@dataclass
class Postgres:
    root: Path
    port: int
    bin_dir: Path
    user: str | None  # the system user running the server (None: ourselves)
    _names: itertools.count[int] = field(default_factory=itertools.count, repr=False)

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@{HOST}:{self.port}/postgres"

    def url(self, name: str) -> str:
        return f"postgresql://postgres@{HOST}:{self.port}/{name}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)

    def new_database(self, template: str | None = TEMPLATE) -> str:
        """A fresh database (a copy of the migrated template unless told otherwise); its URL."""
        name = f"t{os.getpid()}_{next(self._names)}"
        copy = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self.sql(f"CREATE DATABASE {name}{copy}")
        return self.url(name)

    def drop(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with contextlib.suppress(Exception):
            self.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def log(self) -> str:
        path = self.root / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        subprocess.run(
            [*_run_as(self.user), str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data")]
            + ["-m", "immediate", "-w", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def start_postgres(timeout: float = 60.0) -> Postgres:
    bin_dir = pg_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (no initdb)")
    root = Path(tempfile.mkdtemp(prefix="pg", dir="/tmp"))  # the socket path must stay short
    user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("running as root and there is no 'postgres' user") from None
        user = "postgres"
        root.chmod(0o755)
        shutil.chown(root, user, user)
    prefix = _run_as(user)
    data = root / "data"
    done = subprocess.run(
        [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres"]
        + ["-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode:
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")
    port = free_port()
    options = (
        f"-c listen_addresses={HOST} -c port={port} -c unix_socket_directories={root} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        "-c max_connections=200 -c shared_buffers=64MB"
    )
    server = Postgres(root, port, bin_dir, user)
    started = subprocess.run(
        [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log")]
        + ["-o", options, "-w", "-t", str(int(timeout)), "start"],
        capture_output=True,
        text=True,
        timeout=timeout + 10,
    )
    if started.returncode:
        log = server.log()
        server.stop()
        raise RuntimeError(f"PostgreSQL did not start: {started.stderr.strip()}\n{log}")
    deadline = time.monotonic() + timeout
    while True:  # pg_ctl -w returns once it accepts connections; be sure over TCP too
        try:
            server.sql("SELECT 1")
            break
        except Exception:
            if time.monotonic() > deadline:
                server.stop()
                raise
            time.sleep(0.1)
    return server
