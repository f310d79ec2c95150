"""The help screen, generated from the live bindings (so remapped keys show as remapped)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.closing import ClosesOnce

QUERY_SYNTAX: tuple[tuple[str, str], ...] = (
    ("word", "articles with the word (any case)"),
    ('"a phrase"', "these words, in this order"),
    ("-word", "articles without the word"),
    ("pre*", "any word starting with pre"),
    ("a OR b", "either word"),
    ("title:word", "the word in the title"),
    ("source:name", "articles from a source"),
    ("date:2023  date:2023-05", "dated in a year or month"),
    ("date:2022-05..2023-06", "dated in a range (either end may be left out)"),
    ('entity:"Full Name"', "mentions an entity (person: org: place: for one type)"),
)

HelpSection = tuple[str, list[tuple[str, str]]]


class HelpScreen(ClosesOnce, ModalScreen[None]):
    """Keys by pane, then the query syntax and what each pane is for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", show=True),
        Binding("j,down", "scroll('down')", "Scroll", show=False),
        Binding("k,up", "scroll('up')", "Scroll", show=False),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 90%;
        border: round $accent; border-title-align: center;
        background: $surface; padding: 0 1;
    }
    """

    def __init__(self, sections: list[HelpSection], notes: list[str]) -> None:
        super().__init__()
        self.sections = sections
        self.notes = notes

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Help — Esc to close"
            body.can_focus = True
            for title, rows in self.sections:
                if rows:
                    yield Static(_table(title, rows), markup=False)
            yield Static(_table("Search syntax (/)", list(QUERY_SYNTAX)), markup=False)
            yield Static(Text("\n".join(self.notes), style="dim"), markup=False)

    AUTO_FOCUS = "#help-body"

    def action_scroll(self, direction: str) -> None:
        for body in self.query("#help-body").results(VerticalScroll):
            if direction == "down":
                body.scroll_down(animate=False)
            else:
                body.scroll_up(animate=False)

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(None)


def _table(title: str, rows: list[tuple[str, str]]) -> Table:
    table = Table(
        title=Text(title, style="bold"), title_justify="left", show_header=False, box=None, expand=True
    )
    table.add_column(style="bold", no_wrap=True, ratio=1)
    table.add_column(ratio=3)
    for keys, what in rows:
        table.add_row(Text(keys, style="bold"), Text(what))
    return table
