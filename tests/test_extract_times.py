"""Time expressions: dates, times, durations, sets and vague references, resolved against a date."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tui.extract.russian import has_cyrillic
from tui.extract.times import extract_times

DCT = dt.date(2023, 3, 15)  # a Wednesday


def _one(text: str, dct: dt.date | None = DCT) -> tuple[str, str, str | None]:
    times = extract_times(text, dct)
    assert len(times) == 1, times
    t = times[0]
    return t.text, t.type, t.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on 3 March 2023 in town.", ("3 March 2023", "date", "2023-03-03")),
        ("It happened on March 3, 2023 in town.", ("March 3, 2023", "date", "2023-03-03")),
        ("It happened on March 01 , 2008 in town.", ("March 01 , 2008", "date", "2008-03-01")),
        ("Filed 2023-03-03 in town.", ("2023-03-03", "date", "2023-03-03")),
        ("Sales started in November 2022 there.", ("November 2022", "date", "2022-11")),
        ("Output grew in 2023 there.", ("2023", "date", "2023")),
        ("forecasts with2023 measures", ("2023", "date", "2023")),
        ("Prices rose in the 1990s.", ("the 1990s", "date", "199")),
        # reported in March: a third quarter in the past is last year's
        ("Profit fell in the third quarter.", ("the third quarter", "date", "2022-Q3")),
        ("Profit will rise in the third quarter.", ("the third quarter", "date", "2023-Q3")),
        ("They met last week.", ("last week", "date", "2023-W10")),
        ("They will meet next year.", ("next year", "date", "2024")),
        ("It opened two years ago.", ("two years ago", "date", "2021")),
        # counted from an event, not from the article's date: the span of time only
        ("He was shot; he died three days later.", ("three days", "duration", "P3D")),
        ("It may open within the next two years.", ("the next two years", "duration", "P2Y")),
        ("Talks should end within roughly two weeks.", ("roughly two weeks", "duration", "P2W")),
        ("The race is held every year.", ("every year", "set", "P1Y")),
        ("The paper is published daily.", ("daily", "set", "P1D")),
        ("Details are expected soon.", ("soon", "date", "FUTURE_REF")),
        ("Control passes in the near term.", ("in the near term", "date", "FUTURE_REF")),
        ("Prices are high now.", ("now", "date", "PRESENT_REF")),
        ("He recently resigned.", ("recently", "date", "PAST_REF")),
        ("It rained yesterday.", ("yesterday", "date", "2023-03-14")),
        ("Trading resumes at 10:35 a.m. sharp.", ("10:35 a.m.", "time", "2023-03-15T10:35")),
        ("They met this morning.", ("this morning", "time", "2023-03-15TMO")),
        ("It was warm last summer.", ("last summer", "date", "2022-SU")),
    ],
)
def test_expressions_and_values(text: str, expected: tuple[str, str, str | None]) -> None:
    assert _one(text) == expected


def test_bare_month_in_past_tense_is_the_most_recent_before_the_dct() -> None:
    assert _one("Production began in November.")[2] == "2022-11"
    assert _one("Production began in February.")[2] == "2023-02"


def test_bare_month_in_future_tense_is_the_next_one() -> None:
    assert _one("Production will begin in November.")[2] == "2023-11"


def test_weekday_resolves_to_the_recent_past_or_the_dct_itself() -> None:
    assert _one("The minister said on Friday that talks failed.")[2] == "2023-03-10"
    assert _one("The minister said on Wednesday that talks failed.")[2] == "2023-03-15"
    assert _one("The minister will arrive on Friday.")[2] == "2023-03-17"


def test_relative_expressions_without_a_date_have_no_value() -> None:
    for text in ("They met last week.", "It opened two years ago.", "Production began in November."):
        assert _one(text, None)[2] is None
    assert _one("Filed 2023-03-03.", None)[2] == "2023-03-03"


def test_dateline_serves_as_dct_when_none_is_given() -> None:
    text = "Headline here\nMarch 01 , 2008\nThe company said last year profits rose."
    values = {t.text: t.value for t in extract_times(text)}
    assert values["last year"] == "2007"


def test_modal_may_and_ages_are_not_times() -> None:
    assert extract_times("Prices may rise. A 6-year-old boy was found.", DCT) == []


def test_durations_and_sets_values() -> None:
    vals = {
        t.text: (t.type, t.value) for t in extract_times("It lasted 5 1/2 hours and a 10-year plan.", DCT)
    }
    assert vals["5 1/2 hours"] == ("duration", "PT5H30M")
    assert vals["10-year"] == ("duration", "P10Y")


def test_cyrillic_text_does_not_break_times() -> None:
    text = "В 2023 году Москва объявила планы."
    assert [(t.text, t.value) for t in extract_times(text, DCT)] == [("2023 году", "2023")]


def test_dates_at_the_ends_of_the_calendar_do_not_raise() -> None:
    text = "last Monday, next week, tomorrow, two years ago, next year, Christmas, last summer, the weekend"
    for d in (dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        for t in extract_times(text, d):
            assert text[t.start : t.end] == t.text


_SHORTCUT_TEXTS = [
    "On 3 March 2023 and March 3, 2023, in the 1990s and the '80s, last Christmas, at 10:35 UTC and 9 a.m.",
    "JANUARY 2020 saw Janov and Junovember; the twentieth century, two thousand and five, Q3 2021, H1.",
    "Every week, twice a month, daily, for years, a week-long and years-long row, each spring and in summer.",
    "Sales rose 3-1 between 60 and 90 days, 1530 GMT, 12/05/2003, 2003-05-12T10:00, in the morning, soon.",
    "Straße über Ärger — Mai, 5 мая 2021 года, it's ‘’ 5 in the evening; the year-end and year-earlier result.",
    "It takes two to three years, or 5 - 10 days; doors open at 9am, close at 5 p.m. and at 11.30pm.",
    "В прошлом году, 3 Марта 2023 года, ВЧЕРА и в Пятницу: два года назад, через три месяца, весной.",
]


def test_a_factored_alternation_matches_what_the_plain_one_does() -> None:
    """The phrase lists become prefix-factored patterns: each phrase still matches whole, the longest
    first, a space as any run of spaces and an apostrophe in either form, and nothing else matches."""
    from tui.extract.times import _trie_alternation

    phrases = ["this", "this past", "the past", "recently", "recent days", "new year's eve"]
    rx = re.compile(rf"(?:{_trie_alternation(phrases)})\b")
    for phrase in phrases:
        assert rx.fullmatch(phrase), phrase
    assert rx.match("this past week").group() == "this past"
    assert rx.match("recent   days").group() == "recent   days"
    assert rx.fullmatch("new year’s eve")
    assert not rx.match("thistle") and not rx.fullmatch("the")


@pytest.mark.parametrize("text", _SHORTCUT_TEXTS)
def test_rule_shortcuts_do_not_change_results(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rules skipped on texts lacking their literals, and month rules tried only where a month may start,
    find exactly what plain scans of every rule find."""
    from tui.extract import times

    fast = extract_times(text, DCT)
    plain = [()] * len(times._rules())
    monkeypatch.setattr(times, "_rule_needs", lambda: plain)
    assert extract_times(text, DCT) == fast
    capitals = [*range(ord("A"), ord("Z") + 1), *range(ord("А"), ord("Я") + 1)]
    lower = text.translate({c: c + 32 for c in capitals} | {ord("Ё"): "ё"})
    assert times._lower_keeping_offsets(text, has_cyrillic(text)) == lower


