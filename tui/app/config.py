"""What the app reads from the settings, with its defaults in one place.

The app must run without any settings (tests, a broken config that the CLI chose to ignore), so
every value the Textual layer uses is collected here from ``Settings`` or from these defaults.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.bindings import BINDINGS
from tui.keyspec import character_for_name

if TYPE_CHECKING:
    from tui.settings import Settings

PANES: tuple[str, ...] = ("list", "reader", "entities", "timeline")

DEFAULT_ENTITY_COLORS: dict[str, str] = {
    "person": "cyan",
    "organization": "magenta",
    "place": "green",
    "misc": "yellow",
}


@dataclass
class AppConfig:
    """Every setting the app uses; ``from_settings(None)`` gives the defaults."""

    theme: str = "textual-dark"
    keys: dict[str, str] = field(default_factory=lambda: {b.id: b.keys for b in BINDINGS})
    panes: list[str] = field(default_factory=lambda: list(PANES))
    list_width: int = 36
    side_width: int = 40
    sidebar_side: str = "right"
    entity_colors: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_ENTITY_COLORS))
    search_delay: float = 0.3
    search_limit: int = 100
    wrap_width: int | None = None
    hit_style: str = "black on yellow"
    current_hit_style: str = "bold black on dark_orange"
    timeline_style: str = "underline"
    filter_style: str = "bold underline"
    timeline_grouping: str = "year"

    def typed_keys(self, binding_ids: Iterable[str]) -> frozenset[str]:
        """The characters that the keys of ``binding_ids`` type ("slash" is "/", "q" is "q")."""
        chars = set()
        for binding_id in binding_ids:
            for key in self.keys.get(binding_id, "").split(","):
                key = key.strip()
                char = key if len(key) == 1 else character_for_name(key)
                if char and char.isprintable():
                    chars.add(char)
        return frozenset(chars)

    @classmethod
    def from_settings(cls, settings: Settings | None) -> AppConfig:
        """The app's view of ``settings`` (the defaults when there are none)."""
        if settings is None:
            return cls()
        colors = dict(DEFAULT_ENTITY_COLORS)
        colors.update(settings.entities.colors or {})
        panes = [p for p in settings.layout.panes if p in PANES] or list(PANES)
        return cls(
            theme=settings.theme,
            keys=dict(settings.keys),
            panes=panes,
            list_width=settings.layout.list_width,
            side_width=settings.layout.side_width,
            sidebar_side=settings.layout.sidebar_side,
            entity_colors=colors,
            search_delay=max(0.0, float(settings.search.delay)),
            search_limit=settings.search.limit,
            wrap_width=settings.reader.wrap_width,
            hit_style=settings.reader.hit_style,
            current_hit_style=settings.reader.current_hit_style,
            timeline_style=settings.reader.timeline_style,
            timeline_grouping=settings.timeline.grouping,
        )
