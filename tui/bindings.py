"""Every key binding of the reader: its id, default keys and what it does.

Kept outside the Textual layer so the config validator and the CLI can list and check
binding ids without importing Textual; the app builds its ``Binding`` objects from this table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BindingSpec:
    """One remappable binding: ``id`` is what users write under ``keys:`` in the config."""

    id: str
    keys: str  # Textual key string(s), comma-separated
    action: str  # Textual action name
    description: str
    scope: str  # "app", "list", "reader", "entities", "timeline", "search"
    show: bool = True  # shown in the footer


BINDINGS: tuple[BindingSpec, ...] = (
    # app-wide
    BindingSpec("quit", "q", "quit", "Quit", "app"),
    BindingSpec("help", "question_mark,f1", "help", "Help", "app"),
    BindingSpec("search", "slash", "search", "Search", "app"),
    BindingSpec("next_pane", "tab", "next_pane", "Next pane", "app", show=False),
    BindingSpec("previous_pane", "shift+tab", "previous_pane", "Previous pane", "app", show=False),
    BindingSpec("focus_list", "1", "focus_pane('list')", "Article list", "app", show=False),
    BindingSpec("focus_reader", "2", "focus_pane('reader')", "Reading view", "app", show=False),
    BindingSpec("focus_entities", "3", "focus_pane('entities')", "Entities", "app", show=False),
    BindingSpec("focus_timeline", "4", "focus_pane('timeline')", "Timeline", "app", show=False),
    BindingSpec("toggle_sidebar", "s", "toggle_sidebar", "Sidebar", "app"),
    BindingSpec("clear_filter", "escape", "clear_filter", "Clear filter", "app", show=False),
    BindingSpec("reload", "r", "reload", "Reload", "app"),
    BindingSpec("bookmark", "m", "bookmark", "Bookmark", "app"),
    BindingSpec("bookmarks_filter", "M", "bookmarks_filter", "Bookmarked only", "app", show=False),
    BindingSpec("command_palette", "ctrl+p", "command_palette", "Commands", "app", show=False),
    # article list
    BindingSpec("list_down", "j,down", "cursor_down", "Down", "list", show=False),
    BindingSpec("list_up", "k,up", "cursor_up", "Up", "list", show=False),
    BindingSpec("list_top", "g,home", "first", "Top", "list", show=False),
    BindingSpec("list_bottom", "G,end", "last", "Bottom", "list", show=False),
    BindingSpec("list_open", "enter", "open", "Open", "list"),
    # reading view
    BindingSpec("page_down", "space,pagedown", "page_down", "Page down", "reader", show=False),
    BindingSpec("page_up", "b,pageup", "page_up", "Page up", "reader", show=False),
    BindingSpec("line_down", "j,down", "scroll_down", "Scroll down", "reader", show=False),
    BindingSpec("line_up", "k,up", "scroll_up", "Scroll up", "reader", show=False),
    BindingSpec("previous_article", "left_square_bracket", "previous_article", "Prev article", "app"),
    BindingSpec("next_article", "right_square_bracket", "next_article", "Next article", "app"),
    BindingSpec("next_hit", "n", "next_hit", "Next hit", "app"),
    BindingSpec("previous_hit", "N", "previous_hit", "Prev hit", "app", show=False),
    # timeline
    BindingSpec("timeline_scope", "t", "toggle_scope", "Article/corpus", "timeline"),
)

BINDING_IDS: frozenset[str] = frozenset(b.id for b in BINDINGS)


def binding(binding_id: str) -> BindingSpec:
    """The spec of ``binding_id`` (KeyError when there is none)."""
    for spec in BINDINGS:
        if spec.id == binding_id:
            return spec
    raise KeyError(binding_id)
