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
    # typed by a cue in the text, not only by the name's shape: a work or event ("the film X", "X,
    # starring"), a person after a title or role ("rapper X"), or an organisation after a word naming
    # a body ("the band X"); across a corpus such mentions outvote the shape's guesses (see
    # entities._STRONG)
    strong: bool = False
    # typed by nothing but the fallback for an unknown word (a line-up's "Foley" alone is guessed an
    # organisation); across a corpus a name resting on such guesses alone may be a person's surname
    weak: bool = False

    def __reduce__(self) -> tuple:
        # Rebuilt by calling the class: far quicker than the dataclass default for the millions
        # of these a large corpus's cache holds.
        return (EntityMention, (self.start, self.end, self.text, self.type, self.strong, self.weak))


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One time expression in a text, with a TIMEX3-style value (None when unresolved)."""

    start: int
    end: int
    text: str
    type: str  # one of TIME_TYPES
    value: str | None

    def __reduce__(self) -> tuple:
        # Rebuilt by calling the class: far quicker than the dataclass default for the millions
        # of these a large corpus's cache holds.
        return (TimeMention, (self.start, self.end, self.text, self.type, self.value))


@dataclass(slots=True)
class Entity:
    """One real-world name across a corpus: its canonical name, type, other forms and where it is."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # article ids, corpus order
    mentions: int = 0

    def __reduce__(self) -> tuple:
        return (Entity, (self.name, self.type, self.aliases, self.articles, self.mentions))


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated expression of one article, placed on the corpus timeline.

    The sentence is kept as offsets, not text: a 100,000-article corpus has over half a million
    entries, and the article body is in memory anyway.
    """

    article: str  # article id
    text: str
    start: int  # offsets into the article body
    end: int
    type: str
    value: str | None
    sentence_start: int = 0  # the sentence around the expression: body[sentence_start:sentence_end]
    sentence_end: int = 0

    def sentence(self, body: str) -> str:
        """The expression's sentence in ``body`` (its article's body), whitespace folded."""
        return " ".join(body[self.sentence_start : self.sentence_end].split())

    def __reduce__(self) -> tuple:
        # Rebuilt by calling the class: far quicker than the dataclass default for the millions
        # of these a large corpus's cache holds.
        return (
            TimelineEntry,
            (
                self.article,
                self.text,
                self.start,
                self.end,
                self.type,
                self.value,
                self.sentence_start,
                self.sentence_end,
            ),
        )
