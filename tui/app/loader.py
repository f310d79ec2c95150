"""The one seam between the app and the disk: how a corpus becomes a Library, and is cached.

Kept free of Textual; the app calls these from worker threads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tui.corpus import Article
from tui.library import Library, LibraryOptions

ProgressCallback = Callable[[Article, int, int], None]


def load_library(
    folder: Path,
    options: LibraryOptions | None,
    use_cache: bool,
    progress_cb: ProgressCallback | None = None,
) -> Library:
    """Load ``folder`` into a Library, reporting each article to ``progress_cb(article, done, total)``.

    With ``use_cache`` the on-disk cache supplies every file that has not changed since the last
    opening (and the indexes, when nothing changed at all).
    """
    opts = options or LibraryOptions()
    if not use_cache:
        return Library.open(folder, opts, on_article=progress_cb)
    from tui.cache import open_cached_library

    return open_cached_library(folder, opts, on_article=progress_cb)


def save_cache(library: Library) -> str | None:
    """Store what ``library`` has built for the next opening; a one-line warning if that fails."""
    if not hasattr(library, "cache_dir"):
        return None  # opened with --no-cache
    from tui.cache import save_library_cache

    try:
        save_library_cache(library)
    except OSError as exc:
        return f"index cache not saved ({exc.strerror or exc})"
    return None
