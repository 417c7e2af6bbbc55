"""The message catalogue: every refusal the core can raise reads well in both languages."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from app import codes
from app.messages import LANGUAGES, MESSAGES

APP = Path(__file__).resolve().parents[3] / "app"
_RAISED = re.compile(r'(?:Refused|InvalidInput|NotFound|SchemaError|DatabaseUnavailable)'
                     r'\(\s*"([a-z_]+)"|Problem\([^,]+,\s*"([a-z_]+)"|render\("([a-z_]+)"')


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_exists_in_both_languages_with_the_same_blanks(code: str) -> None:
    texts = MESSAGES[code]
    assert set(texts) == set(LANGUAGES)
    assert all(t.strip() for t in texts.values())
    blanks = {lang: _fields(t) for lang, t in texts.items()}
    # Language-specific words may differ (status_id / status_en); the rest must match.
    strip = {lang: {b for b in bs if not b.endswith(("_id", "_en"))} for lang, bs in
             blanks.items()}
    assert strip["id"] == strip["en"], code


def test_every_code_the_core_raises_has_a_message() -> None:
    used = set()
    for path in APP.rglob("*.py"):
        for match in _RAISED.finditer(path.read_text(encoding="utf-8")):
            used.add(next(g for g in match.groups() if g))
    used |= {v for k, v in vars(codes).items()
             if k.isupper() and isinstance(v, str) and v.startswith("scan_")}
    assert len(used) > 50  # the pattern still finds them
    assert sorted(used - set(MESSAGES)) == []
