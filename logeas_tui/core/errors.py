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


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (PostgreSQL adds DETAIL and HINT lines),
    without its final full stop, at most 200 characters."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0].rstrip(".")[:200]
