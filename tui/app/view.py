"""What the panes show, computed from the Library: which articles, which spans, which timeline rows.

Plain Python (no Textual) so the rules are unit-testable and run in worker threads; the
widgets only draw what these functions return.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.extract.model import TimelineEntry

if TYPE_CHECKING:
    from tui.library import Library

Span = tuple[int, int]
_YEAR_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?")


@dataclass(frozen=True, slots=True)
class Filter:
    """One active list filter: an entity (by canonical name) or "bookmarked only"."""

    kind: str  # "entity" | "bookmarks"
    value: str = ""

    @property
    def label(self) -> str:
        return "bookmarked" if self.kind == "bookmarks" else self.value


def visible_articles(
    library: Library, query: str, filters: Sequence[Filter], bookmarks: Iterable[str]
) -> list[int]:
    """Article numbers the list shows: the query's ranking narrowed by every filter.

    Raises ``QueryError`` for a malformed query (the caller keeps its last good rows).
    """
    rows = library.ranked(query)
    for f in filters:
        if f.kind == "entity":
            entity = library.entities.find(f.value)
            ids: Iterable[str] = entity.articles if entity is not None else ()
        else:
            ids = bookmarks
        allowed = {library.by_id[a] for a in ids if a in library.by_id}
        rows = [r for r in rows if r in allowed]
    return rows


def entity_filter_spans(library: Library, article_id: str, names: Sequence[str]) -> list[Span]:
    """Where the filtered entities (under any of their aliases) are mentioned in one article."""
    if not names:
        return []
    index = library.entities
    wanted = {id(e) for e in (index.find(n) for n in names) if e is not None}
    return [(s, e) for s, e, k in index.mentions_of(article_id) if id(index.entities[k]) in wanted]


def mention_types(library: Library, article_id: str) -> list[tuple[int, int, str]]:
    """Every entity mention of one article with its type, for colouring."""
    index = library.entities
    return [(s, e, index.entities[k].type) for s, e, k in index.mentions_of(article_id)]


def merge_spans(*groups: Iterable[Span]) -> list[Span]:
    """Spans of all groups in text order, overlapping ones joined (one hit each)."""
    out: list[Span] = []
    for s, e in sorted(span for group in groups for span in group):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


# --- timeline -------------------------------------------------------------------------------


@dataclass(slots=True)
class TimelineRows:
    """Timeline rows as plain ints (a million entries stay small): ``row >= 0`` is an entry
    index, ``row < 0`` is heading ``headings[-row - 1]``, a ``(text, level)`` pair."""

    rows: list[int]
    headings: list[tuple[str, int]]

    def heading(self, row: int) -> tuple[str, int] | None:
        return self.headings[-row - 1] if row < 0 else None

    @property
    def entry_count(self) -> int:
        return len(self.rows) - len(self.headings)


def timeline_rows(
    entries: Sequence[TimelineEntry], grouping: str = "year", article_id: str | None = None
) -> TimelineRows:
    """Headings and entries in time order; unresolved and relative expressions come last.

    ``article_id`` restricts the rows to one article. ``entries`` are already sorted.
    """
    out = TimelineRows([], [])
    rows, headings = out.rows, out.headings

    def heading(text: str, level: int) -> None:
        headings.append((text, level))
        rows.append(-len(headings))

    undated: list[int] = []
    year = month = None
    for i, entry in enumerate(entries):
        if article_id is not None and entry.article != article_id:
            continue
        m = _YEAR_RE.match(entry.value or "")
        if m is None:
            undated.append(i)
            continue
        if m[1] != year:
            year, month = m[1], None
            heading(year, 0)
        if grouping == "month" and m[2] and m[2] != month and 1 <= int(m[2]) <= 12:
            month = m[2]
            heading(f"{calendar.month_name[int(month)]} {year}", 1)
        rows.append(i)
    if undated:
        heading("Undated and relative", 0)
        rows.extend(undated)
    return out


_REF_LABELS = {"PRESENT_REF": "now", "PAST_REF": "past", "FUTURE_REF": "future"}


def display_value(value: str | None) -> str:
    """The normalised value as shown in the timeline ("?" when it could not be resolved)."""
    if not value:
        return "?"
    return _REF_LABELS.get(value, value)


def short_snippet(entry: TimelineEntry, body: str, width: int = 60) -> str:
    """About ``width`` characters of the entry's sentence (in ``body``), centred on the expression."""
    sentence = entry.sentence(body)
    if len(sentence) <= width:
        return sentence
    at = sentence.find(entry.text)
    if at < 0:
        return sentence[: width - 1] + "…"
    lead = max(4, (width - len(entry.text)) // 3)  # a little context before the expression
    start = max(0, min(at - lead, len(sentence) - width))
    text = sentence[start : start + width]
    return ("…" if start else "") + text.strip() + ("…" if start + width < len(sentence) else "")
