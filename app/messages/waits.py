"""Sentences about waiting: the wait told on a ticket.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "wait_ahead": {
        "id": "Di depan Anda: {ahead}",
        "en": "Ahead of you: {ahead}",
    },
    "wait_range": {
        "id": "Perkiraan tunggu: {low}–{high} menit",
        "en": "Estimated wait: {low}–{high} min",
    },
    "wait_unknown": {
        "id": "Perkiraan tunggu: belum ada",
        "en": "Estimated wait: not known yet",
    },
}
