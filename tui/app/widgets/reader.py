"""The reading view: title, metadata, then the body wrapped to the pane.

Entity mentions are coloured by type, search hits and filtered entities highlighted, a
timeline expression marked. The body is styled by character offsets on a ``rich.text.Text``
(never markup: article text may contain ``[bold]`` or ``[@click=…]``), wrapped once per width,
and drawn line by line.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich._wrap import divide_line
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.widgets.line_list import one_line, spec_binding

if TYPE_CHECKING:
    from tui.corpus import Article

Span = tuple[int, int]


class ReaderView(ScrollView, can_focus=True, inherit_bindings=False):
    """One article, decorated; the screen says what to highlight."""

    HELP: ClassVar[str] = "Reading view: space/b page, j/k scroll, [ and ] previous/next article, n/N hits."
    BINDINGS: ClassVar[list[BindingType]] = [
        spec_binding("page_down"),
        spec_binding("page_up"),
        spec_binding("line_down"),
        spec_binding("line_up"),
        spec_binding("list_top", "scroll_home", "Top"),
        spec_binding("list_bottom", "scroll_end", "Bottom"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"reader--title", "reader--meta"}
    DEFAULT_CSS = """
    ReaderView {
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        padding: 0 1;
    }
    ReaderView > .reader--title { text-style: bold; color: $text-accent; }
    ReaderView > .reader--meta { color: $text-muted; }
    """

    def __init__(
        self,
        *,
        entity_colors: dict[str, str] | None = None,
        hit_style: str = "black on yellow",
        current_hit_style: str = "bold black on dark_orange",
        timeline_style: str = "underline",
        filter_style: str = "bold underline",
        wrap_width: int | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.entity_colors = {k: _style(v) for k, v in (entity_colors or {}).items()}
        self.hit_style = _style(hit_style)
        self.current_hit_style = _style(current_hit_style)
        self.timeline_style = _style(timeline_style)
        self.filter_style = _style(filter_style)
        self.wrap_width = wrap_width
        self.article: Article | None = None
        self.mentions: Sequence[tuple[int, int, str]] = ()
        self.filter_spans: Sequence[Span] = ()
        self.hits: Sequence[Span] = ()
        self.current_hit = -1
        self.mark: Span | None = None
        self._lines: list[Text] = []
        self._line_starts: list[int] = []  # body offset of each body line ...
        self._line_numbers: list[int] = []  # ... and which drawn line it is
        self._width = 0
        self._cache: dict[int, Strip] = {}
        self._pending_offset: int | None = None  # where to scroll once the hidden view is laid out

    # --- what to show -----------------------------------------------------------------

    def show(self, article: Article | None, scroll_to: int | None = None) -> None:
        """Show ``article`` from its top, or with body offset ``scroll_to`` in view."""
        self.article = article
        self._rebuild()
        if scroll_to is not None:
            self.scroll_to_offset(scroll_to)
        else:
            self._pending_offset = None
            self.scroll_to(y=0, animate=False, force=True)

    def decorate(
        self,
        mentions: Sequence[tuple[int, int, str]] = (),
        filter_spans: Sequence[Span] = (),
        hits: Sequence[Span] = (),
        current_hit: int = -1,
        mark: Span | None = None,
    ) -> None:
        """Set the highlights (offsets into the body); keeps the scroll position."""
        self.mentions = mentions
        self.filter_spans = filter_spans
        self.hits = hits
        self.current_hit = current_hit
        self.mark = mark
        self._rebuild()

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that body offset ``offset`` is on screen, a third of the way down. A hidden view (narrow
        layouts show one pane at a time) has no width to wrap its lines at: it scrolls once laid out."""
        if self.scrollable_content_region.width == 0:
            self._pending_offset = offset
            return
        self._pending_offset = None
        line = self.line_of(offset)
        height = max(1, self.scrollable_content_region.height)
        self.scroll_to(y=max(0, line - height // 3), animate=False, force=True)

    def line_of(self, offset: int) -> int:
        """The drawn line holding body offset ``offset``."""
        if not self._line_starts:
            return 0
        i = max(0, bisect.bisect_right(self._line_starts, offset) - 1)
        return self._line_numbers[i]

    @property
    def text_lines(self) -> list[str]:
        """The drawn lines as plain text (for tests and debugging)."""
        return [line.plain for line in self._lines]

    # --- layout -----------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._rebuild()
            if self._pending_offset is not None and self._width:
                self.scroll_to_offset(self._pending_offset)

    def _rebuild(self) -> None:
        width = max(1, self.scrollable_content_region.width)
        if self.wrap_width:
            width = max(1, min(width, self.wrap_width))
        self._width = self.scrollable_content_region.width
        self._cache.clear()
        self._lines, self._line_starts, self._line_numbers = [], [], []
        article = self.article
        if article is None:
            hint = "No article open. Choose one in the list (Enter), search with /, or press ? for help."
            self._lines = _wrap_plain(Text(hint, style=self.get_component_rich_style("reader--meta")), width)
        else:
            self._build_article(article, width)
        self.virtual_size = Size(self._width, len(self._lines))
        self.refresh()

    def _build_article(self, article: Article, width: int) -> None:
        title_style = self.get_component_rich_style("reader--title")
        meta_style = self.get_component_rich_style("reader--meta")
        self._lines.extend(_wrap_plain(Text(one_line(article.title), style=title_style), width))
        meta = " · ".join(
            part
            for part in (
                article.date.isoformat() if article.date else "",
                one_line(article.source or ""),
                f"{article.words:,} words",
            )
            if part
        )
        self._lines.extend(_wrap_plain(Text(meta, style=meta_style), width))
        if article.url:
            self._lines.extend(_wrap_plain(Text(one_line(article.url), style=meta_style), width))
        self._lines.append(Text())

        body = article.body.replace("\t", " ")
        text = Text(body)
        for s, e, kind in self.mentions:
            style = self.entity_colors.get(kind)
            if style is not None:
                text.stylize(style, s, e)
        for s, e in self.filter_spans:
            text.stylize(self.filter_style, s, e)
        if self.mark is not None:
            text.stylize(self.timeline_style, *self.mark)
        for i, (s, e) in enumerate(self.hits):
            text.stylize(self.current_hit_style if i == self.current_hit else self.hit_style, s, e)

        spaced = "\n\n" not in body  # one paragraph a line: add air between them
        ranges: list[Span] = []  # (start, end) of each drawn body line; end < start for a blank
        pos = 0
        for raw in body.split("\n"):
            start, end = pos, pos + len(raw)
            pos = end + 1
            if not raw.strip():
                ranges.append((start, start - 1))
                continue
            starts = [start] + [start + b for b in divide_line(raw, width, fold=True)]
            ranges.extend(zip(starts, starts[1:] + [end], strict=True))
            if spaced:
                ranges.append((end, end - 1))
        cuts = sorted({x for s, e in ranges if e >= s for x in (s, e)})
        pieces = text.divide(cuts)
        piece_at = {cut: i + 1 for i, cut in enumerate(cuts)}
        first = len(self._lines)
        for n, (s, e) in enumerate(ranges):
            self._line_starts.append(s)
            self._line_numbers.append(first + n)
            if e < s:
                self._lines.append(Text())
            else:
                line = pieces[piece_at[s]].copy()
                line.rstrip()
                self._lines.append(line)

    # --- drawing ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = round(self.scroll_y) + y
        base = self.rich_style
        if row >= len(self._lines) or width <= 0:
            return Strip.blank(max(0, width), base)
        strip = self._cache.get(row)
        if strip is None:
            line = self._lines[row]
            strip = Strip(list(line.render(self.app.console, end="")), line.cell_len)
            self._cache[row] = strip
        return strip.apply_style(base).crop_extend(0, width, base)


def _style(spec: str) -> Style:
    """A Rich style from a config string; an unknown one draws plain rather than crashing."""
    try:
        return Style.parse(spec)
    except Exception:
        return Style()


def _wrap_plain(text: Text, width: int) -> list[Text]:
    """Word-wrap one line of text to ``width``."""
    offsets = divide_line(text.plain, width, fold=True)
    lines = list(text.divide(offsets)) if offsets else [text]
    for line in lines:
        line.rstrip()
    return lines
