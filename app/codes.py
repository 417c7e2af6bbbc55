"""Signed codes for QR labels, and the one parser that tells every scan apart.

A code is ``LK1.<kind>.<id>.<mac>``: ``LK1`` the format version, ``P`` a pickup
record or ``T`` a ticket, the row id in decimal (no leading zeros), and the
first 80 bits of HMAC-SHA256 over ``LK1.<kind>.<id>`` with the office's secret,
in base32: only ASCII digits and base32 letters, so one code has one text
(case aside). It carries no personal data and uses only characters of the QR
alphanumeric set, so a 28-character code fits a version-2 QR (25×25 modules)
that a cheap scanner reads from a thermal print.

A keyboard-wedge scanner types what it reads; with Caps Lock on the PC it types
it in lower case. Codes are therefore compared in upper case (base32 does not
depend on case), and everything else a scanner may produce is refused with a
reason: garbage bytes, control characters, overlong input, a damaged or altered
code, a code from another office, an unknown version.

A bare application number (the barcode on the official receipt) is understood,
but it is not signed: whoever acts on it must check the receipt and the ID.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

VERSION: Final = 1
PREFIX: Final = f"LK{VERSION}"
PICKUP: Final = "P"
TICKET: Final = "T"
KINDS: Final = {PICKUP: "pickup", TICKET: "ticket"}

MAC_CHARS: Final = 16  # 80 bits of the MAC, base32
MAX_SCAN: Final = 64  # longer than any code or application number
_MAX_RAW: Final = 256  # looked at at all

_FAMILY = re.compile(r"LK([0-9]{1,3})\.")
_CODE = re.compile(r"LK1\.([A-Z])\.(0|[1-9][0-9]{0,9})\.([A-Z2-7]{16})")
# Application numbers as printed on receipts: letters, digits, '-' and '/',
# with enough digits that a word typed by mistake is not taken for one.
_APPLICATION_NO = re.compile(r"[A-Z0-9][A-Z0-9/-]{5,31}")
_MIN_DIGITS = 4

# Reasons a scan is refused (message ids in app.messages).
EMPTY = "scan_empty"
NOT_TEXT = "scan_not_text"
TOO_LONG = "scan_too_long"
CONTROL = "scan_control_chars"
UNKNOWN_VERSION = "scan_unknown_version"
UNKNOWN_KIND = "scan_unknown_kind"
DAMAGED = "scan_damaged"
BAD_SIGNATURE = "scan_bad_signature"
NOT_UNDERSTOOD = "scan_not_understood"
# The reasons a scan could not be read as any code or number: for an officer the
# precise one, for an applicant only "ask at the information desk".
UNREADABLE: Final = frozenset({EMPTY, NOT_TEXT, TOO_LONG, CONTROL, UNKNOWN_VERSION,
                               UNKNOWN_KIND, DAMAGED, BAD_SIGNATURE, NOT_UNDERSTOOD})


@dataclass(frozen=True)
class Scan:
    """What a scan turned out to be."""

    kind: str  # "pickup" | "ticket" | "application_no" | "invalid"
    text: str  # the scan in canonical form (upper case, trimmed); "" when unreadable
    ident: int | None = None  # record or ticket id of a signed code
    reason: str | None = None  # why it was refused (kind == "invalid")

    @property
    def signed(self) -> bool:
        return self.kind in KINDS.values()


def _mac(key: bytes, kind: str, ident: int) -> str:
    digest = hmac.new(key, f"{PREFIX}.{kind}.{ident}".encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(digest[:10]).decode("ascii")


def sign(kind: str, ident: int, key: bytes) -> str:
    """The code for row ``ident`` of ``kind`` (``P`` or ``T``)."""
    if kind not in KINDS:
        raise ValueError(f"unknown code kind {kind!r}")
    if ident < 0 or ident >= 10**10:
        raise ValueError(f"id out of range: {ident}")
    return f"{PREFIX}.{kind}.{ident}.{_mac(key, kind, ident)}"


def _invalid(reason: str, text: str = "") -> Scan:
    return Scan("invalid", text, reason=reason)


def parse(raw: str | bytes, keys: Sequence[bytes]) -> Scan:
    """Classify one scan. Never raises; a refusal is a :class:`Scan` with a reason.

    ``keys`` are the office's signing keys, current first (older ones keep
    printed codes valid for a while after the key is changed).
    """
    if isinstance(raw, bytes | bytearray):
        if len(raw) > _MAX_RAW:
            return _invalid(TOO_LONG)
        try:
            raw = bytes(raw).decode("utf-8")
        except UnicodeDecodeError:
            return _invalid(NOT_TEXT)
    if len(raw) > _MAX_RAW:
        return _invalid(TOO_LONG)
    # Scanners end a read with Enter (and some with Tab); spaces around are noise.
    text = raw.strip(" \t\r\n")
    if not text:
        return _invalid(EMPTY)
    if any(unicodedata.category(ch)[0] == "C" for ch in text):
        return _invalid(CONTROL)
    if len(text) > MAX_SCAN:
        return _invalid(TOO_LONG)
    if not text.isascii():
        # One code has one text (case aside): other scripts' digits, full-width forms
        # and letters whose upper case is ASCII (dotless i, long s) would each make
        # another text that verifies, and none of them comes from a scanner reading a
        # Loket label. Checked before upper() turns some of them into ASCII.
        looks_like_code = text[:2].upper() == "LK" or "." in text
        return _invalid(DAMAGED if looks_like_code else NOT_UNDERSTOOD)
    text = text.upper()
    family = _FAMILY.match(text)
    if family:
        return _parse_code(text, int(family.group(1)), keys)
    if _APPLICATION_NO.fullmatch(text) and sum(ch in string.digits for ch in text) >= _MIN_DIGITS:
        return Scan("application_no", text)
    return _invalid(NOT_UNDERSTOOD, text)


def _parse_code(text: str, version: int, keys: Sequence[bytes]) -> Scan:
    if version != VERSION:
        return _invalid(UNKNOWN_VERSION, text)
    kind, separator = text[len(PREFIX) + 1:len(PREFIX) + 2], text[len(PREFIX) + 2:len(PREFIX) + 3]
    if separator != ".":
        return _invalid(DAMAGED, text)
    if kind not in KINDS:
        return _invalid(UNKNOWN_KIND if kind.isalpha() else DAMAGED, text)
    match = _CODE.fullmatch(text)
    if not match:
        return _invalid(DAMAGED, text)
    ident = int(match.group(2))
    mac = match.group(3)
    for key in keys:
        if hmac.compare_digest(mac, _mac(key, kind, ident)):
            return Scan(KINDS[kind], text, ident=ident)
    return _invalid(BAD_SIGNATURE, text)
