"""``python -m docs.screenshots``: see :mod:`docs.screenshots`."""

from __future__ import annotations

import sys

from docs.screenshots.run import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
