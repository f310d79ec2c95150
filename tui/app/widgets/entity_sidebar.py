"""The entity sidebar: people, organisations, places and other names, grouped by type.

Each entity shows how many articles mention it, and the list is in that order (most
mentions breaks a tie), so the numbers read downwards as a user expects. Typing narrows the
list (arrows move, Enter filters the article list by the entity, Backspace and Esc undo
the typing). Rows are drawn line by line, so a corpus with 100,000 names stays fast.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.message import Message

from tui.app.messages import EntityChosen
from tui.app.widgets.line_list import LineList, one_line, spec_binding
from tui.extract.model import ENTITY_TYPES, Entity

TYPE_HEADINGS = {"person": "People", "organization": "Organisations", "place": "Places", "misc": "Other"}
# Keys that keep their binding even in the sidebar (pane switching, help, search, quit); the
# screen passes the user's own keys for these, this is the default set.
PASS_THROUGH = frozenset("1234?/q")


def _contains(entity: Entity, needle: str) -> bool:
    """Whether the entity's name or one of its aliases contains ``needle`` (casefolded)."""
    return needle in entity.name.casefold() or any(needle in a.casefold() for a in entity.aliases)


class EntitySidebar(LineList):
    """Entities grouped by type; ``Enter`` posts :class:`EntityChosen`."""

    HELP: ClassVar[str] = "Entities: type to narrow, ↑/↓ move, Enter filters the list by the entity."
    BINDINGS: ClassVar[list[BindingType]] = [spec_binding("list_open", description="Filter")]

    def __init__(
        self,
        *,
        entity_colors: dict[str, str] | None = None,
        pass_through: frozenset[str] = PASS_THROUGH,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.entity_colors = entity_colors or {}
        self.pass_through = pass_through  # typed characters that are keys, not narrowing text
        self.entities: Sequence[Entity] = ()
        self._order: list[int] = []  # entity indexes, most articles first
        self.active: Container[str] = ()
        self.narrow = ""
        self._rows: list[int | str] = []  # entity index, or a type heading
        self._counts: dict[str, int] = {}
        self._digit_narrows: dict[str, bool] = {}  # for the names shown now: whether a digit narrows them
        self.empty_text = "Finding names…"

    def set_entities(self, entities: Sequence[Entity]) -> None:
        """Show ``entities`` (most mentioned first), keeping what the user typed."""
        self.entities = entities
        # a stable sort keeps the core's order (mentions, then name) among equal article counts
        self._order = sorted(range(len(entities)), key=lambda i: -len(entities[i].articles))
        self.empty_text = "No names found"
        self._regroup()

    def set_active(self, names: Container[str]) -> None:
        """Mark the entities that currently filter the list."""
        self.active = names
        self.refresh()

    def set_narrow(self, text: str) -> None:
        self.narrow = text
        self._regroup()

    def _regroup(self) -> None:
        needle = self.narrow.casefold()
        groups: dict[str, list[int]] = {t: [] for t in ENTITY_TYPES}
        for i in self._order:
            e = self.entities[i]
            if needle and not _contains(e, needle):
                continue
            groups.setdefault(e.type, []).append(i)
        rows: list[int | str] = []
        self._counts = {}
        for kind, members in groups.items():
            if members:
                self._counts[kind] = len(members)
                rows.append(kind)
                rows.extend(members)
        current = self.current
        self._rows = rows
        self._digit_narrows = {}
        cursor = 1 if rows else 0
        if current is not None:
            for r, v in enumerate(rows):
                if v == current:
                    cursor = r
                    break
        self.set_count(len(rows), cursor)
        if self.narrow and not rows:
            self.empty_text = f"No name contains “{self.narrow}”"
        self.post_message(self.Narrowed(self.narrow, sum(1 for r in rows if isinstance(r, int))))

    def select_name(self, name: str) -> bool:
        """Put the cursor on the entity called ``name``; False when it is not shown."""
        for row, value in enumerate(self._rows):
            if isinstance(value, int) and self.entities[value].name == name:
                self.move_cursor(row)
                return True
        return False

    @property
    def current(self) -> int | None:
        row = self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None
        return row if isinstance(row, int) else None

    def row_count(self) -> int:
        return len(self._rows)

    def selectable(self, row: int) -> bool:
        return isinstance(self._rows[row], int)

    def choose(self, row: int) -> None:
        value = self._rows[row]
        if isinstance(value, int):
            self.post_message(EntityChosen(self.entities[value].name))

    def render_row(self, row: int, width: int) -> Text:
        value = self._rows[row]
        if isinstance(value, str):
            count = self._counts.get(value, 0)
            heading = Text(f"{TYPE_HEADINGS.get(value, value.title())} ({count:,})")
            heading.stylize(self.get_component_rich_style("line-list--heading", partial=True))
            return heading
        entity = self.entities[value]
        count = Text(
            f" {len(entity.articles):,}", style=self.get_component_rich_style("line-list--dim", partial=True)
        )
        mark = "✓ " if entity.name in self.active else "  "
        name = Text(mark + one_line(entity.name), style=self.entity_colors.get(entity.type, ""), no_wrap=True)
        name.truncate(max(1, width - count.cell_len), overflow="ellipsis", pad=True)
        return Text.assemble(name, count, no_wrap=True)

    # --- typing narrows ---------------------------------------------------------------

    def _narrows(self, char: str | None) -> bool:
        """Whether typing ``char`` narrows the names. A key that is a binding here (a pane's digit, ``?``)
        keeps its meaning, unless it is a digit that continues what was typed into a name shown
        ("channel 4", "a380"): "sobya" then "2" still goes to the reader."""
        if not (char and char.isprintable()):
            return False
        if char not in self.pass_through:
            return True
        if not (char.isdigit() and self.narrow):
            return False
        # asked for each pane key at every key press: the shown names (they all contain the typed
        # text) are searched once per digit
        narrows = self._digit_narrows.get(char)
        if narrows is None:
            needle = (self.narrow + char).casefold()
            narrows = self._digit_narrows[char] = any(
                _contains(self.entities[r], needle) for r in self._rows if isinstance(r, int)
            )
        return narrows

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return self._narrows(character) or (key == "backspace" and bool(self.narrow))

    async def _on_key(self, event: events.Key) -> None:
        char = event.character
        if event.is_printable and self._narrows(char):
            event.stop()
            event.prevent_default()
            self.set_narrow(self.narrow + str(char))
            return
        if event.key == "backspace" and self.narrow:
            event.stop()
            event.prevent_default()
            self.set_narrow(self.narrow[:-1])
            return
        if event.key == "escape" and self.narrow:
            event.stop()
            event.prevent_default()
            self.set_narrow("")
            return
        await super()._on_key(event)

    class Narrowed(Message):
        """The typed narrowing text changed; ``shown`` entities are left."""

        def __init__(self, text: str, shown: int) -> None:
            super().__init__()
            self.text = text
            self.shown = shown
