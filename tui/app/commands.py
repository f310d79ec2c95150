"""The command palette's reader commands: open an article, jump to an entity, toggle panes.

Theme changes come from Textual's built-in system commands. Article titles and entity names
are shown as ``Text`` (the default fuzzy highlighter would read them as markup).
"""

from __future__ import annotations

import contextlib
from functools import partial

from rich.text import Text
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.css.query import NoMatches

from tui.app.closing import ClosesOnce

MAX_TITLE_HITS = 30
FUZZY_SCAN = 5000  # titles fuzzy-matched when no title contains the typed text


class ReaderCommands(Provider):
    """Commands of the main screen, articles by title and entities by name."""

    def _screen(self):
        from tui.app.main_screen import MainScreen

        screen = self.screen
        if isinstance(screen, MainScreen):
            return screen
        for s in self.app.screen_stack:
            if isinstance(s, MainScreen):
                return s
        return None

    async def discover(self) -> Hits:
        screen = self._screen()
        if screen is None:
            return
        for name, help_text, callback in screen.palette_commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        screen = self._screen()
        if screen is None:
            return
        matcher = self.matcher(query)
        for name, help_text, callback in screen.palette_commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        library = screen.library
        if library is None:
            return
        needle = query.casefold().strip()
        if not needle:
            return
        found = 0
        candidates = [i for i, a in enumerate(library.articles) if needle in a.title.casefold()]
        if not candidates:
            candidates = list(range(min(len(library.articles), FUZZY_SCAN)))
        for i in candidates:
            title = library.articles[i].title
            score = matcher.match(title)
            if score > 0:
                found += 1
                yield Hit(
                    score * 0.9,
                    Text.assemble(("Open: ", "dim"), title),
                    partial(screen.open_article, i),
                    text=f"Open: {title}",
                    help="Open this article",
                )
                if found >= MAX_TITLE_HITS:
                    break
        if "entities" in screen.parts and screen.parts["entities"] is None:
            shown = 0
            for entity in library.entities.entities:
                if needle in entity.name.casefold():
                    score = matcher.match(entity.name) or 0.5
                    yield Hit(
                        score * 0.8,
                        Text.assemble(("Entity: ", "dim"), entity.name, (f"  {entity.type}", "dim")),
                        partial(screen.jump_to_entity, entity.name),
                        text=f"Entity: {entity.name}",
                        help=f"Jump to this {entity.type} in the sidebar",
                    )
                    shown += 1
                    if shown >= MAX_TITLE_HITS:
                        break


class ReaderCommandPalette(ClosesOnce, CommandPalette):
    """Textual's palette, minus three crashes (Textual 8.2.8).

    PageUp/PageDown reach the option list before it has been laid out (right after the palette
    opens, or while it refills as one types) and raise KeyError: a page move that cannot happen
    yet is skipped. Two quick Enters dismiss the palette twice, and the second dismissal popped
    the main screen (ScreenStackError): once the palette is no longer on top, it stays closed.
    A search that ends while the palette is closing shows its results on widgets already removed
    (NoMatches): there is nothing left to show them on.
    """

    def _action_command_list(self, action: str) -> None:
        with contextlib.suppress(KeyError, IndexError):
            super()._action_command_list(action)

    def _watch__list_visible(self) -> None:
        with contextlib.suppress(NoMatches):
            super()._watch__list_visible()

    async def _watch__show_busy(self) -> None:
        with contextlib.suppress(NoMatches):
            await super()._watch__show_busy()
