"""Typing candidate names from evidence: word lists, name shapes, context cues, document consistency.

Each piece of evidence gives a type a score; a span takes the best-scored type. Scores, roughly:
10 a known name from the lists; 6-7 a name shape that rarely lies (an organisation suffix, a title
before the name, a given name first); 4-5 a context cue ("agency X", "X plant", "city of X"); 1-3 weak
hints (a preposition, an acronym, the default for a two-word unknown). Then the document is made
consistent: a name typed with strong evidence once keeps that type at its other mentions, and the
words of a full name type its short forms ("Sobyanin" after "Sergei Sobyanin").
"""

from __future__ import annotations

import re
from collections.abc import Container
from typing import TYPE_CHECKING

from tui.extract.lexicon import is_ordinary, is_org_head, norm_key, plural_of_one
from tui.extract.russian import has_cyrillic, surname_shape

if TYPE_CHECKING:
    from tui.extract.entities import Span
    from tui.extract.lexicon import Lexicon

TYPE_ORDER = ("organization", "person", "place", "misc")
_PUNCT = "\"'“”‘’`()[]{},;:!?«»"
# a capitalised Cyrillic word next
_CAPITAL_NEXT_RE = re.compile(r"[ \t\xa0]+[А-ЯЁ]")
_NEXT_RE = re.compile(r"\s*([,(]?)\s*(?:(the|a|an)\s+)?([\w'’-]+)?\s*([\w'’-]+)?")
_ROMAN_RE = re.compile(r"[IVXLC]+")
_PLURAL_VERBS = frozenset(["were", "are"])
_SUBJECT_ELSEWHERE = re.compile(r"[,&(]")  # a list or an aside runs into the name
_JOINS_SUBJECTS = frozenset(["and", "or", "nor", "&", "as", "with", "plus"])
# words before a name that make something else the subject of a plural verb after it, or make "were"
# a subjunctive: "talks with X were", "if X were"
_NOT_SUBJECT_BEFORE_RE = re.compile(
    r"and|or|nor|&|in|at|of|on|from|to|for|by|with|without|between|among|about|against|as|than|like"
    r"|if|unless|though|although|whether|wish|wished|suppose|supposing|that"
)
_AGE_RE = re.compile(r"\s*,\s*\d{1,2}\s*,")
# ", Kentucky" closing a phrase (not "Kentucky's", "Texas Republican" or a list going on with "and")
_AREA_AFTER_RE = re.compile(
    r"[ \t]*,[ \t]*([A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,2})(?:(?<=\.)|(?=[ \t]*(?:[,.;:*()\n]|\Z)))"
)
# A determiner just before a given name said alone: "the Bill", "a hybrid Bill", "the Chelsea star" name
# a thing, not someone called Bill (unless a name goes on after it: "the Stephen King adaptation").
_DETERMINER_BEFORE_RE = re.compile(r"(?:^|[^\w'’])(?:[Tt]he|an?|this)[ \t]+(?:[a-z]+[ \t]+)?\Z")
_NAME_GOES_ON_RE = re.compile(r"[ \t]+[A-Z]")
_CITED = frozenset({"cited", "quoted", "reported", "published", "owned", "operated", "made", "produced"})
# What one holds "in" a company: "a 20% stake in Sina", "shares in Elan" (not a place's "in").
_HELD_IN = frozenset({"stake", "stakes", "shares", "shareholding", "shareholdings", "holding", "holdings"})
# "Linux-based operating system", "Windows-based devices": a platform, not a place, is what "-based" names.
_PLATFORM_RE = re.compile(
    r"-based\s+(?:[a-z]+\s+)?(?:operating\b|systems?\b|machines?\b|desktops?\b|devices?\b|computers?\b|"
    r"pcs?\b|phones?\b|handsets?\b|servers?\b|portables?\b|gadgets?\b|consoles?\b|calls?\b|"
    r"software\b|programs?\b|applications?\b|elements?\b|tools?\b|services?\b|networks?\b)",
    re.I,
)
_SAINT = frozenset(["st", "st.", "saint"])
# Titles that are also everyday adverbs or adjectives: before a comma they end a phrase ("Looking
# forward, Nestle forecasts ...", "In general, ...") and name no one.
_ALSO_ADVERBS = frozenset(["forward", "general", "major", "private"])
_PLACE_PREP = frozenset({"in", "near", "outside", "across", "throughout", "around", "to", "towards"})
# Kinds of product right after a name: "the Duster crossover", "Dreamliner aircraft", "Mac OS X
# operating system". A maker ("Airbus aircraft") is a known or strongly typed name and keeps its type.
_PRODUCT_AFTER = frozenset(
    [
        "aircraft",
        "airliner",
        "airliners",
        "jet",
        "jets",
        "jetliner",
        "jetliners",
        "helicopter",
        "helicopters",
        "crossover",
        "crossovers",
        "sedan",
        "sedans",
        "hatchback",
        "hatchbacks",
        "suv",
        "suvs",
        "pickup",
        "minivan",
        "line",
        "smartphone",
        "smartphones",
        "handset",
        "handsets",
        "laptop",
        "laptops",
        "tablet",
        "tablets",
        "console",
        "consoles",
        "software",
        "browser",
        "operating",
        "engine",
        "engines",
        "missile",
        "missiles",
        "rifle",
        "rifles",
    ]
)
# Words before a name that make it a product: "its new model Falcon", "version Leopard"
_PRODUCT_BEFORE = frozenset(["model", "models", "version", "versions"])
# Kinds of work just before a title ("the film Closer", "Mike Leigh's drama Vera Drake"): the apposition
# names the work, in this article's every mention (verbs like "hit", "play" and "show" are left out).
_WORK_BEFORE = frozenset(
    ["film", "films", "movie", "movies", "biopic", "thriller", "blockbuster", "documentary", "musical"]
    + ["sitcom", "novel", "drama", "comedy", "album", "single", "song", "programme", "opera"]
)
_WORK_AFTER = frozenset(["starring", "co-starring", "directed"])


