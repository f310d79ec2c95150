"""Reading calendar dates written the ways news articles write them in datelines and front matter."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

# Russian months in the genitive, as dates write them ("3 марта 2023 года")
RUSSIAN_MONTHS = {
    name: i
    for i, name in enumerate(
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября"]
        + ["ноября", "декабря"],
        start=1,
    )
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
_MDY = _MONTH + r"\s+(?P<md>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<my>\d{4})"
_DMY = r"(?P<dd>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.replace("month", "dmonth") + r",?\s+(?P<dy>\d{4})"

_DMY_RU = (
    r"(?P<rd>\d{1,2})\s+(?P<rmonth>" + "|".join(RUSSIAN_MONTHS) + r")\s+(?P<ry>\d{4})(?:\s*(?:года|г\.))?"
)

DATE_RE = re.compile(rf"\b(?:{_ISO}|{_MDY}|{_DMY}|{_DMY_RU})\b", re.IGNORECASE)


def _make(y: str, m: int | str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def date_from_match(m: re.Match[str]) -> dt.date | None:
    """The date a :data:`DATE_RE` match names, or None for an impossible one (31 February)."""
    g = m.groupdict()
    if g["iy"]:
        return _make(g["iy"], g["im"], g["id"])
    if g["my"]:
        return _make(g["my"], MONTHS[g["month"].lower()], g["md"])
    if g["ry"]:
        return _make(g["ry"], RUSSIAN_MONTHS[g["rmonth"].lower()], g["rd"])
    return _make(g["dy"], MONTHS[g["dmonth"].lower()], g["dd"])


def parse_date(value: object) -> dt.date | None:
    """A date from a front-matter value: a YAML date, a datetime, or a string in a common form."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = DATE_RE.search(value)
    return date_from_match(m) if m else None


def find_dateline(lines: list[str]) -> dt.date | None:
    """The date of a dateline among ``lines`` ("March 01, 2008", "LONDON 1996-08-30").

    A dateline is a short line that is mostly the date: at most a place name or a few words
    besides it, so a sentence that merely mentions a date is not taken for one.
    """
    for line in lines:
        stripped = line.strip()
        if not stripped or len(stripped) > 60:
            continue
        m = DATE_RE.search(stripped)
        if not m:
            continue
        rest = (stripped[: m.start()] + " " + stripped[m.end() :]).strip(" -–—,:()")
        if len(rest.split()) <= 4:
            date = date_from_match(m)
            if date:
                return date
    return None
