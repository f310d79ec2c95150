"""Open the reader: the CLI's only door into Textual."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.library import LibraryOptions
    from tui.settings import Settings


def run_app(folder: Path, settings: Settings | None, options: LibraryOptions, use_cache: bool) -> int:
    """Run the reader on ``folder`` until the user quits; returns the exit status (0)."""
    from tui.app.app import SeedreaderApp

    app = SeedreaderApp(folder, settings=settings, options=options, use_cache=use_cache)
    app.run()
    return 0
