"""Time expressions in one text, TIMEX3-style: dates, times, durations and sets, resolved against a date.

Each rule is a compiled pattern with a small handler that computes the type and value
(:mod:`tui.extract.time_values` does the calendar arithmetic). All rules run over the text; where
matches overlap the longest wins, so "the last two years" beats "last year" and "March 3, 2023" beats
"March". Relative expressions ("last week", "two years ago", a bare "Friday" or "November") resolve
against the document creation date (dct); a bare month or weekday takes the most recent one before the
dct unless its clause reads as future. Without a dct, relative expressions get the value None.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeGuard

from tui.extract.day_names import continues_into_a_name, weekday_in_name
from tui.extract.lexicon import lexicon
from tui.extract.model import TimeMention
from tui.extract.russian import has_cyrillic
from tui.extract.russian_times import russian_rules
from tui.extract.time_values import (
    abbreviation_dot,
    add_months,
    ago,
    day_month_year,
    direction_at,
    duration_value,
    holiday_date,
    holiday_key,
    iso_date,
    iso_week,
    month_year,
    parse_number,
    quarter_of,
    season_value,
    shift,
    time_words,
    weekday_date,
)
from tui.text import POSSESSIVE_RE, line_bounds, sentence_initial, title_cased_line


def _trie_alternation(phrases: Iterable[str], space: str = r"\s+") -> str:
    """A regex matching any of ``phrases`` (a space matches ``space``, an apostrophe a curly one too),
    longest first, with shared beginnings factored out ("recent(?:ly|\\s+(?:days|years))"): the engine
    tries a few branches at each position of the text instead of every phrase, which makes scanning
    for a long list several times quicker."""
    trie: dict[str, dict] = {}
    for phrase in sorted(phrases):
        node = trie
        for piece in re.findall(r"\s+|\S", phrase):
            if piece.isspace():
                node = node.setdefault(space, {})
            else:
                node = node.setdefault("['’]" if piece == "'" else re.escape(piece), {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [piece + emit(child) for piece, child in node.items() if piece]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return emit(trie)


# Most patterns run on an ASCII-lowercased copy of the text (same offsets), written in lowercase and
# compiled without re.IGNORECASE, which would make them several times slower; handlers check
# capitalisation on the original text where it matters ("May", "March").
_MONTHS_FULL = "january|february|march|april|may|june|july|august|september|october|november|december"
_MONTHS_ABBR = r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
_MONTH = rf"(?:{_MONTHS_FULL}|(?:{_MONTHS_ABBR})\.?)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_ANY = rf"(?:{_WEEKDAY}|(?:mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?)"
_DIGIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUM = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|(?:{_TENS})(?:[\s-](?:{_DIGIT_WORD}))?|{_DIGIT_WORD}|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|a couple of|single|"
    r"couple of|a few|a dozen|several|some|many|a|an|few)(?:\s+and\s+a\s+half)?"
)
_UNIT_WORDS = (
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "fortnight",
    "weekend",
    "month",
    "quarter",
    "year",
)
_UNIT = (
    "(?:"
    + _trie_alternation(
        [*_UNIT_WORDS, *(w + "s" for w in _UNIT_WORDS), "decade", "decades", "century", "centuries"]
    )
    + ")"
)
_MOD = (
    r"(?:early|late|mid|the end of|the beginning of|the start of|the middle of|the rest of|the remainder of)"
)
_REL = (
    "(?:"
    + _trie_alternation(
        [
            "this past",
            "this coming",
            "this",
            "last",
            "next",
            "the past",
            "the previous",
            "the coming",
            "the current",
            "the following",
            "that",
        ],
        space=" ",
    )
    + ")"
)

Handler = Callable[["_M", "_Ctx"], tuple[str, str | None] | None]


class _Ctx:
    """What handlers need: the text, the dct, and the tense of the clause (computed on demand)."""

    __slots__ = ("text", "dct")

    def __init__(self, text: str, dct: dt.date | None) -> None:
        self.text = text
        self.dct = dct

    def direction(self, m: re.Match[str], undecided: int = -1) -> int:
        return direction_at(self.text, m.start(), m.end(), undecided)


def _capitalised(ctx: _Ctx, m: re.Match[str], group: str) -> bool:
    """Whether the group's word starts with a capital in the original text."""
    start = m.start(group)
    return start >= 0 and ctx.text[start].isupper()


def _month_no(word: str) -> int:
    return time_words().months[word.rstrip(".").casefold()]


def _weekday_no(word: str) -> int:
    return time_words().weekdays[word.rstrip(".").casefold()]


