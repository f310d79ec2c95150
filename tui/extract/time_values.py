"""TIMEX3 values: calendar arithmetic against the document creation date (dct), numbers, tense.

Kept apart from the patterns in :mod:`tui.extract.times` so the normalisation rules can be read (and
tested) on their own. Value shapes follow TIMEX3: ``2023-03-03``, ``2023-03``, ``2023``, ``199`` (the
1990s), ``2023-W09``, ``2023-Q1``, ``2023-SU``, ``2023-03-03TMO``, ``P2W``, ``PXY``, ``PRESENT_REF``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from tui.extract.lexicon import _sections

UNIT_CODES = {
    "second": ("T", "S"),
    "minute": ("T", "M"),
    "hour": ("T", "H"),
    "day": ("", "D"),
    "night": ("", "D"),
    "week": ("", "W"),
    "fortnight": ("", "2W"),
    "weekend": ("", "2D"),
    "month": ("", "M"),
    "quarter": ("", "Q"),
    "year": ("", "Y"),
    "decade": ("", "10Y"),
    "century": ("", "100Y"),
}


@dataclass(slots=True)
class TimeWords:
    """The calendar and number words of ``data/time_words.txt``."""

    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    vague_numbers: set[str] = field(default_factory=set)
    ordinals: dict[str, int] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    parts_of_day: dict[str, str] = field(default_factory=dict)
    holidays: dict[str, str] = field(default_factory=dict)
    vague: dict[str, str] = field(default_factory=dict)


def _pairs(lines: list[str]) -> dict[str, str]:
    out = {}
    for line in lines:
        if "|" in line:
            k, v = line.split("|", 1)
        else:
            k, v = line.rsplit(None, 1)
        out[" ".join(k.split()).casefold()] = v.strip()
    return out


def holiday_key(phrase: str) -> str:
    """How ``TimeWords.holidays`` spells a holiday's name as a text writes it: "New  Year’s Day" is
    "new year's day"."""
    return " ".join(phrase.split()).replace("’", "'").casefold()


@functools.cache
def time_words() -> TimeWords:
    """The word lists, loaded once."""
    sec = _sections("time_words.txt")
    tw = TimeWords()
    for i, line in enumerate(sec.get("months", []), start=1):
        for w in line.split():
            tw.months[w.casefold()] = i
    for i, line in enumerate(sec.get("weekdays", []), start=1):
        for w in line.split():
            tw.weekdays[w.casefold()] = i
    tw.numbers = {k: int(v) for k, v in _pairs(sec.get("numbers", [])).items()}
    tw.vague_numbers = {w.casefold() for line in sec.get("vague_numbers", []) for w in line.split()}
    tw.ordinals = {k: int(v) for k, v in _pairs(sec.get("ordinals", [])).items()}
    tw.seasons = _pairs(sec.get("seasons", []))
    tw.parts_of_day = _pairs(sec.get("parts_of_day", []))
    tw.holidays = _pairs(sec.get("holidays", []))
    tw.vague = _pairs(sec.get("vague", []))
    return tw


def parse_number(text: str) -> float | None:
    """``"two"`` -> 2, ``"twenty-four"`` -> 24, ``"18"`` -> 18, ``"2 1/2"`` -> 2.5, ``"several"`` -> None."""
    tw = time_words()
    t = text.casefold().replace("-", " ").strip()
    t = re.sub(r"^(?:a couple of|a couple|couple of)$", "couple", t)
    half = 0.0
    if t.endswith(" and a half"):
        half, t = 0.5, t[: -len(" and a half")]
    elif t.endswith(" 1/2") or t.endswith("½"):
        half, t = 0.5, t.replace(" 1/2", "").replace("½", "").strip()
    if not t:
        return None
    try:
        return float(t.replace(",", "")) + half
    except ValueError:
        pass
    total = 0
    for w in t.split():
        if w in ("and", "a", "an") and total:
            continue
        if w in ("of",):
            continue
        n = tw.numbers.get(w)
        if n is None:
            return None
        if n == 100 and total:
            total *= 100
        else:
            total += n
    return float(total) + half if total else None


def fmt_amount(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(amount: float | None, unit: str) -> str:
    """``P2W``, ``PT5H``, ``P10Y`` (a decade), ``PXY`` (an unknown amount)."""
    unit = unit.casefold().rstrip("s")
    if unit == "centurie":
        unit = "century"
    t, code = UNIT_CODES.get(unit, ("", "Y"))
    if code[0].isdigit():  # decade/century/fortnight/weekend: scale the amount
        scale = int(code[:-1])
        code = code[-1]
        if amount is not None:
            amount = amount * scale
    if amount is not None and amount != int(amount):
        # a fraction goes to the next smaller unit: 2.5 years -> P2Y6M, 5.5 hours -> PT5H30M
        smaller = {"Y": ("M", 12), "H": ("M", 60), "D": ("H", 24), "M": ("D", 30)}.get(code)
        if smaller and (t == "T" or code != "M"):
            rest = int(round((amount - int(amount)) * smaller[1]))
            whole = f"{int(amount)}{code}" if int(amount) else ""
            if code == "D":
                return f"P{whole}T{rest}H"
            return f"P{t}{whole}{rest}{smaller[0]}"
    return f"P{t}{fmt_amount(amount)}{code}"


# --- calendar helpers --------------------------------------------------------------------------------
def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    i = year * 12 + (month - 1) + delta
    return i // 12, i % 12 + 1


def shift(dct: dt.date, unit: str, n: int) -> str:
    """The period ``n`` units from the dct, at that unit's granularity ("last week" -> n=-1)."""
    unit = unit.casefold().rstrip("s")
    if unit == "day":
        return (dct + dt.timedelta(days=n)).isoformat()
    if unit in ("week", "weekend"):
        v = iso_week(dct + dt.timedelta(weeks=n))
        return v + "-WE" if unit == "weekend" else v
    if unit == "month":
        y, m = add_months(dct.year, dct.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        q = dct.year * 4 + quarter_of(dct) - 1 + n
        return f"{q // 4:04d}-Q{q % 4 + 1}"
    if unit == "year":
        return f"{dct.year + n:04d}"
    if unit == "decade":
        return f"{(dct.year // 10) + n:03d}"
    if unit in ("century", "centurie"):
        return f"{(dct.year // 100) + n:02d}"
    return f"{dct.year + n:04d}"


def ago(dct: dt.date, amount: float | None, unit: str, sign: int) -> str | None:
    """ "two years ago" (sign -1) / "three days from now" (+1): the point that far from the dct."""
    if amount is None:
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    unit = unit.casefold().rstrip("s")
    n = int(round(amount)) * sign
    if unit in ("decade",):
        return f"{dct.year + 10 * n:04d}"
    if unit in ("century", "centurie"):
        return f"{dct.year + 100 * n:04d}"
    if unit in ("hour", "minute", "second"):
        return dct.isoformat()
    if unit == "week":
        return (
            (dct + dt.timedelta(weeks=n)).isoformat() if abs(n) < 2 else iso_week(dct + dt.timedelta(weeks=n))
        )
    if unit == "fortnight":
        return (dct + dt.timedelta(weeks=2 * n)).isoformat()
    return shift(dct, unit, n)


def iso_date(y: int, m: int, d: int) -> str | None:
    """``YYYY-MM-DD``, or None for a day the calendar lacks (31 February)."""
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


_SEASON_END = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}


