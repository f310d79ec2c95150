"""The query language parses what the README documents and explains what it cannot parse."""

import datetime as dt

import pytest

from tui.search.query import (
    DateFilter,
    EntityFilter,
    Not,
    Or,
    Phrase,
    QueryError,
    SourceFilter,
    Term,
    parse_query,
)


def nodes(text):
    return list(parse_query(text).root.nodes)


def test_words_phrases_exclusion_prefix():
    assert nodes('Moskvich "electric vehicle" -Renault mosk*') == [
        Term("moskvich"),
        Phrase(("electric", "vehicle")),
        Not(Term("renault")),
        Term("mosk", prefix=True),
    ]


def test_or_binds_the_words_on_each_side():
    assert nodes("kamaz OR byd plant") == [Or((Term("kamaz"), Term("byd"))), Term("plant")]


def test_filters():
    assert nodes(
        'title:moskvich source:tass entity:"Sergei Sobyanin" person:Putin org:KAMAZ place:Moscow'
    ) == [
        Term("moskvich", title_only=True),
        SourceFilter("tass"),
        EntityFilter("Sergei Sobyanin", None),
        EntityFilter("Putin", "person"),
        EntityFilter("KAMAZ", "organization"),
        EntityFilter("Moscow", "place"),
    ]


def test_date_filters_cover_whole_periods():
    assert nodes("date:2023") == [DateFilter(dt.date(2023, 1, 1), dt.date(2023, 12, 31))]
    assert nodes("date:2022-05..2023-06") == [DateFilter(dt.date(2022, 5, 1), dt.date(2023, 6, 30))]
    assert nodes("date:..2008-02") == [DateFilter(None, dt.date(2008, 2, 29))]


def test_letters_and_digits_split_like_the_index():
    assert nodes("with2023") == [Phrase(("with", "2023"))]


def test_case_and_accents_fold():
    assert nodes("MOSKVICH Café") == [Term("moskvich"), Term("café")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"electric vehicle', "unclosed quote"),
        ("date:2023-13", "not a real date"),
        ("date:soon", "not a date"),
        ("date:2024..2023", "ends before it starts"),
        ("date:..", "needs at least one end"),
        ("OR kamaz", "OR needs a word on each side"),
        ("kamaz OR", "OR needs a word on each side"),
        ("source:", "needs a value"),
    ],
)
def test_malformed_queries_give_a_clear_message(text, message):
    with pytest.raises(QueryError, match=message):
        parse_query(text)


def test_unknown_field_is_read_as_words():
    assert nodes("note:kamaz") == [Phrase(("note", "kamaz"))]