def _values(text: str) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in extract_times(text, DCT)}


def test_recent_and_coming_units_are_durations_of_unknown_length() -> None:
    assert _one("Rents have climbed in recent years.") == ("recent years", "duration", "PXY")
    assert _one("Prices may fall in the coming weeks.") == ("coming weeks", "duration", "PXW")
    assert _one("Sales slowed in recent quarters.")[1:] == ("duration", "PXM")


def test_soon_relating_events_or_in_the_past_is_not_a_future_reference() -> None:
    assert extract_times("The ferry was soon repaired.", DCT) == []
    assert extract_times("The mayor resigned soon after the vote.", DCT) == []
    assert extract_times("A rumour soon became a panic.", DCT) == []
    assert _one("The ferry will be repaired soon.")[2] == "FUTURE_REF"


def test_tense_of_a_quotation_is_read_inside_the_quotes() -> None:
    text = '"The team will travel to the capital on Friday," he said.'
    assert _values(text)["Friday"][1] == "2023-03-17"


def test_as_early_as_points_to_the_future() -> None:
    assert _one("A ruling could come as early as Friday.")[2] == "2023-03-17"


def test_week_of_a_date_is_that_dates_week() -> None:
    assert _one("A hearing is set for the week of March 20.") == ("the week of March 20", "date", "2023-W12")


