"""The timeline: every dated expression in time order, grouped by year (and month).

Each entry shows its normalised date, a short snippet and its article; unresolved and relative
expressions come last. ``t`` switches between the open article and the whole corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message

from tui.app.messages import TimelineChosen
from tui.app.view import TimelineRows, display_value, short_snippet, timeline_rows
from tui.app.widgets.line_list import LineList, one_line, spec_binding
from tui.extract.model import TimelineEntry


class TimelineView(LineList):
    """Dated expressions; ``Enter`` posts :class:`TimelineChosen`."""

    HELP: ClassVar[str] = "Timeline: j/k move, Enter opens the article at that sentence, t article/corpus."
    BINDINGS: ClassVar[list[BindingType]] = [spec_binding("timeline_scope")]

    class ScopeChanged(Message):
        """The timeline now shows one article (``article_only``) or the corpus; ``shown`` entries."""

        def __init__(self, article_only: bool, shown: int) -> None:
            super().__init__()
            self.article_only = article_only
            self.shown = shown

    def __init__(self, *, grouping: str = "year", id: str | None = None) -> None:
        super().__init__(id=id)
        self.grouping = grouping
        self.entries: Sequence[TimelineEntry] = ()
        self.article_only = False
        self.article_id: str | None = None
        self.title_of: Callable[[str], str] = lambda article_id: article_id
        self.body_of: Callable[[str], str] = lambda article_id: ""
        self._rows = TimelineRows([], [])
        self.empty_text = "Finding dates…"

    def set_entries(
        self,
        entries: Sequence[TimelineEntry],
        title_of: Callable[[str], str],
        body_of: Callable[[str], str],
    ) -> None:
        """Show ``entries``; ``title_of`` and ``body_of`` look up an article by id for drawing."""
        self.entries = entries
        self.title_of = title_of
        self.body_of = body_of
        self.empty_text = "No dates found"
        self._regroup()

    def set_article(self, article_id: str | None) -> None:
        """The open article changed (matters when showing one article only)."""
        if article_id == self.article_id:
            return
        self.article_id = article_id
        if self.article_only:
            self._regroup(cursor=0)

    def action_toggle_scope(self) -> None:
        self.article_only = not self.article_only
        self._regroup(cursor=0)

    def _regroup(self, cursor: int | None = None) -> None:
        scope = self.article_id if self.article_only else None
        if self.article_only and scope is None:
            self._rows = TimelineRows([], [])
            self.empty_text = "No article open"
        else:
            self._rows = timeline_rows(self.entries, self.grouping, scope)
            self.empty_text = "No dates in this article" if self.article_only else "No dates found"
        self.set_count(
            len(self._rows.rows), cursor if cursor is not None else (1 if self.cursor < 0 else None)
        )
        self.post_message(self.ScopeChanged(self.article_only, self._rows.entry_count))

    def row_count(self) -> int:
        return len(self._rows.rows)

    def selectable(self, row: int) -> bool:
        return self._rows.rows[row] >= 0

    @property
    def shown_entries(self) -> list[TimelineEntry]:
        """The entries listed now (for tests)."""
        return [self.entries[r] for r in self._rows.rows if r >= 0]

    @property
    def current(self) -> TimelineEntry | None:
        if 0 <= self.cursor < self.row_count() and self._rows.rows[self.cursor] >= 0:
            return self.entries[self._rows.rows[self.cursor]]
        return None

    def choose(self, row: int) -> None:
        r = self._rows.rows[row]
        if r >= 0:
            self.post_message(TimelineChosen(self.entries[r]))

    def render_row(self, row: int, width: int) -> Text:
        r = self._rows.rows[row]
        heading = self._rows.heading(r)
        if heading is not None:
            text, level = heading
            style = self.get_component_rich_style(
                "line-list--heading" if level == 0 else "line-list--dim", partial=True
            )
            return Text(("  " * level) + text, style=style)
        entry = self.entries[r]
        dim = self.get_component_rich_style("line-list--dim", partial=True)
        value = Text(f" {display_value(entry.value)[:10]:<10} ", style="bold")
        room = max(1, width - value.cell_len)
        title = Text(" — " + one_line(self.title_of(entry.article)), style=dim) if room >= 48 else Text()
        title.truncate(max(8, room // 3), overflow="ellipsis")
        snippet = Text(short_snippet(entry, self.body_of(entry.article), max(8, room - title.cell_len)))
        at = snippet.plain.find(entry.text)
        if at >= 0:
            snippet.stylize("underline", at, at + len(entry.text))
        snippet.truncate(max(1, room - title.cell_len), overflow="ellipsis", pad=True)
        return Text.assemble(value, snippet, title, no_wrap=True)
