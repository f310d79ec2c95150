"""The one seam between the app and the disk: how a corpus becomes a Library.

Kept free of Textual so a cache can be slotted in here later without touching the screens.
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

    ``use_cache`` is accepted now so callers need not change when the index cache arrives.
    """
    del use_cache  # no cache yet: always read the folder
    return Library.open(folder, options or LibraryOptions(), on_article=progress_cb)
