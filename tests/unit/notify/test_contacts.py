"""Contacts from the backlog list: one stored form, anything else refused."""

from __future__ import annotations

import pytest

from app.errors import InvalidInput
from app.notify import contacts, templates


@pytest.mark.parametrize(("given", "stored"), [
    ("+62 812-3456-7890", "+6281234567890"),
    ("0812 3456 7890", "+6281234567890"),
    ("081234567890", "+6281234567890"),
    ("(0812) 3456.789", "+628123456789"),
    ("6281234567890", "+6281234567890"),
    ("Budi@Example.CO.ID", "Budi@example.co.id"),
])
def test_numbers_and_addresses_are_kept_in_one_form(given: str, stored: str) -> None:
    assert contacts.normalise(given) == stored


@pytest.mark.parametrize("given", [
    "81234567890",  # Excel dropped the leading 0
    "+6221123456",  # a landline takes no text message
    "0812345",  # too short
    "08123456789012345",  # too long
    "+1 202 555 0100",  # not Indonesian
    "budi@", "@example.com", "budi@localhost", "bu di@example.com", "12ab34567890",
])
def test_anything_else_is_refused_not_guessed(given: str) -> None:
    assert contacts.normalise(given) is None


def test_a_template_knows_only_its_placeholders() -> None:
    assert templates.check("t", " Halo {nama}, {hari} {jam} ") == "Halo {nama}, {hari} {jam}"
    for bad in ("{paspor}", "{passport_no}", "{nama.__class__}", "{nama[0]}", "{nama!r}",
                "{nama:>99}", "{}"):
        with pytest.raises(InvalidInput) as err:
            templates.check("notify_template_passport_ready", bad)
        assert err.value.code == "notify_template_placeholder"
    with pytest.raises(InvalidInput) as err:
        templates.check("t", "Halo {nama")
    assert err.value.code == "notify_template_braces"
