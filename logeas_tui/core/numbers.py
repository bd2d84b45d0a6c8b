"""Ticket numbers in OTRS's "DateChecksum" form, so numbers stay familiar to customers.

`YYYYMMDD` + 2-digit system id + 5-digit daily counter + 1 check digit. The check digit weighs
the digits 1,2,1,2… from the left, sums them, and is 10 − (sum mod 10), with 10 written as 1.
A mistyped number read out on the phone fails the check and is rejected.
The daily counter itself lives in the store (`store.counters`) so two processes never hand out
the same number.
"""

from __future__ import annotations

import re
from datetime import date

from logeas_tui.core.sentences import Sentence

_SUBJECT_RE = re.compile(r"Ticket#\s*:?\s*(\d{10,})", re.IGNORECASE)


def check_digit(digits: str) -> int:
    total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(digits))
    digit = 10 - total % 10
    return 1 if digit == 10 else digit


def make_number(day: date, system_id: str, counter: int) -> str:
    if not (system_id.isdigit() and len(system_id) == 2):
        raise ValueError(f"system id must be two digits, not {system_id!r}")
    if not 0 < counter < 100_000:
        raise ValueError(f"daily counter out of range: {counter}")
    body = f"{day:%Y%m%d}{system_id}{counter:05d}"
    return body + str(check_digit(body))


def is_valid(number: str) -> bool:
    """True when `number` has the DateChecksum shape and a correct check digit."""
    number = number.strip()
    if not (number.isdigit() and len(number) == 16):
        return False
    return check_digit(number[:-1]) == int(number[-1])


def explain_invalid(number: str) -> Sentence | None:
    """None if valid, else a sentence saying what is wrong with the typed number."""
    n = number.strip()
    if not n.isdigit():
        return Sentence("number_not_digits", text=number)
    if len(n) != 16:
        return Sentence("number_length", number=n, count=len(n))
    if not is_valid(n):
        return Sentence("number_check_digit", number=n)
    return None


def subject_hook(number: str) -> str:
    return f"[Ticket#{number}]"


def with_hook(subject: str, number: str) -> str:
    """The subject with `[Ticket#N]` in front, unless the number is already there."""
    if number in find_numbers(subject):
        return subject
    return f"{subject_hook(number)} {subject}".strip()


def find_numbers(subject: str) -> list[str]:
    """Valid ticket numbers in a subject (`Ticket#N`, `Ticket#: N`, `Ticket#:N`), in order."""
    return [m for m in _SUBJECT_RE.findall(subject or "") if is_valid(m)]
