"""peewee imports psycopg as it loads (a quarter of a second here), even when the store is a
SQLite file. Importing this module first keeps psycopg out of that import; `load_postgres()`,
called when a postgresql:// store is opened, gives peewee the driver then. Where peewee was
already imported with psycopg (the tests, a library user), both are no-ops."""

from __future__ import annotations

import sys

_deferred = False


def _defer() -> None:
    global _deferred
    if "peewee" in sys.modules or "psycopg" in sys.modules:
        return
    sys.modules["psycopg"] = None  # type: ignore[assignment]  # `import psycopg` fails
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg"]
    _deferred = True


def load_postgres() -> None:
    """Give peewee the psycopg driver it did not import (what its own import would have set)."""
    global _deferred
    if not _deferred:
        return
    import peewee
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    peewee.psycopg = psycopg  # type: ignore[attr-defined]
    peewee.TransactionStatus = TransactionStatus  # type: ignore[attr-defined]
    peewee.Json_pg3 = Json  # type: ignore[attr-defined]
    peewee.Jsonb_pg3 = Jsonb  # type: ignore[attr-defined]
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
    _deferred = False


_defer()
