"""Titles, dates and sources are found the way news files usually carry them."""

import datetime as dt

from tui.metadata import read_metadata, title_from_sentence


def test_front_matter_wins_and_body_starts_after_it():
    text = (
        "---\ntitle: Plant reopens\ndate: 2023-03-01\nsource: TASS\ntags: [cars, moscow]\n---\nBody text.\n"
    )
    meta = read_metadata(text)
    assert (meta.title, meta.date, meta.source, meta.tags) == (
        "Plant reopens",
        dt.date(2023, 3, 1),
        "TASS",
        ("cars", "moscow"),
    )
    assert text[meta.body_start :].startswith("Body text.")


def test_malformed_front_matter_is_a_warning_naming_the_line_and_the_body_is_kept():
    text = "---\ntitle: [unclosed\n---\nThe body survives.\n"
    meta = read_metadata(text)
    assert meta.warnings and "malformed front matter" in meta.warnings[0] and "line" in meta.warnings[0]
    assert text[meta.body_start :].startswith("The body survives.")


def test_headline_then_blank_line_is_the_title():
    meta = read_metadata("Ad sales boost Time Warner profit\n\nQuarterly profits jumped.\n")
    assert meta.title == "Ad sales boost Time Warner profit"


def test_first_line_ending_with_full_stop_is_not_a_headline():
    assert read_metadata("This is a sentence.\n\nMore.").title is None


def test_title_from_long_first_sentence_is_cut_at_a_word_near_90_chars():
    body = (
        "Moscow is moving toward a new electric vehicle program that centers on local production, "
        "with city officials outlining a plan."
    )
    title = title_from_sentence(body)
    assert title.endswith("…") and len(title) <= 91
    assert body.startswith(title[:-1])
    assert not title[:-1].endswith(" ")


def test_datelines_in_the_first_three_lines():
    assert read_metadata("Title here\n\nMarch 01, 2008\nText.").date == dt.date(2008, 3, 1)
    assert read_metadata("HEADLINE .\nLONDON 1996-08-30\nText.").date == dt.date(1996, 8, 30)
    assert read_metadata("2008-03-01\nText.").date == dt.date(2008, 3, 1)


def test_a_date_inside_a_long_sentence_is_not_a_dateline():
    text = "Officials said on March 3, 2023 that the factory in the city would reopen soon after talks.\n"
    assert read_metadata(text).date is None


def test_attribution_line_gives_the_source_and_is_cut_from_the_body():
    text = "Moscow plans a plant. The end of the story. attribution: Source: TASS"
    meta = read_metadata(text)
    assert meta.source == "TASS"
    assert text[meta.body_start : meta.body_end].rstrip().endswith("story.")
