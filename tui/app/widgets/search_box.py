"""The search box over the article list: the core's query syntax, history, inline errors.

The box only reports what was typed; the screen debounces, runs the search in a worker and
tells the box the outcome (a match count or the parser's message).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.app.messages import SearchChanged, SearchClosed
from tui.app.widgets.line_list import spec_binding


class SearchInput(Input):
    """The query line: ↑/↓ walk the history, Esc closes the box."""

    BINDINGS: ClassVar[list[BindingType]] = [
        spec_binding("list_up", "history_previous", "Earlier search"),
        spec_binding("list_down", "history_next", "Later search"),
        spec_binding("clear_filter", "close", "Close search"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder='words "a phrase" -not pre* OR source: date: person:', id=id)
        self.history: list[str] = []
        self._position: int | None = None  # index into history while walking it
        self._draft = ""

    def remember(self, text: str) -> None:
        text = text.strip()
        if text and (not self.history or self.history[-1] != text):
            self.history.append(text)
        self._position = None

    def action_history_previous(self) -> None:
        if not self.history:
            return
        if self._position is None:
            self._draft = self.value
            self._position = len(self.history) - 1
        else:
            self._position = max(0, self._position - 1)
        self.value = self.history[self._position]
        self.cursor_position = len(self.value)

    def action_history_next(self) -> None:
        if self._position is None:
            return
        if self._position + 1 < len(self.history):
            self._position += 1
            self.value = self.history[self._position]
        else:
            self._position = None
            self.value = self._draft
        self.cursor_position = len(self.value)

    async def action_submit(self) -> None:
        """Enter: remember the query and hand it to the box's submit handler right away."""
        self.remember(self.value)
        box = self.parent
        if isinstance(box, SearchBox) and box.on_submit is not None:
            box.on_submit(self.value)

    def action_close(self) -> None:
        self._position = None
        self.post_message(SearchClosed())


class SearchBox(Vertical):
    """The input and one status line (match count or error)."""

    HELP: ClassVar[str] = (
        "Search: results update as you type; Enter goes to the list, Esc clears, ↑/↓ history."
    )
    DEFAULT_CSS = """
    SearchBox { height: auto; display: none; background: $boost; }
    SearchBox.-open { display: block; }
    SearchBox > Input, SearchBox > Input:focus { border: none; height: 1; padding: 0 1; background: $surface; }
    SearchBox > #search-status { height: 1; padding: 0 1; color: $text-muted; }
    SearchBox > #search-status.-error { color: $error; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # Called with the query when Enter is pressed. A callback, not a message: the owner
        # must move focus before the next key is read, or a fast second Enter lands here again.
        self.on_submit: Callable[[str], None] | None = None

    def compose(self) -> ComposeResult:
        yield SearchInput(id="search-input")
        yield Static("", id="search-status", markup=False)

    @property
    def input(self) -> SearchInput:
        return self.query_one(SearchInput)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        """Show the box and focus the input at once, so keys typed right after `/` land in it.

        ``Widget.focus`` defers to the next message-loop turn; keys already queued behind `/`
        would reach the list's bindings first. ``set_focus`` takes effect before they are read.
        """
        self.add_class("-open")
        self.screen.set_focus(self.input)

    def close(self) -> None:
        """Hide the box and forget its text (without reporting a change)."""
        self.remove_class("-open")
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self.set_status("")

    def set_status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#search-status", Static)
        status.update(Text(text))
        status.set_class(error, "-error")

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(SearchChanged(event.value))