def work_noun_before(text: str, start: int) -> str | None:
    """The kind of work named just before ``start`` ("film" in "his film Hide and Seek", "comedy" in "the
    comedy, Meet the Fockers"), if one is: what follows is a title, whose small words belong to it."""
    m = _WORK_NOUN_BEFORE_RE.search(text, max(0, start - 24), start)
    return m.group(1) if m else None


_WORK_NOUN_BEFORE_RE = re.compile(rf"(?<![\w'’-])({'|'.join(sorted(_WORK_BEFORE))})[ \t]*,?[ \t]+\Z")


# Kinds of place: "the city of X" and "X, the capital" make X a place.
_PLACE_OF = frozenset(
    [
        "city",
        "town",
        "village",
        "capital",
        "province",
        "region",
        "state",
        "island",
        "republic",
        "suburb",
        "outskirts",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "centre",
        "center",
        "heart",
        "streets",
        "port",
        "county",
        "district",
    ]
)


# The score of the fallback that makes an unknown capitalised word an organisation: below any evidence.
GUESS = 1.2


def only_guessed(sp: Span) -> bool:
    """Whether nothing but the fallback typed the span."""
    return max(sp.evidence.scores.values(), default=0.0) <= GUESS


class Evidence:
    """Scores per type (the best seen for each) and a few flags."""

    __slots__ = ("scores", "suffix", "titled", "org_cued")

    def __init__(self) -> None:
        self.scores: dict[str, float] = {}
        self.suffix = ""
        self.titled = False  # a title or role just before the name: "rapper Eminem", "Mayor X"
        self.org_cued = False  # the context calls it a body: "the band X", "X were"

    def add(self, typ: str, score: float) -> None:
        if score > self.scores.get(typ, 0.0):
            self.scores[typ] = score

    def best(self) -> tuple[str | None, float]:
        best, top = None, 0.0
        for typ in TYPE_ORDER:
            sc = self.scores.get(typ, 0.0)
            if sc > top:
                best, top = typ, sc
        return best, top


# What a firm leads: "market leader Nintendo", "sector leader Omnicom".
_MARKET_WORDS = frozenset(["market", "sector", "industry"])


# Endings that make an adjective of a noun: "parliament" + "ary", "congress" + "ional".
_ADJECTIVE_ENDINGS = ("ary", "ial", "ional", "al")


def _office_adjective(word: str, lex: Lexicon) -> bool:
    """An adjective made from an institution or an office: "parliamentary", "presidential",
    "congressional", "ministerial", "mayoral"."""
    for end in _ADJECTIVE_ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 3:
            stem = word[: -len(end)]
            if stem in lex.org_head or stem in lex.titles:
                return True
    return False


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.replace("&", "").replace(".", "").isupper()


def _prev_words(text: str, start: int) -> tuple[str, str, str]:
    """The two words before ``start`` and what separates the nearer one from it (spaces, punctuation)."""
    window = text[max(0, start - 48) : start]
    parts = window.split()
    if not parts:
        return "", "", window
    raw = parts[-1]
    core = raw.rstrip(_PUNCT)
    tail = window[window.rfind(raw) + len(core) :]
    if not core:
        # the nearest "word" is punctuation only: look one further
        if len(parts) < 2:
            return "", "", window
        core = parts[-2].rstrip(_PUNCT)
        tail = raw + tail
        p2 = parts[-3] if len(parts) > 2 else ""
    else:
        p2 = parts[-2] if len(parts) > 1 else ""
    return core.lstrip(_PUNCT), p2.strip(_PUNCT), tail


# A brand written in camel case has a long first part ("PlayStation", "ClearView", "DaimlerChrysler");
# surnames joined the same way have a short particle first ("McDonald", "MacKenzie", "DiCaprio", "LeBlanc"),
# unless the rest after "Mac" is an everyday word ("MacBook").
_CAMEL_BRAND_RE = re.compile(r"[A-Z][a-z]{3,}[A-Z][a-z]")
_MAC_RE = re.compile(r"Mac([A-Z][a-z]+)")


_NAME_WORD_RE = re.compile(r"(?:[A-Z]')?[A-Z][a-z][a-zA-Z'-]*")


