"""A mention's extent: the "the" that introduces a name belongs to it only when the name heads its phrase."""

from __future__ import annotations

import pytest

from tui.extract.entities import extract_entities
from tui.extract.extent import mention_start


def extents(text: str) -> dict[str, str]:
    """Each name found in ``text`` -> its mention as a phrase."""
    return {m.text: text[mention_start(text, m) : m.end] for m in extract_entities(text)}


@pytest.mark.parametrize(
    "sentence, name, extent",
    [
        ("Rates at the Federal Reserve rose.", "Federal Reserve", "the Federal Reserve"),
        ("Officials said the Federal Reserve said so.", "Federal Reserve", "the Federal Reserve"),
        ("Troops left the United States.", "United States", "the United States"),
        ("He flew to the United States in May.", "United States", "the United States"),
        ("Analysts said the Bank of England fell silent.", "Bank of England", "the Bank of England"),
    ],
)
def test_the_belongs_to_a_name_that_heads_its_phrase(sentence, name, extent):
    assert extents(sentence)[name] == extent


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Analysts said the US economy shrank.", "US"),  # "the" introduces "economy"
        ("Analysts said the UK's banks shrank.", "UK"),  # a possessive: "the" goes with what is owned
        ("Investors said the Italian company would sell.", "Italian"),  # an adjective, not a head
        ("Analysts said the Renault-led group would sell.", "Renault"),
        ("Talks with Sergei Sobyanin began.", "Sergei Sobyanin"),  # no "the" at all
        ("Analysts said theFederal Reserve was late.", "Reserve"),  # not the word "the"
    ],
)
def test_the_stays_out_when_the_name_does_not_head_its_phrase(sentence, name):
    assert extents(sentence)[name] == name


def test_people_never_take_the_determiner():
    text = "Reporters met the Sergei Sobyanin, they said."
    for m in extract_entities(text):
        if m.type == "person":
            assert mention_start(text, m) == m.start
