"""The query language: words, "phrases", OR, -exclusion, prefix*, and field filters.

Parsing never raises anything but :class:`QueryError`, whose message is short enough to show
inline under the search box.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tui.extract.russian import has_cyrillic
from tui.text import tokenize

FILTER_FIELDS = ("title", "source", "entity", "person", "org", "place", "date")
ENTITY_FIELD_TYPES = {"entity": None, "person": "person", "org": "organization", "place": "place"}


class QueryError(ValueError):
    """A query the parser cannot read; the message says what is wrong and where."""


@dataclass(frozen=True, slots=True)
class Term:
    """One word; ``prefix`` matches every word starting with it; ``title_only`` for ``title:``; a Russian
    word matches its other case forms unless ``exact`` (quoted: ``"завод"``)."""

    token: str
    prefix: bool = False
    title_only: bool = False
    exact: bool = False

    @property
    def forms_matched(self) -> bool:
        """Whether the word's other case forms match too (a Russian word, neither prefix nor quoted)."""
        return not self.prefix and not self.exact and has_cyrillic(self.token)


@dataclass(frozen=True, slots=True)
class Phrase:
    """Consecutive words, in order."""

    tokens: tuple[str, ...]
    title_only: bool = False


@dataclass(frozen=True, slots=True)
class SourceFilter:
    value: str


@dataclass(frozen=True, slots=True)
class EntityFilter:
    name: str
    type: str | None  # None: any type


@dataclass(frozen=True, slots=True)
class DateFilter:
    """Articles dated within ``[start, end]`` (either end open)."""

    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class Not:
    node: Node


@dataclass(frozen=True, slots=True)
class Or:
    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class And:
    nodes: tuple[Node, ...]


Node = Term | Phrase | SourceFilter | EntityFilter | DateFilter | Not | Or | And


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: the tree to match and the positive words and phrases to rank and highlight."""

    text: str
    root: And

    @property
    def is_empty(self) -> bool:
        return not self.root.nodes

    def positive_atoms(self) -> list[Term | Phrase]:
        """Words and phrases that are not excluded: these rank results and get highlighted."""
        out: list[Term | Phrase] = []

        def visit(node: Node) -> None:
            if isinstance(node, Term | Phrase):
                out.append(node)
            elif isinstance(node, And | Or):
                for child in node.nodes:
                    visit(child)

        visit(self.root)
        return out


# A lexeme: optional "-", optional field:, then a quoted string or a bare run of non-space.
_LEXEME_RE = re.compile(r'\s*(-?)(?:([A-Za-z]+):)?("|[^\s"]+)')
_DATE_PART_RE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def _date_bound(text: str, upper: bool) -> dt.date:
    m = _DATE_PART_RE.match(text)
    if not m:
        raise QueryError(f"date:{text} is not a date (use 2023, 2023-05 or 2023-05-17)")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day:
            return dt.date(year, int(month), int(day))
        if month:
            start = dt.date(year, int(month), 1)
            if not upper:
                return start
            nxt = dt.date(year + (start.month == 12), start.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, 12, 31) if upper else dt.date(year, 1, 1)
    except ValueError:
        raise QueryError(f"date:{text} is not a real date") from None


def parse_date_filter(value: str) -> DateFilter:
    """``2023``, ``2023-05``, ``2022-05..2023-06``, ``..2023``, ``2023..``."""
    if ".." in value:
        lo, _, hi = value.partition("..")
        if not lo and not hi:
            raise QueryError("date:.. needs at least one end (e.g. date:2022..2023)")
        start = _date_bound(lo, upper=False) if lo else None
        end = _date_bound(hi, upper=True) if hi else None
        if start and end and start > end:
            raise QueryError(f"date:{value} ends before it starts")
        return DateFilter(start, end)
    return DateFilter(_date_bound(value, upper=False), _date_bound(value, upper=True))


def _atom(field: str | None, value: str, quoted: bool) -> Node | None:
    if field is None or field == "title":
        title_only = field == "title"
        prefix = not quoted and value.endswith("*")
        tokens = tokenize(value.rstrip("*") if prefix else value)
        if not tokens:
            return None
        if len(tokens) == 1:
            return Term(tokens[0], prefix=prefix, title_only=title_only, exact=quoted)
        if prefix:
            return Phrase(tuple(tokens[:-1]), title_only) if len(tokens) > 1 else None
        return Phrase(tuple(tokens), title_only)
    if not value.strip():
        raise QueryError(f"{field}: needs a value")
    if field == "source":
        return SourceFilter(" ".join(value.split()).casefold())
    if field == "date":
        return parse_date_filter(value.strip())
    return EntityFilter(" ".join(value.split()), ENTITY_FIELD_TYPES[field])


def parse_query(text: str) -> Query:
    """Parse ``text``; raises :class:`QueryError` with a readable message when it is malformed."""
    clauses: list[list[Node]] = []  # each clause is an OR-group
    pending_or = False
    pos = 0
    n = len(text)
    while pos < n:
        if text[pos:].strip() == "":
            break
        m = _LEXEME_RE.match(text, pos)
        if not m:  # only whitespace left
            break
        neg, field, body = m.group(1), m.group(2), m.group(3)
        pos = m.end()
        quoted = body == '"'
        if field is None and body.endswith(":") and body[:-1].lower() in FILTER_FIELDS:
            raise QueryError(f"{body} needs a value")
        # "note:" is no filter: its word is read as part of the text.
        stray = field if field is not None and field.lower() not in FILTER_FIELDS else None
        if stray is not None:
            field = None
        if quoted:
            close = text.find('"', pos)
            if close == -1:
                raise QueryError(f'unclosed quote at column {m.start(3) + 1}: add a closing "')
            value = text[pos:close]
            pos = close + 1
        else:
            value = body
        if stray is not None:
            value = f"{stray} {value}"
        lowered = field.lower() if field else None
        if not neg and lowered is None and not quoted and value == "OR":
            if not clauses or pending_or:
                raise QueryError("OR needs a word on each side")
            pending_or = True
            continue
        node = _atom(lowered, value, quoted)
        if node is None:
            continue
        if neg:
            node = Not(node)
        if pending_or:
            clauses[-1].append(node)
            pending_or = False
        else:
            clauses.append([node])
    if pending_or:
        raise QueryError("OR needs a word on each side")
    nodes: list[Node] = [c[0] if len(c) == 1 else Or(tuple(c)) for c in clauses]
    for node in nodes:
        if isinstance(node, Or) and any(isinstance(x, Not) for x in node.nodes):
            raise QueryError("-word cannot be one side of OR")
    return Query(text, And(tuple(nodes)))
