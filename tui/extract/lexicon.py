"""Word lists shipped as data files under ``tui/extract/data``, loaded once on first use.

The lists are plain text so they are cheap to load (no YAML parse at start-up) and easy to extend:
``#`` starts a comment, ``[section]`` starts a section, ``|`` separates other names of the same thing,
and files of single words may hold several words a line.
"""

from __future__ import annotations

import functools
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path

from tui.extract.russian import case_forms, name_forms, stem

DATA_DIR = Path(__file__).parent / "data"


def norm_key(name: str) -> str:
    """The lookup key of a name: case-folded, whitespace folded, curly apostrophes made straight, and a plural
    owner's apostrophe dropped ("British Bankers' Association" is the "British Bankers Association")."""
    return " ".join(name.replace("\u2019", "'").replace("s' ", "s ").replace("S' ", "S ").split()).casefold()


def _lines(filename: str) -> list[str]:
    out = []
    for raw in (DATA_DIR / filename).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out


def _sections(filename: str) -> dict[str, list[str]]:
    """Lines grouped under ``[section]`` headers (lines before any header go under "")."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in _lines(filename):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
        else:
            sections[current].append(line)
    return sections


def _words(lines: list[str]) -> set[str]:
    return {w.casefold() for line in lines for w in line.split()}


def _groups(lines: list[str]) -> list[list[str]]:
    return [[part.strip() for part in line.split("|") if part.strip()] for line in lines]


@dataclass(slots=True)
class Lexicon:
    """Every list the extractors use, keyed by :func:`norm_key` (case-folded)."""

    names: dict[str, str] = field(default_factory=dict)  # known name -> entity type
    canonical: dict[str, str] = field(default_factory=dict)  # known name -> its main form
    # "times" -> its type: a known name "The X" whose "the" text writes in lowercase ("says the Times")
    the_names: dict[str, str] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    areas: set[str] = field(default_factory=set)  # countries, states, regions: "X, Kentucky" is a place
    area_short: set[str] = field(default_factory=set)  # "N.Y.", "Calif.": a state after a town and a comma
    venues: set[str] = field(default_factory=set)  # sports grounds: places that never play ("Twickenham")
    products: set[str] = field(default_factory=set)  # well-known products ("Windows", "Xbox")
    nationalities: set[str] = field(default_factory=set)
    given_names: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)  # single-word titles
    title_phrases: set[str] = field(default_factory=set)  # multi-word titles, e.g. "prime minister"
    person_after: set[str] = field(default_factory=set)
    org_suffix: set[str] = field(default_factory=set)
    org_head: set[str] = field(default_factory=set)
    org_cue: set[str] = field(default_factory=set)
    org_prefix: set[str] = field(default_factory=set)  # "Deutsche Boerse", "Air Canada"
    org_legal: set[str] = field(default_factory=set)  # legal forms: "Inc", "Corporation", "Ltd"
    org_after: set[str] = field(default_factory=set)  # "X shares", "X spokesman"
    org_family: set[str] = field(default_factory=set)  # suffixes that are family names: "Jim Press"
    team_after: set[str] = field(default_factory=set)  # "X fans", "X striker": a town's team
    team_after_weak: set[str] = field(default_factory=set)  # "X players", in a sports story
    team_verbs: set[str] = field(default_factory=set)  # "X were", "X v Y", opening a clause
    team_before: set[str] = field(default_factory=set)  # "beat X", "joined X"
    team_before_pairs: set[tuple[str, ...]] = field(default_factory=set)  # "lost to X"
    on_head: set[str] = field(default_factory=set)  # "Committee" of "Committee on Foreign Relations"
    place_suffix: set[str] = field(default_factory=set)
    place_head: set[str] = field(default_factory=set)
    place_cue: set[str] = field(default_factory=set)
    place_region: set[str] = field(default_factory=set)  # "South" of "South Australia"
    place_first: set[str] = field(default_factory=set)  # "Santa" of "Santa Monica"
    misc_suffix: set[str] = field(default_factory=set)
    law_suffix: set[str] = field(default_factory=set)  # "Act", "Treaty": a law's name may run through "of"
    common: set[str] = field(default_factory=set)  # ordinary words, names only mid-sentence
    function: set[str] = field(default_factory=set)  # pronouns, determiners...: never start a name
    speech: set[str] = field(default_factory=set)  # "said", "fell": verbs that often follow a subject name
    vocabulary: set[str] = field(default_factory=set)  # everyday English words, base forms (see is_ordinary)
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    zones: set[str] = field(default_factory=set)  # time zone abbreviations (UTC, GMT)
    not_names: set[str] = field(default_factory=set)  # capitalised words that are never names (USD)
    holidays: set[str] = field(default_factory=set)  # names of holidays: dates when alone ("Christmas")
    caps_only: set[str] = field(default_factory=set)  # names listed only in capitals that are words ("WHO")
    # "mcdonald's", "standard & poor's": known names whose last word is a possessive; its "'s" stays
    possessive_names: set[str] = field(default_factory=set)
    possessive_last: set[str] = field(default_factory=set)  # "mcdonald", "poor": those words without it
    max_name_words: int = 1
    first_words: set[str] = field(default_factory=set)  # first words of known names (a quick pre-check)
    place_before: set[str] = field(default_factory=set)  # Russian "в" (in): before a place's name
    english_of: dict[str, str] = field(default_factory=dict)  # "москва" -> "moscow" (main forms' keys)
    institution_heads: set[str] = field(default_factory=set)  # stems: "министерств", "служб"
    institution_adjectives: set[str] = field(default_factory=set)  # stems: "федеральн", "центральн"


_ES_PLURALS = ("ses", "xes", "zes", "ches", "shes")


def plural_of_one(word: str, words: Container[str]) -> bool:
    """Whether a lowercase word ending in "s" is the regular plural of one of ``words`` ("stores", "boxes",
    "churches", "housewives", "wolves", "studies")."""
    if word[:-1] in words or (word.endswith(_ES_PLURALS) and word[:-2] in words):
        return True
    if word.endswith("ves"):
        return word[:-3] + "fe" in words or word[:-3] + "f" in words
    return word.endswith("ies") and word[:-3] + "y" in words


def is_ordinary(word: str, vocabulary: set[str]) -> bool:
    """Whether a lowercase word is an everyday English word in a regular form ("stores", "studies", "wolves",
    "smoking", "crashed"): a phrase made of one is not a person's name ("Snow Patrol", "Smoking Gun")."""
    if word in vocabulary:
        return True
    n = len(word)
    if n > 3 and word[-1] == "s":
        return plural_of_one(word, vocabulary)  # (not "Welles")
    if n > 4 and word.endswith("ing"):
        stem = word[:-3]
    elif n > 3 and word.endswith("ed"):
        stem = word[:-2]
        if stem[-1] == "i" and stem[:-1] + "y" in vocabulary:  # "carried"
            return True
    else:
        return False
    return (
        stem in vocabulary
        or stem + "e" in vocabulary  # "making", "baked"
        or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in vocabulary)  # "running", "stopped"
    )


