"""Validates one config file, node by node, so every mistake is reported with its line.

``parse_config`` walks the composed YAML tree (``yaml.compose`` with ``SafeLoader``: marks,
no object construction beyond plain scalars) against the schema below and returns the values
it could read plus one message per mistake, never stopping at the first. The result holds only
what the file sets; ``tui.settings`` merges it over the defaults and builds the dataclasses.
Imports neither Textual nor the app, so ``seedreader config check`` starts fast.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from rich.errors import StyleSyntaxError
from rich.style import Style

from tui.bindings import BINDING_IDS, BINDINGS
from tui.extract.model import ENTITY_TYPES
from tui.keyspec import keys_problem, normalize_key, split_keys

PANES = ("list", "reader", "entities", "timeline")
SIDES = ("left", "right")
GROUPINGS = ("year", "month")
TOP_LEVEL = "top level"

_INVALID = object()  # a value that failed validation (its error is already recorded)
_SCOPES = {b.id: b.scope for b in BINDINGS}


@cache
def builtin_themes() -> tuple[str, ...]:
    """Textual 8.2.8's built-in theme names, from data (tests compare them with Textual's)."""
    path = Path(__file__).parent / "data" / "themes.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@dataclass
class _Context:
    """Where messages go and what relative paths are relative to."""

    file: str
    base_dir: Path
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, "FILE:LINE: message")
    key_lines: dict[str, int] = field(default_factory=dict)  # binding id -> line it is set on

    def error(self, node: yaml.Node, message: str) -> None:
        self.error_at(node.start_mark.line + 1, message)

    def error_at(self, line: int, message: str) -> None:
        self.errors.append((line, f"{self.file}:{line}: {message}"))

    def messages(self) -> list[str]:
        """The errors in file order (stable, so one line's errors keep their order)."""
        return [message for _line, message in sorted(self.errors, key=lambda error: error[0])]


Validator = Callable[[_Context, yaml.Node, str], Any]


# -- scalars -------------------------------------------------------------------------------


def _scalar(node: yaml.Node) -> Any:
    """The Python value of a scalar node as safe_load would read it (the text when it cannot)."""
    try:
        return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        return node.value


def _describe(node: yaml.Node) -> str:
    """A short account of what the user wrote, for 'got ...'."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    value = _scalar(node)
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{node.value} (read as true/false; quote it for text)"
    if isinstance(value, str):
        return repr(value)
    return str(node.value)


def _suggest(word: str, choices: list[str] | tuple[str, ...] | frozenset[str]) -> str | None:
    matches = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _one_of(word: str, choices: tuple[str, ...] | list[str], always_list: bool = False) -> str:
    """'(did you mean X?)' for a near miss, and the allowed values when there is none (or always)."""
    suggestion = _suggest(word, choices)
    allowed = f"allowed: {', '.join(choices)}"
    if suggestion:
        return (
            f"(did you mean {suggestion!r}? {allowed})" if always_list else f"(did you mean {suggestion!r}?)"
        )
    return f"({allowed})"


def _string(ctx: _Context, node: yaml.Node, path: str, what: str) -> Any:
    """A non-empty string (numbers written bare are taken as their text)."""
    if isinstance(node, yaml.ScalarNode):
        value = _scalar(node)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return node.value
    ctx.error(node, f"{path}: expected {what}, got {_describe(node)}")
    return _INVALID


def _text(what: str) -> Validator:
    return lambda ctx, node, path: _string(ctx, node, path, what)


def _integer(minimum: int, what: str, nullable: bool = False) -> Validator:
    def check(ctx: _Context, node: yaml.Node, path: str) -> Any:
        value = _scalar(node) if isinstance(node, yaml.ScalarNode) else _INVALID
        if value is None and nullable:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value >= minimum:
            return value
        expected = f"{what} (an integer, at least {minimum})" + (" or null" if nullable else "")
        ctx.error(node, f"{path}: expected {expected}, got {_describe(node)}")
        return _INVALID

    return check


def _number(minimum: float, what: str) -> Validator:
    def check(ctx: _Context, node: yaml.Node, path: str) -> Any:
        value = _scalar(node) if isinstance(node, yaml.ScalarNode) else _INVALID
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= minimum:
            return float(value)
        ctx.error(node, f"{path}: expected {what} (a number, {minimum:g} or more), got {_describe(node)}")
        return _INVALID

    return check


def _choice(choices: tuple[str, ...], noun: str) -> Validator:
    def check(ctx: _Context, node: yaml.Node, path: str) -> Any:
        value = _scalar(node) if isinstance(node, yaml.ScalarNode) else _INVALID
        if isinstance(value, str) and value in choices:
            return value
        if isinstance(value, str):
            ctx.error(node, f"{path}: unknown {noun} {value!r} {_one_of(value, choices, always_list=True)}")
        else:
            ctx.error(node, f"{path}: expected a {noun} ({', '.join(choices)}), got {_describe(node)}")
        return _INVALID

    return check


def _style(ctx: _Context, node: yaml.Node, path: str) -> Any:
    value = _string(ctx, node, path, 'a Rich style such as "bold red" or "black on yellow"')
    if value is _INVALID:
        return value
    try:
        Style.parse(value)
    except StyleSyntaxError as exc:
        ctx.error(node, f"{path}: invalid Rich style {value!r}: {exc}")
        return _INVALID
    return value


def _theme(ctx: _Context, node: yaml.Node, path: str) -> Any:
    value = _string(ctx, node, path, "a Textual theme name such as 'nord'")
    if value is _INVALID or value in builtin_themes():
        return value
    suggestion = _suggest(value, builtin_themes())
    hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
    ctx.error(node, f"{path}: unknown theme {value!r}{hint}; built-in themes: {', '.join(builtin_themes())}")
    return _INVALID


def _date(ctx: _Context, node: yaml.Node, path: str) -> Any:
    value = _scalar(node) if isinstance(node, yaml.ScalarNode) else _INVALID
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    ctx.error(node, f"{path}: expected a date as YYYY-MM-DD or null, got {_describe(node)}")
    return _INVALID


# -- collections ---------------------------------------------------------------------------


def _list_of(item: Validator, what: str, min_items: int = 0, unique: bool = False) -> Validator:
    def check(ctx: _Context, node: yaml.Node, path: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            ctx.error(node, f"{path}: expected a list of {what}, got {_describe(node)}")
            return _INVALID
        values, seen, ok = [], set(), True
        for index, child in enumerate(node.value):
            value = item(ctx, child, f"{path}[{index}]")
            if value is _INVALID:
                ok = False
            elif unique and value in seen:
                ctx.error(child, f"{path}[{index}]: {value!r} is listed twice")
                ok = False
            else:
                if unique:
                    seen.add(value)
                values.append(value)
        if ok and len(values) < min_items:
            ctx.error(node, f"{path}: expected at least {min_items} of {what}, got an empty list")
            return _INVALID
        return values if ok else _INVALID

    return check


def _pairs(ctx: _Context, node: yaml.MappingNode, where: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """The (key, key node, value node) entries of a mapping, reporting duplicate keys."""
    first_line: dict[str, int] = {}
    pairs = []
    for key_node, value_node in node.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else _describe(key_node)
        if key in first_line:
            ctx.error(key_node, f"duplicate key {key!r} in {where} (first set on line {first_line[key]})")
            continue
        first_line[key] = key_node.start_mark.line + 1
        pairs.append((key, key_node, value_node))
    return pairs


def _mapping_node(ctx: _Context, node: yaml.Node, path: str, what: str) -> bool:
    if isinstance(node, yaml.MappingNode):
        return True
    ctx.error(node, f"{path}: expected {what}, got {_describe(node)}")
    return False


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and _scalar(node) is None


def _section(fields: dict[str, Validator]) -> Validator:
    """A mapping with known keys; an empty section (all keys commented out) sets nothing."""

    def check(ctx: _Context, node: yaml.Node, path: str) -> Any:
        if _is_null(node):
            return {}
        if not _mapping_node(ctx, node, path, f"a mapping of {', '.join(fields)}"):
            return _INVALID
        values = {}
        for key, key_node, value_node in _pairs(ctx, node, path):
            if key not in fields:
                ctx.error(key_node, f"unknown key {key!r} in {path} {_one_of(key, tuple(fields))}")
                continue
            value = fields[key](ctx, value_node, f"{path}.{key}")
            if value is not _INVALID:
                values[key] = value
        return values

    return check


def _folder(ctx: _Context, node: yaml.Node, path: str) -> Any:
    value = _string(ctx, node, path, "a folder path")
    if value is _INVALID:
        return value
    folder = Path(os.path.expanduser(value))
    return folder if folder.is_absolute() else ctx.base_dir / folder


def _keys(ctx: _Context, node: yaml.Node, path: str) -> Any:
    if _is_null(node):
        return {}
    if not _mapping_node(ctx, node, path, "a mapping of binding id to keys, such as 'quit: q'"):
        return _INVALID
    values = {}
    for binding_id, key_node, value_node in _pairs(ctx, node, path):
        if binding_id not in BINDING_IDS:
            suggestion = _suggest(binding_id, BINDING_IDS)
            hint = (
                f"did you mean {suggestion!r}?"
                if suggestion
                else "'seedreader config default' lists every binding id"
            )
            ctx.error(key_node, f"unknown binding id {binding_id!r} in {path} ({hint})")
            continue
        keys = _string(ctx, value_node, f"{path}.{binding_id}", "a key string such as 'j,down' or 'ctrl+n'")
        if keys is _INVALID:
            continue
        problem = keys_problem(keys)
        if problem is not None:
            ctx.error(value_node, f"{path}.{binding_id}: {problem}")
            continue
        values[binding_id] = ",".join(split_keys(keys))
        ctx.key_lines[binding_id] = key_node.start_mark.line + 1
    return values


def _extra_entity(ctx: _Context, node: yaml.Node, path: str) -> Any:
    fields = {
        "name": _text("a name"),
        "type": _choice(ENTITY_TYPES, "entity type"),
        "aliases": _list_of(_text("a name"), "names"),
    }
    if not _mapping_node(ctx, node, path, "a mapping {name, type, aliases}"):
        return _INVALID
    values = _section(fields)(ctx, node, path)
    if values is _INVALID:
        return values
    missing = [key for key in ("name", "type") if key not in values and not _sets(node, key)]
    if missing:
        ctx.error(node, f"{path}: missing {' and '.join(missing)} (an extra entity needs a name and a type)")
        return _INVALID
    if "name" not in values or "type" not in values:
        return _INVALID  # already reported
    return {"name": values["name"], "type": values["type"], "aliases": values.get("aliases", [])}


def _sets(node: yaml.MappingNode, key: str) -> bool:
    return any(isinstance(k, yaml.ScalarNode) and k.value == key for k, _ in node.value)


def _merge(ctx: _Context, node: yaml.Node, path: str) -> Any:
    if _is_null(node):
        return {}
    if not _mapping_node(ctx, node, path, "a mapping of other form -> canonical name"):
        return _INVALID
    values, ok = {}, True
    for alias, _key_node, value_node in _pairs(ctx, node, path):
        canonical = _string(ctx, value_node, f"{path}[{alias!r}]", "the canonical name")
        if canonical is _INVALID:
            ok = False
        else:
            values[alias] = canonical
    return values if ok else _INVALID


def _colors(ctx: _Context, node: yaml.Node, path: str) -> Any:
    if _is_null(node):
        return {}
    if not _mapping_node(ctx, node, path, "a mapping of entity type to Rich style"):
        return _INVALID
    values = {}
    for type_, key_node, value_node in _pairs(ctx, node, path):
        if type_ not in ENTITY_TYPES:
            ctx.error(
                key_node, f"unknown entity type {type_!r} in {path} {_one_of(type_, ENTITY_TYPES, True)}"
            )
            continue
        style = _style(ctx, value_node, f"{path}.{type_}")
        if style is not _INVALID:
            values[type_] = style
    return values


SCHEMA: dict[str, Validator] = {
    "corpus": _section(
        {
            "folders": _list_of(_folder, "folder paths"),
            "include": _list_of(_text("a glob pattern"), "glob patterns such as '*.txt'"),
            "exclude": _list_of(_text("a glob pattern"), "glob patterns such as '*.txt'"),
        }
    ),
    "theme": _theme,
    "keys": _keys,
    "layout": _section(
        {
            "panes": _list_of(
                _choice(PANES, "pane"), f"panes ({', '.join(PANES)})", min_items=1, unique=True
            ),
            "list_width": _integer(10, "a width in columns"),
            "side_width": _integer(10, "a width in columns"),
            "sidebar_side": _choice(SIDES, "side"),
        }
    ),
    "entities": _section(
        {
            "extra": _list_of(_extra_entity, "entities {name, type, aliases}"),
            "ignore": _list_of(_text("a name"), "names"),
            "merge": _merge,
            "colors": _colors,
        }
    ),
    "timeline": _section({"reference_date": _date, "grouping": _choice(GROUPINGS, "grouping")}),
    "search": _section(
        {
            "limit": _integer(1, "a number of results"),
            "snippet_length": _integer(20, "a length in characters"),
            "delay": _number(0, "a delay in seconds"),
        }
    ),
    "reader": _section(
        {
            "wrap_width": _integer(20, "a width in columns", nullable=True),
            "hit_style": _style,
            "current_hit_style": _style,
            "timeline_style": _style,
        }
    ),
}


# -- the file ------------------------------------------------------------------------------


def _syntax_error(file: str, exc: yaml.YAMLError) -> str:
    """FILE:LINE:COL: reason, from the parser's own marks and words."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        message = exc.problem or "invalid YAML"
        if exc.context:
            context_line = exc.context_mark.line + 1 if exc.context_mark is not None else None
            started = context_line and context_line != mark.line + 1
            where = f" that started on line {context_line}" if started else ""
            message += f" ({exc.context}{where})"
        return f"{file}:{mark.line + 1}:{mark.column + 1}: {message}"
    return f"{file}: invalid YAML: {exc}"


def _check_conflicts(ctx: _Context, keys: dict[str, str], defaults: dict[str, str]) -> None:
    """Report two bindings of the same scope sharing a key: one of them could never fire."""
    merged = {**defaults, **keys}
    owner: dict[tuple[str, str], str] = {}
    for spec in BINDINGS:
        if spec.id not in merged:
            continue
        for key in split_keys(merged[spec.id]):
            slot = (spec.scope, normalize_key(key))
            other = owner.setdefault(slot, spec.id)
            if other == spec.id:
                continue
            # Point at whichever of the two the user set (the later one when both are).
            culprit = spec.id if spec.id in ctx.key_lines else other
            if culprit not in ctx.key_lines:
                continue
            partner = other if culprit == spec.id else spec.id
            ctx.error_at(
                ctx.key_lines[culprit],
                f"keys.{culprit}: {key!r} is also bound to {partner!r} (both active {_scope_words(spec.scope)})",
            )


def _scope_words(scope: str) -> str:
    return "anywhere" if scope == "app" else f"in the {scope} pane"


def parse_config(
    text: str, file: str, base_dir: Path, default_keys: dict[str, str] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """The values ``text`` sets (by section) and every error in it, as 'FILE:LINE: message'.

    ``default_keys`` are the bindings the file is merged over, to catch a remapped key that
    collides with a default one.
    """
    ctx = _Context(file=file, base_dir=base_dir)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        return {}, [_syntax_error(file, exc)]
    if root is None or _is_null(root):
        return {}, []
    if not isinstance(root, yaml.MappingNode):
        ctx.error(root, f"expected a mapping of settings such as 'theme: nord', got {_describe(root)}")
        return {}, ctx.messages()
    values: dict[str, Any] = {}
    for key, key_node, value_node in _pairs(ctx, root, TOP_LEVEL):
        if key not in SCHEMA:
            ctx.error(key_node, f"unknown key {key!r} in {TOP_LEVEL} {_one_of(key, tuple(SCHEMA))}")
            continue
        value = SCHEMA[key](ctx, value_node, key)
        if value is not _INVALID:
            values[key] = value
    _check_conflicts(ctx, values.get("keys", {}), default_keys or {})
    return values, ctx.messages()
