"""A cursor over rows drawn one line at a time: the base of the list, sidebar and timeline.

Like Textual's ``Log`` and toolong's viewer, it is a ``ScrollView`` that renders only the
visible lines, so a list of 100,000 rows costs what a screenful costs. Subclasses say how many
rows there are, which are selectable and how one row looks.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.bindings import binding


def spec_binding(
    binding_id: str, action: str | None = None, description: str | None = None, *, priority: bool = False
) -> Binding:
    """A Textual Binding built from the table in ``tui.bindings`` (so keymaps by id apply)."""
    spec = binding(binding_id)
    return Binding(
        spec.keys,
        action or spec.action,
        description or spec.description,
        show=spec.show,
        id=spec.id,
        priority=priority,
    )


def one_line(text: str) -> str:
    """``text`` on one line: a row must never break the line it is drawn on."""
    return " ".join(text.split()) if any(c in text for c in "\n\r\t\f\v") else text


class LineList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows with a cursor; ``Enter`` calls :meth:`choose` on the row under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        spec_binding("list_down"),
        spec_binding("list_up"),
        spec_binding("list_top"),
        spec_binding("list_bottom"),
        spec_binding("list_open"),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"line-list--cursor", "line-list--heading", "line-list--dim"}
    DEFAULT_CSS = """
    LineList {
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
    }
    LineList > .line-list--cursor { background: $panel; }
    LineList:focus > .line-list--cursor { background: $accent 60%; color: $text; text-style: bold; }
    LineList > .line-list--heading { color: $text-accent; text-style: bold; }
    LineList > .line-list--dim { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.cursor = -1
        self._count = 0
        self.empty_text = ""

    # --- to override ------------------------------------------------------------------

    def row_count(self) -> int:
        return self._count

    def selectable(self, row: int) -> bool:
        return True

    def render_row(self, row: int, width: int) -> Text:
        return Text()

    def choose(self, row: int) -> None:
        """Enter (or a click) on ``row``."""

    def cursor_moved(self) -> None:
        """Called after the cursor moved (subclasses post messages)."""

    # --- rows -------------------------------------------------------------------------

    def set_count(self, count: int, cursor: int | None = None) -> None:
        """Say the rows changed: ``count`` rows, cursor at ``cursor`` (clamped; default: kept)."""
        self._count = count
        self.virtual_size = Size(max(1, self.scrollable_content_region.width), count)
        wanted = self.cursor if cursor is None else cursor
        self.cursor = self._nearest_selectable(min(max(wanted, 0), count - 1)) if count else -1
        self._scroll_cursor_into_view(center=cursor is not None)
        self.refresh()

    def _nearest_selectable(self, row: int) -> int:
        count = self.row_count()
        for r in range(row, count):
            if self.selectable(r):
                return r
        for r in range(min(row, count - 1), -1, -1):
            if self.selectable(r):
                return r
        return -1

    def move_cursor(self, row: int) -> None:
        """Put the cursor on ``row`` (or the nearest selectable row) and scroll it into view."""
        count = self.row_count()
        if not count:
            return
        new = self._nearest_selectable(min(max(row, 0), count - 1))
        if new == self.cursor:
            return
        self.cursor = new
        self._scroll_cursor_into_view()
        self.refresh()
        self.cursor_moved()

    def _step(self, delta: int) -> None:
        count = self.row_count()
        if not count:
            return
        row = self.cursor if self.cursor >= 0 else -delta
        row += delta
        while 0 <= row < count and not self.selectable(row):
            row += 1 if delta > 0 else -1
        if 0 <= row < count:
            self.move_cursor(row)

    def _scroll_cursor_into_view(self, center: bool = False) -> None:
        height = self.scrollable_content_region.height
        if self.cursor < 0 or height <= 0:
            return  # hidden (one pane at a time): scrolled when shown, by on_resize
        top = round(self.scroll_y)
        # the headings right above the cursor come into view with it ("People" above the first person)
        first = self.cursor
        while first > 0 and self.cursor - first < 3 and not self.selectable(first - 1):
            first -= 1
        if center and not (top <= self.cursor < top + height):
            self.scroll_to(y=max(0, min(first, self.cursor - height // 2)), animate=False, force=True)
        elif first < top and self.cursor - first < height:
            self.scroll_to(y=first, animate=False, force=True)
        elif self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, force=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, force=True)

    # --- actions ----------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self.row_count() - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def action_open(self) -> None:
        if self.cursor >= 0:
            self.choose(self.cursor)

    async def _on_click(self, event: events.Click) -> None:
        row = round(self.scroll_y) + event.y
        if 0 <= row < self.row_count() and self.selectable(row):
            self.move_cursor(row)
            self.choose(row)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(max(1, self.scrollable_content_region.width), self.row_count())
        self._scroll_cursor_into_view()

    # --- drawing ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        row = round(self.scroll_y) + y
        count = self.row_count()
        if width <= 0:
            return Strip([])
        if row >= count:
            if count == 0 and y == 0 and self.empty_text:
                dim = self.get_component_rich_style("line-list--dim", partial=True)
                return self._strip(Text(self.empty_text, style=dim), width, base)
            return Strip.blank(width, base)
        text = self.render_row(row, width)
        style = base
        if row == self.cursor:
            style = base + self.get_component_rich_style("line-list--cursor", partial=True)
        return self._strip(text, width, style)

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        text.no_wrap = True
        text.overflow = "ellipsis"
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(text.render(self.app.console, end=""))
        strip = Strip(Segment.apply_style(segments, style), text.cell_len)
        return strip.crop_extend(0, width, style)

    def row_region(self, row: int) -> Region:
        return Region(0, row, self.scrollable_content_region.width, 1)