# --- handlers ----------------------------------------------------------------------------------------
def _iso(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    v = iso_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if v is None:
        return None
    if m["hh"]:
        return "time", f"{v}T{m['hh']}:{m['mm']}"
    return "date", v


def _numeric(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 1900 if y > 40 else 2000
    month, day = (a, b) if a <= 12 else (b, a)
    v = iso_date(y, month, day)
    return ("date", v) if v else None


def _full_date(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    mon = m["m"]
    if not (m["d1"] or m["d2"]):
        return None  # "March 2023" and "March" have their own rules
    day = int(m["d1"] or m["d2"])
    if not _capitalised(ctx, m, "m") or not 1 <= day <= 31:
        return None
    month = _month_no(mon)
    if m["y"]:
        v = iso_date(int(m["y"]), month, day)
        return ("date", v) if v else None
    if ctx.dct is None:
        return "date", None
    year = day_month_year(ctx.dct, month, day, ctx.direction(m, undecided=0))
    return "date", iso_date(year, month, day)


def _month_year(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    if not _capitalised(ctx, m, "m"):
        return None
    return "date", f"{int(m['y']):04d}-{_month_no(m['m']):02d}"


_MAY_BEFORE = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "of",
        "on",
        "during",
        "from",
        "through",
        "before",
        "after",
        "end",
        "beginning",
        "start",
        "between",
        "and",
        "to",
    ]
)


_MARCH_NOUN_RE = re.compile(r"\s+(?:of|for|on|to|against|through)\b")
# "October of next year": the month takes the year said after it (which stays its own expression)
_OF_YEAR_RE = re.compile(r"\s+of\s+(?P<yr>this|last|next)\s+year\b", re.I)


def _month(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    word = m["m"]
    if not _capitalised(ctx, m, "m"):
        return None
    if word == "may" and ctx.text[m.start("m") : m.end("m")] != "MAY":
        before = ctx.text[max(0, m.start("m") - 20) : m.start("m")].split()
        if not before or before[-1].casefold().rstrip("-") not in _MAY_BEFORE:
            return None
    of_year = _OF_YEAR_RE.match(ctx.text, m.end()) if not m["yr"] else None
    if not of_year and word.casefold() == "march" and _MARCH_NOUN_RE.match(ctx.text, m.end()):
        return None  # "the March for Life"
    month = _month_no(word)
    if ctx.dct is None:
        return "date", None
    rel = (m["rel"] or "").casefold()
    yr = (m["yr"] or (of_year["yr"] if of_year else "")).casefold()
    if yr:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[yr]
    elif rel in ("last", "this past"):
        year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
    elif rel in ("next", "this coming"):
        year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    else:
        year = month_year(ctx.dct, month, ctx.direction(m, undecided=0))
    return "date", f"{year:04d}-{month:02d}"


_HOLIDAY_FIRST_WORD_RE = re.compile(r"(\w+)[ \t]+\Z")  # "Good" of "Good Friday"


def _weekday(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    if not _capitalised(ctx, m, "wd"):
        return None
    if not m["rel"] and weekday_in_name(ctx.text, m.start("wd"), m.end()):
        return None  # "the Sunday Times", "Mike Friday"
    before = _HOLIDAY_FIRST_WORD_RE.search(ctx.text, max(0, m.start() - 20), m.start())
    if before and f"{before.group(1)} {m['wd']}".casefold() in time_words().holidays:
        return None  # "Good Friday": the holiday's own pattern reads it, or finds it part of a name
    pod = (m["pod"] or "").casefold()
    typ = "time" if pod else "date"
    if ctx.dct is None:
        return typ, None
    wd = _weekday_no(m["wd"])
    rel = (m["rel"] or "").casefold()
    if rel in ("last", "this past"):
        d = weekday_date(ctx.dct - dt.timedelta(days=1), wd, -1)
    elif rel in ("next", "this coming"):
        d = weekday_date(ctx.dct + dt.timedelta(days=1), wd, 1)
    elif POSSESSIVE_RE.match(ctx.text, m.end()):
        d = weekday_date(ctx.dct, wd, -1)  # "Wednesday's ruling", "Friday's close": news of a day gone by
    else:
        d = weekday_date(ctx.dct, wd, ctx.direction(m))
    return typ, d.isoformat() + ("T" + time_words().parts_of_day[pod] if pod else "")


def _year(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    y = int(m["y"])
    nxt = ctx.text[m.end() : m.end() + 16].split()
    if nxt and nxt[0].casefold().strip(".,;:") in _NOT_AFTER_YEAR:
        return None
    mod = (m["mod"] or "").casefold()
    if not mod and not 1800 <= y <= 2099:
        return None
    return "date", f"{y:04d}"


_NOT_AFTER_YEAR = frozenset(
    [
        "people",
        "persons",
        "workers",
        "employees",
        "cars",
        "vehicles",
        "units",
        "shares",
        "tons",
        "tonnes",
        "barrels",
        "jobs",
        "miles",
        "km",
        "kilometres",
        "kilometers",
        "metres",
        "meters",
        "feet",
        "yards",
        "pounds",
        "dollars",
        "euros",
        "rubles",
        "yuan",
        "points",
        "votes",
        "troops",
        "soldiers",
        "homes",
        "houses",
        "members",
        "students",
        "children",
        "men",
        "women",
        "deaths",
        "cases",
        "rooms",
        "seats",
        "beds",
        "pieces",
        "copies",
        "words",
        "pages",
        "cc",
        "hp",
        "kg",
        "mph",
    ]
)


def _decade(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    if m["c"]:
        return "date", f"{m['c']}{m['d']}"
    if m["d3"]:  # "the 80s", "the 70s and 80s", not "in his 70s"
        s = m.start("d3")
        before = ctx.text[max(0, s - 12) : s].casefold()
        if not (before.endswith("the ") or re.search(r"\d0['’]?s (?:and|or|to) $", before)):
            return None
    return "date", f"19{m['d2'] or m['d3']}"


def _rel_day(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    if _day_word_as_title(ctx.text, m.start("w"), m.end("w")):
        return None
    w = m["w"].casefold()
    pod = (m["pod"] or "").casefold()
    if w == "tonight":
        pod = pod or "night"
    if ctx.dct is None:
        return ("time" if pod else "date"), None
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(w, 0)
    v = (ctx.dct + dt.timedelta(days=off)).isoformat()
    if pod:
        return "time", v + "T" + time_words().parts_of_day.get(pod, "DT")
    return "date", v


def _day_word_as_title(text: str, start: int, end: int) -> bool:
    """Whether "Today" (or "Yesterday"…) is capitalised inside a sentence, where prose writes the day in
    lower case: then it names something ("Radio 4's Today programme", "USA Today", the song "Yesterday").
    A sentence's first word and a headline's words are capitalised anyway, and all capitals say nothing."""
    word = text[start:end]
    if not word[:1].isupper() or word.isupper():
        return False
    return not sentence_initial(text, start) and not title_cased_line(text, start)


def _pod(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    """ "this morning", "last night"."""
    rel = m["rel"].casefold()
    pod = m["pod"].casefold()
    if ctx.dct is None:
        return "time", None
    off = -1 if rel == "last" else (1 if rel == "tomorrow" else 0)
    return "time", (ctx.dct + dt.timedelta(days=off)).isoformat() + "T" + time_words().parts_of_day[pod]


def _rel_unit(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    rel = " ".join(m["rel"].casefold().split())
    unit = m["unit"].casefold()
    if ctx.dct is None:
        return "date", None
    if rel == "that":
        return "date", None
    code = time_words().seasons.get(unit)
    if code:
        return "date", season_value(ctx.dct, code, rel, ctx.direction(m))
    if unit == "season":
        return "date", None
    n = 0
    if rel in ("last", "the past", "the previous", "this past"):
        n = -1
    elif rel in ("next", "the coming", "the following", "this coming"):
        n = 1
    return "date", shift(ctx.dct, unit, n)


def _num_unit(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    if m["num"] is None:
        return None  # a unit word with no number before it
    num = " ".join(m["num"].casefold().split())
    unit = m["unit"].casefold()
    text = ctx.text
    if num in ("a", "an") and unit == "second":
        return None  # "a second term"
    if num[:1].isdigit() and text[m.start("unit")].isupper() and not title_cased_line(text, m.start()):
        return None  # CBS's "60 Minutes": a title, in a sentence that is not a headline
    if num in ("some", "many", "several", "few") and not unit.endswith("s"):
        return None  # "some day" is not a duration
    if unit.startswith("quarter") and (
        num in ("a", "an", "three") or (num == "one" and " of" in ctx.text[m.end() : m.end() + 3])
    ):
        return None  # "a quarter of the shares", "three-quarters"
    amount = None if num in ("a few", "several", "some", "many", "few") else parse_number(num)
    if m["half"]:
        amount = (amount or 0) + 0.5
    if (m["old"] or "").casefold() == "old":
        return None  # an age: "a 6-year-old"
    start = None
    if m["det"] and not m["rel"]:
        start = m.end("det") + 1  # "the two days": the determiner is not part of it, "the past two days" is
    direction = (m["dir"] or "").casefold()
    if direction:
        if ctx.dct is None:
            return "date", None
        sign = -1 if direction in ("ago", "earlier", "previously") else 1
        if amount == 1 and unit == "year" and sign < 0 and _in_quarter_talk(text, m.start()):
            # earnings reports: "a year earlier" is the same quarter a year before
            prev = shift(ctx.dct, "quarter", -1)
            return "date", f"{int(prev[:4]) - 1:04d}{prev[4:]}"
        return "date", ago(ctx.dct, amount, unit, sign)
    if num in ("a", "an") and not m["det"] and not m["rel"]:
        before = text[max(0, m.start() - 24) : m.start()].split()
        if before and (
            before[-1][:1].isdigit()
            or before[-1].casefold().strip(",")
            in ("million", "billion", "percent", "%", "times", "once", "twice")
        ):
            return "set", duration_value(1, unit)
    if start is not None:
        return "duration", duration_value(amount, unit), start
    return "duration", duration_value(amount, unit)


def _in_quarter_talk(text: str, pos: int) -> bool:
    """An earnings report: the text speaks of quarters and the sentence names no other period."""
    if text.count("quarter") < 2:
        return False
    lo = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
    hi = text.find(".", pos)
    sentence = text[lo : hi if hi != -1 else len(text)]
    return not re.search(r"\b(?:1[89]|20)\d\d\b|\bmonth", sentence)


def _set(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    what = m["what"].casefold()
    if what in time_words().months:
        return "set", f"XXXX-{_month_no(what):02d}"
    if what in time_words().weekdays:
        return "set", f"XXXX-WXX-{_weekday_no(what)}"
    if what in time_words().parts_of_day:
        return "set", "T" + time_words().parts_of_day[what]
    amount = parse_number(m["num"]) if m["num"] else 1
    return "set", duration_value(amount, what)


_ADVERB_SET = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "annually": "P1Y",
    "annual": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
}


# "the Communist Party daily Granma", "the Swiss daily Le Matin", "the business weekly Der Spiegel": a
# newspaper, not a frequency ("in monthly US sales" is one: no paper's description before it)
_PAPER_NAME_RE = re.compile(r"[ \t]+[A-Z][\w'’-]*")
_PAPER_BEFORE_RE = re.compile(
    r"(?:\b[A-Z][\w'’-]*|\b(?:business|financial|state|official|national|local|regional|evening|morning|"
    r"government|leading|popular|tabloid|newspaper|sports|economic|(?P<det>the|a)))[ \t]+\Z"
)


def _adverb_set(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    w = m["w"].casefold()
    text = ctx.text
    if title_cased_line(text, m.start()):
        return "set", _ADVERB_SET[w]  # a headline: "Sales Rise Daily In Moscow"
    if text[m.start()].isupper() and not sentence_initial(text, m.start()):
        return None  # "the Daily Mail", "Monthly Review": a name in mid-sentence
    if w in ("daily", "weekly", "monthly") and (name := _PAPER_NAME_RE.match(text, m.end())):
        word = name.group().strip().rstrip(".,")
        before = _PAPER_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        if (
            before is not None
            and not (before["det"] and word.isupper())
            and word.casefold() not in time_words().weekdays
            and word.casefold() not in time_words().months
        ):
            return None
    return "set", _ADVERB_SET[w]


def _times_per(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    return "set", duration_value(1, m["unit"])


def _quarter(m: _M, ctx: _Ctx) -> tuple | None:
    res = _quarter_value(m, ctx)
    if res is not None and m["det"] and ctx.text[m.start("unit") - 1] == "-":
        return (*res, m.end("det") + 1)  # "the third-quarter results": an adjective, no determiner
    return res


def _quarter_value(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    unit = m["unit"].casefold()
    ordw = (m["ord"] or "").casefold()
    mods = " ".join((m["mods"] or "").casefold().split())
    yr = (m["yr1"] or m["yr2"] or "").casefold()
    if unit == "period" and not (mods or yr):
        return None
    if unit == "half" and not ordw:
        return None
    if not (m["det"] or ordw or mods or yr) and unit == "quarter":
        return None  # a bare "quarter" is usually "a quarter of the shares"
    dct = ctx.dct
    year: int | None = None
    if yr[:4].isdigit():
        year = int(yr[:4])
    elif dct is not None:
        year = dct.year
        if (
            "last year" in yr
            or "year-ago" in yr
            or "year-earlier" in yr
            or "year-ago" in mods
            or "year-earlier" in mods
        ):
            year -= 1
        elif "next year" in yr:
            year += 1
    if year is None:
        return "date", None
    if unit == "half":
        n = 1 if ordw in ("first", "1st") else 2
        return "date", f"{year:04d}-H{n}"
    ords = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
    if ordw in ords:
        qn = ords[ordw]
        if not yr and dct is not None and qn > quarter_of(dct) == 1 and ctx.direction(m) < 0:
            year -= 1  # "the fourth quarter" reported in January: last year's
        return "date", f"{year:04d}-Q{qn}"
    if dct is None:
        return "date", None
    q = quarter_of(dct)
    if ordw in ("last", "final") and not yr:
        ordw, mods = "", mods + " last"
    if "current" in mods or "this" in mods:
        return "date", f"{year:04d}-Q{q}"
    if "next" in mods or "coming" in mods:
        return "date", shift(dct, "quarter", 1)
    # "the quarter", "the latest quarter", "the year-ago period": the last reported (previous) quarter
    prev = shift(dct, "quarter", -1)
    if year != dct.year:
        return "date", f"{year:04d}-Q{prev[-1]}"
    return "date", prev


def _fiscal_q(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    year = int(m["y"]) if m["y"] else (ctx.dct.year if ctx.dct else None)
    if year is None:
        return "date", None
    return "date", f"{year:04d}-{m['q'].upper()}"


def _season(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    s = m["s"].casefold()
    rel = (m["rel"] or "").casefold()
    mod = m["mod"]
    if not (rel or mod or m["y"]):
        before = ctx.text[max(0, m.start() - 12) : m.start()].split()
        if not before or before[-1].casefold() not in (
            "in",
            "during",
            "since",
            "until",
            "by",
            "through",
            "over",
        ):
            return None
        if s in ("fall", "spring"):
            return None
    if s in ("fall", "spring") and rel == "the" and not m["y"]:
        after = ctx.text[m.end() : m.end() + 4]
        if after.startswith(" of"):
            return None  # "the fall of the wall"
    code = time_words().seasons[s]
    if m["y"]:
        return "date", f"{int(m['y']):04d}-{code}"
    if ctx.dct is None:
        return "date", None
    if rel not in ("this past", "this coming", "this", "last", "next"):
        rel = ""
    return "date", season_value(ctx.dct, code, rel, ctx.direction(m))


def _clock(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    h = int(m["h"])
    mi = int(m["mi"] or 0)
    ap = (m.groupdict().get("ap") or "").casefold().replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    if ctx.dct is None:
        return "time", None
    zone = (m.groupdict().get("z") or "").upper()
    return "time", f"{ctx.dct.isoformat()}T{h:02d}:{mi:02d}" + ("Z" if zone in ("UTC", "GMT", "Z") else "")


_HIGH_BEFORE_RE = re.compile(r"(?i)\bhigh\s+\Z")


def _noon(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    w = m["w"].casefold()
    if _HIGH_BEFORE_RE.search(ctx.text, max(0, m.start() - 6), m.start()):
        return None  # "high noon": the idiom (or the film), not a clock time
    if ctx.dct is None:
        return "time", None
    return "time", ctx.dct.isoformat() + ("T12:00" if w in ("noon", "midday") else "T24:00")


def _holiday(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    name = holiday_key(m["h"])
    if not _capitalised(ctx, m, "h"):
        return None
    if not m["rel"] and continues_into_a_name(ctx.text, m.start("h"), m.end("h"), weekday=False):
        return None  # "the Good Friday Agreement", "the Easter Rising"
    rule = time_words().holidays.get(name)
    if rule is None or ctx.dct is None:
        return "date", None
    rel = (m["rel"] or "").casefold()
    year = ctx.dct.year
    d = holiday_date(rule, year)
    if d is None:
        return "date", None
    if rel == "last" or (not rel and (d - ctx.dct).days > 30 and ctx.direction(m) < 0):
        if d >= ctx.dct:
            d = holiday_date(rule, year - 1)
    elif rel == "next" and d <= ctx.dct:
        d = holiday_date(rule, year + 1)
    return "date", d.isoformat() if d else None


_AS_SOON_AS_RE = re.compile(r"(?i)(?<!\w)as\s+\Z")


def _vague(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    w = " ".join(m["w"].casefold().split())
    # "as soon as possible", "as soon as Tuesday": a conjunction, not a time of its own
    if (
        w == "soon"
        and _AS_SOON_AS_RE.search(ctx.text, max(0, m.start() - 8), m.start())
        and ctx.text[m.end() : m.end() + 4].casefold().startswith(" as")
    ):
        return None
    if w == "soon" and _soon_not_future(ctx, m):
        return None
    if w == "now" and ctx.text[m.end() : m.end() + 1] == "-":
        return None  # "the now-cancelled deal": an adjective of the deal, not a time
    v = _VAGUE_SPAN_RE.fullmatch(w)
    if v:  # "recent years", "the coming weeks": an unknown number of that unit (TIMEX3 PXY, PXW)
        unit = v["unit"]
        code = "M" if unit == "quarter" else duration_value(1, unit)[-1]
        return "duration", f"PX{code}"
    return "date", time_words().vague.get(w)


_VAGUE_SPAN_RE = re.compile(r"(?:the\s+)?(?:recent|coming)\s+(?P<unit>day|week|month|quarter|year|decade)s")
_SOON_AFTER_RE = re.compile(r"\s+(?:after|before|afterwards?|thereafter)\b", re.I)
_PAST_AUX_RE = re.compile(r"\b(?:was|were|had)\s+\Z", re.I)
_PAST_VERB_RE = re.compile(
    r"\s+\w+ed\b|\s+(?:became|began|came|went|left|found|made|got|took|fell|rose)\b", re.I
)


def _soon_not_future(ctx: _Ctx, m: _M) -> bool:
    """ "soon after the vote" (a relation between events) and a past "was soon released", "soon became":
    no reference to the time after the document date."""
    text = ctx.text
    if _SOON_AFTER_RE.match(text, m.end()):
        return True
    if _PAST_AUX_RE.search(text, max(0, m.start() - 8), m.start()):
        return True
    return _PAST_VERB_RE.match(text, m.end()) is not None


def _year_adj(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    if ctx.dct is None:
        return "date", None
    if _in_quarter_talk(ctx.text, m.start()):
        prev = shift(ctx.dct, "quarter", -1)
        return "date", f"{int(prev[:4]) - 1:04d}{prev[4:]}"
    return "date", f"{ctx.dct.year - 1:04d}"


_YEAR_ENDED_RE = re.compile(rf"(?i)\s+(?:ended|ending|to)\s+{_MONTH}\s*\d")


# "the day after his death", "the day before the vote": a day off an event, not the dct's day
# ("later in the day before returning" is the day itself).
_DAY_OFF_EVENT_RE = re.compile(r"\s+(?:before|after)\s+(?![\w'’-]*ing\b)", re.I)


def _the_unit(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    """ "the year", "the end of the month", "the day": the dct's period (a year "for the year" is a span)."""
    u = m["u"].casefold()
    q = (m["q"] or "").casefold()
    if q == "same" and u != "day":
        return None
    if ctx.dct is None or (u == "day" and not q and _DAY_OFF_EVENT_RE.match(ctx.text, m.end())):
        return "date", None
    if u == "year" and _YEAR_ENDED_RE.match(ctx.text, m.end()):
        return "duration", "P1Y"  # "the year ended June 30": twelve months, not the calendar year
    unit = "week" if u == "weekend" else u
    n = 0
    if u == "weekend" and ctx.dct.weekday() < 4 and ctx.direction(m) < 0:
        n = -1  # "over the weekend", said on a Monday: the one just past
    v = shift(ctx.dct, unit, n)
    return "date", v + "-WE" if u == "weekend" else v


_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}


def _spelled_year(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    century = 19 if m["c"].casefold() == "nineteen" else 20
    rest = m["rest"].casefold()
    if rest == "hundred":
        return "date", f"{century}00"
    n = _TEENS.get(rest)
    if n is None:
        n = parse_number(rest)
    if n is None:
        return None
    return "date", f"{century}{int(n):02d}"


def _two_thousand(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    if m.start() == m.core.start():  # no "the year" before: a year only after "in", "by", "since"...
        before = ctx.text[max(0, m.start() - 12) : m.start()].split()
        if not before or before[-1].casefold() not in (
            "in",
            "by",
            "since",
            "until",
            "till",
            "before",
            "after",
        ):
            return None
    return "date", "2000"


_CENTURY_WORDS = {"twentieth": 20, "nineteenth": 19, "eighteenth": 18, "twenty-first": 21, "twenty first": 21}


def _century(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    d = m.groupdict()
    n = int(d["n"]) if d.get("n") else _CENTURY_WORDS[" ".join(d["w"].casefold().split())]
    return "date", f"{n - 1:02d}"


def _year_end(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    if ctx.dct is None:
        return "date", None
    rel = (m["rel"] or "").casefold()
    year = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    return "date", f"{year:04d}-12-31"


def _unit_long(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    return "duration", duration_value(1, m["unit"])


def _in_the_pod(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    h = int(m["h"])
    pod = m["pod"].casefold()
    if h > 12:
        return None
    if pod in ("afternoon", "evening") or (pod == "night" and h >= 6):
        h = h + 12 if h < 12 else h
    if ctx.dct is None:
        return "time", None
    return "time", f"{ctx.dct.isoformat()}T{h:02d}:00"


def _range_first(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    """ "between 60 and 90 days": the first number has the same unit."""
    return "duration", duration_value(parse_number(m["num"]), m["unit"])


def _short_year(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    yy = int(m["yy"])
    now = (ctx.dct.year if ctx.dct else 2000) % 100
    return "date", f"{(19 if yy > now + 10 else 20)}{yy:02d}"


def _for_units(m: _M, ctx: _Ctx) -> tuple[str, str | None] | None:
    return "duration", duration_value(None, m["unit"])


# --- rules -------------------------------------------------------------------------------------------
# Each rule: (core pattern, runs on the lowercased text, handler, prefix pattern, guard). The core starts
# with a plain word or digit so the regex engine can skip ahead quickly; what may come before it
# ("the", "last", "early", "Monday,") is the prefix, matched backwards from the core and part of the span;
# the guard lists characters that must not come right before the core ("w" for letters and digits).
_W = "w"


@functools.cache
def _rules() -> list[tuple[re.Pattern[str], bool, Handler, re.Pattern[str] | None, str]]:
    tw = time_words()
    zones = "|".join(sorted((z.upper() for z in lexicon().zones), key=len, reverse=True))
    zones_low = zones.lower()
    holidays = _trie_alternation(tw.holidays)
    vague = _trie_alternation(tw.vague)
    pods = "morning|afternoon|evening|night"
    low, orig = True, False
    specs: list[tuple[str, bool, Handler, str | None, str]] = [
        (
            r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2})?)?(?![\d-])",
            orig,
            _iso,
            None,
            "0123456789-",
        ),
        (r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])", orig, _numeric, None, "0123456789/"),
        (
            rf"(?P<m>{_MONTH})(?![a-z])"
            r"(?:[ \t]+(?:the[ \t]+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?!\d|:\d|\.\d|,\d{3}))?"
            r"(?:[ \t]*,?[ \t]*(?P<y>\d{4})(?!\d))?",
            low,
            _full_date,
            rf"(?:{_WEEKDAY_ANY}[ \t]*,?[ \t]+)?(?:the[ \t]+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:[ \t]+of)?[ \t]+)?",
            _W,
        ),
        (
            rf"(?P<m>{_MONTH}),?[ \t]+(?:of[ \t]+)?(?P<y>\d{{4}})(?!\d)",
            low,
            _month_year,
            rf"(?:{_MOD}[\s-]*)?",
            _W,
        ),
        (
            rf"(?P<m>{_MONTHS_FULL}|sept\.)(?![a-z])(?:\s+(?P<yr>this|last|next)\s+year)?(?!\s*\d)",
            low,
            _month,
            rf"(?:(?P<rel>this past|this coming|last|next|this)\s+|{_MOD}[\s-]*)?",
            _W,
        ),
        (
            rf"(?P<wd>{_WEEKDAY})(?![a-z])(?:\s+(?P<pod>{pods}))?",
            low,
            _weekday,
            r"(?:(?P<rel>this past|this coming|last|next|this|early|late)\s+)?",
            _W,
        ),
        (
            r"(?P<y>1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|\s*%|-\d)",
            low,
            _year,
            rf"(?:(?P<mod>{_MOD}|fiscal year|fiscal|calendar|the year|fy|model year)[\s-]*)?",
            "0123456789$£€,.",
        ),
        (
            r"(?:(?P<c>1[5-9]|20)(?P<d>\d)0|['’](?P<d2>\d)0|(?P<d3>[2-9])0)['’]?s\b",
            low,
            _decade,
            r"(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?",
            _W,
        ),
        (
            rf"(?P<w>today|yesterday|tomorrow|tonight)\b(?:\s+(?P<pod>{pods}))?",
            low,
            _rel_day,
            r"(?:(?:early|late|earlier|later)\s+)?",
            _W,
        ),
        (rf"(?P<rel>this|last|tomorrow)\s+(?P<pod>{pods})\b", low, _pod, None, _W),
        (
            rf"(?P<rel>{_REL})\s+"
            r"(?P<unit>week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter|season)\b",
            low,
            _rel_unit,
            rf"(?:{_MOD}\s+|(?:earlier|later)\s+)?",
            _W,
        ),
        (
            rf"(?P<unit>{_UNIT})\b"
            r"(?:[\s-]+(?P<old>old|long))?"
            # no "later": "three days later" counts from an event, not from the dct, so it is
            # the duration "three days" (as TimeML marks it)
            r"(?:\s+(?P<dir>ago|earlier|from now|hence|previously)\b)?",
            low,
            _num_unit,
            r"(?:(?P<det>the)\s+)?"
            r"(?:(?P<rel>past|last|next|first|final|coming|previous|following|initial|remaining|latest|"
            r"further|additional|entire|whole|full|same|ensuing|subsequent)\s+)?"
            r"(?:(?:about|nearly|almost|more than|less than|over|under|roughly|approximately|around|"
            r"at least|up to|fewer than|only|just|another)\s+)?"
            rf"(?P<num>{_NUM})[\s-]+(?P<half>and\s+a\s+half\s+)?"
            r"(?:(?:more|additional|further|straight|consecutive|full|long|short|trading|working|business)\s+)?",
            _W,
        ),
        (
            r"(?:every|each|per)\s+(?:other\s+)?(?:(?P<num>\d+|two|three|four|five|six|ten|few)\s+)?"
            rf"(?P<what>{_WEEKDAY}|{_MONTHS_FULL}|{pods}|second|minute|hour|day|night|week|month|quarter|year|decade)"
            r"s?\b",
            low,
            _set,
            None,
            _W,
        ),
        (
            r"(?:once|twice|thrice|times)\s+(?:a|an|per|each|every)\s+(?P<unit>day|week|month|year|hour)\b",
            low,
            _times_per,
            r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|few)\s+)?",
            _W,
        ),
        (
            r"(?P<w>daily|nightly|weekly|biweekly|monthly|annually|annual|yearly|hourly)\b",
            low,
            _adverb_set,
            None,
            _W,
        ),
        (
            r"(?P<unit>quarter|half|period)\b(?!-)(?:\s+(?:of\s+)?(?P<yr2>\d{4}|this year|last year|next year))?",
            low,
            _quarter,
            r"(?:(?P<det>the)\s+)?(?:(?P<yr1>\d{4}|this year['’]s|last year['’]s|next year['’]s)\s+)?"
            r"(?P<mods>(?:(?:fiscal|calendar|current|latest|recent|previous|past|same|comparable|year-ago|"
            r"year-earlier|this|next|coming)[\s-]+)*)"
            r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+)?(?:fiscal[\s-]+)?",
            _W,
        ),
        (r"(?P<q>Q[1-4]|H[12])(?:\s*(?P<y>\d{4}))?\b", orig, _fiscal_q, None, _W),
        (
            r"(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<y>\d{4}))?",
            low,
            _season,
            r"(?:(?P<mod>early|late|mid)[\s-]*)?"
            r"(?:(?P<rel>this past|this coming|this|last|next|the|their|its|our|his|her)\s+)?",
            _W,
        ),
        (
            r"(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?!\w)"
            rf"(?:\s+(?P<z>{zones_low})\b)?",
            low,
            _clock,
            None,
            "w:.",
        ),
        (
            rf"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])(?:\s*(?P<z>{zones}|local time|hrs|h)\b)?",
            orig,
            _clock,
            None,
            "w:.",
        ),
        (r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?P<z>UTC|GMT)\b", orig, _clock, None, _W),
        (r"(?P<w>noon|midday|midnight)\b", low, _noon, None, _W),
        (
            r"the\s+(?:(?P<q>full|fiscal|current|entire|whole|calendar|same)\s+)?"
            r"(?P<u>year|week|month|day|weekend)\b(?![-'’])",
            low,
            _the_unit,
            rf"(?:{_MOD}\s+)?",
            _W,
        ),
        (
            rf"(?P<c>nineteen|twenty)[\s-](?P<rest>(?:{_TENS})(?:[\s-](?:{_DIGIT_WORD}))?|ten|eleven|twelve|"
            rf"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)\b",
            low,
            _spelled_year,
            None,
            _W,
        ),
        (r"two\s+thousand\b", low, _two_thousand, r"(?:(?:the\s+)?year\s+)?", _W),
        (r"(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]century\b", low, _century, r"(?:the\s+)?", _W),
        (
            r"(?P<w>twentieth|nineteenth|eighteenth|twenty-first|twenty first)[\s-]century\b",
            low,
            _century,
            r"(?:the\s+)?",
            _W,
        ),
        (rf"(?P<h>{holidays})\b", low, _holiday, r"(?:(?P<rel>last|next|this)\s+)?", _W),
        (rf"(?P<w>{vague})\b", low, _vague, None, _W),
        (r"year-(?:earlier|ago)\b(?![\s-]+(?:quarter|period|half))", low, _year_adj, None, _W),
        (r"(?:for|over)\s+(?:the\s+)?(?P<unit>years|months|weeks|decades)\b", low, _for_units, None, _W),
        (
            rf"(?P<num>\d+|{_DIGIT_WORD}|ten|twelve|{_TENS})"
            rf"(?=\s+(?:and|to|or|-)\s+(?:\d+|{_DIGIT_WORD}|ten|twelve|{_TENS})\s+(?P<unit>{_UNIT})\b)",
            low,
            _range_first,
            None,
            "w.,",
        ),
        (r"['’](?P<yy>\d\d)\b(?![’'.,]?\d)", orig, _short_year, None, "w'’"),
        (r"(?P<unit>decades|years|months|weeks|days|hours)-long\b", low, _for_units, None, _W),
        (r"(?P<unit>day|week|month|year|hour)-long\b", low, _unit_long, None, _W),
        (
            r"(?P<h>\d{1,2})\s+in\s+the\s+(?P<pod>morning|afternoon|evening|night)\b",
            low,
            _in_the_pod,
            None,
            _W,
        ),
        (r"year[\s-]end\b", low, _year_end, r"(?:(?P<rel>last|this|next)\s+)?", _W),
    ]
    specs += [(p, low, h, pre, _W) for p, h, pre in russian_rules()]
    return [
        (re.compile(p), on_low, h, re.compile(rf"(?<!\w)(?:{pre})\Z") if pre else None, guard)
        for p, on_low, h, pre, guard in specs
    ]


# Literals one of which every match of a rule contains (a rule is skipped on a text without any: a
# substring test is many times quicker than a regex scan), keyed by handler and its nth rule. _MONTH_ANCHOR
# instead marks the rules whose core starts with a month name: one scan finds where month names start and
# those rules are tried only there.
_MONTH_ANCHOR = ("<month>",)
_CYRILLIC = ("<cyrillic>",)  # the Russian rules: tried only on a text with Cyrillic letters
_PODS = ("morning", "afternoon", "evening", "night")
_NEEDS: dict[tuple[str, int], tuple[str, ...]] = {
    ("_numeric", 0): ("/",),
    ("_full_date", 0): _MONTH_ANCHOR,
    ("_month_year", 0): _MONTH_ANCHOR,
    ("_month", 0): _MONTH_ANCHOR,
    ("_weekday", 0): ("day",),
    ("_decade", 0): ("0s", "0's", "0’s"),
    ("_rel_day", 0): ("today", "yesterday", "tomorrow", "tonight"),
    ("_pod", 0): _PODS,
    ("_set", 0): ("every", "each", "per"),
    ("_times_per", 0): ("once", "twice", "thrice", "times"),
    ("_adverb_set", 0): ("daily", "nightly", "weekly", "monthly", "annual", "yearly", "hourly"),
    ("_quarter", 0): ("quarter", "half", "period"),
    ("_fiscal_q", 0): ("Q1", "Q2", "Q3", "Q4", "H1", "H2"),
    ("_season", 0): ("spring", "summer", "autumn", "fall", "winter"),
    ("_clock", 1): (":",),
    ("_clock", 2): ("UTC", "GMT"),
    ("_noon", 0): ("noon", "midday", "midnight"),
    ("_spelled_year", 0): ("nineteen", "twenty"),
    ("_two_thousand", 0): ("thousand",),
    ("_century", 0): ("century",),
    ("_century", 1): ("century",),
    ("_year_adj", 0): ("year-",),
    ("_for_units", 0): ("years", "months", "weeks", "decades"),
    ("_for_units", 1): ("-long",),
    ("_unit_long", 0): ("-long",),
    ("_short_year", 0): ("'", "’"),
    ("_in_the_pod", 0): _PODS,
    ("_year_end", 0): ("year",),
}
# Rules whose literals are everywhere in news: one quick scan for a necessary part of their matches
# decides instead ("two to three years" needs a connector, a number and a unit after the first number).
_HINTS: dict[tuple[str, int], re.Pattern[str]] = {
    ("_clock", 0): re.compile(r"\d\s*[ap]\.?m"),
    ("_range_first", 0): re.compile(
        rf"\s(?:and|to|or|-)\s+(?:\d+|{_DIGIT_WORD}|ten|twelve|{_TENS})\s+{_UNIT}\b"
    ),
}
# Where a month name may start: every form begins with one of these (a plain alternation scans several times
# faster than a lookahead). The scan does not overlap, which only misses a month starting inside another
# match ("ja|nov"): right after a letter, where the month rules' guard rejects it anyway.
_MONTH_START_RE = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")


@functools.cache
def _rule_needs() -> list[tuple[str, ...] | re.Pattern[str]]:
    """For each rule of :func:`_rules`, the literals one of which its matches contain (empty: none),
    or a pattern every text with a match contains."""
    seen: dict[str, int] = {}
    out = []
    for _rx, _on_low, handler, _pre, _guard in _rules():
        name = handler.__name__
        k = seen.get(name, 0)
        seen[name] = k + 1
        needs: tuple[str, ...] | re.Pattern[str] = _HINTS.get((name, k)) or _NEEDS.get((name, k), ())
        if name == "_holiday":
            needs = tuple({h.split()[0].split("'")[0] for h in time_words().holidays})
        if handler.__module__ == russian_rules.__module__:
            needs = _CYRILLIC
        out.append(needs)
    return out


def _may_match(src: str, needs: tuple[str, ...] | re.Pattern[str]) -> bool:
    """Whether ``src`` holds what every match of a rule needs (see :func:`_rule_needs`)."""
    if isinstance(needs, re.Pattern):
        return needs.search(src) is not None
    return any(n in src for n in needs)


_CYRILLIC_LOWER = str.maketrans(
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐ", "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ"
)


def _lower_keeping_offsets(text: str, cyrillic: bool) -> str:
    """ASCII letters lowercased, and Cyrillic ones when ``cyrillic`` (the text has some); nothing else
    changed, so offsets stay valid (``str.lower`` lengthens a few letters, "İ"; ``bytes.lower`` is
    ASCII-only)."""
    if text.isascii():
        return text.lower()
    low = text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
    return low.translate(_CYRILLIC_LOWER) if cyrillic else low


class _M:
    """A core match with the prefix matched before it, read as one match by the handlers."""

    __slots__ = ("core", "pre")

    def __init__(self, core: re.Match[str], pre: re.Match[str] | None) -> None:
        self.core = core
        self.pre = pre

    def _owner(self, name: str) -> re.Match[str] | None:
        if self.pre is not None and name in self.pre.re.groupindex:
            return self.pre
        return self.core if name in self.core.re.groupindex else None

    def __getitem__(self, name: str) -> str | None:
        owner = self._owner(name)
        return owner[name] if owner is not None else None

    def groupdict(self) -> dict[str, str | None]:
        d = self.core.groupdict()
        if self.pre is not None:
            d.update(self.pre.groupdict())
        return d

    def start(self, name: str | None = None) -> int:
        if name is None:
            return self.pre.start() if self.pre is not None else self.core.start()
        owner = self._owner(name)
        return owner.start(name) if owner is not None else -1

    def end(self, name: str | None = None) -> int:
        if name is None:
            return self.core.end()
        owner = self._owner(name)
        return owner.end(name) if owner is not None else -1


def _guard_blocks(ch: str, guard: str) -> bool:
    if "w" in guard and (ch.isalnum() or ch == "_"):
        return True
    return ch != "w" and ch in guard


def _matches(
    src: str, low: str, rx: re.Pattern[str], pre: re.Pattern[str] | None, guard: str
) -> Iterator[_M]:
    """Core matches not blocked by the guard, each with its prefix, as handler-ready matches."""
    pos = 0
    n = len(src)
    while pos <= n:
        cm = rx.search(src, pos)
        if cm is None:
            return
        s = cm.start()
        found = _accepted(src, low, cm, pre, guard)
        pos = s + 1 if found is None or cm.end() == s else cm.end()
        if found is not None:
            yield found


def _accepted(src: str, low: str, cm: re.Match[str], pre: re.Pattern[str] | None, guard: str) -> _M | None:
    """The core match ``cm`` with its prefix, or None when the character before it blocks it."""
    s = cm.start()
    if s > 0 and guard and _guard_blocks(src[s - 1], guard):
        return None
    pm = pre.search(low, max(0, s - 60), s) if pre is not None else None
    if pm is not None and pm.start() == s:
        pm = None
    return _M(cm, pm)


def _matches_at(
    src: str, low: str, rx: re.Pattern[str], pre: re.Pattern[str] | None, guard: str, starts: list[int]
) -> Iterator[_M]:
    """:func:`_matches` when every match starts at one of ``starts`` (ascending): the same matches."""
    pos = 0
    for s in starts:
        if s < pos:
            continue
        cm = rx.match(src, s)
        if cm is None:
            continue
        found = _accepted(src, low, cm, pre, guard)
        pos = s + 1 if found is None or cm.end() == s else cm.end()
        if found is not None:
            yield found


_CLOCK_DAY_GAP = re.compile(r"[ \t]*(?:on|at)?[ \t]*")
_OPEN_PAREN_GAP = re.compile(r"[ \t]*\([ \t]*")
_CLOSE_PAREN_GAP = re.compile(r"[ \t]*\)[ \t]*(?:on|at)?[ \t]*")

Span = tuple[int, int, str, str | None]


def _is_day(value: str | None) -> TypeGuard[str]:
    """A calendar day ("2000-04-06"), not a week, month or unknown."""
    return value is not None and len(value) == 10 and value[:1].isdigit()


def _is_clock(value: str | None) -> TypeGuard[str]:
    """A clock time with its day ("2000-04-06T04:00"), not a bare part of day ("TMO")."""
    return value is not None and "T" in value and value[:1].isdigit()


def _on_day(day: str, clock: str) -> str:
    """The clock time of ``clock`` ("1998-08-07T09:00") on ``day`` ("1998-08-11"): "1998-08-11T09:00"."""
    return day + clock[clock.index("T") :]


def _date_clock_across_parenthesis(text: str, chosen: list[Span]) -> list[Span]:
    """ "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT Thursday)": a clock followed by the
    same moment in another zone takes the day named after it (the days are not joined into one span)."""
    out = list(chosen)
    for i in range(len(out) - 2):
        s0, e0, t0, v0 = out[i]
        s1, e1, t1, v1 = out[i + 1]
        s2, _e2, t2, v2 = out[i + 2]
        if not (t0 == t1 == "time" and t2 == "date" and _is_clock(v0) and _is_clock(v1) and _is_day(v2)):
            continue
        if _OPEN_PAREN_GAP.fullmatch(text, e0, s1) is None:
            continue
        inside = _CLOCK_DAY_GAP.fullmatch(text, e1, s2) is not None  # "(4 a.m. EDT Thursday)"
        if not inside and _CLOSE_PAREN_GAP.fullmatch(text, e1, s2) is None:
            continue
        out[i] = (s0, e0, t0, _on_day(v2, v0))
        if not inside:  # the zone clock has no day of its own either
            out[i + 1] = (s1, e1, t1, _on_day(v2, v1))
    return out


def _same_sentence(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` holds no sentence end (a period of "a.m." or "Gen." is none)."""
    return not any(
        c in "\n!?" or (c == "." and not abbreviation_dot(text, k)) for k, c in enumerate(text[a:b], a)
    )


_BARE_CLOCK_RE = re.compile(r"\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Za-z]{2,4})?|\d{4}\s*(?:GMT|UTC)")


def _clock_on_named_day(text: str, chosen: list[Span], dct: dt.date | None) -> list[Span]:
    """ "at 16:15 UTC, June 1", "its first flight Tuesday in Everett at 18:00 UTC": a clock time with no
    day of its own is on the day the sentence names (just after it, else before it), not the dct's."""
    if dct is None:
        return chosen
    out = list(chosen)
    today = dct.isoformat()
    for i, (s, e, t, v) in enumerate(out):
        if t != "time" or not _is_clock(v) or v[:10] != today or not _BARE_CLOCK_RE.fullmatch(text, s, e):
            continue
        day = None
        if i + 1 < len(out) and _APPOSITION_GAP.fullmatch(text, e, out[i + 1][0]) and _is_day(out[i + 1][3]):
            day = out[i + 1][3]
        else:
            for _s0, e0, t0, v0 in reversed(out[:i]):
                if not _same_sentence(text, e0, s):
                    break
                if t0 == "date" and _is_day(v0):
                    day = v0
                    break
        if day is not None and day != today:
            out[i] = (s, e, t, _on_day(day, v))
    return out


def _merge_clock_and_day(text: str, chosen: list[Span]) -> list[Span]:
    """ "9 a.m. Tuesday", "Friday at 10:35 a.m.": one time expression with the day's date and the clock."""
    out: list[Span] = []
    for item in chosen:
        if out:
            s0, e0, t0, v0 = out[-1]
            s1, e1, t1, v1 = item
            gap = _CLOCK_DAY_GAP.fullmatch(text, e0, s1)
            if gap is not None and {t0, t1} == {"time", "date"}:
                clock = v0 if t0 == "time" else v1
                day = v1 if t0 == "time" else v0
                if _is_clock(clock) and _is_day(day):
                    out[-1] = (s0, e1, "time", _on_day(day, clock))
                    continue
                if clock and "T" in clock and day is None:
                    out[-1] = (s0, e1, "time", None)
                    continue
        out.append(item)
    return out


_OF_GAP = re.compile(r"[ \t]+of[ \t]+")
_DAY_OFFSET_GAP = re.compile(r"[ \t]+(?P<w>before|after)[ \t]+")
_APPOSITION_GAP = re.compile(r"[ \t]*,[ \t]*")
_ANAPHOR_RE = re.compile(
    r"(?:.*\s)?(?:that\s+(?P<u>year|month)|the\s+same\s+(?P<d>day)|"
    r"the\s+(?P<rel>following|previous)\s+(?P<u2>year|month))",
    re.I | re.S,
)
_FULL_DATE_RE = re.compile(r"\d{4}-\d\d-\d\d")
_ABS_DATE_RE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")


def _resolve_anaphor(text: str, item: Span, before: list[Span]) -> Span:
    """ "that year", "later that month", "the following year", "the same day": the period of the last date
    mentioned before (a year later for "the following year"), not of the dct; without one, as it was."""
    s1, e1, t1, v1 = item
    ana = _ANAPHOR_RE.fullmatch(text, s1, e1)
    if ana is None:
        return item
    unit = (ana["u"] or ana["d"] or ana["u2"]).casefold()
    n = {"year": 4, "month": 7, "day": 10}[unit]
    for _s, _e, t, v in reversed(before):
        if t in ("date", "time") and v and _ABS_DATE_RE.fullmatch(v[:n]) and len(v) >= n:
            if ana["rel"]:
                step = 1 if ana["rel"].casefold() == "following" else -1
                y, m = (int(v[:4]) + step, 1) if n == 4 else add_months(int(v[:4]), int(v[5:7]), step)
                return (s1, e1, t1, f"{y:04d}" if n == 4 else f"{y:04d}-{m:02d}")
            return (s1, e1, t1, v[:n])
    return item


_THE_DAY_RE = re.compile(r"(?:the\s+(?:start|end|rest|middle)\s+of\s+)?the\s+day", re.I)


def _resolve_the_day(text: str, item: Span, before: list[Span], dct: dt.date | None) -> Span:
    """ "ending the day at 8,017", "earlier in the day", told in the past: the day the story is about,
    the first day its text names ("On Friday, stocks ..."; a dateline is not one) when that is in the
    week up to the dct and the dct's own day ("today") was not named before; else the dct's day."""
    s1, e1, t1, v1 = item
    if dct is None or v1 != dct.isoformat() or not _THE_DAY_RE.fullmatch(text, s1, e1):
        return item
    if direction_at(text, s1, e1, 0) >= 0:
        return item
    days = [
        v[:10]
        for s, e, t, v in before
        if t in ("date", "time") and v and _FULL_DATE_RE.match(v) and not _alone_on_its_line(text, s, e)
    ]
    if not days or v1 in days:
        return item  # no day named, or the dct's own ("today") was: that is the story's day
    if 0 < (dct - dt.date.fromisoformat(days[0])).days <= 7:
        return (s1, e1, t1, days[0])
    return item


def _alone_on_its_line(text: str, s: int, e: int) -> bool:
    """A dateline: the expression is all its line holds."""
    a, b = line_bounds(text, s, e)
    return not text[a:s].strip() and not text[e:b].strip()


_SAME_PERIOD_RE = re.compile(
    r"the\s+(?:same|corresponding|comparable)\s+(?:period|quarter|month)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:last|previous|prior)\s+year",
    re.I,
)
_PERIOD_VALUE_RE = re.compile(r"\d{4}-(?:\d\d|Q[1-4]|H[12])")


def _resolve_same_period(text: str, item: Span, before: list[Span]) -> Span:
    """ "sales rose in February compared to the same period last year": the month or quarter named
    before it in its sentence, a year back (not the quarter before the dct's)."""
    s1, e1, t1, _v1 = item
    if not _SAME_PERIOD_RE.fullmatch(text, s1, e1):
        return item
    for _s, e, t, v in reversed(before):
        if not _same_sentence(text, e, s1):
            break
        if t == "date" and v and _PERIOD_VALUE_RE.fullmatch(v):
            return (s1, e1, t1, f"{int(v[:4]) - 1:04d}{v[4:]}")
    return item


def _merge_anchored(text: str, chosen: list[Span], dct: dt.date | None) -> list[Span]:
    """Expressions anchored on the date next to them: "the week of March 6" (that date's week), "the day
    before Tuesday's hearing" (a day off it), "Easter week"; and those anchored on the last date mentioned
    before them (:func:`_resolve_anaphor`)."""
    out: list[Span] = []
    for item in chosen:
        s1, e1, t1, v1 = item
        if out:
            s0, e0, t0, v0 = out[-1]
            head = text[s0:e0].casefold()
            full = v1 is not None and _FULL_DATE_RE.fullmatch(v1) is not None
            if full and head in ("the week", "week") and _OF_GAP.fullmatch(text, e0, s1):
                out[-1] = (s0, e1, "date", iso_week(dt.date.fromisoformat(v1)))
                continue
            gap = _DAY_OFFSET_GAP.fullmatch(text, e0, s1)
            if full and gap and head in ("the day", "a day", "one day"):
                sign = -1 if gap["w"] == "before" else 1
                day = dt.date.fromisoformat(v1) + dt.timedelta(days=sign)
                out[-1] = (s0, e1, "date", day.isoformat())
                continue
            if (
                v1 is None
                and v0 is not None
                and _FULL_DATE_RE.fullmatch(v0)
                and text[s1:e1].casefold() == "the day"
                and _APPOSITION_GAP.fullmatch(text, e0, s1)
            ):
                item = (s1, e1, t1, v0)  # "Oct. 12, the day before the plunge": the same day, said again
        if v1 is not None and _FULL_DATE_RE.fullmatch(v1) and t1 == "date":
            week = re.match(r"[ \t]+week\b", text[e1 : e1 + 8])
            name = holiday_key(text[s1:e1])
            if week and text[s1].isupper() and name in time_words().holidays:
                item = (s1, e1 + week.end(), "date", iso_week(dt.date.fromisoformat(v1)))
        if t1 == "date":
            item = _resolve_the_day(text, _resolve_anaphor(text, item, out), out, dct)
            item = _resolve_same_period(text, item, out)
        out.append(item)
    return out


_DAY_RANGE_END_RE = re.compile(
    r"[ \t]*(?:-|–|and|or|to|through)[ \t]*(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    r"(?![ \t]*,?[ \t]*\d)(?=[ \t]*[.,;:)\n]|[ \t]+(?:in|at)\b|\Z)"  # not "May 3 and 10 others"
)


def _add_range_end_days(text: str, chosen: list[Span]) -> list[Span]:
    """ "April 24 and 25", "May 3-5": the bare day number after a full date is a date of the same month."""
    out: list[Span] = []
    for i, (s, e, t, v) in enumerate(chosen):
        out.append((s, e, t, v))
        if t != "date" or not _is_day(v) or not text[e - 1 : e].isdigit():
            continue
        m = _DAY_RANGE_END_RE.match(text, e)
        if m is None or (i + 1 < len(chosen) and chosen[i + 1][0] < m.end()):
            continue
        day = int(m["d"])
        if int(v[8:]) < day <= 31 and (end_day := iso_date(int(v[:4]), int(v[5:7]), day)):
            out.append((m.start("d"), m.end("d"), "date", end_day))
    return out


@functools.cache
def _first_russian_rule() -> int:
    """The index of the Russian full date's rule (the first Russian one), for datelines."""
    return next(i for i, needs in enumerate(_rule_needs()) if needs is _CYRILLIC)


def _dateline(text: str) -> dt.date | None:
    """A date from a short dateline among the first lines ("March 01 , 2008", "LONDON 1996-08-30")."""
    for line in text[:600].splitlines()[:6]:
        if not line.strip() or len(line) > 70:
            continue
        cyrillic = has_cyrillic(line)
        low = _lower_keeping_offsets(line, cyrillic)
        rules = [*_rules()[:3], _rules()[_first_russian_rule()]] if cyrillic else _rules()[:3]
        for rx, on_low, handler, pre, guard in rules:
            m = next(_matches(low if on_low else line, low, rx, pre, guard), None)
            if m is None:
                continue
            rest = (line[: m.start()] + " " + line[m.end() :]).split()
            res = handler(m, _Ctx(line, None))
            if res and res[1] and len(res[1]) == 10 and len(rest) <= 4:
                return dt.date.fromisoformat(res[1])
    return None


def _trim_for_units(m: _M) -> tuple[int, int]:
    return m.start("unit"), m.end("unit")


def extract_times(text: str, dct: dt.date | None = None) -> list[TimeMention]:
    """Time expressions of ``text`` in text order; ``text[t.start:t.end] == t.text`` always holds."""
    if not text:
        return []
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    if dct is None:
        dct = _dateline(text)
    ctx = _Ctx(text, dct)
    cyrillic = has_cyrillic(text)
    low = _lower_keeping_offsets(text, cyrillic)
    cands: list[tuple[int, int, int, str, str | None]] = []
    month_starts: list[int] | None = None
    for prio, ((rx, on_low, handler, pre, guard), needs) in enumerate(
        zip(_rules(), _rule_needs(), strict=True)
    ):
        src = low if on_low else text
        if needs is _CYRILLIC:
            if not cyrillic:
                continue
            found: Iterator[_M] = _matches(src, low, rx, pre, guard)
        elif needs is _MONTH_ANCHOR:
            if month_starts is None:
                month_starts = [m.start() for m in _MONTH_START_RE.finditer(low)]
            found = _matches_at(src, low, rx, pre, guard, month_starts)
        elif needs and not _may_match(src, needs):
            continue
        else:
            found = _matches(src, low, rx, pre, guard)
        for m in found:
            if m.end() <= m.start():
                continue
            try:
                res = handler(m, ctx)
            except (OverflowError, ValueError):  # arithmetic past year 1 or 9999
                res = None
            if res is None:
                continue
            s, e = m.start(), m.end()
            if len(res) == 3:  # the handler moved the start
                s = max(s, min(res[2], e - 1))
                while s < e and low[s].isspace():
                    s += 1
                res = res[:2]
            if handler is _for_units and low[e - 1] == "s":
                s, e = _trim_for_units(m)
            typ, value = res
            cands.append((s, e, prio, typ, value))
    # longest first; among equals the earlier rule
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    # The chosen spans never overlap, so they are kept sorted and a new one is checked against
    # its two neighbours only (a check against all of them is quadratic on long articles).
    starts: list[int] = []
    ends: list[int] = []
    chosen = []
    for s, e, _prio, typ, value in cands:
        i = bisect.bisect_right(starts, s)
        if (i and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        chosen.append((s, e, typ, value))
    chosen.sort()
    chosen = _merge_clock_and_day(text, _date_clock_across_parenthesis(text, chosen))
    chosen = _add_range_end_days(text, _merge_anchored(text, chosen, dct))
    chosen = _clock_on_named_day(text, chosen, dct)
    out = []
    for s, e, typ, value in chosen:
        while e > s and text[e - 1] in " \t,":
            e -= 1
        out.append(TimeMention(s, e, text[s:e], typ, value))
    return out


__all__ = ["extract_times", "iso_week"]
