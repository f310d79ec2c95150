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
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
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
    return sorted(entries, key=lambda e: (keys[e.value], order[e.article], e.start))


def build_timeline(
    texts: Mapping[str, str], times: Mapping[str, list[TimeMention]], options: TimelineOptions | None = None
) -> Timeline:
    """The whole corpus timeline from each article's text and time mentions."""
    return Timeline.build(timeline_entries(aid, text, times.get(aid, [])) for aid, text in texts.items())


_COLUMNS = 8  # article, text, start, end, type, value, sentence start, sentence end


class Timeline(Sequence[TimelineEntry]):
    """A corpus timeline held in columns: eight 4-byte numbers per entry, each string kept once.

    A 100,000-article corpus has over half a million entries; as objects they took about 200 MB
    and most of a warm start's unpickling time. Entries are made when asked for.
    """

    __slots__ = ("_cols", "_strings")

    def __init__(self, strings: list[str | None] | None = None, cols: array | None = None) -> None:
        self._strings: list[str | None] = strings if strings is not None else [None]
        self._cols = cols if cols is not None else array("I")

    @classmethod
    def build(cls, per_article: Iterable[list[TimelineEntry]]) -> Timeline:
        """The timeline of every article's entries, in time order (ties: article, then offset)."""
        strings: list[str | None] = [None]
        ids: dict[str | None, int] = {None: 0}

        def sid(text: str | None) -> int:
            n = ids.get(text)
            if n is None:
                n = ids[text] = len(strings)
                strings.append(text)
            return n

        cols = array("I")
        keys: list[int] = []
        ranks: dict[str | None, int] = {}
        for order, entries in enumerate(per_article):
            for e in entries:
                vid = sid(e.value)
                cols.extend(
                    (
                        sid(e.article),
                        sid(e.text),
                        e.start,
                        e.end,
                        sid(e.type),
                        vid,
                        e.sentence_start,
                        e.sentence_end,
                    )
                )
                if vid not in ranks:
                    ranks[vid] = 0
                keys.append((vid << 62) | (order << 32) | min(e.start, 0xFFFFFFFF))
        # rank the distinct values by the time they name, then sort rows by (rank, article, offset)
        # values naming the same time (or none) tie, as in ``sort_timeline``
        value_keys = {vid: sort_key(strings[vid]) for vid in ranks}
        rank_of_key = {k: n for n, k in enumerate(sorted(set(value_keys.values())))}
        for vid, k in value_keys.items():
            ranks[vid] = rank_of_key[k]
        mask = (1 << 62) - 1
        keys = [(ranks[k >> 62] << 62) | (k & mask) for k in keys]
        order_of_rows = sorted(range(len(keys)), key=keys.__getitem__)
        del keys
        out = array("I", bytes(len(cols) * 4))
        for new, old in enumerate(order_of_rows):
            out[new * _COLUMNS : (new + 1) * _COLUMNS] = cols[old * _COLUMNS : (old + 1) * _COLUMNS]
        return cls(strings, out)

    def __len__(self) -> int:
        return len(self._cols) // _COLUMNS

    def _entry(self, i: int) -> TimelineEntry:
        c, s = self._cols, self._strings
        k = i * _COLUMNS
        return TimelineEntry(
            s[c[k]], s[c[k + 1]], c[k + 2], c[k + 3], s[c[k + 4]], s[c[k + 5]], c[k + 6], c[k + 7]
        )

    def __getitem__(self, i):  # noqa: ANN001, ANN204 - Sequence's int and slice overloads
        if isinstance(i, slice):
            return [self._entry(k) for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("timeline index out of range")
        return self._entry(i)

    def __iter__(self) -> Iterator[TimelineEntry]:
        return (self._entry(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Timeline | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple:
        return (Timeline, (self._strings, self._cols))
