"""General rules added for issue #5: product cues, model numbers, sentence-initial words, tense, start-up."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from tui.extract.entities import extract_entities
from tui.extract.times import extract_times

ROOT = Path(__file__).resolve().parents[1]


def _types(text: str) -> dict[str, str]:
    return {m.text: m.type for m in extract_entities(text)}


def test_a_product_noun_after_a_name_makes_it_misc() -> None:
    got = _types("The plan moves the Vostrel line to another plant, where the model is built.")
    assert got.get("Vostrel") == "misc"
    got = _types("Buyers liked the Kestrava crossover and its new model Zarvo.")
    assert got.get("Kestrava") == "misc"
    assert got.get("Zarvo") == "misc"


def test_a_product_cue_types_only_its_own_mention() -> None:
    text = (
        "Velcorp Motors said on Monday it would cut jobs. Velcorp aircraft are sold in Asia. Velcorp said so."
    )
    spans = [(m.text, m.type) for m in extract_entities(text)]
    assert ("Velcorp Motors", "organization") in spans
    assert spans.count(("Velcorp", "misc")) <= 1


def test_a_camel_case_product_keeps_its_model_number_before_punctuation() -> None:
    got = _types("Apple unveiled the iPhone 4, along with iOS 4 at the conference.")
    assert got.get("iPhone 4") == "misc"
    assert got.get("iOS 4") == "misc"


def test_sentence_initial_ordinary_words_are_no_names() -> None:
    got = _types("Shares fell.\nEntirely new features were added. Improvements came later.")
    assert "Entirely" not in got
    assert "Improvements" not in got


def test_as_soon_as_is_not_a_time_but_soon_is() -> None:
    dct = dt.date(2000, 4, 3)
    assert [t.text for t in extract_times("They will come as soon as possible.", dct)] == []
    assert [t.value for t in extract_times("Talks will resume soon.", dct)] == ["FUTURE_REF"]


def test_abbreviation_periods_do_not_end_the_clause_for_tense() -> None:
    dct = dt.date(2000, 4, 3)  # a Monday
    got = extract_times("The agency has given them until 9 a.m. Tuesday to sign.", dct)
    assert [(t.text, t.value) for t in got] == [("9 a.m. Tuesday", "2000-04-04T09:00")]


def test_extract_does_not_import_the_settings_without_a_config(tmp_path: Path) -> None:
    code = (
        "import sys; from tui.cli import main; rc = main(['extract', '--json', sys.argv[1]]); "
        "assert 'tui.settings' not in sys.modules and 'tui.config_cli' not in sys.modules, "
        "sorted(m for m in sys.modules if m.startswith('tui.'))"
    )
    f = tmp_path / "a.txt"
    f.write_text("Moscow said on Monday.", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("SEEDREADER_CONFIG", "XDG_CONFIG_HOME")}
    env["HOME"] = str(tmp_path)
    pr = subprocess.run(
        [sys.executable, "-c", code, str(f)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert pr.returncode == 0, pr.stderr[-800:]
    assert '"Moscow"' in pr.stdout


def _texts(text: str) -> list[str]:
    return [m.text for m in extract_entities(text)]


def test_an_ordinary_word_opening_a_sentence_is_split_off_the_name() -> None:
    got = _types(
        "Injured Norvale winger Tam Brix will miss the game. Rival Zentrix has said it will cut prices."
    )
    assert "Injured Norvale" not in got and got.get("Norvale") == "organization"
    assert "Rival Zentrix" not in got and "Zentrix" in got
    assert "Telco Quandro" not in _texts("Telco Quandro stepped in to take over the payments.")


def test_a_quotation_starts_a_sentence() -> None:
    got = _texts('He said that "Today Zentrix is going to change the phone," and left.')
    assert got == ["Zentrix"]
    assert _texts("he said that `` Today Zentrix is going to reinvent it ''.") == ["Zentrix"]


def test_a_name_does_not_run_into_the_next_one() -> None:
    assert _texts("It cut prices in its United Kingdom iZap store.") == ["United Kingdom", "iZap"]
    got = _texts("At the show in Las Vegas Zentrix boss Tam Brix spoke.")
    assert "Las Vegas" in got and "Zentrix" in got


def test_plural_titles_contractions_and_lone_holidays_are_no_names() -> None:
    assert _texts("Ministers met Labour MPs and MEPs.") == ["Labour"]
    assert _texts("I've seen it. I'll go. I'd say so.") == []
    assert _texts("Sales rose over Christmas.") == []
    assert "Christmas Island" in _texts("They flew to Christmas Island.")


def test_a_surname_read_before_keeps_its_sentence_initial_mentions() -> None:
    got = [
        (m.text, m.type)
        for m in extract_entities("Zentrix chief Peter Brix spoke. Brix said the brix were sold.")
    ]
    assert ("Brix", "person") in got
    # without the full name the sentence-initial ordinary word is dropped as before
    assert "Brix" not in _texts("The brix were sold. Brix are cheap.")


def test_the_department_in_an_office_title_is_no_person() -> None:
    got = _types("She will brief the Secretary of Defense on Monday. Minister of Finance Anna Velt agreed.")
    # the portfolio is part of the office's title, neither a person nor a name of its own
    assert "Defense" not in got and "Finance" not in got
    assert got.get("Anna Velt") == "person"  # the holder named after the office is still a person


def test_a_weakly_typed_name_takes_the_type_of_its_list() -> None:
    got = _types("The carmakers Velcorp Motors, Ford and General Motors asked for loans.")
    assert got.get("Ford") == "organization"  # a surname too, but listed among companies
    got = _types("Talks with Anna Velt and Ford ended.")  # a list of two people: Ford stays a person
    assert got.get("Ford") == "person"


def test_a_name_before_a_role_noun_or_with_a_company_prefix_is_an_organisation() -> None:
    got = _types(
        "Analysts said Velt Dem leader Anna Velt would speak. Late on Monday, Deutsche Korvel said no."
    )
    assert got.get("Velt Dem") == "organization"  # "X leader Y": X is the party
    assert got.get("Anna Velt") == "person"
    assert got.get("Deutsche Korvel") == "organization"
