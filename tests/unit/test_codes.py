"""The scan parser: signed codes, bare application numbers, and everything else refused."""

from __future__ import annotations

import string
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import codes

KEY = bytes.fromhex("11" * 32)
OTHER_OFFICE = bytes.fromhex("22" * 32)


def test_a_pickup_code_round_trips_and_fits_the_qr_alphanumeric_set() -> None:
    code = codes.sign(codes.PICKUP, 1234, KEY)
    assert code.startswith("LK1.P.1234.") and len(code) == len("LK1.P.1234.") + 16
    assert set(code) <= set(string.ascii_uppercase + string.digits + ".")
    scan = codes.parse(code, [KEY])
    assert (scan.kind, scan.ident, scan.signed, scan.reason) == ("pickup", 1234, True, None)


def test_ticket_and_pickup_codes_are_not_interchangeable() -> None:
    ticket = codes.sign(codes.TICKET, 7, KEY)
    assert codes.parse(ticket, [KEY]).kind == "ticket"
    # The same id with the other kind letter carries the wrong MAC.
    swapped = ticket.replace("LK1.T.", "LK1.P.")
    assert codes.parse(swapped, [KEY]).reason == codes.BAD_SIGNATURE


def test_a_code_from_another_office_is_refused() -> None:
    theirs = codes.sign(codes.PICKUP, 5, OTHER_OFFICE)
    assert codes.parse(theirs, [KEY]).reason == codes.BAD_SIGNATURE


def test_an_older_key_still_verifies_when_given() -> None:
    old = codes.sign(codes.PICKUP, 5, OTHER_OFFICE)
    assert codes.parse(old, [KEY, OTHER_OFFICE]).signed


def test_caps_lock_and_the_scanners_enter_key_are_forgiven() -> None:
    code = codes.sign(codes.PICKUP, 99, KEY)
    assert codes.parse(code.lower() + "\r\n", [KEY]).ident == 99
    assert codes.parse(("  " + code + "\t").encode(), [KEY]).ident == 99


@pytest.mark.parametrize(("raw", "reason"), [
    ("", codes.EMPTY),
    ("   \r\n", codes.EMPTY),
    (b"\xff\xfe\x00garbage", codes.NOT_TEXT),
    ("A" * 65, codes.TOO_LONG),
    ("A" * 10_000, codes.TOO_LONG),
    (b"1" * 10_000, codes.TOO_LONG),
    ("LK1.P.12\x00.AAAA", codes.CONTROL),
    ("2024-TNG\x1b[2J0001", codes.CONTROL),
    ("LK1.P.1\u200b.AAAAAAAAAAAAAAAA", codes.CONTROL),  # zero-width space
    ("LK2.P.1.AAAAAAAAAAAAAAAA", codes.UNKNOWN_VERSION),
    ("LK1.X.1.AAAAAAAAAAAAAAAA", codes.UNKNOWN_KIND),
    ("LK1.P.1.AAAA", codes.DAMAGED),
    ("LK1.P.01.AAAAAAAAAAAAAAAA", codes.DAMAGED),  # leading zero: not canonical
    ("LK1.P1.AAAAAAAAAAAAAAAA", codes.DAMAGED),
    ("LK1.P.1.AAAAAAAAAAAAAAAA", codes.BAD_SIGNATURE),
    ("hello", codes.NOT_UNDERSTOOD),
    ("https://example.org/x", codes.NOT_UNDERSTOOD),
    ("ABCDEFGH", codes.NOT_UNDERSTOOD),  # no digits: a word, not an application number
])
def test_refusals_say_why(raw: str | bytes, reason: str) -> None:
    scan = codes.parse(raw, [KEY])
    assert (scan.kind, scan.reason, scan.ident) == ("invalid", reason, None)


@pytest.mark.parametrize("number", ["2024-TNG-000123", "1234567890123456", "2B/IMI/0042"])
def test_a_bare_application_number_is_understood_but_not_signed(number: str) -> None:
    scan = codes.parse(number.lower(), [KEY])
    assert (scan.kind, scan.text, scan.signed) == ("application_no", number.upper(), False)