def is_org_head(word: str, lex: Lexicon) -> bool:
    """Whether a lowercase word heads an institution's name, in the singular or plural ("Chamber",
    "Chambers" of Commerce)."""
    return word in lex.org_head or (word[-1:] == "s" and word[:-1] in lex.org_head)


def _add_names(lex: Lexicon, groups: list[list[str]], typ: str, overwrite: bool = False) -> set[str]:
    """Add the names of ``groups`` (the first of each is the main form); returns the keys of the names
    written with a lowercase letter."""
    cased = set()
    for group in groups:
        main = group[0]
        for name in group:
            key = norm_key(name)
            if not name.isupper():
                cased.add(key)
            if overwrite or key not in lex.names:
                lex.names[key] = typ
                lex.canonical[key] = main
            lex.max_name_words = max(lex.max_name_words, len(key.split()))
    return cased


def _declined(groups: list[list[str]]) -> list[list[str]]:
    """Russian names with their regular case forms added to each group (not to names in capitals, "США")."""
    return [
        group + [f for name in group if not name.isupper() for f in sorted(name_forms(name.casefold()))]
        for group in groups
    ]


def _add_russian(lex: Lexicon, cased: set[str], ru: dict[str, list[str]]) -> None:
    """The Russian-language lists: names, titles and cue words in all their regular case forms."""
    countries = _declined(_groups(ru.get("countries", [])))
    cased |= _add_names(lex, countries + _declined(_groups(ru.get("places", []))), "place")
    country_keys = {norm_key(n) for g in countries for n in g}
    lex.countries |= country_keys
    lex.areas |= country_keys
    cased |= _add_names(lex, _declined(_groups(ru.get("organizations", []))), "organization")
    for section, words in (("titles", lex.titles), ("org_cue", lex.org_cue)):
        for w in _words(ru.get(section, [])):
            words.add(w)
            words.update(case_forms(w))
    lex.place_before = _words(ru.get("place_before", []))
    lex.institution_heads = {stem(w) for w in _words(ru.get("institution_head", []))}
    lex.institution_adjectives = {stem(w) for w in _words(ru.get("institution_adjective", []))}


def _add_english_names(lex: Lexicon, lines: list[str]) -> None:
    """The English name of each listed Russian name that romanises otherwise, both by their main forms'
    keys (run once every list is in, so "Britain" is found as the United Kingdom)."""

    def main_key(name: str) -> str:
        key = norm_key(name)
        return norm_key(lex.canonical.get(key, name))

    for group in _groups(lines):
        russian, english = group[:2]
        lex.english_of[main_key(russian)] = main_key(english)


