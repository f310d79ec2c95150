"""Seedreader's settings: one YAML file merged over the documented defaults.

The defaults are ``config/default.yaml`` (shipped as ``tui/data/default.yaml``), loaded
through the same validator as a user's file, so the documentation cannot drift from the code.
The user's file is the first that exists of ``--config FILE``, ``$SEEDREADER_CONFIG`` and
``$XDG_CONFIG_HOME/seedreader/config.yaml`` (``~/.config/...`` when unset). Mappings are merged
key by key, lists and scalars replaced. Every mistake is collected into one ``ConfigError``
whose ``errors`` are one line each, ``FILE:LINE: message`` (``FILE:LINE:COL:`` for YAML syntax,
``FILE: message`` when the file cannot be read at all).

Never imports Textual: ``seedreader config check`` and the CLI stay fast and headless.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from tui.bindings import BINDINGS
from tui.corpus import DEFAULT_EXCLUDE, DEFAULT_INCLUDE

__all__ = [
    "ConfigError",
    "CorpusSettings",
    "EntitySettings",
    "LayoutSettings",
    "ReaderSettings",
    "SearchSettings",
    "Settings",
    "TimelineSettings",
    "config_search_order",
    "default_config_path",
    "default_config_text",
    "load_settings",
    "validate_file",
]


class ConfigError(Exception):
    """A config that cannot be used; ``errors`` lists every problem, one line each."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = list(errors)


# The dataclass defaults mirror config/default.yaml (a test checks they are equal), so code and
# tests can build a ``Settings()`` without reading any file.


@dataclass
class CorpusSettings:
    folders: list[Path] = field(default_factory=list)  # empty = the bundled seeds
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))


@dataclass
class LayoutSettings:
    panes: list[str] = field(default_factory=lambda: ["list", "reader", "entities", "timeline"])
    list_width: int = 36
    side_width: int = 40
    sidebar_side: str = "right"  # "left" | "right"


@dataclass
class EntitySettings:
    extra: list[dict] = field(default_factory=list)  # {"name": str, "type": str, "aliases": list[str]}
    ignore: list[str] = field(default_factory=list)
    merge: dict[str, str] = field(default_factory=dict)  # other form -> canonical name
    colors: dict[str, str] = field(
        default_factory=lambda: {
            "person": "cyan",
            "organization": "magenta",
            "place": "green",
            "misc": "yellow",
        }
    )


@dataclass
class TimelineSettings:
    reference_date: dt.date | None = None
    grouping: str = "year"  # "year" | "month"


@dataclass
class SearchSettings:
    limit: int = 100
    snippet_length: int = 80
    delay: float = 0.3


@dataclass
class ReaderSettings:
    wrap_width: int | None = None  # None = the pane width
    hit_style: str = "black on yellow"
    current_hit_style: str = "bold black on dark_orange"
    timeline_style: str = "underline"


@dataclass
class Settings:
    corpus: CorpusSettings = field(default_factory=CorpusSettings)
    theme: str = "textual-dark"
    keys: dict[str, str] = field(default_factory=lambda: {b.id: b.keys for b in BINDINGS})  # every id
    layout: LayoutSettings = field(default_factory=LayoutSettings)
    entities: EntitySettings = field(default_factory=EntitySettings)
    timeline: TimelineSettings = field(default_factory=TimelineSettings)
    search: SearchSettings = field(default_factory=SearchSettings)
    reader: ReaderSettings = field(default_factory=ReaderSettings)
    source: Path | None = None  # the user's file merged over the defaults; None = defaults only


_SECTIONS = {
    "corpus": CorpusSettings,
    "layout": LayoutSettings,
    "entities": EntitySettings,
    "timeline": TimelineSettings,
    "search": SearchSettings,
    "reader": ReaderSettings,
}


# -- the defaults --------------------------------------------------------------------------


def default_config_path() -> Path:
    """The documented default file inside the package (a link to the repo's config/default.yaml)."""
    return Path(__file__).parent / "data" / "default.yaml"


def default_config_text() -> str:
    """The default file as shipped, comments and all, for ``seedreader config default``."""
    return default_config_path().read_text(encoding="utf-8")