def _unlike_a_personal_name(raw_words: list[str], vocabulary: set[str]) -> bool:
    """A word no personal name is made of: a camel-case brand ("PlayStation", or "MacBook" with an
    everyday word after its "Mac"), or an acronym of three letters or more beside mixed-case words
    ("MSN Messenger", "ABN Amro", "Cadillac XLR"); Roman numerals are regnal numbers ("Richard III")
    and a name in capitals throughout may be a headline. Only the weak default of a name with no
    given name is at stake: "Steve McQueen" keeps his given name's evidence."""
    if all(w.isupper() for w in raw_words):
        return False
    for w in raw_words:
        if _CAMEL_BRAND_RE.match(w) and not w.startswith("Fitz"):
            return True
        if (m := _MAC_RE.fullmatch(w)) and is_ordinary(m.group(1).lower(), vocabulary):
            return True
        if len(w) >= 3 and w.isalpha() and w.isupper() and not _ROMAN_RE.fullmatch(w):
            return True
    return False


def _initials_match(text: str, start: int, acronym: str) -> bool:
    """An abbreviation spelled out just before it in lowercase ("semi-knocked-down SKD")."""
    letters = acronym.replace(".", "").casefold()
    if len(letters) < 2:
        return False
    before = text[max(0, start - 80) : start]
    words = [w for w in re.split(r"[\s\-/(]+", before) if w]
    if len(words) < len(letters):
        return False
    tail = words[-len(letters) :]
    if not all(w[:1].islower() for w in tail):
        return False
    return "".join(w[0] for w in tail) == letters


def _subject_of_what_follows(text: str, sp: Span, p1: str, gap: str) -> bool:
    """Whether the name can be the subject of the verb after it on its own: not one of several ("Blair
    and Brown were", "Smith and his partner Ann Jones were"), an object ("sales in Tatarstan were"), a
    subjunctive ("if Blair were") or a word that may only be capitalised for opening a sentence."""
    if not p1 or _starts_line_or_sentence(text, sp.start):
        return len(sp.words) > 1  # (not "Results were", "Ecologists are")
    low = p1.casefold()
    if _SUBJECT_ELSEWHERE.search(gap) or _NOT_SUBJECT_BEFORE_RE.fullmatch(low) or low.endswith(("ing", "ed")):
        return False  # (nor the object of a verb: "the boys playing Billy are")
    clause = re.split(r"[.!?;:\n]", text[max(0, sp.start - 60) : sp.start])[-1]
    return not any(w in _JOINS_SUBJECTS for w in clause.split()[-6:])


def _everyday_name_word(w: str, lex: Lexicon) -> bool:
    """An everyday word that names no one and heads no body or place ("Summer", "Love", not "Bank")."""
    return (
        (w in lex.common or is_ordinary(w, lex.vocabulary))
        and w not in lex.names
        and w not in lex.given_names
        and not is_org_head(w, lex)
        and w not in lex.place_head
    )


