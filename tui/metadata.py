"""Article metadata from the text itself: YAML front matter, headline, dateline, attribution.

Users' folders rarely have front matter, so the title, date and source are read from the
shapes news text usually has, and front matter wins when it is there.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from tui.dates import find_dateline, parse_date

_FRONT_MATTER_RE = re.compile(
    r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)
_ATTRIBUTION_RE = re.compile(
    r"(?:^|[\s.])(?:attribution|source)\s*:\s*(?:source\s*:\s*)?(?P<source>[^\n:]{1,80}?)\s*$",
    re.I | re.M,
)
_SENTENCE_RE = re.compile(r"(.+?[.!?])(?=\s|$)", re.S)
TITLE_LIMIT = 90


@dataclass(slots=True)
class Metadata:
    """What the loader learns about an article besides its body."""

    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    body_start: int = 0  # where the body starts in the decoded file text
    body_end: int | None = None  # where it ends (before an attribution line), None for the end
    warnings: list[str] = field(default_factory=list)


def split_front_matter(text: str) -> tuple[dict | None, int, str | None]:
    """``(fields, body_start, error)`` for text that may start with ``---`` YAML front matter.

    Malformed front matter gives an error message (with its line) and is skipped as a block,
    so the body is still read.
    """
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return None, 0, None
    import yaml  # only front matter needs it (slow to import: most folders have none)

    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark is not None else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, m.end(), f"malformed front matter ({where}{reason}); ignored"
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # YAML that parses but cannot be built: an impossible date (2023-02-30), a huge number,
        # nesting too deep. One bad file must not stop the corpus.
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return None, m.end(), f"malformed front matter ({reason}); ignored"
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, m.end(), "front matter is not a mapping of keys to values; ignored"
    return data, m.end(), None


def _clean_str(value: object) -> str | None:
    """A front-matter value as one line of text; only plain values count (a nested structure,
    such as a YAML alias bomb, would print as millions of characters)."""
    if value is None or not isinstance(value, (str, int, float, dt.date)):
        return None
    text = " ".join(str(value).split())
    return text or None


def headline_from_lines(text: str) -> tuple[str | None, int]:
    """The first line when it reads as a headline, and where the text after it begins.

    A headline is short (≤ 150 characters), followed by a blank line or by a dateline, and does
    not end with a full stop.
    """
    first_nl = text.find("\n")
    if first_nl == -1:
        return None, 0
    first = text[:first_nl].strip()
    if not first or len(first) > 150 or first.endswith(".") and not first.endswith("..."):
        return None, 0
    rest = text[first_nl + 1 :]
    next_line = rest.split("\n", 1)[0]
    if next_line.strip() and find_dateline([next_line]) is None:
        return None, 0
    # skip blank lines after the headline
    pos = first_nl + 1
    while pos < len(text) and text[pos] in "\r\n \t":
        pos += 1
    return first, pos


def title_from_sentence(body: str) -> str:
    """A title made from the first sentence, cut at a word boundary near 90 characters."""
    flat = " ".join(body.split())
    m = _SENTENCE_RE.match(flat)
    sentence = m.group(1) if m else flat
    if len(sentence) <= TITLE_LIMIT:
        return sentence.rstrip(".")
    cut = sentence.rfind(" ", 0, TITLE_LIMIT)
    if cut < TITLE_LIMIT // 2:
        cut = TITLE_LIMIT
    return sentence[:cut].rstrip(" ,;:-–—") + "…"


def read_metadata(text: str) -> Metadata:
    """Everything :class:`Metadata` holds, read from a decoded file."""
    meta = Metadata()
    fields, start, error = split_front_matter(text)
    if error:
        meta.warnings.append(error)
    if fields:
        meta.title = _clean_str(fields.get("title"))
        meta.date = parse_date(fields.get("date"))
        if fields.get("date") is not None and meta.date is None:
            shown = _clean_str(fields.get("date")) or type(fields.get("date")).__name__
            meta.warnings.append(f"front matter date {shown[:40]!r} is not a date; ignored")
        meta.source = _clean_str(fields.get("source"))
        meta.url = _clean_str(fields.get("url"))
        tags = fields.get("tags")
        if isinstance(tags, str):
            tags = [t.strip() for t in tags.split(",")]
        if isinstance(tags, list):
            meta.tags = tuple(t for t in (_clean_str(t) for t in tags) if t)
    rest = text[start:]
    if meta.title is None:
        headline, skip = headline_from_lines(rest)
        if headline:
            meta.title = headline
            if text[start + skip :].strip():  # a file of one short line: that line is its text too
                start += skip
                rest = text[start:]
    if meta.date is None:
        head = text[: start + 2000].split("\n")[:3] if start == 0 else rest.split("\n", 3)[:3]
        meta.date = find_dateline(head)
    if meta.source is None:
        tail_from = max(0, len(text) - 300)
        matches = list(_ATTRIBUTION_RE.finditer(text, max(tail_from, start)))
        m = matches[-1] if matches else None
        if m:
            meta.source = m.group("source").strip().rstrip(".")
            meta.body_end = m.start() + (1 if text[m.start()] in " .\n" else 0)
    meta.body_start = start
    return meta
