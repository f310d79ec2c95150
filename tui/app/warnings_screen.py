"""The load warnings (skipped files, fallback encodings), reachable from the command palette."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.closing import ClosesOnce


class WarningsScreen(ClosesOnce, ModalScreen[None]):
    """Every warning of the last load, one a line (file names are shown as text, never markup)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", "Close")]
    DEFAULT_CSS = """
    WarningsScreen { align: center middle; }
    WarningsScreen > VerticalScroll {
        width: 90%; height: 80%; border: round $warning; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, warnings: Sequence[str]) -> None:
        super().__init__()
        self.warnings = list(warnings)

    def compose(self) -> ComposeResult:
        with VerticalScroll() as body:
            body.border_title = f"Load warnings ({len(self.warnings):,}) — Esc to close"
            body.can_focus = True
            text = Text("\n".join(self.warnings) if self.warnings else "No warnings: every file was read.")
            yield Static(text, markup=False)

    AUTO_FOCUS = "VerticalScroll"

    def action_close(self) -> None:
        self.dismiss(None)