def _own_evidence(text: str, sp: Span, lex: Lexicon, lower_words: Container[str]) -> bool:
    """Gather the span's own evidence; True when the context calls it a product (kept to this mention)."""
    product_cue = False
    ev = sp.evidence
    words = [w for w in sp.words if w not in ("of", "and", "for", "the", "&")]
    key = " ".join(sp.words)
    typ = sp.lex_type or lex.names.get(key)
    if typ:
        ev.add(typ, 10)
    nw = len(words)
    first, last = words[0], words[-1]
    raw_words = sp.text.split()
    raw_last = raw_words[-1]
    if sp.product:
        ev.add("misc", 11)
    elif not raw_last.isalpha() and any(c.isdigit() for c in raw_last) and not raw_last.isdigit():
        ev.add("misc", 7)  # a model or product code: A380, Boeing 737-800
    elif raw_words[0][:1].islower() and "-" not in raw_words[0]:
        ev.add("misc", 6)  # a camel-case product name: iPhone, iTunes Music Store
    if nw >= 2 and first in lex.org_prefix:
        ev.add("organization", 6)
    if (
        len(sp.words) >= 2
        and sp.words[0] in lex.first_words  # (a quick pre-check: products are known names)
        and any(" ".join(sp.words[:k]) in lex.products for k in range(1, len(sp.words)))
    ):
        ev.add("misc", 8)  # a product's edition or part, above a company's word: "Windows Media"
    if nw >= 2:
        if last in lex.org_suffix:
            ev.add("organization", 7)
            if (
                nw == 2
                and last in lex.org_family
                and first in lex.given_names
                and first not in lex.names
                and first not in lex.common
                and not is_ordinary(first, lex.vocabulary)
            ):
                ev.add("person", 8)  # "Jim Press", "Tony Banks": a given name and its family name
        amp = sp.words.index("&") if "&" in sp.words else -1
        if (
            0 <= amp < len(sp.words) - 1
            and sp.words[amp + 1] not in lex.given_names
            and last not in lex.misc_suffix
        ):
            ev.add("organization", 7)  # "Marks & Spencer", "Johnson & Johnson": partners' names make a firm
        if last in lex.misc_suffix:
            ev.add("misc", 7)
        if last in lex.place_suffix:
            # "Mexico City" or "Manchester City": after a place's name, "City" or "Town" may be its club
            ev.add("place", 3 if last in ("city", "town") and lex.names.get(first) == "place" else 5)
        if "on" in sp.words and " on " in sp.text:  # (not the title "Nightmare On Elm Street")
            # "Convention on Human Rights" is a misc name, "Committee on Foreign Relations" an organisation
            head = sp.words[sp.words.index("on") - 1]
            ev.add("misc" if head in lex.misc_suffix else "organization", 7)
        elif "of" in sp.words or "for" in sp.words:
            # the word before "of" heads the name: "Russian Academy of Sciences", "British Chambers of Commerce"
            head = sp.words[sp.words.index("of" if "of" in sp.words else "for") - 1]
            if is_org_head(head, lex):
                ev.add("organization", 7)
            elif head in lex.place_head or first in lex.place_head:
                ev.add("place", 6)  # "Republic of Ireland", "the Federal Republic of Yugoslavia"
            elif first in lex.org_head:
                ev.add("organization", 7)
            elif "the" in sp.words and first in lex.titles:
                ev.add("misc", 6)  # "Lord of the Rings", "King of the Hill": a work, not a lord or a hill
            elif "the" in sp.words:
                ev.add("misc", 2.1)  # "Eternal Sunshine of the Spotless Mind": a title's shape (above "in X")
        if _ROMAN_RE.fullmatch(raw_last) and first not in lex.given_names:
            ev.add("misc", 2)  # a sequel or a model, not a king: "Doom III", "Atlas V" (but "Richard III")
        if first in lex.given_names and first not in lex.names and last not in lex.org_suffix:
            ev.add("person", 6 if last not in lex.names else 4)
        elif len(first) == 2 and first.endswith(".") and first not in _SAINT:
            ev.add("person", 5)  # an initial ("J. Smith"), not "St. Thomas"
        if last in lex.surnames and last not in lex.org_suffix:
            ev.add("person", 4)
        if first in lex.nationalities and (last in lex.org_suffix or last in lex.org_head):
            ev.add("organization", 8)  # "British Airways", "Australian Football League"
        if nw == 2 and first in lex.place_region and lex.names.get(last) == "place":
            ev.add("place", 8)  # "South Australia", "West Yorkshire": a part of a known place
        elif (
            nw == 2
            and first in lex.place_first
            and first not in lex.given_names
            and not (first in _SAINT and last in lex.given_names)  # "St David": a saint
        ):
            ev.add("place", 3)  # "Santa Monica", "Port Talbot", "St Helens"
        listed_first = first not in lex.caps_only or first.upper() in raw_words  # "LA Galaxy", not "La Manga"
        if (
            listed_first
            and lex.names.get(first) == "place"
            and first not in lex.given_names
            and last not in lex.names
        ):
            ev.add("organization", 2)  # "Manchester United", "Moscow Metro": a place's club or company
        if nw == 2 and _is_acronym(raw_words[0]) and lex.names.get(last) == "place":
            ev.add("organization", 6)  # "AC Milan", "GM Europe": a club or a branch, named with its town
        if "of" in sp.words and nw <= 3 and all(_everyday_name_word(w, lex) for w in words):
            # "Summer of Love", "Code of Conduct", "Medal of Honor": a work, an idea, a thing
            ev.add("misc", 2)
        if (
            len(first) > 5
            and first.endswith("ing")
            and first not in lex.names
            and is_ordinary(first, lex.vocabulary)
            and not _starts_line_or_sentence(text, sp.start)
            and not last.endswith("s")  # "Rolling Stones", "Talking Heads": a plural is more often a band
        ):
            ev.add("misc", 3)  # "Finding Neverland", "Saving Private Ryan": a work's title opens with a verb
        if (
            nw <= 3
            and all(w.isalpha() for w in words)
            and not any(w in lex.common or w in lower_words for w in words)
            and not all(is_ordinary(w, lex.vocabulary) for w in words)  # "Snow Patrol", "Iron Maiden"
            and not _unlike_a_personal_name(raw_words, lex.vocabulary)
            # a first word that is an everyday word and no given name: "Bear Stearns", "Mobility Command"
            and not (is_ordinary(first, lex.vocabulary) and first not in lex.given_names)
        ):
            ev.add("person", 1.5)
        else:
            ev.add("organization", 1.3)
    else:
        raw = sp.text
        if _is_acronym(raw):
            ev.add("organization", 3 if len(raw) > 1 else 0)
        elif (
            first in lex.given_names
            or (first in lex.surnames and first not in lex.common)
            or (has_cyrillic(first) and surname_shape(first))  # "Петров", "Пескова"
        ) and (
            _NAME_GOES_ON_RE.match(text, sp.end)
            or not _DETERMINER_BEFORE_RE.search(text, max(0, sp.start - 24), sp.start)
        ):
            ev.add("person", 2 if first in lex.given_names else 1.5)
    if ev.suffix == "based" and not _PLATFORM_RE.match(text, sp.end):
        ev.add("place", 6)
    elif ev.suffix in ("born", "led") and not typ:
        ev.add("place", 2)

    # context before the name
    s, e = sp.start, sp.end
    p1, p2, gap = _prev_words(text, s)
    after_comma = gap.rstrip(" \t").endswith(",")
    if p1 and "\n" not in gap and "." not in gap:
        low1 = p1.casefold()
        # "мэр Москвы Сергей Собянин": after a Russian title, the office's place or body in the genitive,
        # then its holder
        office_domain = has_cyrillic(low1) and _CAPITAL_NEXT_RE.match(text, e) is not None
        if p1[:1].islower():
            if low1 in lex.org_cue or (low1 == "leader" and p2.casefold() in _MARKET_WORDS):
                ev.add("organization", 5)  # "carmaker X"; "market leader X" is a firm, not a person
                ev.org_cued = True
            elif low1 in lex.titles and not ("," in gap and low1 in _ALSO_ADVERBS) and not office_domain:
                ev.add("person", 6)
                ev.titled = True
            elif low1 == "by" and p2.casefold() in _CITED:
                ev.add("organization", 5)
            elif low1 == "of" and p2.casefold() in _PLACE_OF:
                ev.add("place", 6)
            elif low1 in _PRODUCT_BEFORE:
                product_cue = True
            elif low1 in _WORK_BEFORE:
                # right before the title, above a given name's 6: "the drama Vera Drake", "biopic Ray"
                ev.add("misc", 5 if "," in gap else 7)
            elif low1 == "in" and p2.casefold() in _HELD_IN:
                ev.add("organization", 5)
            elif (low1 in _PLACE_PREP or low1 in lex.place_before) and not text.startswith(("'s", "’s"), e):
                # (not "in Nissan's fortunes": the preposition governs what the name owns)
                ev.add("place", 2 if low1 == "in" or low1 in lex.place_before else 1)
            elif low1 in lex.place_cue:
                ev.add("place", 4)
        elif low1.rstrip(".") in lex.titles and "," not in gap and "(" not in gap and not office_domain:
            ev.add("person", 6)
            ev.titled = True
        elif p1 == "The" and p2 in _WORK_BEFORE:
            ev.add("misc", 5)  # "the biopic The Aviator"
    # context after the name
    m = _NEXT_RE.match(text, e, min(len(text), e + 60))
    if m:
        punct, det, w1, w2 = m.group(1), m.group(2), m.group(3), m.group(4)
        w1l = w1.casefold() if w1 else ""
        w2l = w2.casefold() if w2 else ""
        if w1 and (w1.islower() or w1l in ("'s", "’s")):
            if punct == ",":
                if w1l in lex.person_after:
                    ev.add("person", 5 if det or w1l in ("who", "whose") else 3)
                elif w1l == "which" and nw == 1:
                    ev.add("organization", 1.6)  # "Ford, which posted a loss": a thing, not a surname
                elif det and w1l in lex.org_cue:
                    ev.add("organization", 5)
                elif det and (w1l in lex.place_cue or w1l in _PLACE_OF):
                    ev.add("place", 4)
                elif w1l in ("chief", "head") and w2l in lex.person_after | {"executive", "of"}:
                    ev.add("person", 5)
                elif not det and w1l in _WORK_AFTER:
                    ev.add("misc", 5)  # "The Aviator, starring Leonardo DiCaprio"
            elif not punct and w1l in lex.org_after:
                ev.add("organization", 4)
            elif (
                not punct
                and w1l in _PLURAL_VERBS
                and not ev.titled  # "Acme and its founder John Smith were": one of several subjects
                and last not in lex.misc_suffix  # "the Brit Awards are": an event
                and _subject_of_what_follows(text, sp, p1, gap)
            ):
                # a plural verb after one name: "Franz Ferdinand were", "Keane are" name a band or a
                # team (not "Blair and Brown were", "sales in Tatarstan were", "if Blair were")
                ev.add("organization", 7)
                ev.org_cued = True
            elif not punct and not det and w1l in _PRODUCT_AFTER and (w1l != "line" or nw == 1):
                product_cue = True
        if punct == "," and _AGE_RE.match(text, e):
            ev.add("person", 5)
        elif (
            punct == ","
            and not after_comma  # (not an item of a list: "Lazio, Juventus, Monaco.")
            and "of" not in sp.words  # "Starpointe Savings Bank of Somerset, N.J."
            and "and" not in sp.words
        ):
            area = _AREA_AFTER_RE.match(text, e)
            area_key = norm_key(area.group(1)) if area else ""
            if area_key in lex.areas or area_key.rstrip(".") in lex.areas:
                # "Louisville, Kentucky", "Espoo, Finland": a place in a wider one (below an
                # organisation's own last word: "Los Alamos National Laboratory, New Mexico")
                ev.add("place", 6.8)
    if nw == 1 and key in lex.area_short and after_comma:
        ev.add("place", 8)  # "Amherst, N.Y.": the state
    if sp.caps:
        ev.add("misc", 0.1)
    return product_cue


