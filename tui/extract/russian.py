"""Russian word forms, for names written in Cyrillic.

Russian names change their endings with their role in the sentence: "Москва" (Moscow) is "в Москве" (in
Moscow), "мэр Москвы" (the mayor of Moscow); "Собянин" is "по словам Собянина" (according to Sobyanin).
Without help, each form would be a separate name in the sidebar. Two small tools cover the common cases
without a dictionary:

- :func:`stem` cuts a case ending off a lowercase word, so the forms of one name share a stem
  ("собянин", "собянина", "собяниным" -> "собянин");
- :func:`case_forms` spells the usual oblique forms of a listed name from its nominative, so the word
  lists know "Москве" as Moscow.

Both follow the regular declensions only; irregular and indeclinable names ("Тольятти", "Сочи") keep
their one form.
"""

from __future__ import annotations

import functools
import re

_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_RUSSIAN_WORD_RE = re.compile(r"(?<![\w-])[а-яёА-ЯЁ][а-яё]+(?![\w-])")
# case endings, longest first (not "-ов"/"-ев": "Иванов" is no form of "Иван")
_ENDINGS = (
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими",
    "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях", "ую", "юю", "ая", "яя",
    "ые", "ие", "ых", "их", "ым", "им", "ое", "ее", "ий", "ый",
)  # fmt: skip
_ENDINGS_BY_LENGTH = {k: frozenset(e for e in _ENDINGS if len(e) == k) for k in (2, 3)}
_SOFT_TAIL = "аеёиоуыэюяйь"  # vowels and signs that end a stem's forms
_HUSHING = "гкхжшщч"  # after these, "-ы" is spelt "-и"
# endings of the oblique cases: a form ending so is less likely the name's dictionary form
_OBLIQUE_ENDINGS = (
    "ого", "его", "ому", "ему", "ами", "ями", "ом", "ем", "ым", "им", "ах", "ях", "ой", "ей", "ую", "ю", "у",
    "е", "ы", "и",
)  # fmt: skip
# Lone sentence-opening words of these endings are everyday words, not names: plural and neuter adjectives
# ("Новые", "Российское"), abstract nouns ("Производство", "Решение", "Возможность"), plural nouns
# ("Эксперты", "Аналитики", "Жители"; not any "-ли", which ends Georgian surnames).
_EVERYDAY_ENDINGS = (
    "ые",
    "ие",
    "ое",
    "ее",
    "ство",
    "ость",
    "ы",
    "ки",
    "ги",
    "хи",
    "ти",
    "тели",
)
_ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "яя", "ое", "ие", "ые")
# ... and in the other cases ("антимонопольную", "налоговой", "иностранных")
_ADJECTIVE_CASE_ENDINGS = (
    *_ADJECTIVE_ENDINGS, "ее", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ую", "юю", "ых", "их", "ыми",
    "ими",
)  # fmt: skip
# a stem ending so is a Russian surname's: Петров, Пескова, Путиным, Набиуллина
_SURNAME_STEM_ENDINGS = ("ов", "ев", "ёв", "ин", "ын")


def opens_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence or a line (not a quotation: «Новые известия» is a name)."""
    j = pos
    while j > 0 and text[j - 1] in " \t\xa0":
        j -= 1
    return j == 0 or text[j - 1] in ".!?…\n"


class RussianWordStems:
    """The stems of a text's Russian words written in lowercase, and of those capitalised where no sentence
    starts: whether a sentence-opening word is an everyday word ("Завод" beside "на заводе") or a name the
    text capitalises elsewhere ("«Москвича»"). Indexed in one pass, on first use."""

    __slots__ = ("text", "_stems")

    def __init__(self, text: str) -> None:
        self.text = text
        self._stems: tuple[set[str], set[str]] | None = None  # (lowercase, capitalised mid-sentence)

    def _indexed(self) -> tuple[set[str], set[str]]:
        if self._stems is None:
            lower: set[str] = set()
            capitalised: set[str] = set()
            text = self.text
            for m in _RUSSIAN_WORD_RE.finditer(text):
                w = m.group()
                if w[0].islower():
                    lower.add(stem(w))
                elif not opens_sentence(text, m.start()):
                    capitalised.add(stem(w.casefold()))
            self._stems = lower, capitalised
        return self._stems

    def written_lowercase(self, word: str) -> bool:
        """Whether the lowercase ``word`` is written in lowercase in some case ("заводе" for "завод")."""
        st = stem(word)
        return len(st) >= 4 and st in self._indexed()[0]

    def capitalised_mid_sentence(self, word: str) -> bool:
        """Whether the lowercase ``word`` is capitalised, in some case, where no sentence starts."""
        return stem(word) in self._indexed()[1]


def has_cyrillic(text: str) -> bool:
    """Whether ``text`` has a Cyrillic letter."""
    return not text.isascii() and _CYRILLIC_RE.search(text) is not None


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A lowercase Cyrillic word without its case ending: the part its forms share (at least 3 letters)."""
    w = word.replace("ё", "е")
    for k in (3, 2):  # the longest ending first
        if len(w) - k >= 3 and w[-k:] in _ENDINGS_BY_LENGTH[k]:
            w = w[:-k]
            break
    while len(w) > 3 and w[-1] in _SOFT_TAIL:
        w = w[:-1]
    return w


