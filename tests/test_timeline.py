"""The timeline: dates and periods in time order, durations left out, unresolved values last."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

from tui.extract.model import TimeMention
from tui.extract.timeline import (
    Timeline,
    TimelineOptions,
    build_timeline,
    sort_key,
    sort_timeline,
    timeline_entries,
)
from tui.extract.times import extract_times

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_sort_key_orders_years_months_days_and_periods() -> None:
    values = [
        "2023-03-03",
        "2023",
        "2023-03",
        "2022-W52",
        "2022-Q4",
        "199",
        "PAST_REF",
        None,
        "2023-03-03T10:00",
    ]
    ordered = sorted(values, key=sort_key)
    assert ordered[:7] == ["199", "2022-Q4", "2022-W52", "2023", "2023-03", "2023-03-03", "2023-03-03T10:00"]
    assert set(ordered[7:]) == {"PAST_REF", None}


def test_entries_are_dates_with_their_sentence() -> None:
    text = "Production began in November. It will take two weeks. Sales rose in 2023 every year."
    times = extract_times(text, dt.date(2024, 1, 10))
    entries = timeline_entries("a", text, times)
    assert [(e.text, e.value) for e in entries] == [("November", "2023-11"), ("2023", "2023")]
    assert entries[0].sentence(text) == "Production began in November."
    assert all(text[e.start : e.end] == e.text for e in entries)


def test_sort_timeline_orders_by_time_then_article_then_offset() -> None:
    a = "In 2021 it began. In 2020 it was planned."
    b = "Soon it ends. In 2021 the plant opened."
    entries = timeline_entries("a", a, extract_times(a)) + timeline_entries("b", b, extract_times(b))
    got = [(e.article, e.text, e.value) for e in sort_timeline(entries)]
    assert got == [
        ("a", "2020", "2020"),
        ("a", "2021", "2021"),
        ("b", "2021", "2021"),
        ("b", "Soon", "FUTURE_REF"),
    ]


def test_seed_timeline_holds_the_year_and_the_month() -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    times = {k: extract_times(v) for k, v in texts.items()}
    tl = build_timeline(texts, times, TimelineOptions())
    shown = [e.text for e in tl]
    assert "2023" in shown and "November" in shown
    assert tl[0].value == "2023"
    assert all(e.type in ("date", "time") for e in tl)


def test_options_defaults() -> None:
    opts = TimelineOptions()
    assert opts.reference_date is None and opts.grouping == "month"


def test_unresolved_entries_sort_last() -> None:
    t = [TimeMention(0, 4, "soon", "date", "FUTURE_REF"), TimeMention(5, 9, "1999", "date", "1999")]
    entries = sort_timeline(timeline_entries("x", "soon 1999", t))
    assert [e.value for e in entries] == ["1999", "FUTURE_REF"]


def test_the_compact_timeline_orders_like_sort_timeline_and_survives_the_cache():
    texts = {
        "b": "Talks resumed in March 2023. They will end soon. In 2022 nothing happened.",
        "a": "The plant reopened in November 2022. Last year was hard; 2023 will be better.",
        "c": "No dates here at all.",
    }
    dct = dt.date(2023, 5, 17)
    per_article = [timeline_entries(aid, t, extract_times(t, dct)) for aid, t in texts.items()]
    expected = sort_timeline(e for entries in per_article for e in entries)
    timeline = Timeline.build(per_article)
    assert list(timeline) == expected and len(timeline) == len(expected) > 4
    assert timeline[-1] == expected[-1] and timeline[1:3] == expected[1:3]
    assert pickle.loads(pickle.dumps(timeline)) == expected
