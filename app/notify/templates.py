"""Message templates: the office's own wording, with named placeholders.

A supervisor may rewrite each kind's text (setting ``notify_template_<kind>``). Only the
placeholders below are known, plain (no attribute, index or format), so a template can
say nothing the program did not mean to give it: there is no placeholder for the
passport number, and none can reach it.
"""

from __future__ import annotations

import string
from typing import Final

from app.errors import InvalidInput

KINDS: Final = ("passport_ready", "collect_by_soon", "number_near")
# {nama} the holder's name, {permohonan} the application number, {kantor} the office,
# {batas} the collect-by date, {hari}/{jam} the pickup days and hours, {jadwal} a whole
# sentence with both (empty when the office has no day profiles); for ``number_near``
# (a walk-in ticket, no name known) {nomor} the ticket's number and {sisa} about how
# many numbers come before it; for ``passport_ready`` {anjuran} a sentence naming the
# day the holder is invited on (empty when ``pickup_invite_per_day`` is 0 or no day is
# left). A placeholder a kind has no value for is left empty.
PLACEHOLDERS: Final = ("nama", "permohonan", "kantor", "batas", "hari", "jam", "jadwal",
                       "nomor", "sisa", "anjuran")
MAX_LENGTH: Final = 1000


def check(key: str, text: str) -> str:
    """``text`` as a template to store, or InvalidInput naming what is wrong."""
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_LENGTH or any(ord(c) < 32 and c != "\n" for c in text):
        raise InvalidInput("notify_template_bad", key=key, max=MAX_LENGTH)
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        raise InvalidInput("notify_template_braces", key=key) from None
    for _literal, name, spec, conversion in fields:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            raise InvalidInput("notify_template_placeholder", key=key, name=name,
                               known=" ".join("{" + p + "}" for p in PLACEHOLDERS))
    return text


def fill(template: str, values: dict[str, str]) -> str:
    """The template with its placeholders filled (every one is known: see :func:`check`)."""
    return template.format_map({p: values.get(p, "") for p in PLACEHOLDERS})