def stem_key(key: str) -> str:
    """A lookup key with each Cyrillic word stemmed: the key that a name's forms share."""
    return " ".join(stem(w) if has_cyrillic(w) else w for w in key.split())


def adjective_case_forms(word: str) -> set[str]:
    """The oblique forms of a lowercase adjective in the nominative ("нижний" -> "нижнего", "нижнему",
    "нижним", "нижнем"; "южная" -> "южной", "южную")."""
    base, end = word[:-2], word[-2:]
    if end in ("ий", "ый", "ой"):
        hard = end == "ый" or (end == "ой" and base[-1:] not in _HUSHING) or base[-1:] in "гкх"
        if hard:
            return {
                base + "ого",
                base + "ому",
                base + ("ым" if base[-1:] not in _HUSHING else "им"),
                base + "ом",
            }
        return {base + "его", base + "ему", base + "им", base + "ем"}
    if end == "ая":
        return {base + "ой", base + "ей", base + "ую"}
    if end == "яя":
        return {base + "ей", base + "юю"}
    return set()


def name_forms(name: str) -> set[str]:
    """The regular oblique forms of a lowercase Russian name: a noun ("москва") or adjectives and a noun
    ("нижний новгород" -> "нижнего новгорода", ...; every mix of the words' forms, most never written)."""
    words = name.split()
    if len(words) == 1:
        return case_forms(name)
    if not all(adjective_form(w) for w in words[:-1]):
        return set()
    options = [adjective_case_forms(w) | {w} for w in words[:-1]] + [case_forms(words[-1]) | {words[-1]}]
    out = [""]
    for opts in options:
        out = [f"{o} {w}" if o else w for o in out for w in opts]
    return set(out) - {name}


def case_forms(word: str) -> set[str]:
    """The regular oblique forms of a lowercase nominative noun ("москва" -> "москвы", "москве", "москву",
    "москвой"); none for indeclinable endings ("-о", "-и", "-у") or a word that is not Cyrillic."""
    if not has_cyrillic(word) or len(word) < 3:
        return set()
    last, base = word[-1], word[:-1]
    if word.endswith("ия"):  # Россия
        return {base + "и", base + "ю", base + "ей"}
    if last == "а":  # Москва, Уфа
        return {
            base + ("и" if base[-1] in _HUSHING else "ы"),
            base + "е",
            base + "у",
            base + "ой",
            base + "ей",
        }
    if last == "я":  # Земля
        return {base + "и", base + "е", base + "ю", base + "ей"}
    if last == "й":  # Китай, Шанхай
        return {base + "я", base + "ю", base + "ем", base + "е"}
    if last == "ь":  # Казань (feminine), Ярославль (masculine): both declensions
        return {base + "и", base + "ью", base + "я", base + "ю", base + "ем", base + "е"}
    if last in _SOFT_TAIL:
        return set()  # Тольятти, Токио, Сочи: indeclinable
    soft = last in "жшщчц"
    return {word + "а", word + "у", word + ("ем" if soft else "ом"), word + "е"}


def dictionary_form_rank(word: str) -> int:
    """How unlikely a Cyrillic word is the dictionary (nominative) form of a name: 0 for a bare consonant
    stem ("Собянин"), 1 for "-а"/"-я" ("Москва", but also the genitive "Собянина"), 2 for an oblique
    ending ("Москве", "Собяниным")."""
    w = word.casefold()
    if w.endswith(("ий", "ый")):
        return 0  # Дмитрий, Достоевский
    if w.endswith(_OBLIQUE_ENDINGS):
        return 2
    return 1 if w.endswith(("а", "я")) else 0


def surname_shape(word: str) -> bool:
    """Whether a lowercase Cyrillic word looks like a Russian surname in some case ("петров", "пескова")."""
    st = stem(word)
    return len(st) >= 5 and st.endswith(_SURNAME_STEM_ENDINGS)


def everyday_opening_word(word: str) -> bool:
    """Whether a lowercase Cyrillic word has an everyday word's ending (see ``_EVERYDAY_ENDINGS``)."""
    return word.endswith(_EVERYDAY_ENDINGS)


def adjective_form(word: str) -> bool:
    """Whether a lowercase Cyrillic word ends like an adjective in the nominative ("нижний", "новая")."""
    return word.endswith(_ADJECTIVE_ENDINGS)


def adjective_in_any_case(word: str) -> bool:
    """Whether a lowercase Cyrillic word ends like an adjective in some case ("налоговую", "иностранных")."""
    return word.endswith(_ADJECTIVE_CASE_ENDINGS)
