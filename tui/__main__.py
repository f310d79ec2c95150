"""``python -m tui``: the same program as the ``seedreader`` console script."""

from tui.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