def test_day_before_a_dated_event_is_one_day_off() -> None:
    assert _one("They met the day before Tuesday's vote.") == ("the day before Tuesday", "date", "2023-03-13")


def test_day_before_or_after_an_undated_event_is_not_the_articles_day() -> None:
    assert _one("Police searched the house the day after his death.") == ("the day", "date", None)
    assert _one("Shares rebounded late in the day after falling sharply.")[2] == "2023-03-15"


def test_the_day_set_beside_a_date_is_that_date() -> None:
    values = _values("He was last seen on March 3, the day before the fire.")
    assert values["the day"] == ("date", "2023-03-03")


def test_holiday_week_is_the_holidays_week() -> None:
    assert _one("Crowds gathered as Easter week began.") == ("Easter week", "date", "2023-W14")


def test_that_year_takes_the_year_of_the_last_date_mentioned() -> None:
    assert _values("He moved to Paris in June 2001 and left later that year.")["later that year"] == (
        "date",
        "2001",
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prices, flat since November, will rise.", "2022-11"),  # "since": the past whatever the tense
        ("A parade on Saturday was expected to draw crowds.", "2023-03-18"),
        ("Protesters rallied, and were planning a march on Saturday.", "2023-03-18"),
        ("The board has decided to sell the unit in June.", "2023-06"),
    ],
)
def test_tense_cues_around_a_bare_day_or_month(text: str, value: str) -> None:
    assert _one(text)[2] == value


def test_clock_before_a_zone_clock_in_parentheses_takes_the_day_named_after_it() -> None:
    # reported on Wednesday about Tuesday; and a plan for Thursday given inside the parentheses
    v = _values("The blast came at about 10:35 a.m. (0735 GMT) Tuesday, officials said.")
    assert v["10:35 a.m."] == ("time", "2023-03-14T10:35")
    assert v["0735 GMT"] == ("time", "2023-03-14T07:35Z")
    v = _values("''He will leave at 4 in the morning (4 a.m. EDT Thursday),'' she said.")
    assert v["4 in the morning"] == ("time", "2023-03-16T04:00")


def test_following_previous_and_same_take_the_last_date_mentioned() -> None:
    v = _values("He was promoted on May 22, 1995, and the following year he retired.")
    assert v["the following year"] == ("date", "1996")
    assert _values("The bid came in March 2001. The following month it failed.")["The following month"] == (
        "date",
        "2001-04",
    )
    assert _values("Shares rose on Monday, when a report came out the same day.")["the same day"] == (
        "date",
        "2023-03-13",
    )
    assert _one("Sales doubled the following year.")[2] == "2024"  # no date before: the dct's


