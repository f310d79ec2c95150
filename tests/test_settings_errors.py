"""Bad config files: every mistake is one line, FILE:LINE: message, all listed, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.settings import ConfigError, load_settings, validate_file

FIXTURES = Path(__file__).parent / "fixtures" / "config"

THEMES = (
    "ansi-dark, ansi-light, atom-one-dark, atom-one-light, catppuccin-frappe, catppuccin-latte, "
    "catppuccin-macchiato, catppuccin-mocha, dracula, flexoki, gruvbox, monokai, nord, rose-pine, "
    "rose-pine-dawn, rose-pine-moon, solarized-dark, solarized-light, textual-dark, textual-light, tokyo-night"
)


def _errors(name: str) -> list[str]:
    """The errors of a fixture, without the 'FILE:' prefix every one of them must carry."""
    path = FIXTURES / name
    errors = validate_file(path)
    assert all(error.startswith(f"{path}:") for error in errors), errors
    return [error.removeprefix(f"{path}:") for error in errors]


def test_valid_fixtures_have_no_errors() -> None:
    for name in ("valid.yaml", "empty.yaml", "sections_empty.yaml"):
        assert _errors(name) == [], name


def test_yaml_syntax_error_gives_line_column_and_the_parser_reason() -> None:
    assert _errors("syntax_error.yaml") == [
        "4:2: expected <block end>, but found '<block mapping start>' "
        "(while parsing a block mapping that started on line 1)"
    ]
    assert _errors("unclosed_list.yaml") == [
        "3:1: expected ',' or ']', but got '<scalar>' (while parsing a flow sequence that started on line 2)"
    ]


def test_unterminated_string(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text('theme: "nord\n', encoding="utf-8")
    assert validate_file(path) == [
        f"{path}:2:1: found unexpected end of stream (while scanning a quoted scalar that started on line 1)"
    ]


def test_top_level_must_be_a_mapping() -> None:
    assert _errors("not_a_mapping.yaml") == [
        "1: expected a mapping of settings such as 'theme: nord', got a list"
    ]


def test_unknown_keys_name_the_section_and_suggest() -> None:
    assert _errors("unknown_keys.yaml") == [
        "1: unknown key 'them' in top level (did you mean 'theme'?)",
        "3: unknown key 'limt' in search (did you mean 'limit'?)",
        "5: unknown key 'colour' in top level "
        "(allowed: corpus, theme, keys, layout, entities, timeline, search, reader)",
        "8: unknown key 'sidebar' in layout (did you mean 'sidebar_side'?)",
    ]


def test_unknown_binding_id_suggests_the_closest() -> None:
    assert _errors("unknown_binding.yaml") == [
        "2: unknown binding id 'qiut' in keys (did you mean 'quit'?)",
        "3: unknown binding id 'toggle_sidbar' in keys (did you mean 'toggle_sidebar'?)",
        "4: unknown binding id 'frobnicate' in keys ('seedreader config default' lists every binding id)",
    ]


def test_bad_key_strings() -> None:
    assert _errors("bad_keys.yaml") == [
        "2: keys.quit: missing key name after 'ctrl+'",
        "3: keys.help: unknown key name 'notakey' (a key is a single character, a named key such as "
        "'enter', 'pageup' or 'f5', or a character name such as 'question_mark')",
        "4: keys.search: expected a key string such as 'j,down' or 'ctrl+n', got ''",
        "5: keys.reload: expected a key string such as 'j,down' or 'ctrl+n', got on "
        "(read as true/false; quote it for text)",
        "6: keys.bookmark: modifiers must be in alphabetical order, as Textual reports them: write 'ctrl+shift+b'",
        "7: keys.list_open: unknown modifier 'Ctrl' in 'Ctrl+o' "
        "(did you mean 'ctrl'? modifiers: alt, ctrl, hyper, meta, shift, super)",
        "8: keys.list_down: empty key between commas",
        "9: keys.page_down: unknown key name 'hyphen_minus' (did you mean 'minus'?)",
    ]


def test_a_key_taken_by_another_binding_of_the_same_place() -> None:
    assert _errors("key_conflict.yaml") == [
        "2: keys.search: 'n' is also bound to 'next_hit' (both active anywhere)",
        "3: keys.list_top: 'j' is also bound to 'list_down' (both active in the list pane)",
    ]


def test_moving_a_binding_away_frees_its_key(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("keys:\n  search: n\n  next_hit: ctrl+n\n", encoding="utf-8")
    assert validate_file(path) == []


def test_wrong_types_and_values_name_the_key_and_what_is_allowed() -> None:
    assert _errors("bad_values.yaml") == [
        "2: corpus.folders: expected a list of folder paths, got 3",
        "3: corpus.include: expected a list of glob patterns such as '*.txt', got '*.txt'",
        f"4: theme: unknown theme 'nrod' (did you mean 'nord'?); built-in themes: {THEMES}",
        "6: layout.panes[1]: unknown pane 'lst' (did you mean 'list'? allowed: list, reader, entities, timeline)",
        "6: layout.panes[2]: 'list' is listed twice",
        "7: layout.list_width: expected a width in columns (an integer, at least 10), got 5",
        "8: layout.side_width: expected a width in columns (an integer, at least 10), got 'wide'",
        "9: layout.sidebar_side: unknown side 'top' (allowed: left, right)",
        "11: timeline.reference_date: expected a date as YYYY-MM-DD or null, got '2024-13-01'",
        "12: timeline.grouping: unknown grouping 'week' (allowed: year, month)",
        "14: search.limit: expected a number of results (an integer, at least 1), got 0",
        "15: search.snippet_length: expected a length in characters (an integer, at least 20), got 10.5",
        "16: search.delay: expected a delay in seconds (a number, 0 or more), got -1",
        "18: reader.wrap_width: expected a width in columns (an integer, at least 20) or null, got 10",
        "19: reader.hit_style: invalid Rich style 'bold blu': unable to parse 'blu' as color; "
        "'blu' is not a valid color",
        '20: reader.current_hit_style: expected a Rich style such as "bold red" or "black on yellow", got \'\'',
        '21: reader.timeline_style: expected a Rich style such as "bold red" or "black on yellow", got a list',
    ]


def test_bad_entities() -> None:
    assert _errors("bad_entities.yaml") == [
        "3: entities.extra[0].type: unknown entity type 'persn' "
        "(did you mean 'person'? allowed: person, organization, place, misc)",
        "4: entities.extra[1]: missing type (an extra entity needs a name and a type)",
        "5: entities.extra[2]: expected a mapping {name, type, aliases}, got 'Carol'",
        "6: entities.extra[3].aliases: expected a list of names, got 'Danny'",
        "6: unknown key 'age' in entities.extra[3] (allowed: name, type, aliases)",
        "7: entities.ignore: expected a list of names, got 'Reuters'",
        "8: entities.merge['U.N.']: expected the canonical name, got a list",
        "10: unknown entity type 'people' in entities.colors (allowed: person, organization, place, misc)",
        "11: entities.colors.place: invalid Rich style 'bold blu': unable to parse 'blu' as color; "
        "'blu' is not a valid color",
    ]


def test_sections_of_the_wrong_shape() -> None:
    assert _errors("wrong_sections.yaml") == [
        "1: corpus: expected a mapping of folders, include, exclude, got a list",
        "2: keys: expected a mapping of binding id to keys, such as 'quit: q', got 'q'",
        "3: search: expected a mapping of limit, snippet_length, delay, got 5",
        "4: theme: expected a Textual theme name such as 'nord', got a list",
    ]


def test_duplicate_keys() -> None:
    assert _errors("duplicate_key.yaml") == [
        "4: duplicate key 'limit' in search (first set on line 3)",
        "5: duplicate key 'theme' in top level (first set on line 1)",
    ]


def test_unreadable_files(tmp_path: Path) -> None:
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"theme: \xff\xfe\n")
    assert validate_file(binary) == [f"{binary}: not UTF-8 text (byte 7)"]
    assert validate_file(tmp_path / "gone.yaml") == [f"{tmp_path / 'gone.yaml'}: no such config file"]


def test_load_settings_raises_config_error_with_the_same_messages(tmp_path: Path) -> None:
    path = FIXTURES / "bad_values.yaml"
    with pytest.raises(ConfigError) as caught:
        load_settings(path, {"HOME": str(tmp_path)})
    assert caught.value.errors == validate_file(path)


def test_unsafe_yaml_tags_are_not_executed(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("theme: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    errors = validate_file(path)
    assert len(errors) == 1 and errors[0].startswith(f"{path}:1: theme: ")


# Arbitrary YAML shaped like a config: validation reports problems, it never raises.
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 500),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["nord", "j,down", "ctrl+", "list", "person", "2024-01-01", "bold red", "", "~/x"]),
    st.text(max_size=8),
)
_keys = st.sampled_from(
    ["corpus", "theme", "keys", "layout", "entities", "timeline", "search", "reader", "folders", "include",
     "panes", "list_width", "extra", "colors", "merge", "limit", "delay", "wrap_width", "hit_style", "quit",
     "name", "type", "aliases", "person", "grouping", "reference_date", "bogus"]
)  # fmt: skip
_values = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=5),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=st.dictionaries(_keys, _values, max_size=8))
def test_any_yaml_gives_messages_not_tracebacks(tmp_path: Path, document: dict) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    errors = validate_file(path)
    assert all(error.startswith(f"{path}:") and "\n" not in error for error in errors)
    if not errors:
        load_settings(path, {"HOME": str(tmp_path)})
