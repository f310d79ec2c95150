"""What the app relies on from the core, checked on the seeds (a contract test), and shared bits."""

from __future__ import annotations

from pathlib import Path

from tui.library import Library

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_entity_index_answers_what_the_app_asks() -> None:
    """find() by name or alias; mentions are (start, end, entity index) into the article body."""
    lib = Library.open(SEEDS)
    index = lib.entities
    assert index.entities
    first = index.entities[0]
    assert index.find(first.name.upper()) is first
    for article_id in index.mentions:
        body = lib.article(article_id).body
        for start, end, k in index.mentions_of(article_id):
            entity = index.entities[k]
            assert body[start:end].casefold() in {n.casefold() for n in [entity.name, *entity.aliases]}


def test_timeline_entries_point_into_their_article() -> None:
    lib = Library.open(SEEDS)
    assert lib.timeline
    for entry in lib.timeline:
        assert lib.article(entry.article).body[entry.start : entry.end] == entry.text