def season_value(dct: dt.date, code: str, rel: str, direction: int) -> str:
    """The season ``code`` ("SP", "SU", "FA", "WI") that ``rel`` ("last", "next", "this" or "") names
    from the dct: "2023-SU"; a winter is the year it starts in."""
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


def weekday_date(dct: dt.date, weekday: int, direction: int) -> dt.date:
    """The weekday (1 = Monday) nearest the dct in ``direction`` (-1 past, +1 future); the dct itself when
    it is that weekday."""
    diff = weekday - dct.isoweekday()
    if diff == 0:
        return dct
    if direction < 0:
        return dct + dt.timedelta(days=diff if diff < 0 else diff - 7)
    return dct + dt.timedelta(days=diff if diff > 0 else diff + 7)


def month_year(dct: dt.date, month: int, direction: int) -> int:
    """The year of a bare month: the most recent such month (past) or the next one (future). With no
    tense to go by (0), the next one only when it is at most two months ahead ("in September", written
    in August): further ahead, a month named in news is mostly a past one."""
    if month == dct.month:
        return dct.year
    if direction == 0:
        return month_year(dct, month, 1 if (month - dct.month) % 12 <= 2 else -1)
    if direction < 0:
        return dct.year if month < dct.month else dct.year - 1
    return dct.year if month > dct.month else dct.year + 1