def test_day_after_a_date_in_a_range_is_a_date_of_that_month() -> None:
    v = _values("The summit will be held on April 24 and 25.")
    assert v["25"] == ("date", "2023-04-25")
    assert "10" not in _values("On May 3 and 10 others were hurt.")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # no tense marker: the next April (one month ahead) is meant, not last year's
        ("The appeal is heard in April by the full court.", "2023-04"),
        ("A cut in its oil supply in May worries buyers.", "2023-05"),
        # ... but a month further ahead is still the past one
        ("A cut in its oil supply in August worries buyers.", "2022-08"),
        # any past-tense verb decides a clause with no other marker
        ("In April, the firm hired a new chief.", "2022-04"),
        # an adjective after "the" is not a past tense: the date is the nearer one
        ("The reduced dividend is payable April 2 to holders.", "2023-04-02"),
    ],
)
def test_a_month_or_day_with_no_tense_to_go_by_is_the_nearer_one(text: str, value: str) -> None:
    assert _one(text)[2] == value


def test_a_year_ended_on_a_day_is_twelve_months_before_that_day() -> None:
    # a past-tense clause keeps a day with no year in the past, however far back
    v = _values("Revenue in the year ended June 30 rose 5%.")
    assert v["the year"] == ("duration", "P1Y")
    assert v["June 30"] == ("date", "2022-06-30")


def test_a_possessive_weekday_is_a_day_gone_by_whatever_the_tense() -> None:
    # the dct is a Wednesday; "would" would otherwise send Friday into next week
    assert _one("Lawyers said they would appeal Friday's ruling.")[2] == "2023-03-10"


def test_until_with_a_past_perfect_looks_back() -> None:
    assert _one("Until Monday, police had not named a suspect.")[2] == "2023-03-13"
    assert _one("It was not until Monday that police named him.")[2] == "2023-03-13"
    assert _one("The offer runs until Monday.")[2] == "2023-03-20"


def test_now_in_a_hyphenated_adjective_is_not_a_time() -> None:
    assert extract_times("They scrapped the now-cancelled deal.", DCT) == []
    assert _one("The deal is now cancelled.")[2] == "PRESENT_REF"


def test_high_noon_is_not_a_clock_time() -> None:
    assert extract_times("For Poland, high noon comes today.", DCT)[0].text == "today"
    assert _one("Talks resume at noon.")[2] == "2023-03-15T12:00"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "Gen." and "Oct." end no clause: "ago" before the title still sets the tense
        ("A week ago, Gen. Smith picked Saturday night as the time to start.", "2023-03-11TNI"),
        ("Talks will resume after a break from Oct. 9 on Friday.", "2023-03-17"),
        # a plan that had been made: the day is gone by
        ("The offer had been due to expire Friday evening.", "2023-03-10TEV"),
        ("The talks are supposed to conclude in August.", "2023-08"),
        # a deadline with no tense: ahead
        ("A program to pay down the loan by August.", "2023-08"),
    ],
)
def test_tense_cues_that_titles_plans_and_deadlines_give(text: str, value: str) -> None:
    assert extract_times(text, DCT)[-1].value == value


def test_the_day_of_a_past_story_is_the_day_it_named() -> None:
    # the story is dated Wednesday and tells of Monday's trading
    v = _values("Shares fell on Monday. The index lost 3.4% to end the day at 7,114.")
    assert v["the day"] == ("date", "2023-03-13")
    # a decimal point ends no clause: "fell" is the tense of "to end the day"
    v = _values(
        "Stocks closed lower on Monday. The Dow fell by 3.41 %, or 251.4 points, to end the day at 7,114."
    )
    assert v["the day"] == ("date", "2023-03-13")
    # the day that is coming, or one with no day named before it, is the dct's
    assert _one("The minister will speak later in the day.")[2] == "2023-03-15"
    assert _one("Shares fell later in the day.")[2] == "2023-03-15"


def test_the_same_period_last_year_is_the_period_named_a_year_back() -> None:
    v = _values("Sales rose 43% in February compared to the same period last year.")
    assert v["the same period last year"] == ("date", "2022-02")


def test_a_month_of_next_year_is_in_next_year() -> None:
    v = _values("Dealers will be dropped after October of next year.")
    assert v["October"] == ("date", "2024-10")
    assert v["next year"] == ("date", "2024")
    assert extract_times("The March of Dimes met.", DCT) == []


