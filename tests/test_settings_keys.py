"""The key-string and theme checks agree with textual 8.2.8, whose lists they keep as data."""

from __future__ import annotations

import string

import pytest
from textual.keys import Keys, _character_to_key
from textual.theme import BUILTIN_THEMES

from tui.bindings import BINDINGS
from tui.keyspec import character_to_key, is_key_name, keys_problem, named_keys, normalize_key
from tui.settings_schema import builtin_themes


def test_theme_list_is_textuals() -> None:
    assert set(builtin_themes()) == set(BUILTIN_THEMES)


def test_named_key_list_is_textuals() -> None:
    expected = {key.value for key in Keys if "+" not in key.value and not key.value.startswith("<")}
    assert named_keys() == expected


@pytest.mark.parametrize("character", list(string.printable.strip()) + ["é", "£", "€", "ß", "→", "\t"])
def test_character_names_match_textual(character: str) -> None:
    assert character_to_key(character) == _character_to_key(character)


@pytest.mark.parametrize("character", list(string.punctuation) + ["£", "€", "→"])
def test_every_name_textual_gives_a_character_is_accepted(character: str) -> None:
    """The key events Textual sends for these characters can be bound."""
    assert is_key_name(_character_to_key(character))


def test_every_default_binding_is_valid() -> None:
    for spec in BINDINGS:
        assert keys_problem(spec.keys) is None, spec


@pytest.mark.parametrize(
    "keys",
    [
        "q",
        "G",
        "/",
        "+",
        "j,down",
        "j, down",
        "ctrl+n",
        "ctrl+shift+up",
        "alt+ctrl+hyper+meta+shift+super+x",
        "question_mark",
        "slash",
        "minus",
        "left_square_bracket",
        "full_stop",
        "space,pagedown",
        "f24",
        "shift+tab",
        "euro_sign",
    ],
)
def test_good_key_strings(keys: str) -> None:
    assert keys_problem(keys) is None


@pytest.mark.parametrize(
    ("keys", "problem"),
    [
        ("", "no keys given (write e.g. 'j,down' or 'ctrl+n')"),
        ("   ", "no keys given (write e.g. 'j,down' or 'ctrl+n')"),
        ("ctrl+", "missing key name after 'ctrl+'"),
        ("ctrl++", "write 'ctrl+plus' for the '+' key"),
        ("+n", "empty modifier in '+n'"),
        (
            "notakey",
            "unknown key name 'notakey' (a key is a single character, a named key such as 'enter', "
            "'pageup' or 'f5', or a character name such as 'question_mark')",
        ),
        ("j,", "empty key between commas"),
        ("ctrl+ctrl+n", "repeated modifier in 'ctrl+ctrl+n'"),
        (
            "shift+ctrl+n",
            "modifiers must be in alphabetical order, as Textual reports them: write 'ctrl+shift+n'",
        ),
        ("cmd+n", "unknown modifier 'cmd' in 'cmd+n' (modifiers: alt, ctrl, hyper, meta, shift, super)"),
        ("PageUp", "unknown key name 'PageUp' (did you mean 'pageup'?)"),
        ("questionmark", "unknown key name 'questionmark' (did you mean 'question_mark'?)"),
        ("solidus", "unknown key name 'solidus' (did you mean 'slash'?)"),
        ("latin_small_letter_a", "unknown key name 'latin_small_letter_a' (did you mean 'a'?)"),
        ("ctrl+bakspace", "unknown key name 'bakspace' (did you mean 'backspace'?)"),
    ],
)
def test_bad_key_strings(keys: str, problem: str) -> None:
    assert keys_problem(keys) == problem


def test_single_characters_are_compared_by_their_textual_name() -> None:
    assert normalize_key("/") == "slash" == normalize_key("slash")
    assert normalize_key("ctrl+n") == "ctrl+n"
