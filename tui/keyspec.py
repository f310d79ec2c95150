"""Checks Textual key strings ("j,down", "ctrl+n", "question_mark") without importing Textual.

The rule mirrors textual 8.2.8: a key string is a comma-separated list of keys; a single
character is a key by itself (Textual turns it into its name); otherwise a key is optional
modifiers joined with "+" then a key name. A key name is a named key (``textual.keys.Keys``,
kept in ``data/textual_keys.txt``) or the name Textual gives a non-alphanumeric character:
its Unicode name, lowercased, with spaces and hyphens as underscores ("question_mark"), and a
few short forms ("slash", "minus"). A name Textual never produces would never fire, so it is
rejected here rather than silently ignored in the app.
"""

from __future__ import annotations

import difflib
import string
import unicodedata
from functools import cache
from pathlib import Path

# Modifiers in the order Textual writes them in key events (sorted): a binding must match exactly.
MODIFIERS: tuple[str, ...] = ("alt", "ctrl", "hyper", "meta", "shift", "super")

# textual.keys.KEY_NAME_REPLACEMENTS: Unicode names replaced by the common word.
_NAME_REPLACEMENTS = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
_REPLACED = {short: long for long, short in _NAME_REPLACEMENTS.items()}
# Unicode names that do not survive "replace '_' with ' '" (textual.keys.KEY_TO_UNICODE_NAME).
_HYPHENATED = {
    "hyphen_minus": "HYPHEN-MINUS",
    "less_than_sign": "LESS-THAN SIGN",
    "greater_than_sign": "GREATER-THAN SIGN",
}
_ASCII_KEY_NAMES = {"\t": "tab"}


@cache
def named_keys() -> frozenset[str]:
    """Textual's named keys (``Keys`` values without modifiers), from the data file."""
    path = Path(__file__).parent / "data" / "textual_keys.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def character_to_key(character: str) -> str:
    """The key name Textual gives ``character`` (mirrors ``textual.keys._character_to_key``)."""
    if not character.isalnum():
        try:
            key = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            key = _ASCII_KEY_NAMES.get(character, character)
    else:
        key = character
    return _NAME_REPLACEMENTS.get(key, key)


def character_for_name(name: str) -> str | None:
    """The character whose Textual key name might be ``name`` (None when no character is called that)."""
    unicode_name = _HYPHENATED.get(_REPLACED.get(name, name), _REPLACED.get(name, name))
    for candidate in (unicode_name, unicode_name.replace("_", " ").upper()):
        try:
            return unicodedata.lookup(candidate)
        except KeyError:
            continue
    return None


def is_key_name(name: str) -> bool:
    """Whether Textual can report a key event named ``name`` (without modifiers)."""
    if name in named_keys():
        return True
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    if not name or name != name.lower():
        return False
    character = character_for_name(name)
    return character is not None and len(character) == 1 and character_to_key(character) == name


def _suggest_name(name: str) -> str | None:
    """A close valid key name for a typo, for the did-you-mean."""
    lowered = name.lower()
    if lowered != name and is_key_name(lowered):
        return lowered
    character = character_for_name(lowered)
    if character is not None and len(character) == 1 and is_key_name(character_to_key(character)):
        return character_to_key(character)
    candidates = sorted(named_keys() | {character_to_key(c) for c in string.punctuation})
    matches = difflib.get_close_matches(lowered, candidates, n=1, cutoff=0.75)
    return matches[0] if matches else None


def key_problem(key: str) -> str | None:
    """Why one key (no commas) is not a valid Textual key, or None when it is."""
    if len(key) == 1:
        if key.isspace() or not key.isprintable():
            return f"{key!r} is not a printable character (write its name, e.g. 'space' or 'tab')"
        return None
    if not key:
        return "empty key"
    if key.endswith("++"):
        return f"write {key[:-1] + 'plus'!r} for the '+' key"
    *modifiers, name = key.split("+")
    for modifier in modifiers:
        if modifier not in MODIFIERS:
            if not modifier:
                return f"empty modifier in {key!r}"
            hint = difflib.get_close_matches(modifier.lower(), MODIFIERS, n=1, cutoff=0.6)
            suggestion = f"did you mean {hint[0]!r}? " if hint else ""
            return f"unknown modifier {modifier!r} in {key!r} ({suggestion}modifiers: {', '.join(MODIFIERS)})"
    if len(set(modifiers)) != len(modifiers):
        return f"repeated modifier in {key!r}"
    if not name:
        return f"missing key name after {key!r}"
    if modifiers != sorted(modifiers):
        fixed = "+".join([*sorted(modifiers), name])
        return f"modifiers must be in alphabetical order, as Textual reports them: write {fixed!r}"
    if not is_key_name(name):
        if len(name) == 1:
            return f"{name!r} is not a printable character"
        suggestion = _suggest_name(name)
        if suggestion:
            return f"unknown key name {name!r} (did you mean {suggestion!r}?)"
        return (
            f"unknown key name {name!r} (a key is a single character, a named key such as "
            "'enter', 'pageup' or 'f5', or a character name such as 'question_mark')"
        )
    return None


def split_keys(keys: str) -> list[str]:
    """The keys of a comma-separated key string, stripped (as Textual splits them)."""
    return [part.strip() for part in keys.split(",")]


def keys_problem(keys: str) -> str | None:
    """Why a comma-separated key string cannot be bound, or None when every key is valid."""
    if not keys.strip():
        return "no keys given (write e.g. 'j,down' or 'ctrl+n')"
    problems = []
    for key in split_keys(keys):
        if not key:
            problems.append("empty key between commas")
        elif (problem := key_problem(key)) is not None:
            problems.append(problem)
    return "; ".join(problems) if problems else None


def normalize_key(key: str) -> str:
    """The key as Textual matches it: a single character becomes its key name ("/" -> "slash")."""
    return character_to_key(key) if len(key) == 1 else key