def test_a_clock_time_is_on_the_day_its_sentence_names() -> None:
    v = _values("In a press conference at 16:15 UTC, March 13, he spoke.")
    assert v["16:15 UTC"] == ("time", "2023-03-13T16:15Z")
    v = _values("It made its first flight Tuesday in Everett, Washington at 18:00 UTC.")
    assert v["18:00 UTC"] == ("time", "2023-03-14T18:00Z")
    # a day named in an earlier sentence is not the clock's
    v = _values("It flew on Tuesday. The next test is at 18:00 UTC.")
    assert v["18:00 UTC"] == ("time", "2023-03-15T18:00Z")


def test_a_newspaper_or_a_title_is_no_time() -> None:
    assert extract_times("The Communist Party daily Granma said so.", DCT) == []
    assert extract_times("It was reported by the Daily Mail.", DCT) == []
    assert extract_times("He told CBS's 60 Minutes that he would stay.", DCT) == []
    assert _one("Ford posted a drop in monthly US sales.")[2] == "P1M"
    assert _one("Fire Kills Three In 24 Hours")[2] == "PT24H"  # a headline: every word capitalised


def test_a_weekday_that_is_part_of_a_name_is_no_date() -> None:
    # a paper, a show and a person are names; "on Tuesday" before a subject is still the day
    assert extract_times("He told the Sunday Times that he would stay.", DCT) == []
    assert extract_times("It was reported by Sunday Telegraph journalist Robert Peston.", DCT) == []
    assert extract_times("She hosted Scotland's Sunday Live with a friend from the station.", DCT) == []
    assert extract_times("Mike Friday's England side won the final.", DCT) == []
    assert extract_times("Sheffield Wednesday beat Leeds 2-1.", DCT) == []  # a listed club
    assert _one("On Tuesday Mitsubishi said it would cut jobs.") == ("Tuesday", "date", "2023-03-14")
    assert _one("President Bill Clinton Saturday condemned the attack.")[2] == "2023-03-11"
    assert _one("He spoke at his Sunday Mass at the cathedral.")[2] == "2023-03-12"
    assert _one("Shares Slide On Monday As Oil Prices Rise")[2] == "2023-03-13"  # a headline


def test_today_capitalised_inside_a_sentence_names_a_show_or_paper() -> None:
    # prose writes the day in lower case; a capital inside a sentence marks a title
    assert extract_times("He told Radio 4's Today programme that he would stay.", DCT) == []
    assert extract_times("Writing in USA Today, she praised the plan.", DCT) == []
    assert extract_times("He sang Yesterday and two other songs.", DCT) == []
    assert _one("Today the firm said profits rose.") == ("Today", "date", "2023-03-15")
    assert _one('She said: "Today we celebrate."') == ("Today", "date", "2023-03-15")
    assert _one("Markets Rally Today On Rate Hopes")[2] == "2023-03-15"  # a headline
    assert _one("He spoke today about the plan.") == ("today", "date", "2023-03-15")


def test_named_days_are_dates_of_their_own() -> None:
    # counted from Easter (9 April 2023) or Thanksgiving (23 November 2022) in the year of the article
    assert _one("The shops shut on Good Friday.") == ("Good Friday", "date", "2023-04-07")
    assert _one("He will fly home on Easter Monday.") == ("Easter Monday", "date", "2023-04-10")
    assert _one("Shoppers queued on Black Friday.") == ("Black Friday", "date", "2022-11-25")
    # a day named for an event has no date the calendar gives: whole, and unresolved
    assert _one("Stocks crashed on Black Monday.") == ("Black Monday", "date", None)
    assert _one("The Bloody Sunday inquiry reported.") == ("Bloody Sunday", "date", None)


def test_a_holiday_that_starts_a_longer_name_is_no_date() -> None:
    assert extract_times("He signed the Good Friday Agreement.", DCT) == []
    assert extract_times("He flew to Christmas Island.", DCT) == []
    assert _one("He flew home on Christmas Eve.")[2] == "2022-12-24"