def _parts_evidence(spans: list[Span], lex: Lexicon) -> tuple[dict[str, float], dict[str, float]]:
    """Words of strongly typed full names: person name parts and organisation first words."""
    person: dict[str, float] = {}
    org: dict[str, float] = {}
    for sp in spans:
        typ, score = sp.evidence.best()
        words = [w for w in sp.words if w not in ("of", "and", "for", "the", "&")]
        if len(words) < 2 or score < 4:
            continue
        if typ == "person":
            for w in words:
                if len(w) > 2 and w not in lex.function:
                    person[w] = max(person.get(w, 0.0), score)
        elif typ == "organization":
            w = words[0]
            if (
                w not in lex.common
                and w not in lex.names
                and w not in lex.org_suffix
                and w not in lex.given_names
            ):
                org[w] = max(org.get(w, 0.0), score)
    return person, org


_SCORE_RE = re.compile(
    r"(?<![\d.])\d{1,3}-\d{1,3}(?![\d.])|\b\d{1,3} \d{1,3}(?: \d{1,3}){2,}|^[^\W\d][^\d\n]{1,30} \d{1,3}(?:$| [^\W\d])",
    re.M,
)
_DATELINE_AFTER_RE = re.compile(r"[ \t]*(?:,[ \t]*[^\W\d][^\n]{0,30})?[ \t]+\d{4}-\d\d-\d\d")
_SPORT_WORDS_RE = re.compile(
    r"\b(?:beat|beats|drew|draw|defeated|innings|wickets|goals?|scored|halftime|half-time|touchdowns?|"
    r"inning|homer|playoffs?|league|standings|championship|tournament|seeded|round|matches|fixtures)\b",
    re.I,
)


