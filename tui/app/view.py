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
    return [(s, e) for s, e, k in index.mentions.get(article_id, ()) if id(index.entities[k]) in wanted]


def mention_types(library: Library, article_id: str) -> list[tuple[int, int, str]]:
    """Every entity mention of one article with its type, for colouring."""
    index = library.entities
    return [(s, e, index.entities[k].type) for s, e, k in index.mentions.get(article_id, ())]


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


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """A heading ("2023", "May 2023", "Undated and relative") or one entry (``entry`` is its index)."""

    heading: str | None = None
    entry: int = -1
    level: int = 0  # 0: year heading, 1: month heading


def timeline_rows(
    entries: Sequence[TimelineEntry], grouping: str = "year", article_id: str | None = None
) -> list[TimelineRow]:
    """Headings and entries in time order; unresolved and relative expressions come last.

    ``article_id`` restricts the rows to one article. ``entries`` are already sorted.
    """
    rows: list[TimelineRow] = []
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
            rows.append(TimelineRow(heading=year))
        if grouping == "month" and m[2] and m[2] != month and 1 <= int(m[2]) <= 12:
            month = m[2]
            rows.append(TimelineRow(heading=f"{calendar.month_name[int(month)]} {year}", level=1))
        rows.append(TimelineRow(entry=i))
    if undated:
        rows.append(TimelineRow(heading="Undated and relative"))
        rows.extend(TimelineRow(entry=i) for i in undated)
    return rows


def short_snippet(entry: TimelineEntry, width: int = 60) -> str:
    """About ``width`` characters of the entry's sentence, centred on the expression."""
    sentence = " ".join(entry.sentence.split())
    if len(sentence) <= width:
        return sentence
    at = sentence.find(entry.text)
    if at < 0:
        return sentence[: width - 1] + "…"
    start = max(0, min(at - width // 3, len(sentence) - width))
    text = sentence[start : start + width]
    return ("…" if start else "") + text.strip() + ("…" if start + width < len(sentence) else "")
