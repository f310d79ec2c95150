"""Loading the config: the documented defaults, the search order, merging a user's file over them."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tui.bindings import BINDINGS
from tui.settings import (
    ConfigError,
    CorpusSettings,
    Settings,
    config_search_order,
    default_config_path,
    default_config_text,
    load_settings,
    settings_from_values,
    validate_file,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "config"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """An environment with nothing configured: a fresh HOME and XDG_CONFIG_HOME."""
    env = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    env.update(extra)
    return env


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- the default file ----------------------------------------------------------------------


def test_default_file_is_the_repository_file() -> None:
    assert default_config_path().resolve() == (ROOT / "config" / "default.yaml").resolve()
    assert default_config_text() == (ROOT / "config" / "default.yaml").read_text(encoding="utf-8")


def test_default_file_is_valid() -> None:
    assert validate_file(default_config_path()) == []


def test_defaults_loaded_equal_the_dataclass_defaults(tmp_path: Path) -> None:
    assert settings_from_values({}) == Settings(), "config/default.yaml and the dataclasses agree"
    settings = load_settings(env=_env(tmp_path))
    assert settings == Settings()
    assert settings.source is None


def test_default_file_lists_every_binding_with_its_keys_and_description() -> None:
    text = default_config_text()
    assert yaml.safe_load(text)["keys"] == {spec.id: spec.keys for spec in BINDINGS}
    lines = text.splitlines()
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    (keys_node,) = [value for key, value in root.value if key.value == "keys"]
    line_of = {key.value: key.start_mark.line for key, _ in keys_node.value}
    for spec in BINDINGS:
        assert lines[line_of[spec.id]].rstrip().endswith(f"# {spec.description}"), spec.id


def test_every_key_of_the_default_file_has_a_comment() -> None:
    """A comment on the key's line or on the line just above it says what it does."""
    text = default_config_text()
    lines = text.splitlines()
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    undocumented = []

    def walk(node: yaml.Node, path: str) -> None:
        if not isinstance(node, yaml.MappingNode):
            return
        for key_node, value_node in node.value:
            line = key_node.start_mark.line
            documented = "#" in lines[line] or lines[line - 1].strip().startswith("#")
            if not documented:
                undocumented.append(f"{path}{key_node.value}")
            walk(value_node, f"{path}{key_node.value}.")

    walk(root, "")
    assert undocumented == []


def test_settings_module_does_not_import_textual() -> None:
    code = "import tui.settings, tui.config_cli, sys; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# -- the search order ----------------------------------------------------------------------


def test_no_config_anywhere_uses_the_defaults(tmp_path: Path) -> None:
    order = config_search_order(env=_env(tmp_path))
    assert order == [("$XDG_CONFIG_HOME", tmp_path / "xdg" / "seedreader" / "config.yaml", False)]
    assert load_settings(env=_env(tmp_path)).source is None


def test_xdg_config_home_is_used(tmp_path: Path) -> None:
    path = _write(tmp_path / "xdg" / "seedreader" / "config.yaml", "theme: nord\n")
    settings = load_settings(env=_env(tmp_path))
    assert (settings.theme, settings.source) == ("nord", path)


def test_home_dot_config_when_xdg_config_home_is_unset(tmp_path: Path) -> None:
    path = _write(tmp_path / "home" / ".config" / "seedreader" / "config.yaml", "theme: dracula\n")
    env = {"HOME": str(tmp_path / "home")}
    assert config_search_order(env=env) == [("default ~/.config", path, True)]
    assert load_settings(env=env).theme == "dracula"


def test_relative_xdg_config_home_is_ignored(tmp_path: Path) -> None:
    """The XDG spec: a relative $XDG_CONFIG_HOME is invalid and falls back to ~/.config."""
    env = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": "relative/dir"}
    assert config_search_order(env=env)[0][0] == "default ~/.config"


def test_seedreader_config_comes_before_xdg(tmp_path: Path) -> None:
    _write(tmp_path / "xdg" / "seedreader" / "config.yaml", "theme: nord\n")
    mine = _write(tmp_path / "mine.yaml", "theme: monokai\n")
    env = _env(tmp_path, SEEDREADER_CONFIG=str(mine))
    assert [label for label, _, _ in config_search_order(env=env)] == [
        "$SEEDREADER_CONFIG",
        "$XDG_CONFIG_HOME",
    ]
    settings = load_settings(env=env)
    assert (settings.theme, settings.source) == ("monokai", mine)


def test_missing_seedreader_config_falls_through_to_xdg(tmp_path: Path) -> None:
    _write(tmp_path / "xdg" / "seedreader" / "config.yaml", "theme: nord\n")
    env = _env(tmp_path, SEEDREADER_CONFIG=str(tmp_path / "gone.yaml"))
    assert config_search_order(env=env)[0] == ("$SEEDREADER_CONFIG", tmp_path / "gone.yaml", False)
    assert load_settings(env=env).theme == "nord"


def test_explicit_config_wins_over_everything(tmp_path: Path) -> None:
    _write(tmp_path / "xdg" / "seedreader" / "config.yaml", "theme: nord\n")
    mine = _write(tmp_path / "mine.yaml", "theme: monokai\n")
    explicit = _write(tmp_path / "explicit.yaml", "theme: gruvbox\n")
    env = _env(tmp_path, SEEDREADER_CONFIG=str(mine))
    assert config_search_order(explicit, env) == [("--config", explicit, True)]
    assert load_settings(explicit, env).theme == "gruvbox"


