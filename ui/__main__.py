"""``python -m ui``: the program with its windows, as the ``loket`` command."""

from ui.main import main

raise SystemExit(main())
