"""What a technician types in "From customer": a valid e-mail address, or a phone number that
becomes `<digits>@<support domain>` (the procedure's placeholder for customers with no mail)."""

from __future__ import annotations

import re

from logeas_tui.core.errors import InvalidInput
from logeas_tui.core.sentences import Sentence

_PHONE = re.compile(r"^\+?[\d\s.\-/()]+$")


def phone_digits(text: str) -> str | None:
    """National digits of a phone number (`+33 1 23…` → `0123…`), or None if not a number."""
    text = text.strip()
    if not _PHONE.match(text):
        return None
    digits = re.sub(r"\D", "", text.replace("(0)", ""))  # "+33 (0)1 23…": the 0 is optional
    if text.startswith("+"):
        digits = "0" + digits[2:] if digits.startswith("33") else "00" + digits
    elif digits.startswith("0033"):
        digits = "0" + digits[4:]
    return digits if 6 <= len(digits) <= 20 else None


def customer_address(text: str, domain: str) -> str:
    """The address to store for what was typed; InvalidInput (field "customer") otherwise."""
    text = text.strip()
    if not text:
        raise InvalidInput(Sentence("customer_missing"), "customer")
    if "@" not in text:
        digits = phone_digits(text)
        if digits is None:
            raise InvalidInput(Sentence("customer_neither", text=text), "customer")
        return f"{digits}@{domain}"
    from email_validator import EmailNotValidError, validate_email  # ~40 ms: when first typed

    try:
        return str(validate_email(text, check_deliverability=False).normalized).lower()
    except EmailNotValidError as exc:
        raise InvalidInput(
            Sentence("customer_bad_email", text=text, why=str(exc)), "customer"
        ) from None


def mail_customer(
    from_addr: str, from_name: str, reply_to: str, reply_to_name: str, own: frozenset[str]
) -> tuple[str, str]:
    """(address, name) of the customer of a received mail: its Reply-To when it names someone
    else than the sender and the support — a web form's mail comes from the site and answers
    go to the person who filled it, as a mail client would answer — else its sender."""
    if reply_to and "@" in reply_to and reply_to != from_addr and reply_to not in own:
        return reply_to, reply_to_name
    return from_addr, from_name
