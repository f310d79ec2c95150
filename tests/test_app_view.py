"""The app's pure presentation rules (no Textual): rows, spans and timeline grouping."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.test_app_support import SEEDS
from tui.app.view import (
    Filter,
    display_value,
    merge_spans,
    short_snippet,
    timeline_rows,
    visible_articles,
)
from tui.extract.model import TimelineEntry
from tui.library import Library
from tui.search.query import QueryError


def entry(value: str | None, article: str = "a", text: str = "x") -> TimelineEntry:
    return TimelineEntry(article, text, 0, len(text), "date", value)


def test_timeline_rows_group_by_year_then_undated_last() -> None:
    entries = [entry("2021-03-04"), entry("2021"), entry("2023-05"), entry(None), entry("PRESENT_REF")]
    rows = timeline_rows(entries)
    assert [text for text, _level in rows.headings] == ["2021", "2023", "Undated and relative"]
    assert [r for r in rows.rows if r >= 0] == [0, 1, 2, 3, 4]
    assert rows.heading(rows.rows[0]) == ("2021", 0)


def test_timeline_rows_by_month_and_for_one_article() -> None:
    entries = [entry("2021-03-04", "a"), entry("2021-03-09", "b"), entry("2021-07", "a"), entry("2021", "a")]
    rows = timeline_rows(entries, "month")
    assert rows.headings == [("2021", 0), ("March 2021", 1), ("July 2021", 1)]
    only_a = timeline_rows(entries, "month", article_id="a")
    assert [r for r in only_a.rows if r >= 0] == [0, 2, 3]
    assert only_a.entry_count == 3


def test_display_value_names_relative_references() -> None:
    assert display_value(None) == "?"
    assert display_value("PRESENT_REF") == "now"
    assert display_value("2023-05-17") == "2023-05-17"


def test_short_snippet_keeps_the_expression() -> None:
    body = "word " * 30 + "in May 2023 it rained " + "x " * 30
    e = TimelineEntry(
        "a", "May 2023", body.index("May"), body.index("May") + 8, "date", "2023-05", 0, len(body)
    )
    snippet = short_snippet(e, body, 40)
    assert "May 2023" in snippet and len(snippet) <= 42


@given(st.lists(st.tuples(st.integers(0, 100), st.integers(1, 20)), max_size=30))
def test_merge_spans_sorted_and_disjoint(raw: list[tuple[int, int]]) -> None:
    spans = [(s, s + n) for s, n in raw]
    merged = merge_spans(spans)
    assert all(a[1] <= b[0] for a, b in zip(merged, merged[1:], strict=False))
    covered = {i for s, e in spans for i in range(s, e)}
    assert covered == {i for s, e in merged for i in range(s, e)}


def test_visible_articles_combines_search_and_filters() -> None:
    lib = Library.open(SEEDS)
    everything = visible_articles(lib, "", [], set())
    assert everything == [0, 1, 2]
    kamaz = visible_articles(lib, "", [Filter("entity", "KAMAZ")], set())
    assert kamaz and set(kamaz) < set(everything)
    assert visible_articles(lib, "moskvich", [Filter("entity", "KAMAZ")], set()) == kamaz
    assert visible_articles(lib, "", [Filter("bookmarks")], {lib.articles[1].id}) == [1]
    assert visible_articles(lib, "", [Filter("entity", "Nobody At All")], set()) == []
    with pytest.raises(QueryError):
        visible_articles(lib, '"open', [], set())