@settings(max_examples=400)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_arbitrary_input_never_crashes_and_is_never_accepted_as_signed(
        raw: str | bytes) -> None:
    scan = codes.parse(raw, [KEY])
    assert scan.kind in ("invalid", "application_no")
    assert scan.ident is None


_ALPHABET = string.ascii_uppercase + string.digits + ".-/"


@settings(max_examples=300)
@given(ident=st.integers(min_value=0, max_value=10**10 - 1), kind=st.sampled_from("PT"),
       data=st.data())
def test_any_single_character_change_to_a_valid_code_is_rejected(
        ident: int, kind: str, data: st.DataObject) -> None:
    code = codes.sign(kind, ident, KEY)
    assert codes.parse(code, [KEY]).ident == ident
    position = data.draw(st.integers(min_value=0, max_value=len(code) - 1))
    replacement = data.draw(st.characters(codec="utf-8").filter(
        lambda ch: ch.upper() != code[position]))
    altered = code[:position] + replacement + code[position + 1:]
    scan = codes.parse(altered, [KEY])
    # Only a change of case (Caps Lock) reads as the same code: anything else is refused,
    # or at most read as an unsigned application number — never as a signed code.
    assert not scan.signed, (code, altered)


@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=40))
def test_random_code_shaped_text_is_not_signed(text: str) -> None:
    assert not codes.parse("LK1.P." + text, [KEY]).signed


def test_sign_refuses_what_it_cannot_encode() -> None:
    with pytest.raises(ValueError):
        codes.sign("X", 1, KEY)
    with pytest.raises(ValueError):
        codes.sign(codes.PICKUP, -1, KEY)


# For each character of a code, the non-ASCII characters some part of Unicode reads as
# it: other scripts' digits with its value, its full-width form, letters whose upper
# case it is (dotless i, long s, the Kelvin sign).
def _lookalikes(ch: str) -> list[str]:
    found = [chr(ord(ch) + 0xFEE0)] if ch.isascii() and ch.isalnum() else []
    if ch.isdigit():
        found += [c for c in map(chr, range(0x80, 0x30000))
                  if unicodedata.digit(c, None) == int(ch)]
    found += [c for c in map(chr, range(0x80, 0x30000))
              if c.upper() == ch or c.lower() == ch.lower()]
    return found or ["\u3002"]


_LOOKALIKES = {ch: _lookalikes(ch) for ch in string.ascii_uppercase + string.digits + "."}


@settings(max_examples=400)
@given(ident=st.integers(min_value=0, max_value=10**10 - 1), kind=st.sampled_from("PT"),
       data=st.data())
def test_no_non_ascii_variant_of_a_valid_code_is_accepted(
        ident: int, kind: str, data: st.DataObject) -> None:
    code = codes.sign(kind, ident, KEY)
    positions = data.draw(st.sets(st.integers(min_value=0, max_value=len(code) - 1),
                                  min_size=1, max_size=4))
    chars = list(code)
    for position in positions:
        chars[position] = data.draw(st.one_of(
            st.sampled_from(_LOOKALIKES[code[position]]),
            st.characters(min_codepoint=0x80, codec="utf-8")))
    variant = "".join(chars)
    scan = codes.parse(variant, [KEY])
    assert scan.kind == "invalid", (code, variant, scan)
    assert not codes.parse(variant.encode("utf-8"), [KEY]).signed


def test_an_arabic_indic_digit_does_not_stand_for_its_ascii_digit() -> None:
    code = codes.sign(codes.PICKUP, 10, KEY)
    assert codes.parse(code.replace("LK1.P.10.", "LK1.P.1\u0660."), [KEY]).reason == \
        codes.DAMAGED
    assert codes.parse("2024-TNG-00012\u0663", [KEY]).kind == "invalid"