# Quick necessary conditions for the two regexes above (substring tests and short scans are many times
# quicker than those patterns, which the regex engine must try at every position): each sports word
# contains one of these stems, and each score has digits joined by "-" or " ", or follows a short line start.
_SPORT_STEMS = (
    "beat",
    "drew",
    "draw",
    "defeated",
    "inning",
    "wicket",
    "goal",
    "scored",
    "halftime",
    "half-time",
    "touchdown",
    "homer",
    "playoff",
    "league",
    "standings",
    "championship",
    "tournament",
    "seeded",
    "round",
    "matches",
    "fixtures",
)
_SCORE_HINT_RE = re.compile(r"\d[- ]\d")
_LINE_SCORE_HINT_RE = re.compile(r"[^\d\n]{2,31} \d")


def _may_be_sports_report(text: str) -> bool:
    head = text[:6000].casefold()
    if sum(head.count(st) for st in _SPORT_STEMS) < 2:
        return False
    if _SCORE_HINT_RE.search(text, 0, 6000):
        return True
    ls = 0
    while 0 <= ls < 6000 and ls < len(text):
        if _LINE_SCORE_HINT_RE.match(text, ls, 6000):
            return True
        ls = text.find("\n", ls, 6000)
        if ls != -1:
            ls += 1
    return False


def _is_sports_report(text: str) -> bool:
    """Results, tables and match reports: scores and sports vocabulary throughout."""
    if not _may_be_sports_report(text):
        return False
    if len(_SCORE_RE.findall(text, 0, 6000)) < 3:
        return False
    return len(_SPORT_WORDS_RE.findall(text, 0, 6000)) >= 2


_CLUB_WORDS = frozenset({"city", "town", "county", "rovers", "wanderers", "athletic", "albion"})


def _may_be_a_team(sp: Span, lex: Lexicon) -> bool:
    """A town or region may name its club; countries and grounds stay places (national sides are named
    after their country). "Manchester City", "Luton Town": a place's name and a club's last word."""
    key = " ".join(sp.words)
    club = len(sp.words) == 2 and sp.words[1] in _CLUB_WORDS and lex.names.get(sp.words[0]) == "place"
    return (
        (lex.names.get(key) == "place" or club)
        and key not in lex.countries
        and key not in lex.venues
        and not sp.product
    )


def _said_as_a_place(text: str, sp: Span) -> bool:
    """Where something happens ("at Headingley", "in Liverpool"), a dateline, or a venue heading
    ("Hove : Sussex 363"): a place even in a sports story."""
    before = text[max(0, sp.start - 6) : sp.start].casefold()
    if before.endswith(("at ", "in ", "near ", "from ", "to ")):
        return True
    return bool(_DATELINE_AFTER_RE.match(text, sp.end)) or text.startswith(" :", sp.end)


def _teams_are_organisations(text: str, spans: list[Span], lex: Lexicon) -> None:
    """In sports reports a city or region that plays is a club ("Leicestershire beat Somerset")."""
    for sp in spans:
        if _may_be_a_team(sp, lex) and not _said_as_a_place(text, sp):
            sp.evidence.add("organization", 11)


# What opens a clause before its subject ("while Newcastle were"); not "and": "Exeter and Cardiff are"
# is plural for being two.
_CLAUSE_OPENERS = frozenset({"but", "while", "as", "when", "why", "that", "after", "before", "if", "until"})


def _team_cue(text: str, sp: Span, lex: Lexicon) -> int:
    """2 for a cue only sport gives ("Newcastle boss"), 1 for one that sport gives in a sports story
    ("Newcastle were", "joined Newcastle"), 0 for none; the words are in ``team_words.txt``."""
    m = _NEXT_RE.match(text, sp.end, min(len(text), sp.end + 40))
    after = m.group(3).casefold() if m and not m.group(1) and not m.group(2) and m.group(3) else ""
    if after in lex.team_after or (after == "team" and (m.group(4) or "").casefold() in ("mate", "mates")):
        return 2
    if after in lex.team_after_weak:
        return 1
    p1, p2, gap = _prev_words(text, sp.start)
    gap = gap.strip()
    if after in lex.team_verbs and (
        _starts_line_or_sentence(text, sp.start) or gap == "," or p1.casefold() in _CLAUSE_OPENERS
    ):
        return 1  # the subject opening a clause: "Newcastle were", "while Nice have"
    if gap == "(" and text.startswith(")", sp.end) and p1[:1].isupper():
        return 1  # a squad list: "H Ellis (Leicester), G Rowntree (Leicester)"
    if gap:
        return 0
    p1 = p1.casefold()
    return int(p1 in lex.team_before or (p2.casefold(), p1) in lex.team_before_pairs)


