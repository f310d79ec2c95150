"""Time expressions in Russian-language text, as rules for :mod:`tui.extract.times`.

Russian dates read day, month (in the genitive) and year ("3 марта 2023 года"); relative expressions
inflect their adjective ("в прошлом году", "на следующей неделе", "в марте прошлого года"). The rules
here cover the forms news uses most: full and partial dates, months, years and decades, weekdays,
today and yesterday, "last/this/next" periods, "N years ago" and "in N years", durations, seasons,
quarters, and a few vague expressions. Tense comes from the verbs of the clause: Russian past forms
end in "-л", "-ла", "-ло", "-ли"; "будет", "планирует" and the like look ahead.

Each rule is ``(pattern, handler, prefix pattern or None)``; the patterns run on the lowercased text
the English rules use (its Cyrillic lowercased too), so a capital is read from the original text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

from tui.extract.lexicon import lexicon
from tui.extract.time_values import (
    ago,
    day_month_year,
    duration_value,
    iso_date,
    month_year,
    season_value,
    shift,
    weekday_date,
)
from tui.text import sentence_initial

_SP = r"[ \t\xa0]+"
_YEAR_WORD = r"(?:года|году|год|г\.)"
_NUMBERS = {
    "один": 1, "одна": 1, "одну": 1, "одного": 1, "одной": 1,
    "два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3, "четыре": 4, "четырёх": 4, "четырех": 4,
    "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8,
    "девять": 9, "девяти": 9, "десять": 10, "десяти": 10, "пятнадцать": 15, "двадцать": 20, "тридцать": 30,
    "полтора": 1.5, "несколько": None, "нескольких": None,
}  # fmt: skip
_UNITS = {
    "лет": "year", "год": "year", "года": "year", "году": "year", "годы": "year",
    "месяц": "month", "месяца": "month", "месяцев": "month", "месяцы": "month",
    "неделю": "week", "недели": "week", "недель": "week", "неделя": "week",
    "день": "day", "дня": "day", "дней": "day", "сутки": "day", "суток": "day",
    "час": "hour", "часа": "hour", "часов": "hour", "минуту": "minute", "минуты": "minute", "минут": "minute",
}  # fmt: skip
_REL = {"прошл": -1, "предыдущ": -1, "эт": 0, "текущ": 0, "нынешн": 0, "следующ": 1, "будущ": 1}
_REL_RE = rf"(?P<rel>{'|'.join(_REL)})(?:ом|ого|ой|ий|ем|его|ей|ую|ая|ый|от|у|им)"
_PERIOD_UNITS = {"год": "year", "месяц": "month", "недел": "week", "квартал": "quarter"}
_SEASONS = {
    "весной": "SP", "весна": "SP", "весну": "SP", "весны": "SP",
    "летом": "SU", "лето": "SU", "лета": "SU",
    "осенью": "FA", "осень": "FA", "осени": "FA",
    "зимой": "WI", "зима": "WI", "зиму": "WI", "зимы": "WI",
}  # fmt: skip
_DAY_WORDS = {"сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2, "послезавтра": 2}
_VAGUE = {
    "сейчас": "PRESENT_REF", "теперь": "PRESENT_REF", "в настоящее время": "PRESENT_REF",
    "недавно": "PAST_REF", "в прошлом": "PAST_REF",
    "в ближайшее время": "FUTURE_REF", "в будущем": "FUTURE_REF", "вскоре": "FUTURE_REF",
}  # fmt: skip
_ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четв": 4}

# tense: the nearest marker in the clause decides (past by default, as in news)
_FUTURE_RE = re.compile(
    r"(?i)(?<!\w)(?:будет|будут|будем|буду|станет|станут|планиру\w*|намерен\w*|собира\w*|ожида\w*|"
    r"предполага\w*|должн\w*|начн\w*|откро\w*|выпуст\w*|пройд\w*|состоится|состоятся)(?!\w)"
)
_PAST_RE = re.compile(r"(?i)(?<!\w)[а-яё]{2,}(?:л|ла|ло|ли|лся|лась|лось|лись)(?!\w)")
_CLAUSE_STOPS = '.;!?\n«»"'


def russian_direction(text: str, start: int, end: int) -> int:
    """-1 when the clause around a Russian time expression reads as past, +1 as future (past if unsure)."""
    lo = max(max(text.rfind(c, 0, start) for c in _CLAUSE_STOPS) + 1, start - 100)
    his = [k for c in _CLAUSE_STOPS if (k := text.find(c, end)) != -1]
    hi = min([*his, end + 100, len(text)])
    best, best_dist = -1, 10**9
    for rx, sign in ((_FUTURE_RE, 1), (_PAST_RE, -1)):
        for m in rx.finditer(text, lo, hi):
            dist = start - m.end() if m.end() <= start else m.start() - end
            if dist < best_dist:
                best, best_dist = sign, dist
    return best


@functools.cache
def _months() -> dict[str, int]:
    """The Russian month names in their cases ("марта", "марте") -> month number."""
    return {w: n for w, n in lexicon().months.items() if not w.isascii()}


@functools.cache
def _weekdays() -> dict[str, int]:
    return {w: n for w, n in lexicon().weekdays.items() if not w.isascii()}


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, the longest first."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


Match = Any  # the times module's match wrapper (named groups, start/end), duck-typed here
Result = tuple[str, str | None] | tuple[str, str | None, int] | None


def _direction(m: Match, ctx: Any) -> int:
    return russian_direction(ctx.text, m.start(), m.end())


def _full_date(m: Match, ctx: Any) -> Result:
    day, month = int(m["d"]), _months()[m["m"].casefold()]
    if m["y"]:
        year = int(m["y"])
    elif not 1 <= day <= 31:
        return None
    elif ctx.dct is None:
        return "date", None
    else:
        year = day_month_year(ctx.dct, month, day, _direction(m, ctx))
    value = iso_date(year, month, day)
    return ("date", value) if value else None


def _of_year(m: Match, ctx: Any, suffix: str) -> Result:
    """A part of the year the text gives ("2023"), else of the article's year, or the one before or after
    it ("прошлого года")."""
    if m["y"]:
        return "date", f"{int(m['y']):04d}{suffix}"
    if ctx.dct is None:
        return "date", None
    offset = _REL[m["rel"].casefold()] if m["rel"] else 0
    return "date", f"{ctx.dct.year + offset:04d}{suffix}"


def _month_year(m: Match, ctx: Any) -> Result:
    return _of_year(m, ctx, f"-{_months()[m['m'].casefold()]:02d}")


def _month(m: Match, ctx: Any) -> Result:
    if ctx.text[m.start("m")].isupper() and not sentence_initial(ctx.text, m.start()):
        return None  # "Марта" mid-sentence is a woman's name
    month = _months()[m["m"].casefold()]
    if ctx.dct is None:
        return "date", None
    return "date", f"{month_year(ctx.dct, month, _direction(m, ctx)):04d}-{month:02d}"


def _year(m: Match, ctx: Any) -> Result:
    return "date", f"{int(m['y']):04d}"


def _decade(m: Match, ctx: Any) -> Result:
    return "date", m["y"][:3]


def _day_word(m: Match, ctx: Any) -> Result:
    if ctx.dct is None:
        return "date", None
    return "date", (ctx.dct + dt.timedelta(days=_DAY_WORDS[m["w"].casefold()])).isoformat()


def _weekday(m: Match, ctx: Any) -> Result:
    if m["prep"] is None:
        return None  # "Пятница" alone may be a name (a TV channel); "в пятницу" is the day
    # the span starts at the weekday or its "прошлую" (not at "в", as "Friday" leaves out "on")
    start = m.start("rel") if m["rel"] else m.start("wd")
    if ctx.dct is None:
        return "date", None, start
    wd = _weekdays()[m["wd"].casefold()]
    rel = _REL[m["rel"].casefold()] if m["rel"] else 0
    if rel < 0:
        d = weekday_date(ctx.dct - dt.timedelta(days=1), wd, -1)
    elif rel > 0:
        d = weekday_date(ctx.dct + dt.timedelta(days=1), wd, 1)
    else:
        d = weekday_date(ctx.dct, wd, _direction(m, ctx))
    return "date", d.isoformat(), start


def _rel_period(m: Match, ctx: Any) -> Result:
    if ctx.dct is None:
        return "date", None
    return "date", shift(ctx.dct, _PERIOD_UNITS[m["unit"].casefold()], _REL[m["rel"].casefold()])


def _amount(m: Match) -> float | None:
    num = (m["num"] or "").casefold()
    if not num:
        return 1
    return float(num) if num.isdigit() else _NUMBERS[num]


def _from_the_dct(m: Match, ctx: Any, amount: float | None, unit: str) -> Result:
    """ "два года назад" (ago) or "через два года" (from now): the point that far from the dct."""
    if ctx.dct is None:
        return "date", None
    return "date", ago(ctx.dct, amount, unit, 1 if m["fut"] else -1)


def _num_unit(m: Match, ctx: Any) -> Result:
    unit = _UNITS[m["unit"].casefold()]
    amount = _amount(m)
    if m["dir"] or m["fut"]:
        return _from_the_dct(m, ctx, amount, unit)
    if not m["num"]:
        return None  # a bare "год" (year) is no duration
    return "duration", duration_value(amount, unit)


def _half_year(m: Match, ctx: Any) -> Result:
    if m["dir"] or m["fut"]:
        return _from_the_dct(m, ctx, 6, "month")
    return "duration", "P6M"


def _season(m: Match, ctx: Any) -> Result:
    code = _SEASONS[m["s"].casefold()]
    if m["y"]:
        return "date", f"{int(m['y']):04d}-{code}"
    if ctx.dct is None:
        return "date", None
    rel = {-1: "last", 0: "this", 1: "next"}[_REL[m["rel"].casefold()]] if m["rel"] else ""
    return "date", season_value(ctx.dct, code, rel, _direction(m, ctx))


def _quarter(m: Match, ctx: Any) -> Result:
    return _of_year(m, ctx, f"-Q{_ORDINALS[m['ord'].casefold()[:4]]}")


def _vague(m: Match, ctx: Any) -> Result:
    return "date", _VAGUE[" ".join(m["w"].casefold().split())]


def russian_rules() -> list[tuple[str, Callable[[Match, Any], Result], str | None]]:
    """The rules, the full date first (the one datelines are read with)."""
    months = _alt(_months())
    genitive = _alt(w for w in _months() if w.endswith(("я", "а")))  # "марта", "мая"
    weekdays = _alt(_weekdays())
    units = _alt(_UNITS)
    numbers = _alt(_NUMBERS)
    seasons = _alt(_SEASONS)
    year = rf"(?P<y>1[5-9]\d\d|20\d\d)(?:{_SP}?{_YEAR_WORD})?"
    return [
        (rf"(?P<d>\d{{1,2}})(?:-?го)?{_SP}(?P<m>{genitive})(?:{_SP}{year})?(?!\w)", _full_date, None),
        (rf"(?P<m>{months}){_SP}{year}(?!\w)", _month_year, None),
        (rf"(?P<m>{months}){_SP}{_REL_RE}{_SP}года(?!\w)", _month_year, None),
        (rf"(?P<m>{months})(?!\w)", _month, None),
        (rf"(?P<y>1[5-9]\d\d|20\d\d){_SP}?{_YEAR_WORD}(?!\w)", _year, None),
        (
            rf"(?P<y>1[5-9]\d0|20\d0)-?(?:х|е)(?:{_SP}(?:годах|годов|годы|годами|гг\.))?(?!\w)",
            _decade,
            None,
        ),
        (rf"(?P<w>{_alt(_DAY_WORDS)})(?!\w)", _day_word, None),
        (
            rf"(?P<wd>{weekdays})(?!\w)",
            _weekday,
            rf"(?P<prep>в|во|на|к|до|с|по)(?:{_SP}{_REL_RE})?{_SP}",
        ),
        (rf"{_REL_RE}{_SP}(?P<unit>{'|'.join(_PERIOD_UNITS)})[а-яё]{{0,3}}(?!\w)", _rel_period, None),
        (
            rf"(?P<unit>{units})(?:{_SP}(?P<dir>назад|тому{_SP}назад))?(?!\w)",
            _num_unit,
            rf"(?:(?P<fut>через){_SP})?(?:(?P<num>\d{{1,3}}|{numbers}){_SP})?",
        ),
        (rf"полгода(?:{_SP}(?P<dir>назад))?(?!\w)", _half_year, rf"(?P<fut>через){_SP}"),
        (rf"(?P<s>{seasons})(?:{_SP}{year})?(?!\w)", _season, rf"{_REL_RE}{_SP}"),
        (
            rf"(?P<ord>перв|втор|трет|четв[её]рт)[а-яё]{{0,3}}{_SP}квартал[а-яё]{{0,2}}(?:{_SP}{year})?(?!\w)",
            _quarter,
            None,
        ),
        (rf"(?P<w>{_alt(_VAGUE).replace(' ', _SP)})(?!\w)", _vague, None),
    ]
