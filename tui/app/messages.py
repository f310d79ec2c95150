"""Messages between the panes, the workers and the main screen.

Panes post what the user did ("open this article"); workers post what they found; the
screen decides what every other pane shows. No pane calls another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.corpus import Article
    from tui.extract.model import TimelineEntry
    from tui.library import Library


# --- from the panes -------------------------------------------------------------------------


class OpenArticle(Message):
    """The user chose article number ``number`` (an index into the current article sequence)."""

    def __init__(self, number: int, rows_version: int | None = None) -> None:
        super().__init__()
        self.number = number
        # Chosen in the article list when it showed this version of its rows (None: elsewhere).
        # Keys are read ahead of results, so the rows may have changed by the time this arrives.
        self.rows_version = rows_version


class EntityChosen(Message):
    """The user chose an entity in the sidebar: toggle a filter on it."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class TimelineChosen(Message):
    """The user chose a timeline entry: open its article at that sentence."""

    def __init__(self, entry: TimelineEntry) -> None:
        super().__init__()
        self.entry = entry


class SearchChanged(Message):
    """The search text changed (the screen debounces)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class SearchClosed(Message):
    """Esc in the search box: close it and clear the search."""


# --- from the workers -----------------------------------------------------------------------


class LoadProgress(Message):
    """Articles read so far; ``articles`` is the batch read since the last message."""

    def __init__(self, generation: int, articles: list[Article], done: int, total: int) -> None:
        super().__init__()
        self.generation = generation
        self.articles = articles
        self.done = done
        self.total = total


class LibraryLoaded(Message):
    def __init__(self, generation: int, library: Library) -> None:
        super().__init__()
        self.generation = generation
        self.library = library


class LoadFailed(Message):
    def __init__(self, generation: int, message: str) -> None:
        super().__init__()
        self.generation = generation
        self.message = message


class PartReady(Message):
    """A lazily built part of the library is ready (``part``: "index", "entities", "timeline").

    ``error`` is a readable message when building it failed.
    """

    def __init__(self, generation: int, part: str, error: str | None = None) -> None:
        super().__init__()
        self.generation = generation
        self.part = part
        self.error = error


class ViewComputed(Message):
    """The rows the list should show for the given search text and filters."""

    def __init__(self, generation: int, query: str, rows: list[int] | None, error: str | None) -> None:
        super().__init__()
        self.generation = generation
        self.query = query
        self.rows = rows
        self.error = error