def _places_that_play(text: str, spans: list[Span], lex: Lexicon) -> None:
    """In a sports story a town named as a team is its club ("joined Newcastle", "Liverpool fans"):
    a name with such a cue becomes an organisation at its mentions there, except where it is
    where something happens ("in Liverpool", "at Newcastle") or a dateline. Countries stay places."""
    teams: dict[str, int] = {}
    cued: set[int] = set()
    others: list[Span] = []  # names that are no town: read for a strong cue only if needed
    for sp in spans:
        if not _may_be_a_team(sp, lex):
            others.append(sp)
        elif cue := _team_cue(text, sp, lex):
            key = " ".join(sp.words)
            teams[key] = max(cue, teams.get(key, 0))
            cued.add(sp.start)
    if not teams:
        return
    if (
        max(teams.values()) < 2
        and len(_SPORT_WORDS_RE.findall(text, 0, 6000)) < 2
        and not any(_team_cue(text, sp, lex) == 2 for sp in others)  # "Real Madrid striker"
    ):
        return  # only weak cues, and nothing else to call it a sports story
    for sp in spans:
        if " ".join(sp.words) in teams and (sp.start in cued or not _said_as_a_place(text, sp)):
            sp.evidence.add("organization", 11)


# Endings of ordinary English words ("Entirely", "Reactions", "Settlement"): capitalised
# only because they start a sentence or a headline, they are no name without other evidence.
_WORD_SUFFIX_RE = re.compile(r"...(?:ly|ions|ness|ment|ments|ities|ised|ized)\Z")
# Forms of everyday words the word list may lack, opening a sentence: people by what they do
# ("Prosecutors", "Organisers", "Economists", "Musicians"), processes ("Speculation", "Earnings").
# Everyday only when the article never writes them as a name mid-sentence ("Rangers" may be a club).
_EVERYDAY_FORM_RE = re.compile(r"...(?:ors|ers|ists|ians|ation|ations|ings)\Z")
_SCORE_AFTER_RE = re.compile(r"[ \t]+\d")  # "Airdrieonians 1 Dundee 0": a team in a results line


def _starts_line_or_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"'“‘`(")
    return not before or before[-1] in ".!?:;\n"


def _written_as_names(text: str, spans: list[Span]) -> set[str]:
    """Words capitalised where only a name would be: "Apple" opening a sentence is a name if the
    article also writes it so mid-sentence, otherwise an everyday word ("Rumours", "Imagine")."""
    return {
        w
        for sp in spans
        for w in sp.words
        if len(sp.words) > 1 or not _starts_line_or_sentence(text, sp.start)
    }


_LIST_GAP_RE = re.compile(r"\s*,\s*(?:(and|or)\s+)?|\s+(and|or)\s+")
# the kind of thing a list is, named before it: "carmakers, including Hyundai, Suzuki and Ford"
_LIST_OPENERS = ("including ", "such as ", "like ", "notably ")  # (a quick pre-check for the pattern)
_KIND_BEFORE_LIST_RE = re.compile(r"([a-z]+),?[ \t]+(?:including|such as|like|notably) \Z")


def _is_org_cue(word: str, lex: Lexicon) -> bool:
    """Whether the word, or the singular of its regular plural ("makers", "companies"), is an organisation cue."""
    return word in lex.org_cue or (word.endswith("s") and plural_of_one(word, lex.org_cue))


def _lists_share_a_type(text: str, spans: list[Span], lex: Lexicon) -> None:
    """Names in one list ("Chrysler, Ford and General Motors") are of one kind: a weakly typed
    member takes the type its strongly typed fellows agree on, or the kind of business named before the
    list ("carmakers including Suzuki and Ford"). A list is three names or more, or two joined by
    "and"/"or" (a comma alone may be an apposition: "Smith, Ford's chairman")."""
    groups: list[list[Span]] = []
    joined: list[bool] = []
    for i, sp in enumerate(spans):
        if i and (m := _LIST_GAP_RE.fullmatch(text, spans[i - 1].end, sp.start)):
            groups[-1].append(sp)
            joined[-1] = joined[-1] or bool(m.group(1) or m.group(2))
        else:
            groups.append([sp])
            joined.append(False)
    for group, has_and in zip(groups, joined, strict=True):
        start = group[0].start
        kind = (
            _KIND_BEFORE_LIST_RE.search(text, max(0, start - 40), start)
            if text.endswith(_LIST_OPENERS, 0, start)
            else None
        )
        a_list = len(group) >= 3 or (len(group) == 2 and has_and)
        if kind and _is_org_cue(kind.group(1), lex):
            for m in group if a_list else group[:1]:
                m.evidence.add("organization", 5)
            continue
        if not a_list:
            continue
        strong = {t for t, sc in (m.evidence.best() for m in group) if t and sc >= 5}
        if len(strong) != 1:
            continue
        typ = strong.pop()
        for m in group:
            if m.evidence.best()[1] < 3:
                m.evidence.add(typ, 4)


