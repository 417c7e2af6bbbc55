"""An applicant's contact as the backlog list gives it: a mobile number or an address.

Numbers are kept in one form, ``+628…``: the list may say ``+62 812-3456-7890``,
``0812 3456 7890`` or ``6281234567890`` (a spreadsheet that dropped the ``+``). Anything
else is refused, never guessed: a number Excel stored as a number lost its leading 0
(``812…``), and a landline cannot take a text message.
"""

from __future__ import annotations

import re
from typing import Final

MAX_LENGTH: Final = 100
# After +62: the mobile prefix 8 and 8 to 11 more digits (0812-3456-78 … 0812-3456-789012).
_MOBILE: Final = re.compile(r"\+628\d{8,11}")
_SEPARATORS: Final = re.compile(r"[\s().-]")
_EMAIL: Final = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


def is_email(contact: str) -> bool:
    return "@" in contact


def normalise(text: str) -> str | None:
    """The contact in its stored form, or None when it is neither a mobile number
    (+62…, 62…, 08…) nor an e-mail address. Empty text is None too."""
    text = (text or "").strip()
    if not text or len(text) > MAX_LENGTH:
        return None
    if "@" in text:
        local, _, domain = text.rpartition("@")
        address = f"{local}@{domain.lower()}"
        return address if _EMAIL.fullmatch(address) else None
    digits = _SEPARATORS.sub("", text)
    if digits.startswith("08"):
        digits = "+62" + digits[1:]
    elif digits.startswith("62"):
        digits = "+" + digits
    return digits if _MOBILE.fullmatch(digits) else None
