"""One entity for a name written in Cyrillic and in Latin letters, in a corpus that has both.

A reader following Moscow in English and Russian sources wants "Sergei Sobyanin" and "Сергей Собянин" to
be one person, and "Moscow" and "Москва" one place. Two ways find such pairs:

- the Russian word list names the English form of names whose letters do not carry over ("Москва" is
  "Moscow", "Германия" is "Germany");
- other names are compared by a loose Latin spelling, :func:`latin_key`, that forgets the differences
  between the usual romanisations ("Sergei", "Sergey" and "Сергей" are all "sergei"; "Alexei" and
  "Алексей" are "aleksei"; "Yevgeny" and "Евгений" are "evgeni"; "Pyotr" and "Пётр" are "petr").

A pair joins only when both are in the corpus; the one named more often names the entity, the other's
forms become its aliases.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from tui.extract.russian import has_cyrillic, stem_key

# Cyrillic letters in a plain romanisation (lowercase; signs drop out)
_ROMAN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye",
        "ґ": "g",
    }
)  # fmt: skip
# spellings that differ between romanisations, each folded to one
_FOLDS = (
    ("x", "ks"),
    ("w", "v"),
    ("kh", "h"),
    ("tz", "ts"),
    ("j", "y"),
    ("yo", "e"),
    ("ye", "e"),
    ("y", "i"),
)
_DOUBLE_I_RE = re.compile(r"i+")


def latin_key(key: str) -> str:
    """A lowercase name's loose Latin spelling: Cyrillic romanised, romanisation variants folded, so a
    Russian name and its English spellings meet ("сергей собянин", "sergey sobyanin" -> "sergei sobianin")."""
    s = key.translate(_ROMAN)
    for old, new in _FOLDS:
        s = s.replace(old, new)
    return _DOUBLE_I_RE.sub("i", s)


def cross_script_joins(
    keys: Sequence[str],
    types: Sequence[str],
    counts: Sequence[int],
    english_of: Mapping[str, str],
) -> dict[int, int]:
    """Which entity joins which: entity number -> the number of the entity it becomes part of.

    ``keys``, ``types`` and ``counts`` describe the corpus's entities (group keys, types, mentions);
    ``english_of`` maps a listed Russian name's key to its English name's key. A pair from the list joins
    whatever the types say; a pair by spelling only when the types agree. Of a Latin name and its Cyrillic
    spellings, the one named most often (the Latin one on a tie) takes the others in; a Cyrillic name met
    only in an oblique case ("Квиллограда", of "Kvillograd") never does.
    """
    cyrillic = [n for n, k in enumerate(keys) if has_cyrillic(k)]
    if not cyrillic:
        return {}
    is_cyrillic = set(cyrillic)
    latin_by_key: dict[str, int] = {}
    latin_by_spelling: dict[tuple[str, str], int] = {}
    for n, k in enumerate(keys):
        if n not in is_cyrillic:
            latin_by_key[k] = n
            spelt = (latin_key(k), types[n])
            best = latin_by_spelling.get(spelt)
            if best is None or counts[n] > counts[best]:
                latin_by_spelling[spelt] = n
    partners: dict[int, list[int]] = {}  # Latin entity -> the Cyrillic ones that are its other spellings
    case_forms: set[int] = set()  # Cyrillic entities named by a case form only: they never name the pair
    for c in cyrillic:
        english = english_of.get(keys[c])
        partner = latin_by_key.get(english) if english else None
        if partner is None:
            partner = latin_by_spelling.get((latin_key(keys[c]), types[c]))
        if partner is None:  # a case form of the name, the only one the texts give ("Квиллограда")
            partner = latin_by_spelling.get((latin_key(stem_key(keys[c])), types[c]))
            if partner is not None:
                case_forms.add(c)
        if partner is not None:
            partners.setdefault(partner, []).append(c)
    joins: dict[int, int] = {}
    for latin, others in partners.items():
        members = [latin, *others]
        main = max(members, key=lambda n: (n not in case_forms, counts[n], n == latin))
        joins.update((n, main) for n in members if n != main)
    return joins
