"""Helpers for the app tests: a settled app, and stand-ins for the extraction modules.

``tui.extract.entity_index`` and ``tui.extract.timeline`` are written in parallel; until they
exist the app tests use the small stand-ins below (same interface), so the app can be tested.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tui.extract.model import Entity, TimelineEntry
from tui.library import Library

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
HAVE_ENTITY_INDEX = importlib.util.find_spec("tui.extract.entity_index") is not None
HAVE_TIMELINE = importlib.util.find_spec("tui.extract.timeline") is not None


@dataclass
class FakeEntityIndex:
    entities: list[Entity] = field(default_factory=list)
    mentions: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)

    def find(self, name: str) -> Entity | None:
        key = name.casefold()
        for e in self.entities:
            if e.name.casefold() == key or any(a.casefold() == key for a in e.aliases):
                return e
        return None


def fake_entities(library: Library) -> FakeEntityIndex:
    """Entities by exact text; a person's last name is an alias of the full name."""
    by_name: dict[str, Entity] = {}
    spans: list[tuple[str, int, int, str]] = []
    for article_id, mentions in library.entity_mentions.items():
        for m in mentions:
            spans.append((article_id, m.start, m.end, m.text))
            e = by_name.setdefault(m.text, Entity(m.text, m.type))
            e.mentions += 1
            if article_id not in e.articles:
                e.articles.append(article_id)
    for e in list(by_name.values()):
        if e.type == "person" and " " in e.name:
            last = e.name.split()[-1]
            alias = by_name.pop(last, None)
            if alias is not None:
                e.aliases.append(last)
                e.mentions += alias.mentions
                e.articles = sorted(set(e.articles) | set(alias.articles))
    canonical = {a: e for e in by_name.values() for a in e.aliases}
    ordered = sorted(by_name.values(), key=lambda e: (-e.mentions, e.name))
    index = {id(e): i for i, e in enumerate(ordered)}
    out = FakeEntityIndex(ordered)
    for article_id, start, end, text in spans:
        e = by_name.get(text) or canonical.get(text)
        if e is not None:
            out.mentions.setdefault(article_id, []).append((start, end, index[id(e)]))
    return out


_SENTENCE_RE = re.compile(r"[^.!?\n]*[.!?]?")


def fake_timeline(library: Library) -> list[TimelineEntry]:
    entries = []
    for a in library.articles:
        for t in library.time_mentions[a.id]:
            s = a.body.rfind(".", 0, t.start) + 1
            e = a.body.find(".", t.end)
            sentence = a.body[s : e + 1 if e >= 0 else len(a.body)].strip()
            key = (0, t.value) if t.value and t.value[:4].isdigit() else (1, t.value or "")
            entries.append(TimelineEntry(a.id, t.text, t.start, t.end, t.type, t.value, sentence, key))
    return sorted(entries, key=lambda x: x.sort_key)


def install_fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use the stand-ins for whichever extraction module does not exist yet."""
    if not HAVE_ENTITY_INDEX:
        cache: dict[int, FakeEntityIndex] = {}
        monkeypatch.setattr(
            Library, "entities", property(lambda self: cache.setdefault(id(self), fake_entities(self)))
        )
    if not HAVE_TIMELINE:
        cache_t: dict[int, list[TimelineEntry]] = {}
        monkeypatch.setattr(
            Library, "timeline", property(lambda self: cache_t.setdefault(id(self), fake_timeline(self)))
        )


@pytest.fixture
def extraction(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    install_fakes(monkeypatch)
    yield


def test_fakes_follow_the_spec() -> None:
    """The stand-ins answer like the real index: find() by name or alias, mentions point at entities."""
    lib = Library.open(SEEDS)
    index = fake_entities(lib)
    assert index.entities and index.find("moscow") is not None
    for article_id, mentions in index.mentions.items():
        body = lib.article(article_id).body
        for s, e, k in mentions:
            entity = index.entities[k]
            assert body[s:e] in [entity.name, *entity.aliases]
