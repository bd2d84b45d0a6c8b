"""Errors the procedure raises: each carries one sentence a technician can act on."""


class HelpdeskError(Exception):
    """Base: str(error) is the sentence shown to the user."""


class NotFound(HelpdeskError):
    pass


class Refused(HelpdeskError):
    """The procedure forbids this action in the ticket's current state."""


class InvalidInput(HelpdeskError):
    """A field the user typed is wrong; `field` names it so a form can show the error beside it."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Conflict(HelpdeskError):
    """Someone else changed the ticket since it was read (optimistic locking)."""


class ConfigError(HelpdeskError):
    pass


class DiskFull(HelpdeskError):
    """The disk (or quota) holding the store is full: the transaction was undone whole."""


# SQLite says this on SQLITE_FULL; PostgreSQL's disk-full SQLSTATE is 53100
_FULL_TEXT = "database or disk is full"
_FULL_SQLSTATE = "53100"


def is_disk_full(exc: BaseException) -> bool:
    """Whether `exc`, or an error it was raised while handling, is a full disk. SQLite rolls
    back by itself on SQLITE_FULL, so peewee's own ROLLBACK then fails "cannot rollback - no
    transaction is active": the real cause is in the chain, not in the last error."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        code = getattr(current, "sqlstate", None) or getattr(current, "pgcode", None)
        if code == _FULL_SQLSTATE or _FULL_TEXT in str(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (PostgreSQL adds DETAIL and HINT lines),
    without its final full stop, at most 200 characters."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0].rstrip(".")[:200]
