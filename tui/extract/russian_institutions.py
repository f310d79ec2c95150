"""Russian names of public bodies, written with the first word capitalised and the rest in lowercase.

Russian capitalises only the first word of such a name: "Министерство промышленности и торговли" (the
Ministry of Industry and Trade), "Федеральная налоговая служба", "Следственный комитет России". The
segmenter reads runs of capitalised words, so it would see "Министерство" alone, an everyday word opening
the sentence. This pass finds the whole name: a head noun ("министерство", "служба", "комитет"), perhaps
after an institutional adjective ("Федеральная", "Центральный") and lowercase adjectives, then the words in
the genitive that name its domain ("обороны", "промышленности и торговли", "иностранных дел", "России").
"""

from __future__ import annotations

import bisect
import re

from tui.extract.lexicon import Lexicon
from tui.extract.model import EntityMention
from tui.extract.russian import adjective_in_any_case, opens_sentence, stem

_WORD_RE = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
_MAX_DOMAIN_WORDS = 6
# endings of nouns and adjectives in the genitive (and of other oblique forms alike in spelling)
_GENITIVE_ENDINGS = ("ии", "ой", "ей", "ого", "его", "ых", "их", "ов", "ев", "ы", "и", "а", "я")
_GENITIVE_ADJECTIVE_ENDINGS = ("ого", "его", "ых", "их", "ой", "ей")  # then a noun follows, any ending
# past-tense verbs: "заявили", "сообщила" end like genitives
_PAST_VERB_RE = re.compile(r"[аеёиоуыэюя]л[аио]?$")
# pronouns and determiners with genitive endings: never part of a name
_NOT_DOMAIN = frozenset(
    (
        "его", "её", "ее", "их", "ей", "этого", "того", "всего", "своего", "своей", "своих", "которого",
        "которой", "которых", "этой", "той", "этих", "тех", "всех", "него", "нее", "неё", "них", "года", "лет",
    )
)  # fmt: skip


def _is_head(word: str, lex: Lexicon) -> bool:
    """Whether a lowercase word is a head noun in some case (not a title of the same stem: "мэр", "мэрия")."""
    return stem(word) in lex.institution_heads and word not in lex.titles


def _domain_word(word: str, after_adjective: bool) -> bool:
    """Whether a word goes on an institution's name: a lowercase word in the genitive, or any lowercase
    word after an adjective in the genitive (its noun: "иностранных дел")."""
    if word[0].isupper() or len(word) < 3 or word in _NOT_DOMAIN:
        return False
    return after_adjective or (word.endswith(_GENITIVE_ENDINGS) and not _PAST_VERB_RE.search(word))


def institution_spans(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """The (start, end) of each Russian institution's name in ``text``, in text order."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]
    n = len(words)

    def joined(k: int) -> bool:  # word k follows word k - 1 across spaces only
        return text[words[k - 1][1] : words[k][0]].isspace()

    def known_name(k: int) -> bool:  # a listed name in some case ("России", "Москвы")
        return words[k][2][0].isupper() and words[k][2].casefold() in lex.names

    out: list[tuple[int, int]] = []
    i = 0
    while i < n:
        first = words[i][2]
        if not first[0].isupper():
            i += 1
            continue
        low = first.casefold()
        head = i if _is_head(low, lex) else None
        if head is None and stem(low) in lex.institution_adjectives:
            k = i + 1
            while k < n and joined(k) and words[k][2].islower() and adjective_in_any_case(words[k][2]):
                k += 1  # "Федеральная налоговая служба"
            if k < n and joined(k) and words[k][2].islower() and _is_head(words[k][2], lex):
                head = k
        if head is None:
            i += 1
            continue
        end, k, after_adjective = head, head + 1, False
        while k < n and k - head <= _MAX_DOMAIN_WORDS and joined(k):
            word = words[k][2]
            if known_name(k) or _domain_word(word, after_adjective):
                end, after_adjective = k, word.casefold().endswith(_GENITIVE_ADJECTIVE_ENDINGS)
            elif word == "и" and k + 1 < n and joined(k + 1) and _domain_word(words[k + 1][2], False):
                pass  # "промышленности и торговли": the next word decides
            else:
                break
            k += 1
        if end > i or head > i:  # a head alone ("Суд решил") is no name; after an adjective it is
            out.append((words[i][0], words[end][1]))
            i = end + 1
        else:
            i += 1
    return out


def with_institutions(text: str, mentions: list[EntityMention], lex: Lexicon) -> list[EntityMention]:
    """``mentions`` with each Russian institution's name as one organisation, in place of the names found
    inside or across it ("России" of "Министерство обороны России"); a head noun alone opening a sentence
    is an everyday word ("Суд решил")."""
    spans = institution_spans(text, lex)
    ends = [e for _s, e in spans]  # ascending, as the spans do not overlap

    def overlaps(m: EntityMention) -> bool:
        k = bisect.bisect_right(ends, m.start)  # the first span ending after the mention starts
        return k < len(spans) and spans[k][0] < m.end

    kept = [
        m
        for m in mentions
        if not overlaps(m)
        and not (" " not in m.text and _is_head(m.text.casefold(), lex) and opens_sentence(text, m.start))
    ]
    found = [EntityMention(s, e, text[s:e], "organization", True) for s, e in spans]
    return sorted(kept + found, key=lambda m: m.start)