def day_month_year(dct: dt.date, month: int, day: int, direction: int) -> int:
    """The year of "March 3" with no year: the dct's year unless that puts it on the wrong side.

    A past clause (-1) allows a day up to 60 days ahead (news is often dated a day or two after)
    and never moves a day forward; a future one (+1) likewise the other way. With no tense to go by
    (0) a day over 60 days ahead is last year's and one over half a year back is next year's."""
    try:
        cand = dt.date(dct.year, month, day)
    except ValueError:
        return dct.year
    delta = (cand - dct).days
    if delta > 60 and direction <= 0:
        return dct.year - 1
    if delta < -60 and direction > 0:
        return dct.year + 1
    if delta < -183 and direction == 0:
        return dct.year + 1
    return dct.year


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month = (h + m - 7 * n + 114) // 31
    day = (h + m - 7 * n + 114) % 31 + 1
    return dt.date(year, month, day)


_OFFSET_RULE_RE = re.compile(r"(?P<base>[a-z]+)(?P<days>[+-]\d+)")


def holiday_date(rule: str, year: int) -> dt.date | None:
    """The date of a holiday rule from ``time_words.txt`` in ``year``: ``12-25``, ``easter``,
    ``thanksgiving``, ``election``, or one of those names with a day offset (``easter-2`` is Good Friday);
    None for a rule that names no computable day (``event``: "Black Monday")."""
    off = _OFFSET_RULE_RE.fullmatch(rule)
    if off:
        base = holiday_date(off["base"], year)
        return base + dt.timedelta(days=int(off["days"])) if base else None
    if rule == "easter":
        return easter(year)
    if rule == "election":  # US: the Tuesday after the first Monday of November
        first = dt.date(year, 11, 1)
        monday = first + dt.timedelta(days=(0 - first.weekday()) % 7)
        return monday + dt.timedelta(days=1)
    if rule == "thanksgiving":
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    m = re.fullmatch(r"(\d\d)-(\d\d)", rule)
    if m:
        return dt.date(year, int(m.group(1)), int(m.group(2)))
    return None