def test_missing_explicit_config_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path / "xdg" / "seedreader" / "config.yaml", "theme: nord\n")
    missing = tmp_path / "nope.yaml"
    with pytest.raises(ConfigError) as caught:
        load_settings(missing, _env(tmp_path))
    assert caught.value.errors == [f"{missing}: no such config file"]


def test_explicit_config_that_is_a_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path, _env(tmp_path))
    assert caught.value.errors == [f"{tmp_path}: is a directory, not a config file"]


def test_default_environment_is_isolated_by_conftest() -> None:
    """The autouse fixture points XDG at an empty temporary folder: no developer config leaks in."""
    assert "SEEDREADER_CONFIG" not in os.environ
    assert load_settings().source is None


def test_environment_variable_read_from_os_environ(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = _write(tmp_path / "mine.yaml", "theme: nord\n")
    monkeypatch.setenv("SEEDREADER_CONFIG", str(mine))
    assert load_settings().source == mine


# -- merging -------------------------------------------------------------------------------


def test_user_file_is_merged_over_the_defaults(tmp_path: Path) -> None:
    path = FIXTURES / "valid.yaml"
    settings = load_settings(path, _env(tmp_path))
    assert settings.source == path
    assert settings.theme == "nord"
    base = path.resolve().parent
    assert settings.corpus == CorpusSettings(
        folders=[base / "news", Path(os.path.expanduser("~/archive")), Path("/srv/articles")],
        include=["*.txt", "*.md"],  # not set: the default
        exclude=["*.draft.txt"],
    )
    # keys: the three set, every other binding at its default
    expected_keys = {spec.id: spec.keys for spec in BINDINGS}
    expected_keys.update(quit="ctrl+q", search="/", focus_list="1")
    assert settings.keys == expected_keys
    assert settings.layout.panes == ["list", "reader"]
    assert settings.layout.sidebar_side == "left"
    assert settings.layout.list_width == Settings().layout.list_width
    assert settings.entities.extra == [
        {"name": "Ada Lovelace", "type": "person", "aliases": ["Lovelace"]},
        {"name": "Acme", "type": "organization", "aliases": []},
    ]
    assert settings.entities.ignore == ["Reuters"]
    assert settings.entities.merge == {"U.N.": "United Nations"}
    assert settings.entities.colors == {
        "person": "bold red",
        "organization": "magenta",
        "place": "green",
        "misc": "yellow",
    }
    assert settings.timeline.reference_date == dt.date(2024, 3, 1)
    assert settings.timeline.grouping == "month"
    assert (settings.search.limit, settings.search.snippet_length, settings.search.delay) == (50, 80, 0.0)
    assert isinstance(settings.search.delay, float)
    assert settings.reader.wrap_width == 72
    assert settings.reader.hit_style == "reverse"
    assert settings.reader.current_hit_style == Settings().reader.current_hit_style


def test_loading_twice_does_not_share_state(tmp_path: Path) -> None:
    first = load_settings(FIXTURES / "valid.yaml", _env(tmp_path))
    first.entities.colors["person"] = "blue"
    first.keys["quit"] = "x"
    assert load_settings(env=_env(tmp_path)) == Settings()


def test_empty_file_and_empty_sections_set_nothing(tmp_path: Path) -> None:
    for name in ("empty.yaml", "sections_empty.yaml"):
        settings = load_settings(FIXTURES / name, _env(tmp_path))
        assert settings == Settings(source=FIXTURES / name)


def test_quoted_date_and_key_spacing_are_accepted(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "c.yaml",
        'timeline: {reference_date: "2023-12-31"}\nkeys: {list_down: "j, down , ctrl+n"}\n',
    )
    settings = load_settings(path, _env(tmp_path))
    assert settings.timeline.reference_date == dt.date(2023, 12, 31)
    assert settings.keys["list_down"] == "j,down,ctrl+n"


def test_relative_folder_is_relative_to_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "conf" / "c.yaml", "corpus:\n  folders: [../articles]\n")
    monkeypatch.chdir(ROOT)
    settings = load_settings(path, _env(tmp_path))
    assert settings.corpus.folders == [tmp_path / "conf" / ".." / "articles"]


def test_invalid_file_raises_with_every_error(tmp_path: Path) -> None:
    path = FIXTURES / "unknown_keys.yaml"
    with pytest.raises(ConfigError) as caught:
        load_settings(path, _env(tmp_path))
    assert caught.value.errors == validate_file(path)
    assert len(caught.value.errors) == 4
    assert str(caught.value) == "\n".join(caught.value.errors)


def test_theme_comment_lists_exactly_the_builtin_themes() -> None:
    from tui.settings_schema import builtin_themes

    lines = default_config_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# Colour theme:"))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("theme:"))
    comment = " ".join(line.lstrip("# ") for line in lines[start:end]).rsplit("theme:", 1)[1]
    listed = [name.strip(" .") for name in comment.split(",")]
    assert listed == sorted(builtin_themes())
