"""The one way Loket stores a value as JSON text in a column.

Settings, change-feed data, audit details and remembered request results are JSON
in a TEXT column, readable by every backend and by a person reading a dump. They
are all written here, with the same options (UTF-8 kept as is, keys sorted so the
same value always gives the same text, dates and other values as text).
"""

from __future__ import annotations

import json
from typing import Any


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def loads(text: str | None, empty: Any = None) -> Any:
    """The value of ``text``; ``empty`` for a missing or empty column."""
    return json.loads(text) if text else empty
