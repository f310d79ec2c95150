"""The records extraction produces; shared by the extractors, the library, the CLI and the app."""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("person", "organization", "place", "misc")
TIME_TYPES = ("date", "time", "duration", "set")


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One name in a text: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str
    type: str  # one of ENTITY_TYPES


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One time expression in a text, with a TIMEX3-style value (None when unresolved)."""

    start: int
    end: int
    text: str
    type: str  # one of TIME_TYPES
    value: str | None


@dataclass(slots=True)
class Entity:
    """One real-world name across a corpus: its canonical name, type, other forms and where it is."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # article ids, corpus order
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated expression of one article, placed on the corpus timeline."""

    article: str  # article id
    text: str
    start: int  # offsets into the article body
    end: int
    type: str
    value: str | None
    sentence: str
    sort_key: tuple = ()  # orders entries in time; unresolved values sort last