def type_spans(text: str, spans: list[Span], lex: Lexicon, lower_words: Container[str]) -> None:
    """Set ``span.type`` for every span (None drops it), using its own and the document's evidence."""
    # a product cue types only its own mention: "Airbus aircraft" does not make Airbus a product
    for sp in spans:
        sp.product_cued = _own_evidence(text, sp, lex, lower_words)
    if _is_sports_report(text):
        _teams_are_organisations(text, spans, lex)
    else:
        _places_that_play(text, spans, lex)
    singles = {sp.words[0] for sp in spans if len(sp.words) == 1}
    makers: dict[str, float] | None = None  # "Ford" of "Ford Motor Company", found when first needed
    # a person's name word said alone: "Wenger" after "Arsene Wenger", "Reese" of "Reese Witherspoon"
    person_words_alone: set[str] = set()
    for sp in spans:
        if len(sp.words) >= 2 and sp.evidence.best()[1] < 5:
            # an organisation is re-mentioned by its first word, a person by its last
            first, last = sp.words[0], sp.words[-1]
            raw = sp.text.split()
            surname = (
                last in singles
                and _NAME_WORD_RE.fullmatch(raw[-1]) is not None  # not "iPod", "DS"
                and last not in lex.names
                and not is_ordinary(last, lex.vocabulary)
                and not _unlike_a_personal_name(raw, lex.vocabulary)
            )
            if surname:
                if makers is None:
                    makers = _parts_evidence(spans, lex)[1]
                surname = first not in makers  # a maker's model ("Ford Taurus") has no surname
            if surname:
                sp.evidence.add("person", 3)
                person_words_alone.add(last)
            if first in singles and first not in lex.given_names and first not in lex.names:
                if (
                    surname
                    and len(raw) == 2
                    and _NAME_WORD_RE.fullmatch(raw[0])
                    and not is_ordinary(first, lex.vocabulary)  # "Real Betis", "Ask Jeeves"
                ):
                    # with its surname said alone too, "Reese" is the first name of "Reese Witherspoon"
                    person_words_alone.add(first)
                else:
                    sp.evidence.add("organization", 4.5)
    # the document's view of each surface form
    agg: dict[str, dict[str, float]] = {}
    for sp in spans:
        key = " ".join(sp.words)
        d = agg.setdefault(key, {})
        for typ, sc in sp.evidence.scores.items():
            if sc > d.get(typ, 0.0):
                d[typ] = sc
    person_parts, org_parts = _parts_evidence(spans, lex)
    mid_sentence: set[str] | None = None
    _lists_share_a_type(text, spans, lex)
    prev: Span | None = None
    for sp in spans:
        ev = sp.evidence
        key = " ".join(sp.words)
        for typ, sc in agg.get(key, {}).items():
            ev.add(typ, sc * 0.9)
        first = sp.words[0]
        if len(sp.words) >= 2 and (first in org_parts or lex.names.get(first) == "organization"):
            typ, score = ev.best()
            if typ == "person" and score < 4:
                ev.add("misc", 4.2)  # a company's name first: "Microsoft Longhorn", "Nintendo GameBoy"
        if len(sp.words) == 1:
            if first in person_parts:
                ev.add("person", min(person_parts[first], 6) * 0.95)
            elif first in person_words_alone:
                ev.add("person", 2.5)  # above the weak default, below any cue for another type
            if first in org_parts:
                ev.add("organization", min(org_parts[first], 7) * 0.95)
        if sp.product_cued:
            ev.add("misc", 4.8)
        raw = sp.text
        # an abbreviation in brackets after its full name takes that name's type
        if prev is not None and _is_acronym(raw) and text[prev.end : sp.start].strip() == "(":
            ptyp, psc = prev.evidence.best()
            if ptyp and psc >= 3:
                ev.add(ptyp, psc)
        typ, score = ev.best()
        if len(sp.words) == 1 and sp.words[0] in lex.holidays:
            sp.type = None  # "Christmas" alone is a date
            prev = sp
            continue
        if len(sp.words) == 1 and score < 2 and not sp.caps:
            everyday = first in lower_words or first in lex.common
            if not everyday and not raw.isupper() and _starts_line_or_sentence(text, sp.start):
                everyday = bool(_WORD_SUFFIX_RE.search(first))
                if not everyday and (
                    is_ordinary(first, lex.vocabulary)
                    or (_EVERYDAY_FORM_RE.search(first) and not _SCORE_AFTER_RE.match(text, sp.end))
                ):
                    if mid_sentence is None:
                        mid_sentence = _written_as_names(text, spans)
                    everyday = first not in mid_sentence and first not in lex.surnames
            if not everyday and _office_adjective(first, lex):
                everyday = True  # "a Parliamentary lunch", "Presidential elections": no name
            if everyday and not raw.isupper():
                sp.type = None  # an ordinary word written with a capital: "Maintenance , Repair"
                prev = sp
                continue
            if score < GUESS:
                ev.add("organization", GUESS)
                typ, score = ev.best()
        if (
            _is_acronym(raw)
            and (
                _ROMAN_RE.fullmatch(raw)
                or (not sp.lex_type and score < 5 and _initials_match(text, sp.start, raw))
            )
            or len(raw) == 1
        ):
            sp.type = None
        elif typ is None:
            sp.type = "organization" if not sp.caps else None
        else:
            sp.type = typ
        prev = sp
    # a surname alone that nothing but the weak default typed is the person the article names in full
    # ("Britney Spears ... Spears was named best female"; "spears" is a word, so the rules above skip it)
    surnames = {sp.words[-1] for sp in spans if sp.type == "person" and len(sp.words) >= 2}
    if surnames:
        for sp in spans:
            if (
                len(sp.words) == 1
                and sp.type == "organization"
                and sp.words[0] in surnames
                and only_guessed(sp)
            ):
                sp.type = "person"
