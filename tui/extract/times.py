"""Time expressions in one text (placeholder: replaced by the rule-based extractor)."""

from __future__ import annotations

import datetime as dt
import re

from tui.extract.model import TimeMention

_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def extract_times(text: str, dct: dt.date | None = None) -> list[TimeMention]:
    """Four-digit years as dates: the simplest baseline, to be replaced."""
    return [TimeMention(m.start(), m.end(), m.group(), "date", m.group()) for m in _YEAR_RE.finditer(text)]
