"""Time expressions in one text, TIMEX3-style: dates, times, durations and sets, resolved against a date.

Each rule is a compiled pattern with a small handler that computes the type and value
(:mod:`tui.extract.time_values` does the calendar arithmetic). All rules run over the text; where
matches overlap the longest wins, so "the last two years" beats "last year" and "March 3, 2023" beats
"March". Relative expressions ("last week", "two years ago", a bare "Friday" or "November") resolve
against the document creation date (dct); a bare month or weekday takes the most recent one before the
dct unless its clause reads as future. Without a dct, relative expressions get the value None.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from tui.extract.lexicon import lexicon
from tui.extract.model import TimeMention
from tui.extract.time_values import (
    ago,
    day_month_year,
    direction_at,
    duration_value,
    holiday_date,
    iso_week,
    month_year,
    parse_number,
    quarter_of,
    shift,
    time_words,
    weekday_date,
)

_MONTHS_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTHS_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH = rf"(?:{_MONTHS_FULL}|(?:{_MONTHS_ABBR})\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_ANY = rf"(?:{_WEEKDAY}|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?)"
_DIGIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUM = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|(?:{_TENS})(?:[\s-](?:{_DIGIT_WORD}))?|{_DIGIT_WORD}|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|a couple of|"
    r"couple of|a few|a dozen|several|some|many|a|an|few)(?:\s+and\s+a\s+half)?"
)
_UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|weekends?|months?|quarters?|years?|decades?|centur(?:y|ies))"
_MOD = r"(?:early|late|mid|the end of|the beginning of|the start of|the middle of|the rest of|the remainder of)"
_REL = r"(?:this past|this coming|this|last|next|the past|the previous|the coming|the current|the following|that)"

Handler = Callable[[re.Match[str], "_Ctx"], tuple[str, str | None] | None]


class _Ctx:
    """What handlers need: the text, the dct, and the tense of the clause (computed on demand)."""

    __slots__ = ("text", "dct")

    def __init__(self, text: str, dct: dt.date | None) -> None:
        self.text = text
        self.dct = dct

    def direction(self, m: re.Match[str]) -> int:
        return direction_at(self.text, m.start(), m.end())


def _capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()


def _month_no(word: str) -> int:
    return time_words().months[word.rstrip(".").casefold()]


def _weekday_no(word: str) -> int:
    return time_words().weekdays[word.rstrip(".").casefold()]


def _date(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


# --- handlers ----------------------------------------------------------------------------------------
def _iso(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    v = _date(int(m["y"]), int(m["m"]), int(m["d"]))
    if v is None:
        return None
    if m["hh"]:
        return "time", f"{v}T{m['hh']}:{m['mm']}"
    return "date", v


def _numeric(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 1900 if y > 40 else 2000
    month, day = (a, b) if a <= 12 else (b, a)
    v = _date(y, month, day)
    return ("date", v) if v else None


def _full_date(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    mon = m["m1"] or m["m2"]
    day = int(m["d1"] or m["d2"])
    if not _capitalised(mon) or not 1 <= day <= 31:
        return None
    month = _month_no(mon)
    if m["y"]:
        v = _date(int(m["y"]), month, day)
        return ("date", v) if v else None
    if ctx.dct is None:
        return "date", None
    year = day_month_year(ctx.dct, month, day, ctx.direction(m))
    return "date", _date(year, month, day)


def _month_year(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    if not _capitalised(m["m"]):
        return None
    return "date", f"{int(m['y']):04d}-{_month_no(m['m']):02d}"


_MAY_BEFORE = frozenset(
    "in since until till by last next this early late mid of on during from through before after end "
    "beginning start between and to".split()
)


def _month(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    word = m["m"]
    if not _capitalised(word):
        return None
    if word.casefold() == "may" and word != "MAY":
        before = ctx.text[max(0, m.start("m") - 20) : m.start("m")].split()
        if not before or before[-1].casefold().rstrip("-") not in _MAY_BEFORE:
            return None
    month = _month_no(word)
    if ctx.dct is None:
        return "date", None
    rel = (m["rel"] or "").casefold()
    yr = (m["yr"] or "").casefold()
    if yr:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[yr]
    elif rel in ("last", "this past"):
        year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
    elif rel in ("next", "this coming"):
        year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    else:
        year = month_year(ctx.dct, month, ctx.direction(m))
    return "date", f"{year:04d}-{month:02d}"


def _weekday(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    if not _capitalised(m["wd"]):
        return None
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
    else:
        d = weekday_date(ctx.dct, wd, ctx.direction(m))
    v = d.isoformat()
    if pod:
        v += "T" + time_words().parts_of_day.get(pod, "DT")
    return typ, v


def _year(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    y = int(m["y"])
    nxt = ctx.text[m.end() : m.end() + 16].split()
    if nxt and nxt[0].casefold().strip(".,;:") in _NOT_AFTER_YEAR:
        return None
    mod = (m["mod"] or "").casefold()
    if mod.startswith("fiscal") or mod == "fy":
        return "date", f"FY{y}"
    if not mod and not 1800 <= y <= 2099:
        return None
    return "date", f"{y:04d}"


_NOT_AFTER_YEAR = frozenset(
    "people persons workers employees cars vehicles units shares tons tonnes barrels jobs miles km kilometres "
    "kilometers metres meters feet yards pounds dollars euros rubles yuan points votes troops soldiers homes "
    "houses members students children men women deaths cases rooms seats beds pieces copies words pages "
    "cc hp kg mph".split()
)


def _decade(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    if m["c"]:
        return "date", f"{m['c']}{m['d']}"
    return "date", f"19{m['d2']}"


def _rel_day(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
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


def _pod(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    """"this morning", "last night"."""
    rel = m["rel"].casefold()
    pod = m["pod"].casefold()
    if ctx.dct is None:
        return "time", None
    off = -1 if rel == "last" else (1 if rel == "tomorrow" else 0)
    return "time", (ctx.dct + dt.timedelta(days=off)).isoformat() + "T" + time_words().parts_of_day[pod]


_SEASON_END = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}


def _season_value(dct: dt.date, code: str, rel: str, direction: int) -> str:
    year = dct.year
    end = _SEASON_END[code]
    if rel in ("last", "the past", "the previous", "this past"):
        if code == "WI":
            year = year - 1 if dct.month > 2 else year - 2
            return f"{year}-WI"
        year = year if dct.month > end else year - 1
    elif rel in ("next", "the coming", "the following", "this coming"):
        start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        year = year if dct.month < start else year + 1
    elif code == "WI" and dct.month <= 2:
        year -= 1
    return f"{year}-{code}"


def _rel_unit(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    rel = " ".join(m["rel"].casefold().split())
    unit = m["unit"].casefold()
    if ctx.dct is None:
        return "date", None
    if rel == "that":
        return "date", None
    code = time_words().seasons.get(unit)
    if code:
        return "date", _season_value(ctx.dct, code, rel, ctx.direction(m))
    if unit == "season":
        return "date", None
    n = 0
    if rel in ("last", "the past", "the previous", "this past"):
        n = -1
    elif rel in ("next", "the coming", "the following", "this coming"):
        n = 1
    return "date", shift(ctx.dct, unit, n)


def _num_unit(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    num = " ".join(m["num"].casefold().split())
    unit = m["unit"].casefold()
    text = ctx.text
    if num in ("a", "an") and unit == "second":
        return None  # "a second term"
    if num in ("some", "many", "several", "few") and not unit.endswith("s"):
        return None  # "some day" is not a duration
    amount = None if num in ("a few", "several", "some", "many", "few") else parse_number(num)
    if m["half"]:
        amount = (amount or 0) + 0.5
    direction = (m["dir"] or "").casefold()
    if direction:
        if ctx.dct is None:
            return "date", None
        sign = -1 if direction in ("ago", "earlier", "before", "previously") else 1
        return "date", ago(ctx.dct, amount, unit, sign)
    if num in ("a", "an") and not m["det"] and not m["rel"]:
        before = text[max(0, m.start() - 24) : m.start()].split()
        if before and (
            before[-1][:1].isdigit()
            or before[-1].casefold().strip(",") in ("million", "billion", "percent", "%", "times", "once", "twice")
        ):
            return "set", duration_value(1, unit)
    return "duration", duration_value(amount, unit)


def _set(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    what = m["what"].casefold()
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
    "quarterly": "P3M",
    "annually": "P1Y",
    "annual": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
}


def _adverb_set(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    return "set", _ADVERB_SET[m["w"].casefold()]


def _times_per(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    return "set", duration_value(1, m["unit"])


def _quarter(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
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
        if "last year" in yr or "year-ago" in yr or "year-earlier" in yr or "year-ago" in mods or "year-earlier" in mods:
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
        return "date", f"{year:04d}-Q{ords[ordw]}"
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


def _fiscal_q(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    year = int(m["y"]) if m["y"] else (ctx.dct.year if ctx.dct else None)
    if year is None:
        return "date", None
    return "date", f"{year:04d}-{m['q'].upper()}"


def _season(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    s = m["s"].casefold()
    rel = (m["rel"] or "").casefold()
    mod = m["mod"]
    if not (rel or mod or m["y"]):
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
    return "date", _season_value(ctx.dct, code, rel if rel != "the" else "", ctx.direction(m))


def _clock(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
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
    return "time", f"{ctx.dct.isoformat()}T{h:02d}:{mi:02d}"


def _noon(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    w = m["w"].casefold()
    if ctx.dct is None:
        return "time", None
    return "time", ctx.dct.isoformat() + ("T12:00" if w in ("noon", "midday") else "T24:00")


def _holiday(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    name = " ".join(m["h"].split()).replace("’", "'").casefold()
    if not _capitalised(m["h"]):
        return None
    rule = time_words().holidays.get(name)
    if rule is None or ctx.dct is None:
        return "date", None
    rel = (m["rel"] or "").casefold()
    year = ctx.dct.year
    d = holiday_date(rule, year)
    if d is None:
        return "date", None
    if rel == "last" or (not rel and d > ctx.dct and ctx.direction(m) < 0):
        if d >= ctx.dct:
            d = holiday_date(rule, year - 1)
    elif rel == "next" and d <= ctx.dct:
        d = holiday_date(rule, year + 1)
    return "date", d.isoformat() if d else None


def _vague(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    return "date", time_words().vague.get(" ".join(m["w"].casefold().split()))


def _year_adj(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    return "date", (f"{ctx.dct.year - 1:04d}" if ctx.dct else None)


def _for_units(m: re.Match[str], ctx: _Ctx) -> tuple[str, str | None] | None:
    return "duration", duration_value(None, m["unit"])


# --- rules -------------------------------------------------------------------------------------------
@functools.cache
def _rules() -> list[tuple[re.Pattern[str], Handler]]:
    tw = time_words()
    zones = "|".join(sorted((z.upper() for z in lexicon().zones), key=len, reverse=True))
    holidays = "|".join(
        re.escape(h).replace("'", "['’]").replace(r"\ ", r"\s+") for h in sorted(tw.holidays, key=len, reverse=True)
    )
    vague = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(tw.vague, key=len, reverse=True))
    pods = "morning|afternoon|evening|night"
    i = re.I
    specs: list[tuple[str, int, Handler]] = [
        (r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2})?)?(?![\d-])", 0, _iso),
        (r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])", 0, _numeric),
        (
            rf"(?:(?:{_WEEKDAY_ANY})\s*,?\s+)?(?:the\s+)?"
            rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{_MONTH})"
            rf"|(?P<m2>{_MONTH})\s+(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:]|\.\d|,\d{{3}}))"
            r"(?:\s*,?\s*(?P<y>\d{4})(?!\d))?",
            i,
            _full_date,
        ),
        (rf"(?:{_MOD}[\s-]*)?(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>\d{{4}})(?!\d)", i, _month_year),
        (
            rf"(?:(?P<rel>this past|this coming|last|next|this)\s+|{_MOD}[\s-]*)?(?P<m>{_MONTHS_FULL}|Sept\.)"
            r"(?:\s+(?P<yr>this|last|next)\s+year)?(?!\s*\d)",
            i,
            _month,
        ),
        (
            rf"(?:(?P<rel>this past|this coming|last|next|this|early|late)\s+)?(?P<wd>{_WEEKDAY})(?:['’]s)?"
            rf"(?:\s+(?P<pod>{pods}))?",
            i,
            _weekday,
        ),
        (
            rf"(?:(?P<mod>{_MOD}|fiscal year|fiscal|calendar|the year|FY|model year)[\s-]*)?"
            r"(?<![\d$£€,.])(?P<y>1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|\s*%|-\d)",
            i,
            _year,
        ),
        (r"(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0|'(?P<d2>\d)0)['’]?s\b", i, _decade),
        (
            r"\b(?:(?:early|late|earlier|later)\s+)?(?P<w>today|yesterday|tomorrow|tonight)\b"
            rf"(?:\s+(?P<pod>{pods}))?",
            i,
            _rel_day,
        ),
        (rf"\b(?P<rel>this|last|tomorrow)\s+(?P<pod>{pods})\b", i, _pod),
        (
            rf"\b(?:{_MOD}\s+|(?:earlier|later)\s+)?(?P<rel>{_REL})\s+"
            r"(?P<unit>week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter|season)\b",
            i,
            _rel_unit,
        ),
        (
            r"\b(?:(?P<det>the|a|an)\s+)?"
            r"(?:(?P<rel>past|last|next|first|final|coming|previous|following|initial|remaining|latest|"
            r"further|additional|entire|whole|full|same|ensuing|subsequent)\s+)?"
            r"(?:(?:about|nearly|almost|more than|less than|over|under|roughly|approximately|around|"
            r"at least|up to|fewer than|only|just|another)\s+)?"
            rf"(?P<num>{_NUM})[\s-]+(?P<half>and\s+a\s+half\s+)?(?P<unit>{_UNIT})\b"
            r"(?:[\s-]+(?:old|long))?"
            r"(?:\s+(?P<dir>ago|earlier|later|before|after|from now|hence|previously))?",
            i,
            _num_unit,
        ),
        (
            r"\b(?:every|each|per)\s+(?:other\s+)?(?:(?P<num>\d+|two|three|four|five|six|ten|few)\s+)?"
            rf"(?P<what>{_WEEKDAY}|{pods}|second|minute|hour|day|night|week|month|quarter|year|decade)s?\b",
            i,
            _set,
        ),
        (r"\b(?:once|twice|thrice|\w+ times)\s+(?:a|an|per|each|every)\s+(?P<unit>day|week|month|year|hour)\b", i, _times_per),
        (r"\b(?P<w>daily|nightly|weekly|biweekly|monthly|quarterly|annually|annual|yearly|hourly)\b", i, _adverb_set),
        (
            r"\b(?:(?P<det>the)\s+)?(?:(?P<yr1>\d{4}|this year['’]s|last year['’]s|next year['’]s)\s+)?"
            r"(?P<mods>(?:(?:fiscal|calendar|current|latest|recent|previous|past|same|comparable|year-ago|"
            r"year-earlier|this|next|coming)[\s-]+)*)"
            r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+)?(?:fiscal[\s-]+)?"
            r"(?P<unit>quarter|half|period)\b(?!-)"
            r"(?:\s+(?:of\s+)?(?P<yr2>\d{4}|this year|last year|next year))?",
            i,
            _quarter,
        ),
        (r"\b(?P<q>Q[1-4]|H[12])(?:\s*(?P<y>\d{4}))?\b", 0, _fiscal_q),
        (
            r"\b(?:(?P<mod>early|late|mid)[\s-]*)?(?:(?P<rel>this past|this coming|this|last|next|the)\s+)?"
            r"(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<y>\d{4}))?",
            i,
            _season,
        ),
        (
            r"(?<![\d:.])(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?!\w)"
            rf"(?:\s+(?:{zones}))?",
            i,
            _clock,
        ),
        (rf"(?<![\d:.])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])(?:\s*(?P<z>{zones}|local time|hrs|h)\b)?", 0, _clock),
        (r"\b(?P<w>noon|midday|midnight)\b", i, _noon),
        (rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>{holidays})\b", i, _holiday),
        (rf"\b(?P<w>{vague})\b", i, _vague),
        (r"\b(?:the\s+)?(?:year-earlier|year-ago)\b(?![\s-]+(?:quarter|period|half))", i, _year_adj),
        (r"\b(?:for|over)\s+(?P<unit>years|months|weeks|decades)\b", i, _for_units),
    ]
    return [(re.compile(p, flags), h) for p, flags, h in specs]


def _trim_for_units(m: re.Match[str]) -> tuple[int, int]:
    return m.start("unit"), m.end("unit")


def extract_times(text: str, dct: dt.date | None = None) -> list[TimeMention]:
    """Time expressions of ``text`` in text order; ``text[t.start:t.end] == t.text`` always holds."""
    if not text:
        return []
    ctx = _Ctx(text, dct)
    cands: list[tuple[int, int, int, str, str | None]] = []
    for prio, (rx, handler) in enumerate(_rules()):
        for m in rx.finditer(text):
            if m.end() <= m.start():
                continue
            res = handler(m, ctx)
            if res is None:
                continue
            s, e = _trim_for_units(m) if handler is _for_units else (m.start(), m.end())
            typ, value = res
            cands.append((s, e, prio, typ, value))
    # longest first; among equals the earlier rule
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for s, e, _prio, typ, value in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        chosen.append((s, e, typ, value))
    chosen.sort()
    out = []
    for s, e, typ, value in chosen:
        while e > s and text[e - 1] in " \t,":
            e -= 1
        out.append(TimeMention(s, e, text[s:e], typ, value))
    return out


__all__ = ["extract_times", "iso_week"]