# --- tense -------------------------------------------------------------------------------------------
_TENSE_RE = re.compile(
    # "had (previously) been due to expire Friday": a plan that was, so a day gone by
    r"\b(?:had\s+(?:\w+\s+)?been\s+(?:due|scheduled|set|expected|planned|slated|supposed)(?:\s+to)?)\b|"
    r"\b(?P<f>(?:was|were|is|are)\s+(?:planning|expected|scheduled|slated|set|due|going|supposed)\b|"
    r"will|won't|shall|would|going to|is to|are to|plans? to|planned|planning|expects?|expected|"
    r"scheduled|slated|due to|intends? to|set to|upcoming|to be held|to take place|until|as soon as|hopes? to|"
    r"to leave|to meet|to visit|to begin|to start|should|wants? to|as early as|decided to|agreed to|supposed to|"
    r"promised to|vowed to|pledged to|poised to|about to|likely to|ready to)\b|(?P<f2>'ll)\b|"
    r"\b(?P<p>was|were|had|did|said|says|ago|ended|began|been|has|have|reported|announced|closed|fell|rose)\b",
    re.I,
)
# Any past-tense verb form, for clauses with none of the markers above: regular "-ed" forms (less
# the participles that usually look ahead, and adjectives after a determiner) and common irregular ones.
_PAST_FORM_RE = re.compile(
    r"(?i:(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher ))"  # "the reduced dividend"
    r"\b(?!(?:expected|scheduled|planned|proposed|supposed|needed|based|related|limited|united|"
    r"detailed|advanced|red|bed|need|feed|seed|speed|proceed|exceed|succeed)\b)[a-z]{2,}ed\b|"
    r"\b(?:brought|bought|took|made|came|went|gave|got|told|sold|held|left|met|paid|saw|won|lost|"
    r"began|ran|grew|fought|thought|sought|caught|taught|spent|sent|built|kept|led|felt|found|"
    r"stood|wrote|spoke|broke|chose|drove|rode|flew|threw|knew|became|struck|set)\b",
)
_UNTIL_PAST_RE = re.compile(r"\bhad\b|\b(?:was|were)\s+not\s+until\b|\b(?:wasn't|weren't)\s+until\b", re.I)
_SINCE_RE = re.compile(r"(?<![\w-])since\s+\Z", re.I)
_DEADLINE_RE = re.compile(r"(?<![\w-])by\s+\Z", re.I)
_CLAUSE_STOPS = (".", "\n", ";", "?", "!", '"', "''", "``", "“", "”")
_ABBR_BEFORE_DOT_RE = re.compile(
    r"(?:^|[\s(])(?:(?:\w\.)*\w|"
    # a title before a name ("Gen. Schwarzkopf") or a month before its day ("Oct. 23")
    r"(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Prof|Rev|Cmdr|Brig|Supt|St|"
    r"Jan|Feb|Aug|Sept?|Oct|Nov|Dec))\Z"
)


def abbreviation_dot(text: str, k: int) -> bool:
    """Whether the period at ``k`` ends an abbreviation ("a.m.", "U.S.", an initial) or is a decimal
    point ("fell 3.41%"), not the end of a clause."""
    if 0 < k < len(text) - 1 and text[k - 1].isdigit() and text[k + 1].isdigit():
        return True
    return _ABBR_BEFORE_DOT_RE.search(text, max(0, k - 12), k) is not None


def direction_at(text: str, start: int, end: int, undecided: int = -1) -> int:
    """-1 when the clause around a time expression reads as past, +1 as future, ``undecided`` when
    no tense marker is found (past by default, as is usual in news).

    The tense marker nearest the expression decides: "will meet on Friday" is future, "said Friday it
    will ..." is past; "since" always points back."""
    if _SINCE_RE.search(text, max(0, start - 8), start):
        return -1  # "since March": a point before the dct whatever the tense
    lo = max(0, start - 80)
    hi = min(len(text), end + 30)
    for stop in _CLAUSE_STOPS:
        k = text.rfind(stop, lo, start)
        while k != -1 and stop == "." and abbreviation_dot(text, k):
            k = text.rfind(stop, lo, k)
        if k != -1:
            lo = max(lo, k + 1)
        k = text.find(stop, end, hi)
        while k != -1 and stop == "." and abbreviation_dot(text, k):
            k = text.find(stop, k + 1, hi)
        if k != -1:
            hi = min(hi, k)
    best, best_dist, marker = undecided, 10**9, ""
    for m in _TENSE_RE.finditer(text, lo, hi):
        dist = start - m.end() if m.end() <= start else (m.start() - end) * 2
        if dist < best_dist:
            best_dist, marker = dist, m.group()
            best = 1 if m.group("f") or m.group("f2") else -1
    if marker.casefold() == "until" and _UNTIL_PAST_RE.search(text, lo, hi):
        return -1  # "Until Thursday, they had not ...", "it was not until Tuesday that ..."
    if best_dist == 10**9 and _DEADLINE_RE.search(text, max(0, start - 9), start):
        return 1  # "to pay down the loan by February": a deadline ahead
    if best_dist == 10**9 and undecided == 0 and _PAST_FORM_RE.search(text, lo, hi):
        return -1
    return best
