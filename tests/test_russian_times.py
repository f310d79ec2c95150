"""Dates and periods in Russian-language articles, resolved against the article's date."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.extract.times import extract_times
from tui.metadata import read_metadata

DCT = dt.date(2023, 3, 10)  # a Friday


def _values(text: str, dct: dt.date | None = DCT) -> dict[str, str | None]:
    return {t.text: t.value for t in extract_times(text, dct)}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Завод открыли 3 марта 2023 года.", "3 марта 2023 года", "2023-03-03"),
        ("Завод открыли 3 марта 2023 г. в Москве.", "3 марта 2023 г.", "2023-03-03"),
        ("Сделку закрыли 15 января.", "15 января", "2023-01-15"),
        ("Завод закрыли в марте 2022 года.", "марте 2022 года", "2022-03"),
        ("Завод закрыли в марте прошлого года.", "марте прошлого года", "2022-03"),
        ("В 2024 году завод выпустит машины.", "2024 году", "2024"),
        ("Так было в 1990-х годах.", "1990-х годах", "199"),
    ],
)
def test_dates_with_a_month_or_a_year(text: str, span: str, value: str) -> None:
    assert _values(text)[span] == value


def test_a_bare_month_is_the_last_one_in_a_past_clause_and_the_next_one_in_a_future_clause() -> None:
    assert _values("В декабре завод закрыли.")["декабре"] == "2022-12"
    assert _values("В декабре завод откроется.")["декабре"] == "2023-12"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("В прошлом году продажи выросли.", "прошлом году", "2022"),
        ("В следующем году ставка снизится.", "следующем году", "2024"),
        ("В этом месяце цены выросли.", "этом месяце", "2023-03"),
        ("На прошлой неделе прошёл форум.", "прошлой неделе", "2023-W09"),
        ("Вчера мэр заявил об этом.", "Вчера", "2023-03-09"),
        ("Салон откроется завтра.", "завтра", "2023-03-11"),
        ("Завод закрыли два года назад.", "два года назад", "2021"),
        ("Завод откроется через три месяца.", "через три месяца", "2023-06"),
        ("В первом квартале 2023 года продажи упали.", "первом квартале 2023 года", "2023-Q1"),
        ("Весной 2022 года завод закрыли.", "Весной 2022 года", "2022-SP"),
    ],
)
def test_relative_expressions_resolve_against_the_article_date(text: str, span: str, value: str) -> None:
    assert _values(text)[span] == value


def test_durations() -> None:
    values = _values("Стройка шла 10 лет, а ремонт занял полгода.")
    assert values["10 лет"] == "P10Y" and values["полгода"] == "P6M"


def test_a_weekday_after_a_preposition_is_a_day_and_the_span_leaves_the_preposition_out() -> None:
    times = extract_times("Банк России в среду сохранил ставку.", DCT)
    assert [(t.text, t.value) for t in times] == [("среду", "2023-03-08")]


def test_capitalised_month_and_weekday_words_that_name_something_else_are_no_dates() -> None:
    assert _values("Его подруга Марта сказала, что канал Пятница покажет фильм.") == {}


def test_without_an_article_date_relative_expressions_stay_unresolved() -> None:
    assert _values("В прошлом году продажи выросли.", None) == {"прошлом году": None}


def test_a_russian_dateline_gives_the_article_its_date() -> None:
    meta = read_metadata("Завод возобновил работу\n\n3 марта 2023 года\n\nЗавод открыли вновь.\n")
    assert meta.date == dt.date(2023, 3, 3)
