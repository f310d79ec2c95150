"""The corpus timeline: the dates and periods the articles speak of, in time order.

Only dates and times are timeline material; durations ("two weeks") and sets ("every year") say how
long or how often, not when, so they are left out.

Ordering: an entry sorts by the start of the period its value names. A year alone sorts at its start,
before its months ("2023" < "2023-01" < "2023-01-05"); a month before its days; a quarter, half,
season or ISO week at its first month or day; a decade ("199") at its first year. Values that name no
point in time (None, PAST_REF, PRESENT_REF, FUTURE_REF, "XXXX-…") sort last. Ties keep corpus order:
article, then offset.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tui.extract.model import TimelineEntry, TimeMention
from tui.text import sentence_bounds

TIMELINE_TYPES = ("date", "time")
_LAST = (1, 0, 0, 0, 0, 0)
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_VALUE_RE = re.compile(
    r"(?:FY)?(?P<y>\d{4})"
    r"(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{1,2})|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?"
    r"(?:T(?P<hh>\d{2})(?::(?P<mi>\d{2}))?)?"
)


@dataclass
class TimelineOptions:
    """How the timeline is built and shown: a date for articles without one, and grouping ("year"/"month")."""

    reference_date: dt.date | None = None
    grouping: str = "month"


def sort_key(value: str | None) -> tuple[int, int, int, int, int, int]:
    """``(0, year, month, day, hour, minute)`` for a value that names a time, ``(1, 0, …)`` otherwise."""
    if not value:
        return _LAST
    m = _VALUE_RE.fullmatch(value)
    if m is None:
        dec = re.fullmatch(r"(\d{2,3})X*", value)
        if dec:  # "199" (the 1990s) or "19" (the 1900s)
            digits = dec.group(1)
            return (0, int(digits) * (10 if len(digits) == 3 else 100), 0, 0, 0, 0)
        return _LAST
    y = int(m["y"])
    month = day = 0
    if m["m"]:
        month = int(m["m"])
        day = int(m["d"]) if m["d"] else 0
    elif m["w"]:
        try:
            start = dt.date.fromisocalendar(y, int(m["w"]), 1)
            y, month, day = start.year, start.month, start.day
        except ValueError:
            pass
    elif m["q"]:
        month = (int(m["q"]) - 1) * 3 + 1
    elif m["h"]:
        month = 1 if m["h"] == "1" else 7
    elif m["s"]:
        month = _SEASON_MONTH[m["s"]]
    hh = int(m["hh"]) if m["hh"] else 0
    mi = int(m["mi"]) if m["mi"] else 0
    return (0, y, month, day, hh, mi)


def timeline_entries(article_id: str, text: str, times: list[TimeMention]) -> list[TimelineEntry]:
    """One entry per date or time expression of one article, with its sentence."""
    out = []
    for t in times:
        if t.type not in TIMELINE_TYPES:
            continue
        s_start, s_end = sentence_bounds(text, t.start, t.end)
        out.append(TimelineEntry(article_id, t.text, t.start, t.end, t.type, t.value, s_start, s_end))
    return out


def sort_timeline(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """Entries in time order; ties by article (in the order first seen), then offset."""
    entries = list(entries)
    order: dict[str, int] = {}
    for e in entries:
        order.setdefault(e.article, len(order))
    keys: dict[str | None, tuple] = {}  # one key per distinct value (values repeat a lot)
    for e in entries:
        if e.value not in keys:
            keys[e.value] = sort_key(e.value)
    return sorted(entries, key=lambda e: (keys[e.value] or _LAST, order[e.article], e.start))


def build_timeline(
    texts: Mapping[str, str], times: Mapping[str, list[TimeMention]], options: TimelineOptions | None = None
) -> list[TimelineEntry]:
    """The whole corpus timeline from each article's text and time mentions."""
    entries: list[TimelineEntry] = []
    for aid, text in texts.items():
        entries.extend(timeline_entries(aid, text, times.get(aid, [])))
    return sort_timeline(entries)