@cache
def _default_values() -> dict[str, Any]:
    path = default_config_path()
    from tui.settings_schema import parse_config

    values, errors = parse_config(default_config_text(), str(path), path.parent)
    if errors:  # a broken package, not a user mistake; tests keep this from happening
        raise ConfigError(errors)
    return values


def default_values() -> dict[str, Any]:
    """The values of the default file, by section (a fresh copy each call)."""
    return copy.deepcopy(_default_values())


# -- finding the file ----------------------------------------------------------------------


def config_search_order(
    explicit: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
) -> list[tuple[str, Path, bool]]:
    """Where a config file is looked for, in order: (label, path, exists).

    With ``explicit`` (``--config FILE``) it is the only candidate: asking for a file that
    is missing is a mistake, not a reason to fall back silently.
    """
    env = os.environ if env is None else env
    if explicit is not None:
        path = Path(os.path.expanduser(os.fspath(explicit)))
        return [("--config", path, path.is_file())]
    order: list[tuple[str, Path, bool]] = []
    if env.get("SEEDREADER_CONFIG"):
        path = Path(os.path.expanduser(env["SEEDREADER_CONFIG"]))
        order.append(("$SEEDREADER_CONFIG", path, path.is_file()))
    xdg = env.get("XDG_CONFIG_HOME", "")
    if xdg and os.path.isabs(xdg):  # the XDG spec says to ignore a relative value
        path = Path(xdg) / "seedreader" / "config.yaml"
        order.append(("$XDG_CONFIG_HOME", path, path.is_file()))
    else:
        home = Path(env["HOME"]) if env.get("HOME") else Path.home()
        path = home / ".config" / "seedreader" / "config.yaml"
        order.append(("default ~/.config", path, path.is_file()))
    return order


def find_config(
    explicit: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
) -> Path | None:
    """The user's config file, or None to use the defaults alone (ConfigError for a missing --config)."""
    for label, path, exists in config_search_order(explicit, env):
        if exists:
            return path
        if label == "--config":
            raise ConfigError([_missing_message(path)])
    return None


def _missing_message(path: Path) -> str:
    if path.is_dir():
        return f"{path}: is a directory, not a config file"
    return f"{path}: no such config file"


# -- reading and merging -------------------------------------------------------------------


def _read(path: Path) -> tuple[dict[str, Any], list[str]]:
    label = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, [f"{label}: no such config file"]
    except IsADirectoryError:
        return {}, [f"{label}: is a directory, not a config file"]
    except UnicodeDecodeError as exc:
        return {}, [f"{label}: not UTF-8 text (byte {exc.start})"]
    except OSError as exc:
        return {}, [f"{label}: cannot read: {exc.strerror or exc}"]
    base_dir = Path(os.path.abspath(path)).parent
    from tui.settings_schema import parse_config

    return parse_config(text, label, base_dir, default_keys=_default_values().get("keys", {}))


def validate_file(path: str | os.PathLike[str]) -> list[str]:
    """Every error in one config file, as printed by ``config check`` (empty when it is valid)."""
    return _read(Path(path))[1]


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``over`` merged into ``base``: mappings key by key, everything else replaced."""
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = copy.deepcopy(value)
    return base


def _build(values: Mapping[str, Any], source: Path | None) -> Settings:
    sections = {name: cls(**values.get(name, {})) for name, cls in _SECTIONS.items()}
    return Settings(theme=values["theme"], keys=dict(values["keys"]), source=source, **sections)


def settings_from_values(values: Mapping[str, Any], source: Path | None = None) -> Settings:
    """Settings from already-validated values merged over the defaults (for tests and tools)."""
    return _build(_merge(default_values(), values), source)


def load_settings(
    explicit: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
) -> Settings:
    """The settings to run with: the user's file (if any) merged over the defaults.

    Raises ConfigError listing every problem, so the CLI can print them and exit 2 before
    the app starts.
    """
    source = find_config(explicit, env)
    if source is None:
        # No user file: the dataclass defaults, which equal the default file (a test checks),
        # without importing the YAML parser and the schema (start-up time).
        return Settings()
    values, errors = _read(source)
    if errors:
        raise ConfigError(errors)
    return settings_from_values(values, source)
