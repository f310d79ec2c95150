"""Open the reader: the CLI's only door into Textual."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.library import LibraryOptions
    from tui.settings import Settings


def run_app(
    folder: Path,
    settings: Settings | None,
    options: LibraryOptions | Callable[[], LibraryOptions],
    use_cache: bool,
) -> int:
    """Run the reader on ``folder`` until the user quits; returns the exit status (0)."""
    from tui.app.app import SeedreaderApp

    app = SeedreaderApp(folder, settings=settings, options=options, use_cache=use_cache)
    # Our own loop: ``asyncio.run`` would wait, after the screen is gone, for a worker thread
    # that is still reading or indexing a big folder.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    app.run(loop=loop)
    _leave_background_work()
    loop.close()
    return 0


def _leave_background_work() -> None:
    """Quit now even if loading is still running: Python would wait for the worker thread.

    Reading and indexing only read the corpus, and reader state is written as it changes (the
    cache is rebuilt next time), so nothing the user did is lost by not waiting.
    """
    import os
    import sys
    import threading

    busy = [
        t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon and t.is_alive()
    ]
    if not busy:
        return
    from tui.search.parallel import stop_builds

    stop_builds()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