def _calendar(lines: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, line in enumerate(lines, start=1):
        for w in line.split():
            out[w.casefold()] = i
    return out


@functools.cache
def lexicon() -> Lexicon:
    """All lists, loaded once (a few milliseconds)."""
    lex = Lexicon()
    countries = _groups(_lines("countries.txt"))
    cased = _add_names(lex, countries, "place")
    lex.countries = {norm_key(n) for g in countries for n in g}
    places = _sections("places.txt")
    areas = _groups(places.get("area", []))
    venues = _groups(places.get("venue", []))
    cased |= _add_names(lex, areas + _groups(places.get("other", [])) + venues, "place")
    lex.venues = {norm_key(n) for g in venues for n in g}
    # a state's short form is no name of its own ("Miss.", "Ill.") but names the area after a comma
    lex.area_short = _words(places.get("area_short", []))
    lex.areas = lex.countries | {norm_key(n) for g in areas for n in g} | lex.area_short
    nationalities = _groups(_lines("nationalities.txt"))
    lex.nationalities = {norm_key(n) for g in nationalities for n in g}
    cased |= _add_names(lex, nationalities, "misc")
    cased |= _add_names(lex, _groups(_lines("religions_languages.txt")), "misc")
    cased |= _add_names(lex, _groups(_lines("organizations.txt")), "organization", overwrite=True)
    misc = _sections("misc_words.txt")
    products = _groups(misc.get("products", []))
    cased |= _add_names(lex, _groups(misc.get("names", [])) + products, "misc", overwrite=True)
    lex.products = {norm_key(n) for g in products for n in g}
    lex.misc_suffix = _words(misc.get("suffix", []))
    lex.law_suffix = _words(misc.get("law", []))

    lex.given_names = _words(_lines("given_names.txt"))
    lex.given_names |= {f for w in lex.given_names for f in case_forms(w)}  # Russian: "Сергея", "Анны"
    lex.surnames = _words(_lines("surnames.txt"))
    for t in _lines("titles.txt"):
        key = norm_key(t).rstrip(".")
        (lex.title_phrases if " " in key else lex.titles).add(key)
    lex.person_after = {norm_key(t) for t in _lines("person_after.txt")}

    org = _sections("org_words.txt")
    lex.org_suffix = _words(org.get("suffix", []))
    lex.org_head = _words(org.get("head", []))
    lex.org_cue = _words(org.get("cue", []))
    lex.org_prefix = _words(org.get("prefix", []))
    lex.org_legal = _words(org.get("legal", []))
    lex.org_after = _words(org.get("after", []))
    lex.org_family = _words(org.get("family", []))
    lex.on_head = _words(org.get("on_head", []))
    team = _sections("team_words.txt")
    lex.team_after = _words(team.get("after", []))
    lex.team_after_weak = _words(team.get("after_weak", []))
    lex.team_verbs = _words(team.get("verbs", []))
    lex.team_before = _words(team.get("before", []))
    lex.team_before_pairs = {tuple(line.casefold().split()[:2]) for line in team.get("before_pairs", [])}
    place = _sections("place_words.txt")
    lex.place_suffix = _words(place.get("suffix", []))
    lex.place_head = _words(place.get("head", []))
    lex.place_cue = {norm_key(c) for c in place.get("cue", [])}
    lex.place_region = _words(place.get("region", []))
    lex.place_first = _words(place.get("first", []))

    ru = _sections("russian_words.txt")
    _add_russian(lex, cased, ru)
    _add_english_names(lex, ru.get("english", []))

    lex.first_words = {k.split()[0] for k in lex.names}
    lex.the_names = {
        k[4:]: t for k, t in lex.names.items() if k.startswith("the ") and k[4:] not in lex.names
    }
    common = _sections("common_words.txt")
    lex.function = _words(common.get("function", []))
    lex.common = lex.function | _words(common.get("content", []))
    lex.speech = _words(common.get("speech", []))
    lex.vocabulary = _words(_lines("english_words.txt"))
    cal = _sections("time_words.txt")
    lex.months = _calendar(cal.get("months", [])) | _calendar(cal.get("cyrillic_months", []))
    lex.weekdays = _calendar(cal.get("weekdays", [])) | _calendar(cal.get("cyrillic_weekdays", []))
    lex.zones = _words(cal.get("zones", []))
    lex.not_names = lex.zones | _words(misc.get("not_names", []))
    lex.holidays = _words(misc.get("holidays", []))
    lex.possessive_names = {k for k in lex.names if k.endswith("'s")}
    lex.possessive_last = {k.split()[-1][:-2] for k in lex.possessive_names}
    # "WHO", "US", "LA": names listed only in capitals that are also everyday words, or two letters long;
    # written otherwise ("Who is going to pay?", "Us and them", "La Scala") they are something else
    lex.caps_only = {
        k for k in lex.names if k not in cased and (k in lex.common or k in lex.vocabulary or len(k) <= 2)
    }
    return lex
