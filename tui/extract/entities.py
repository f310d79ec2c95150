"""Named-entity mentions in one text, found with rules, patterns and word lists (no model).

How a text is read:

1. **Chunks.** One compiled regex finds runs of capitalised words, allowing inner connectors
   ("Ministry of Industry and Trade", "Rio de Janeiro", "Procter & Gamble"). Most of the text (lowercase
   words) is skipped by the regex engine, which keeps this fast.
2. **Spans.** Each chunk is cut into names: sentence-initial ordinary words ("The", "Earlier",
   "According") and function words are dropped, titles ("President", "Mayor") split a chunk and mark the
   next name as a person, known names from the word lists are matched longest first, connectors are kept
   only where they belong to a name ("Bank of England" but not "Boeing and Airbus"), possessives are
   stripped ("Renault's" -> "Renault").
3. **Lines.** ALL-CAPS headlines and title-case headlines are read with suspicion: there a word is a name
   only when the word lists or the rest of the document say so.
4. **Types** come from evidence (:mod:`tui.extract.entity_types`): word lists, suffixes and heads
   ("X Motors", "Ministry of X"), titles, context cues ("agency X", "in X", "X-based", "X, the chief
   executive") and consistency across the document (a surname takes the type of the full name).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from tui.extract.day_names import continues_into_a_name, weekday_word_is_a_date
from tui.extract.entity_types import Evidence, only_guessed, type_spans, work_noun_before
from tui.extract.lexicon import Lexicon, is_ordinary, is_org_head, lexicon
from tui.extract.model import EntityMention
from tui.extract.russian import (
    RussianWordStems,
    adjective_form,
    everyday_opening_word,
    has_cyrillic,
    opens_sentence,
)
from tui.extract.russian_institutions import with_institutions
from tui.extract.time_values import holiday_key, time_words
from tui.text import sentence_initial


def _char_class(pred) -> str:
    """A regex character class of the code points satisfying ``pred`` (Latin, Greek, Cyrillic, Armenian,
    Georgian: the cased scripts; a small class keeps the patterns quick to compile at start-up)."""
    ranges: list[tuple[int, int]] = []
    for block in ((0x41, 0x58F), (0x10A0, 0x10FF), (0x1E00, 0x1FFF)):
        for cp in range(block[0], block[1] + 1):
            if pred(chr(cp)):
                if ranges and ranges[-1][1] == cp - 1:
                    ranges[-1] = (ranges[-1][0], cp)
                else:
                    ranges.append((cp, cp))
    parts = []
    for a, b in ranges:
        parts.append(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}")
    return "[" + "".join(parts) + "]"


UP = _char_class(lambda c: c.isupper() or c.istitle())
LO = _char_class(lambda c: c.islower())

# Abbreviations with a period inside a name: those that open one ("Mr", "St") and those that end one
# ("Jr", "Corp", a US state's after its town).
_NAME_FIRST_ABBR = (
    "Mr|Mrs|Ms|Dr|St|Mt|Ft|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Rev|Adm|Cmdr|Maj|Messrs|Mme|Mlle"
)
_NAME_END_ABBR = (
    "Jr|Sr|Co|Corp|Inc|Ltd|Bros|Calif|Mass|Conn|Fla|Ill|Pa|Va|Wash|Tex|Ariz|Colo|Ga|Ky|La|Md|Mich|Minn|Mo|Nev|"
    "Okla|Tenn|Wis|Ala|Ark|Ind|Kan|Neb|Ore|Vt"
)
_ABBR = f"{_NAME_FIRST_ABBR}|{_NAME_END_ABBR}"
# One capitalised token: an abbreviation with its period, a dotted acronym (U.S.), an initial (W.), a
# capitalised word with inner apostrophes/hyphens/ampersands, or a camel-case word (iPhone, al-Assad).
# (The uppercase class appears once: big classes make the patterns slow to compile at start-up.)
_TOK = (
    rf"(?:(?={UP})(?:(?:{_ABBR})\.(?=[\s,;:)\-]|$)"
    r"|\w\.(?:\w\.)+"
    r"|\w\.(?=[ \t]+\w)"
    r"|\w+(?:['’\-&]\w+)*)"
    r"|[a-z]{1,3}-[A-Z]\w*(?:-\w+)*"
    r"|[a-z]{1,2}[A-Z]\w*)"
)
# The period of an abbreviation that ends a name ("Hank Williams Jr.", "Acme Corp.") may end the sentence
# too, so a pronoun or other function word after one starts the next ("Jr. He wrote").
_NAME_END_ABBR_RE = re.compile(rf"(?<![\w.])(?P<abbr>(?:{_NAME_END_ABBR})\.)[ \t\xa0]+(?P<next>\w+)")
_CONN = (
    r"(?:of|and|for|on|the|de|del|della|di|da|do|dos|das|du|des|la|le|van|von|der|den|ter|y|al|bin|ibn|el|&)"
)
_CHUNK_RE = re.compile(rf"(?<![\w'’])(?:{_TOK})(?:[ \t\xa0]+(?:{_CONN}[ \t\xa0]+){{0,2}}(?:{_TOK}))*")
_PART_RE = re.compile(rf"({_TOK})|({_CONN})(?=[ \t\xa0])")
_UPPER_CHARS_RE = re.compile(UP)
_LOWER_CHARS_RE = re.compile(LO)
_CAP_WORD4_RE = re.compile(rf"(?<!\w){UP}\w{{3,}}")
_WORD4_RE = re.compile(r"(?<!\w)\w{4,}")
_ACRONYM_RE = re.compile(rf"{UP}[{UP[1:-1]}\d&]+s?")
# Lowercase tails after a hyphen that say something of the name before them ("Moscow-based",
# "Kremlin-backed"); other tails make an everyday compound of a capitalised word ("Anti-fraud").
_CUE_SUFFIXES = frozenset(
    ["based", "born", "led", "owned", "backed", "made", "run", "controlled", "registered", "listed"]
)
# Capitalised in mid-sentence, "All" opens a name ("the All Blacks", "All Saints"); "No" and "Some" are
# more often a campaign's side or an emphasis ("the No campaign").
_NAME_QUANTIFIERS = frozenset(["all"])
# Names a channel or station number completes ("Channel 4", "BBC Radio 4"): the number is no model.
_NUMBERED_STATIONS = frozenset(["channel", "radio"])
_STATION_NUM_RE = re.compile(r"[ \t]+(\d{1,2})(?![\w.,:]\d)(?!\w)")
# "the 19th Century": an ordinal makes the capitalised word a period, not a name.
_ORDINAL_BEFORE_RE = re.compile(r"\d(?:st|nd|rd|th)[ \t]+\Z", re.I)
# a lowercase "the" just before a word: what opens "The Times" in mid-sentence
_THE_BEFORE_RE = re.compile(r"(?<![\w'’-])the[ \t\xa0]+\Z")
_PERIOD_WORDS = frozenset(["century", "centuries", "millennium"])

# The small words inside a title that follows the kind of work it is: "Meet the Fockers", "Maria Full of
# Grace", "Hide and Seek".
_TITLE_SMALL_WORDS = frozenset(["of", "the", "and", "for", "on"])
# a generation after a family name: "Martin Luther King Jr.", "Henry Ford II"
_GENERATIONS = frozenset(["jr", "jnr", "sr", "snr", "ii", "iii", "iv"])

# Titles whose "of" names a portfolio ("Minister of Finance", "Professor of Economics"); after others it
# names a place or body ("Mayor of Reading", "President of France").
_PORTFOLIO_TITLES = frozenset(
    ["minister", "secretary", "commissioner", "director", "professor", "head", "chief"]
)
# Titles of rank and kin that head the names of works and awards ("Lord of the Rings", "King of the
# Hill", "Player of the Year"), unlike offices ("Leader of the Opposition", "Chancellor of the Exchequer").
_WORK_TITLE_HEADS = frozenset(
    ["lord", "lady", "king", "queen", "prince", "princess", "emperor", "master", "father", "mother"]
    + ["son", "daughter", "brother", "sister", "player", "manager", "coach"]
)
_KIN_WORDS = frozenset(["father", "mother", "son", "daughter", "brother", "sister"])
_OPENING_QUOTES = ('"', "“", "'", "‘")
# Endings of everyday abstract words the word list may lack ("Agriculture", "Naturalization").
_ABSTRACT_ENDINGS = ("tion", "sion", "ture", "ment", "ity", "ism", "ics", "ance", "ence", "al")
# English prefixes joined to a name by a hyphen: "ex-Chelsea striker", "pro-Europe", "non-EU workers", "in
# mid-March", "anti-Semitic".
_WORD_PREFIXES = frozenset(["ex", "pro", "non", "mid", "pre", "neo", "un", "anti", "post"])


def _cut_prefix(head: str, rest: str) -> bool:
    """Whether ``head`` is a prefix to cut from the name ``rest`` it is hyphened to. Capitalised, a prefix
    may be part of the name ("the Anti-Terrorism Bill", "Pro-Life Alliance"); only "Ex-" and a month's
    "Mid-" never are ("Ex-Liverpool boss ...", "Mid-March saw ...")."""
    low = head.casefold()
    if head.islower():
        return low in _WORD_PREFIXES
    return low == "ex" or (low == "mid" and rest.casefold() in lexicon().months)


_PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "du",
        "des",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "y",
        "al",
        "bin",
        "ibn",
        "el",
    ]
)
_DETERMINERS = frozenset({"the", "a", "an"})
# Words a numeral "I" may follow in a name ("World War I", "Episode I"); after a given name it is a
# monarch's ("Elizabeth I"), after any other word the pronoun ("Somehow I knew").
_NUMBERED = frozenset(
    ["war", "episode", "part", "phase", "volume", "chapter", "book", "act", "type", "class", "grade"]
    + ["stage", "division", "league", "series", "title", "article", "section", "tier", "level", "mark"]
)
# Words that may precede a country in an organisation's name ("Air France", "Radio Liberty").
_ORG_PREFIX = frozenset(
    ["air", "radio", "aero", "banco", "banque", "team", "tour", "miss", "telecom", "royal"]
)
# Words before a title that belong to it ("Finance Minister", "Deputy Mayor").
_TITLE_MODIFIERS = frozenset(
    [
        "finance",
        "foreign",
        "interior",
        "defence",
        "defense",
        "trade",
        "economy",
        "economic",
        "justice",
        "health",
        "education",
        "labour",
        "labor",
        "agriculture",
        "energy",
        "transport",
        "home",
        "culture",
        "environment",
        "industry",
        "deputy",
        "vice",
        "acting",
        "former",
        "first",
        "chief",
        "executive",
        "general",
        "state",
        "treasury",
        "sports",
        "science",
        "security",
        "prime",
        "assistant",
        "senior",
        "regional",
        "city",
        "district",
        "federal",
        "national",
        "provincial",
    ]
)


@dataclass(slots=True)
class Span:
    """A candidate name with the evidence gathered for its type."""

    start: int
    end: int
    text: str
    words: list[str]  # normalised words (possessive stripped), connectors included
    caps: bool = False  # from an ALL-CAPS line
    product: bool = False  # a name with a model number: "Boeing 747", "iPhone 4"
    product_cued: bool = False  # a kind of product follows or precedes it: "Windows operating system"
    evidence: Evidence = field(default_factory=Evidence)
    lex_type: str | None = None
    type: str | None = "misc"


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    conn: bool
    low: str
    poss: bool = False
    suffix: str = ""  # lowercase hyphen suffix cut off ("based" of "Moscow-based")


class _Doc:
    """Per-text facts the rules consult: lowercase vocabulary and line kinds."""

    __slots__ = ("text", "lower_words", "_lines")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower_words = _LowerWords(text)
        self._lines: dict[int, str] = {}

    def line_kind(self, pos: int) -> str:
        """ "caps" (ALL-CAPS line), "headline" (title-case line without a sentence end) or "text"."""
        text = self.text
        ls = text.rfind("\n", 0, pos) + 1
        kind = self._lines.get(ls)
        if kind is not None:
            return kind
        le = text.find("\n", pos)
        if le == -1:
            le = len(text)
        line = text[ls:le]
        if line.isascii():  # the same counts, by C-speed byte deletion
            b = line.encode("ascii")
            up = len(b) - len(b.translate(None, _ASCII_UPPER))
            lo = len(b) - len(b.translate(None, _ASCII_LOWER))
        else:
            up = len(_UPPER_CHARS_RE.findall(line))
            lo = len(_LOWER_CHARS_RE.findall(line))
        kind = "text"
        if up >= 4 and up > 4 * lo:
            kind = "caps"
        elif len(line) < 160 and line.rstrip()[-1:] not in (".", '"', "'", "”", "!", "?", ":", ";"):
            words = len(_WORD4_RE.findall(line))
            caps = len(_CAP_WORD4_RE.findall(line))
            if words >= 3 and caps >= 0.7 * words:
                kind = "headline"
        self._lines[ls] = kind
        return kind


_ASCII_UPPER = bytes(range(65, 91))
_ASCII_LOWER = bytes(range(97, 123))


def _is_word_char(c: str) -> bool:
    """``\\w`` of the regex engine, or an apostrophe: a character that continues a word to the left."""
    return c.isalnum() or c in "_'’"


class _LowerWords:
    """Whether a word is written in lowercase somewhere in a text (``w in words``): what a set of all its
    lowercase words would say, found on demand (a text is asked about a few dozen words, and searching for
    those is quicker than listing every word)."""

    __slots__ = ("text", "_known")

    def __init__(self, text: str) -> None:
        self.text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        r = self._known.get(word)
        if r is None:
            r = self._known[word] = self._find(word)
        return r

    def _find(self, w: str) -> bool:
        # a listed word starts with a lowercase letter after a non-word character and runs on over word
        # characters, apostrophes and hyphens as far as they go
        if not w or _LOWER_CHARS_RE.match(w) is None or not all(c.isalnum() or c in "_'’-" for c in w):
            return False
        text = self.text
        n, end = len(w), len(text)
        i = text.find(w)
        while i != -1:
            if (
                (i == 0 or not _is_word_char(text[i - 1]))
                and (i + n == end or not (_is_word_char(text[i + n]) or text[i + n] == "-"))
                and (i == 0 or text[i - 1] != "-" or not self._inside_word(i))
            ):
                return True
            i = text.find(w, i + 1)
        return False

    def _inside_word(self, i: int) -> bool:
        """Whether a word listed from further left runs on over the hyphen before ``i`` ("well-known")."""
        text = self.text
        j = i - 1
        while j > 0 and (_is_word_char(text[j - 1]) or text[j - 1] == "-"):
            j -= 1
        return any((p == j or text[p - 1] == "-") and _LOWER_CHARS_RE.match(text, p) for p in range(j, i))


_POSSESSIVE_ENDINGS = ("'s", "’s", "'S", "’S")


# a Russian patronymic: Сергеевич, Семёновича, Владимировна
_PATRONYMIC_ENDINGS = ("вич", "вича", "вичу", "вичем", "вне", "вна", "вны", "вну", "вной", "ична", "ичны")


def _words_key(toks: list[_Tok], i: int, j: int) -> str:
    """The lookup key of tokens ``i`` to ``j`` (inclusive): their lowercase words, as the lists key names."""
    return " ".join(t.low for t in toks[i : j + 1])


def _split_tokens(text: str, start: int, end: int) -> list[_Tok]:
    word = text[start:end]
    if word.isalpha():  # one plain word, most chunks: what the loop below would make of it
        return [_Tok(word, start, end, False, word.casefold())]
    toks: list[_Tok] = []
    for m in _PART_RE.finditer(text, start, end):
        if m.group(1) is not None:
            s, e = m.span(1)
            t = m.group(1)
            cut = t.find("-")
            if 0 < cut < len(t) - 1 and t[cut + 1].isupper() and _cut_prefix(t[:cut], t[cut + 1 :]):
                s += cut + 1  # "ex-Chelsea", "pro-Europe", "mid-March": the name is what follows
                t = t[cut + 1 :]
            tok = _Tok(t, s, e, False, "")
            if t.endswith(_POSSESSIVE_ENDINGS) and len(t) > 2:
                tok.poss = True
                t = t[:-2]
                e -= 2
            elif t.endswith(("'", "’")):
                tok.poss = True
                t = t[:-1]
                e -= 1
            if "-" in t:
                parts = t.split("-")
                k = len(parts)
                while k > 1 and parts[k - 1].islower():
                    k -= 1
                if k < len(parts):
                    tok.suffix = parts[k].lower()
                    t = "-".join(parts[:k])
                    e = s + len(t)
                    if not t:
                        continue
            tok.text, tok.end, tok.low = t, e, t.casefold().replace("’", "'")
            toks.append(tok)
        else:
            s, e = m.span(2)
            toks.append(_Tok(m.group(2), s, e, True, m.group(2)))
    return toks


def _run_end(toks: list[_Tok], k: int) -> int:
    """Where the run of name words from token ``k`` ends: at the next connector, or just after a word
    with a possessive ("Act's")."""
    while k < len(toks) and not toks[k].conn:
        k += 1
        if toks[k - 1].poss:
            break
    return k


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and _ACRONYM_RE.fullmatch(word) is not None


_NEVER_NAMES: dict[int, tuple[Lexicon, frozenset[str]]] = {}


@functools.cache
def _multiword_holidays() -> tuple[dict[str, frozenset[str]], int]:
    """The time extractor's holiday and named-day names of two words or more, by first word, and the
    most words any of them has."""
    by_first: dict[str, set[str]] = {}
    for name in time_words().holidays:
        if " " in name:
            by_first.setdefault(name.split()[0], set()).add(name)
    longest = max((len(n.split()) for names in by_first.values() for n in names), default=0)
    return {k: frozenset(v) for k, v in by_first.items()}, longest


def _never_names(lex: Lexicon) -> frozenset[str]:
    """Function words that, alone as a chunk outside ALL-CAPS lines, never give a name: :meth:`_Segmenter._chunk`
    drops them (they start no known name and are no title), so the chunk need not be cut."""
    got = _NEVER_NAMES.get(id(lex))
    if got is None or got[0] is not lex:
        words = lex.function | _DETERMINERS | {"i"}
        never = frozenset(
            w
            for w in words
            if w.isalpha() and w not in lex.first_words and w not in lex.titles and w not in lex.names
        )
        got = _NEVER_NAMES[id(lex)] = (lex, never)
    return got[1]


_TITLE_FIRSTS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _title_firsts(lex: Lexicon) -> frozenset[str]:
    """First words of the multi-word titles (a quick pre-check before joining words into phrases)."""
    got = _TITLE_FIRSTS.get(id(lex))
    if got is None or got[0] is not lex:
        got = _TITLE_FIRSTS[id(lex)] = (lex, frozenset(p.split(" ")[0] for p in lex.title_phrases))
    return got[1]


class _Segmenter:
    """Cuts the chunks of one text into candidate name spans."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.doc = _Doc(text)
        self.spans: list[Span] = []
        self.surnames: set[str] = set()  # last words of the multi-word names read so far ("Jobs")
        self.title_firsts = _title_firsts(lex)
        self.russian_words = RussianWordStems(text)
        self.titles: set[str] = set()  # titles with small words given after the kind of work they are

    # -- helpers -----------------------------------------------------------------------------------
    def _lex_match(self, toks: list[_Tok], i: int, names: dict[str, str]) -> tuple[int, str] | None:
        """The longest known name starting at token ``i``: (index of its last token, type)."""
        lex = self.lex
        words = []
        best = None
        for j in range(i, min(len(toks), i + lex.max_name_words)):
            t = toks[j]
            words.append(t.low)
            if not t.conn:
                typ = names.get(" ".join(words))
                if typ is not None and not (j == i and t.low in lex.caps_only and not t.text.isupper()):
                    best = (j, typ)  # (not "Who" or "Us" for WHO or the US)
            if (t.poss and not t.low.endswith("'s")) or t.suffix:
                break  # (a name spelt with its "'s" may go on: "Lloyd's of London")
        return best

    def _keep_name_possessives(self, toks: list[_Tok]) -> None:
        """Give back the "'s" a known name is spelt with ("McDonald's", "Standard & Poor's"): the name runs
        from the chunk's start or a connector, and its last word is no surname the text has used ("Lewis
        Moody ... Moody's try" is the player's, "Tony Christie's album" the singer's)."""
        lex = self.lex
        text = self.text
        for j, t in enumerate(toks):
            if not t.poss or t.low not in lex.possessive_last or t.low in self.surnames:
                continue
            if not text.startswith(_POSSESSIVE_ENDINGS, t.end):
                continue
            for k in range(j + 1):
                if (k == 0 or toks[k - 1].conn) and not toks[k].conn:
                    key = _words_key(toks, k, j) + "'s"
                    if key in lex.possessive_names:
                        t.end += 2
                        t.text = text[t.start : t.end]
                        t.low += "'s"
                        break

    def _title_len(self, toks: list[_Tok], i: int) -> int:
        """How many tokens from ``i`` form a title ("President", "Prime Minister", "Secretary of State")."""
        lex = self.lex
        t = toks[i]
        low = t.low.rstrip(".")
        n = len(toks)
        multi = i + 1 < n and low in self.title_firsts  # a title phrase can start here
        for k in (4, 3, 2):
            if multi and i + k <= n and not toks[i + k - 1].conn:
                phrase = " ".join(x.low.rstrip(".") for x in toks[i : i + k])
                if phrase in lex.title_phrases:
                    return k
        if low in lex.titles and not t.conn:
            return 1
        return 0

    def _holiday_len(self, toks: list[_Tok], i: int) -> int:
        """How many tokens from ``i`` spell a holiday's or named day's name of two words or more."""
        names, longest = _multiword_holidays()
        if toks[i].low not in names:
            return 0
        for k in range(min(len(toks) - i, longest), 1, -1):
            if holiday_key(self.text[toks[i].start : toks[i + k - 1].end]) in names[toks[i].low]:
                return k
        return 0

    def _next_word(self, pos: int) -> str:
        m = _NEXT_WORD_RE.match(self.text, pos)
        return m.group(1).casefold() if m else ""

    # -- chunks ------------------------------------------------------------------------------------
    def run(self) -> list[Span]:
        text = self.text
        doc = self.doc
        deferred: list[tuple[int, int]] = []
        never = _never_names(self.lex)
        for s, e in self._chunk_spans():
            kind = doc.line_kind(s)
            if kind == "caps":
                deferred.append((s, e))
            elif text[s:e].casefold() not in never:  # a lone "The", "He", "But": nothing to cut
                self._chunk(s, e, kind == "headline")
        if deferred:
            known = self._doc_names()
            for s, e in deferred:
                self._caps_chunk(s, e, known)
        if self.titles:
            self._titles_elsewhere()
        self.spans.sort(key=lambda sp: sp.start)
        return self.spans

    def _titles_elsewhere(self) -> None:
        """A title the article gives after the kind of work it is ("the film Hide and Seek") is one name
        wherever else the article writes it, where its small words would cut it ("Hide and Seek tops ...")."""
        text = self.text
        for title in self.titles:
            at = text.find(title)
            while at >= 0:
                s, e = at, at + len(title)
                at = text.find(title, e)
                if (s and _is_word_char(text[s - 1])) or (e < len(text) and _is_word_char(text[e])):
                    continue
                inside = [sp for sp in self.spans if sp.start < e and s < sp.end]
                if not inside or any(sp.start < s or sp.end > e for sp in inside):
                    continue  # nothing cut it, or a longer name holds it
                if len(inside) == 1 and inside[0].start == s and inside[0].end == e:
                    continue
                self.spans = [sp for sp in self.spans if not (sp.start < e and s < sp.end)]
                toks = _split_tokens(text, s, e)
                self._add(toks, list(range(len(toks))), False, None)

    def _chunk_spans(self) -> Iterator[tuple[int, int]]:
        """Runs of capitalised words, joined across a plural owner's apostrophe when an organisation's
        last word follows ("the General Workers' Union", "the Writers' Guild")."""
        text = self.text
        suffix = self.lex.org_suffix
        pending: tuple[int, int] | None = None
        for m in _CHUNK_RE.finditer(text):
            s, e = m.span()
            if pending is not None:
                if s == pending[1] + 2 and self._next_word(s) in suffix:
                    s = pending[0]
                else:
                    yield pending
                pending = None
            if text.startswith(("' ", "’ "), e) and text[e - 1] in "sS":
                pending = (s, e)
            else:
                yield from self._split_after_name_end(s, e)
        if pending is not None:
            yield pending

    def _split_after_name_end(self, s: int, e: int) -> Iterator[tuple[int, int]]:
        """The run ``text[s:e]``, cut after an abbreviation that ends a name when a function word follows it:
        "Hank Williams Jr. He wrote" is "Hank Williams Jr." and a new sentence."""
        if self.text.find(".", s, e) < 0:
            yield s, e
            return
        function = self.lex.function
        for m in _NAME_END_ABBR_RE.finditer(self.text, s, e):
            if m["next"].casefold() in function:
                yield s, m.end("abbr")
                s = m.start("next")
        yield s, e

    def _chunk(self, start: int, end: int, headline: bool) -> None:
        lex = self.lex
        text = self.text
        toks = _split_tokens(text, start, end)
        n = len(toks)
        if not n:
            return
        self._keep_name_possessives(toks)
        initial = headline or sentence_initial(text, toks[0].start)
        person_next = False
        cur: list[int] = []
        licensed_of = False
        titled = False  # "of the" licensed by a title's shape, not by an organisation's head
        # a title right after the kind of work it is ("the film Hide and Seek") keeps its small words
        work = work_noun_before(text, toks[0].start) if not initial else None
        work_small = False  # the title kept one of its small words
        i = 0

        def flush() -> None:
            nonlocal cur, person_next, licensed_of, titled, work_small
            while cur and toks[cur[-1]].conn:
                cur.pop()
            if work_small and cur and cur[0] == 0:
                self.titles.add(text[toks[0].start : toks[cur[-1]].end])
            work_small = False
            if cur:
                self._add(toks, cur, person_next, None)
                person_next = False
            cur = []
            licensed_of = titled = False

        while i < n:
            t = toks[i]
            low = t.low
            if t.conn:
                nxt_ok = i + 1 < n and not toks[i + 1].conn
                ok = False
                if cur and nxt_ok:
                    last = toks[cur[-1]]
                    if work and cur[0] == 0 and low in _TITLE_SMALL_WORDS and not last.conn:
                        ok = work_small = low != "and" or self._and_ends_a_title(toks, i, work)
                    elif low == "&" or (low in _PARTICLES and not last.conn):
                        ok = True
                    elif low in ("of", "for") and not last.conn:
                        # "Louisville Assembly of Louisville": a plant and where it is, not one name
                        ok = self._heads_a_name_with(toks, cur, low) and toks[i + 1].low != toks[cur[0]].low
                        ok = ok or (low == "of" and self._law_through_of(toks, cur, i))
                        ok = ok or (low == "of" and self._everyday_of_everyday(toks, cur, i))
                        licensed_of = licensed_of or ok
                    elif low == "on" and not last.conn:
                        ok = self._goes_on_through_on(toks, cur, i + 1)
                        licensed_of = licensed_of or ok
                    elif low == "and" and not last.conn:
                        ok = not _is_acronym(toks[i + 1].text) and all(toks[k].low != "and" for k in cur)
                        ok = ok and not titled  # "Shaun of the Dead and Vera Drake": two titles
                        ok = ok and (
                            (licensed_of and not self._and_starts_a_name(toks, i + 1))
                            or (not licensed_of and len(cur) >= 2 and self._org_after_and(toks, i))
                            or (len(cur) == 1 and self._everyday_words_and_org(toks, cur[0], i))
                        )
                    elif low == "the" and last.conn and licensed_of:
                        ok = True
                elif (
                    cur and low == "on" and not toks[cur[-1]].conn and i + 2 < n and toks[i + 1].low == "the"
                ):
                    ok = self._goes_on_through_on(toks, cur, i + 2)  # "Summit on the Information Society"
                    licensed_of = licensed_of or ok
                elif cur and low in ("of", "the") and i + 1 < n and toks[i + 1].conn:
                    if not licensed_of and low == "of" and not toks[cur[-1]].conn:
                        if self._heads_a_name_with(toks, cur, low):  # "Bank of the United States"
                            licensed_of = True
                        else:
                            licensed_of = titled = self._title_of_the(toks, cur, i)
                    ok = licensed_of
                if ok:
                    cur.append(i)
                else:
                    flush()
                i += 1
                continue
            at_start = not cur
            first_of_chunk = i == 0 or (at_start and initial and all(toks[k].conn for k in range(i)))
            # known names, longest first
            m = self._lex_match(toks, i, lex.names) if low in lex.first_words else None
            if (
                m is None
                and not cur
                and low in lex.the_names
                and _THE_BEFORE_RE.search(text, max(0, t.start - 5), t.start)
            ):
                # "says the Times": The Times with a lowercase "the" (the whole chunk: not "the Times
                # Educational Supplement", which is another name)
                m = self._lex_match(toks, i, lex.the_names)
                if m is not None and m[0] != n - 1:
                    m = None
            if m is not None:
                j, typ = m
                # "Museum of London", "Organisation of American States", "University of Southern California"
                after_of = (
                    licensed_of
                    and not titled
                    and typ in ("place", "misc")
                    and (
                        toks[cur[-1]].conn
                        or toks[cur[-1]].low in lex.place_region
                        or toks[cur[-1]].low in lex.nationalities  # "Board of Deputies of British Jews"
                    )
                )
                if cur and not after_of and not self._absorbs(toks, cur, j, typ):
                    flush()
                elif cur and j > i:
                    # the whole known name joins: "EADS North America", "Sporting Kansas City"
                    cur.extend(range(i, j + 1))
                    i = j + 1
                    if toks[j].poss:
                        flush()
                    continue
                if not cur:
                    if self._continues(toks, i, j, typ):
                        cur = list(range(i, j + 1))
                        i = j + 1
                        if toks[j].poss:
                            flush()
                        continue
                    self._add(toks, list(range(i, j + 1)), person_next, typ)
                    person_next = False
                    i = j + 1
                    continue
            # titles
            tl = self._title_len(toks, i)
            if tl == 1 and not cur and self._title_word_of_the(toks, i):
                tl = 0  # "Lord of the Rings": the title word heads the name of a work
            elif tl == 1 and self._title_is_surname(toks, cur, i):
                tl = 0  # "John Major", "Stephen King": the title word is the given name's surname
            elif tl == 1 and self._kin_word_ends_a_name(toks, cur, i):
                tl = 0  # "Celebrity Big Brother", "Twisted Sister"
            if tl and licensed_of and not titled and toks[cur[-1]].conn:
                # the office an institution serves: "Office of the Deputy Prime Minister"
                cur.extend(range(i, i + tl))
                i += tl
                continue
            if tl and not self._title_is_name(toks, i, tl):
                # modifiers before the title belong to it ("Finance Minister")
                while cur and toks[cur[-1]].low in _TITLE_MODIFIERS:
                    cur.pop()
                flush()
                award = i > 0 and toks[i - 1].low == "best"  # "Best Actress for Million Dollar Baby": a work
                office = toks[i + tl - 1].low in _PORTFOLIO_TITLES  # (not "Mayor of Reading")
                i += tl
                if i < n and not award and (toks[i].low == "for" or (toks[i].low == "of" and office)):
                    # "Minister for Foreign Affairs Alexander Downer", "Secretary of Defense Donald Rumsfeld":
                    # the office's portfolio is no name, and whoever follows it holds the office
                    end = self._portfolio_end(toks, i + 1)
                    if end > i + 1:
                        i = end
                        person_next = True
                        continue
                # "President of France": the name after "of" is not the person who holds the office
                person_next = not (i < n and toks[i].low == "of")
                g = self._russian_office_end(toks, i)
                if g > i:
                    # "Мэр Москвы Сергей Собянин": the office's place or body, in the genitive, then its holder
                    self._add(toks, list(range(i, g)), False, None)
                    i = g
                continue
            k = self._holiday_len(toks, i)
            if k:
                if cur or continues_into_a_name(text, t.start, toks[i + k - 1].end, weekday=False):
                    cur.extend(range(i, i + k))  # "the Good Friday Agreement", "Sunday Bloody Sunday"
                else:  # "Christmas Eve", "Good Friday": a day's name, a date for the timeline
                    flush()
                i += k
                continue
            if (
                low in lex.months
                or (low in lex.weekdays and weekday_word_is_a_date(text, t.start, t.end))
                or low in lex.not_names
                # "MPs", "DJs": a kind of thing (but "A380s" are planes of a model)
                or (t.text[-1] == "s" and len(t.text) > 2 and t.text[:-1].isupper() and t.text.isalpha())
            ):
                flush()
                i += 1
                continue
            if at_start:
                if (low in lex.function or low in _DETERMINERS or low == "i") and not (
                    (low in _NAME_QUANTIFIERS or (i == 0 and low in lex.given_names and not headline))
                    and self._opens_a_name(toks, i, initial)  # "the All Blacks", "with Will Young"
                ):
                    i += 1
                    continue
                if (
                    t.suffix
                    and first_of_chunk
                    and initial
                    and t.suffix not in _CUE_SUFFIXES
                    and low not in lex.names
                    and low not in lex.given_names
                    and not _is_acronym(t.text)
                ):
                    i += 1  # "Anti-fraud consultancy ...": an everyday compound opens the sentence
                    continue
                if low in _PERIOD_WORDS and _ORDINAL_BEFORE_RE.search(text, max(0, t.start - 12), t.start):
                    i += 1
                    continue
                if first_of_chunk and initial and self._everyday_russian(toks, i):
                    i += 1
                    continue
                if (
                    ((first_of_chunk and initial) or headline)
                    and (
                        low in lex.common
                        or low in self.doc.lower_words
                        or self._opening_participle(toks, i)  # "Putting Vioxx back on the shelves ..."
                    )
                    and low not in lex.given_names
                    and low not in self.surnames  # "Jobs said" after "Steve Jobs"
                    and not self._suffix_ahead(toks, i)
                ):
                    i += 1
                    continue
            elif headline and low in lex.common and low not in lex.org_suffix:
                flush()
                i += 1
                continue
            if (
                low == "i"
                and cur
                and toks[cur[-1]].low not in _NUMBERED
                and toks[cur[-1]].low not in lex.given_names
            ):
                flush()  # the pronoun: "Thankfully I", "Somehow I knew"
                i += 1
                continue
            if (
                cur
                and low in lex.given_names
                and toks[cur[-1]].low not in lex.given_names
                and not toks[cur[-1]].conn
                and i + 1 < n
                and not toks[i + 1].conn
                and toks[cur[0]].low not in lex.given_names
                and toks[cur[-1]].low not in lex.place_first  # "Santa Monica-based", "Port Elizabeth"
            ):
                flush()  # "Moscow Sergei Sobyanin": a given name starts a new name
            cur.append(i)
            if t.poss or t.suffix:
                flush()
            i += 1
        flush()

    def _everyday_russian(self, toks: list[_Tok], i: int) -> bool:
        """A Russian everyday word opening a sentence: a cue word before a name ("Компания «Москвич»"), a lone
        word of an everyday ending ("Новые", "Производство"), a noun before a name in the genitive ("Жители
        Москвы": Russian capitalises only a name's first word, so two capitalised words are a personal name
        or an adjective and its noun, "Нижний Новгород"), or a word the text writes in lowercase in some case
        ("Завод" beside "заводе") and never capitalised mid-sentence."""
        t = toks[i]
        low = t.low
        lex = self.lex
        if not has_cyrillic(low) or low in lex.given_names or low in lex.names or low in self.surnames:
            return False
        if not opens_sentence(self.text, t.start):
            return False
        if low in lex.org_cue:
            return True
        if i + 1 == len(toks):
            everyday = everyday_opening_word(low)
        else:
            everyday = (
                has_cyrillic(toks[i + 1].low)
                and not toks[i + 1].conn
                and toks[i + 1].low not in lex.given_names  # "Собянин Сергей Семёнович"
                and not adjective_form(low)
            )
        words = self.russian_words
        return (everyday or words.written_lowercase(low)) and not words.capitalised_mid_sentence(low)

    def _russian_office_end(self, toks: list[_Tok], i: int) -> int:
        """After a Russian title, where its holder's name starts, when other words come between ("Мэр Москвы
        Сергей Собянин", "Глава Минпромторга Денис Мантуров"): at a given name, else before a patronymic or
        at the last two words ("Губернатор Татарстана Рустам Минниханов"); else ``i``. Only Russian words
        make an office and its holder ("Мэр The Times" is no such thing)."""
        n = len(toks)
        if i == 0 or not has_cyrillic(toks[i - 1].low):
            return i
        if any(t.conn or not has_cyrillic(t.low) for t in toks[i:]):
            return i
        for g in range(i + 1, n):
            if toks[g].low in self.lex.given_names:
                return g
            if g > i + 1 and toks[g].low.endswith(_PATRONYMIC_ENDINGS):
                return g - 1
        return max(i, n - 2)

    def _opening_participle(self, toks: list[_Tok], i: int) -> bool:
        """An everyday "-ing" word opening a sentence before a name: a verb, not the name's first word
        ("Putting Vioxx back ...", "Buying Yukos was ..."; a surname such as "Manning" is kept)."""
        low = toks[i].low
        if not low.endswith("ing"):
            return False
        before = self.text[max(0, toks[i].start - 2) : toks[i].start].strip()
        return (
            not before.endswith(_OPENING_QUOTES)  # a quoted title: "Sleeping Bread" (1975)
            and i + 1 < len(toks)
            and not toks[i + 1].conn
            and low not in self.lex.surnames
            and low not in self.lex.first_words  # "Downing St"
            and is_ordinary(low, self.lex.vocabulary)
        )

    def _opens_a_name(self, toks: list[_Tok], i: int, initial: bool) -> bool:
        """Whether a capitalised quantifier at ``i`` opens the name after it: in mid-sentence ("the All
        Blacks"; not "All Blacks coach ..." opening a sentence) and before a name word in mixed case."""
        if (i == 0 and initial) or i + 1 >= len(toks):
            return False
        nxt = toks[i + 1]
        return not nxt.conn and nxt.low not in self.lex.function and not nxt.text.isupper()

    def _and_ends_a_title(self, toks: list[_Tok], k: int, work: str) -> bool:
        """ "Hide and Seek" after "the film": one unknown word ends the chunk after "and", and the kind of
        work is singular (not "the films Closer and Sideways", nor "the film Ray and Jamie Foxx")."""
        if work.endswith("s") or k + 2 != len(toks):
            return False
        w = toks[k + 1]
        return not (w.low in self.lex.given_names or w.low in self.lex.first_words or _is_acronym(w.text))

    def _and_starts_a_name(self, toks: list[_Tok], k: int) -> bool:
        """Whether the words from ``k``, after "and" in an "X of Y" name, are a name of their own rather
        than more of the portfolio ("Ministry of Industry and Trade", "Police Federation of England and
        Wales"): a person ("University of California and Dan Gillmor"), another body ("Duchy of
        Lancaster and Duchy of Cornwall"), or whatever follows a complete "of" part."""
        lex = self.lex
        first = toks[k].low
        if first in lex.given_names:
            return True
        if (first in lex.org_head or first in lex.place_head) and k + 1 < len(toks):
            return True  # a head that opens a name ("and Duchy of Cornwall"; not "Transport and Society")
        before = toks[k - 2].low
        if before.rstrip(".") in lex.org_legal:
            return True  # "Bank of America Corp. and JPMorgan Chase & Co.": the company's name ended
        # after a known name the "of" part is complete ("Bank of Africa and Standard Trust Bank",
        # "City of London and Westminster"); only a second place goes on with it ("England and Wales")
        return lex.names.get(before) is not None and lex.names.get(first) != "place"

    def _heads_a_name_with(self, toks: list[_Tok], cur: list[int], conn: str) -> bool:
        """Whether the words in ``cur`` go on into a name through "of" or "for": they end with an
        organisation's head ("Ministry of ...", "Fund for ...") or, through "of" only, with a place's head
        ("Republic of ...") or begin with an organisation's head ("Bank of Japan's Policy Board of ...")."""
        lex = self.lex
        head = toks[cur[-1]].low
        if head in lex.org_head:
            return True
        # a plural head after a modifier: "British Chambers of Commerce" (not "Unions for Deutsche Boerse ...")
        if conn == "of" and len(cur) >= 2 and is_org_head(head, lex):
            return True
        return conn == "of" and (head in lex.place_head or toks[cur[0]].low in lex.org_head)

    def _law_through_of(self, toks: list[_Tok], cur: list[int], i: int) -> bool:
        """ "Freedom of Information Act", "Prevention of Terrorism Bill": one everyday word, "of", and words
        ending in a law's last word name one law (not "Blair of Labour's Bill", whose left is a name)."""
        if len(cur) != 1 or not self._everyday_word(toks[cur[0]]):
            return False
        k = _run_end(toks, i + 1)  # (through "the Freedom of Information Act's implementation")
        return k - i >= 3 and toks[k - 1].low in self.lex.law_suffix

    def _everyday_of_everyday(self, toks: list[_Tok], cur: list[int], i: int) -> bool:
        """ "Summer of Love", "Call of Duty", "Walk of Fame": two capitalised everyday words joined by "of"
        and ending the run are one name, where each alone would be a word. Not a part of something named
        ("Part of Europe", "Shares of Vodafone", "Members of Parliament"), nor "Most of Britain"."""
        k = i + 1
        if len(cur) > 2 or k >= len(toks) or toks[k].conn or (k + 1 < len(toks) and not toks[k + 1].conn):
            return False
        lex = self.lex
        for t in [toks[x] for x in cur] + [toks[k]]:
            low = t.low
            if (
                not self._everyday_word(t)
                or low in lex.names
                or low in lex.function
                or low in lex.titles
                or low in lex.months
                or low in lex.weekdays
                or is_org_head(low, lex)
                or low in lex.place_head
            ):
                return False
        return True

    def _portfolio_end(self, toks: list[_Tok], k: int) -> int:
        """Where the everyday words of an office's portfolio starting at ``k`` end ("Health", "Industry and
        Trade", "Foreign Affairs"); ``k`` itself when there are none, or when the words name something
        ("President of France", "Chairman of General Motors", "Mayor of Reading")."""
        lex = self.lex
        j = k
        while j < len(toks):
            t = toks[j]
            if t.conn:
                if t.low != "and" or j == k or j + 1 >= len(toks) or toks[j + 1].conn:
                    break
            elif (
                (t.low in lex.first_words and self._lex_match(toks, j, lex.names) is not None)
                or t.low in lex.org_head
                or not self._everyday_word(t)
            ):
                break
            j += 1
            if t.poss or t.suffix:
                return k  # "Minister of Finance's plan": leave it as it was read before
        while j > k and toks[j - 1].conn:
            j -= 1
        if j - k >= 2 and toks[j - 1].low in lex.org_suffix:
            return k  # "Chairman of Allied Industries": the words make a company's name
        return j

    def _goes_on_through_on(self, toks: list[_Tok], cur: list[int], k: int) -> bool:
        """Whether "on" after ``cur`` joins the name word at ``k`` to it: "Committee on Foreign Relations",
        "Convention on Human Rights", but not "the Commission on Thursday"."""
        lex = self.lex
        if k >= len(toks) or toks[k].conn or toks[cur[-1]].poss or toks[cur[-1]].low not in lex.on_head:
            return False
        nxt = toks[k].low
        return nxt not in lex.weekdays and nxt not in lex.months and nxt not in lex.holidays

    def _title_word_of_the(self, toks: list[_Tok], i: int) -> bool:
        """ "Lord of the Rings", "King of the Hill": a title of rank or kin, "of the" and one unknown word
        ending the run name a work. Offices stay titles ("Secretary of the Navy", "Leader of the
        Opposition"), as do ranks before a known name ("King of the Belgians")."""
        if toks[i].low not in _WORK_TITLE_HEADS or i + 3 >= len(toks):
            return False
        if toks[i + 1].low != "of" or not toks[i + 1].conn or (i + 4 < len(toks) and not toks[i + 4].conn):
            return False
        return self._title_of_the(toks, [i], i + 1)

    def _title_of_the(self, toks: list[_Tok], cur: list[int], i: int) -> bool:
        """ "Eternal Sunshine of the Spotless Mind", "Shaun of the Dead": a title of two unknown halves
        joined by "of the" (not "Simon Hart of the Countryside Alliance", whose left half is a person's,
        nor "Ajax of the Netherlands", whose right half is a known name)."""
        lex = self.lex
        if i + 2 >= len(toks) or toks[i + 1].low != "the" or toks[i + 2].conn:
            return False
        right = toks[i + 2].low
        if right in lex.first_words or right in lex.titles or right in lex.given_names:
            return False
        if _is_acronym(toks[i + 2].text):
            return False  # "Rhian Beynon of the JCWI"
        left = [toks[k].low for k in cur]
        if len(left) == 1 and left[0] in _WORK_TITLE_HEADS:  # "Lord of the Flies" (see _title_word_of_the)
            return True
        return not any(w in lex.names or w in lex.given_names or w in lex.titles for w in left)

    def _everyday_words_and_org(self, toks: list[_Tok], left: int, i: int) -> bool:
        """ "Transport and General Workers Union", "Food and Agriculture Organisation": an everyday word, "and",
        then words that name no one else ending with an organisation's last word. Not two names ("Apple and
        Apple Corps", "Navy and Air Force", "Universal and Warner Bros.")."""
        lex = self.lex
        first = toks[left].low
        if (
            first in lex.names
            or first in lex.given_names
            or first in lex.surnames
            or first in lex.org_head
            or not is_ordinary(first, lex.vocabulary)
        ):
            return False
        k = _run_end(toks, i + 1)  # (through "... General Workers' Union's members")
        right = toks[i + 1 : k]
        if len(right) < 2 or right[-1].low.rstrip(".") not in lex.org_suffix:
            return False
        return all(
            self._everyday_word(t)
            and t.low not in lex.names
            and t.low != first
            and t.low not in lex.org_prefix
            and t.low not in lex.function  # "Times and The Sun"
            for t in right[:-1]
        )

    def _everyday_word(self, t: _Tok) -> bool:
        """A capitalised everyday word that is no one's name ("Health", "General", "Agriculture"): what an
        office's portfolio and the words of "Transport and General Workers Union" are made of."""
        lex = self.lex
        low = t.low
        return (
            t.text[1:].islower()
            and low not in lex.given_names
            and low not in lex.surnames
            and (low in lex.common or is_ordinary(low, lex.vocabulary) or low.endswith(_ABSTRACT_ENDINGS))
        )

    def _org_after_and(self, toks: list[_Tok], i: int) -> bool:
        """ "Defence and Space Company": the words after "and" end a long organisation name."""
        k = i + 1
        while k < len(toks) and not toks[k].conn:
            if toks[k].low in self.lex.org_suffix:
                return True
            k += 1
        return False

    def _absorbs(self, toks: list[_Tok], cur: list[int], j: int, typ: str) -> bool:
        """Whether a known name right after ``cur`` is part of the same name ("George Washington")."""
        first = toks[cur[0]].low
        if (
            len(cur) == 1
            and typ == "place"
            and (first in self.lex.given_names or first in self.lex.place_region)
        ):
            return True  # "George Washington", "South Australia", "West Yorkshire"
        if (
            len(cur) == 1
            and typ == "misc"
            and first in self.lex.given_names
            and _words_key(toks, cur[0] + 1, j) in self.lex.products
        ):
            return True  # "Robert MacIntosh" is a person, not the computer
        if len(cur) == 1 and typ == "place" and _is_acronym(toks[cur[0]].text):
            # "AC Milan", "PSV Eindhoven", "GM Europe": a club or a branch named with its town or region
            # (not a country's: "SKR China" is a sum in Swedish crowns)
            return _words_key(toks, cur[0] + 1, j) not in self.lex.countries
        # "Air France", "Real Madrid": an organisation's first word
        return len(cur) == 1 and (first in _ORG_PREFIX or first in self.lex.org_prefix)

    def _continues(self, toks: list[_Tok], i: int, j: int, typ: str) -> bool:
        """Whether a known name goes on into a longer name ("British Airways", "China Daily")."""
        lex = self.lex
        if toks[j].poss or toks[j].suffix:
            return False
        k = j + 1
        last = None
        while k < len(toks) and not toks[k].conn:
            w = toks[k]
            if w.low in lex.titles or w.low in lex.months or w.low in lex.weekdays:
                break
            last = w
            if w.poss or w.suffix:
                break
            k += 1
        if last is None:
            return False
        if toks[i].low == "the":  # "The Economist Intelligence Unit", "The Times Educational Supplement"
            return True
        if last.low in lex.misc_suffix and k - j <= 3:
            return True
        if any(toks[x].low in lex.org_suffix for x in range(j + 1, k)):
            return True
        head = toks[k - 1].low
        if j == i and toks[i].low in lex.nationalities and is_org_head(head, lex):
            return True  # "American Chamber of Commerce", "Russian Academy of Sciences"
        if typ == "place" and last.low in lex.place_suffix:
            return True
        if _words_key(toks, i, j) in lex.products:
            # a product's edition or part: "Windows Media Player", "Xbox Live Arcade" (not a person next)
            nxt = toks[j + 1]
            return nxt.low not in lex.names and nxt.low not in lex.given_names
        if typ == "place" and k - j == 2 and i == j:  # "Moscow Metro", not "Las Vegas Microsoft"
            nxt = toks[j + 1]
            return not (
                _is_acronym(nxt.text)
                or nxt.text[:1].islower()  # "United Kingdom iTunes store"
                or nxt.low in lex.names
                or nxt.low in lex.given_names
                or nxt.low in lex.common
            )
        return False

    def _title_is_name(self, toks: list[_Tok], i: int, tl: int) -> bool:
        """A title word that starts an organisation or a known name ("General Motors", "King's Cross"), or
        an everyday phrase ("General Election", "Private Eye"): a common word after a title that is a common
        word too is no one's name."""
        if toks[i].poss or self._suffix_ahead(toks, i + tl - 1):
            return True
        k = i + tl
        lex = self.lex
        # "Mr Jobs", "Prime Minister Major": an honorific or a long title names whoever follows
        if tl > 1 or toks[i].low not in lex.common or k >= len(toks) or toks[k].conn:
            return False
        nxt = toks[k].low
        return (
            nxt in lex.common
            and nxt not in lex.surnames
            and nxt not in lex.given_names
            and nxt not in lex.names
            and nxt not in lex.titles
        )

    def _title_is_surname(self, toks: list[_Tok], cur: list[int], i: int) -> bool:
        """A title word that ends the run right after a given name is its surname ("John Major", "Martin
        Luther King Jr."); after a given name that is a known place too ("the Victoria Premier") it is a title."""
        if not cur or cur[-1] != i - 1 or any(toks[k].conn or toks[k].poss for k in cur):
            return False
        first = toks[cur[0]].low
        if first not in self.lex.given_names or first in self.lex.names:
            return False
        k = i + 1
        if k < len(toks) and toks[k].low.rstrip(".") in _GENERATIONS:
            k += 1
        return k >= len(toks) or (toks[k].conn and toks[k].low != "of")  # (not "Mary Queen of Scots")

    def _kin_word_ends_a_name(self, toks: list[_Tok], cur: list[int], i: int) -> bool:
        """A word of kin ("Brother", "Sister") that ends the run after another capitalised word ends a name
        ("Big Brother", "Twisted Sister"): as a title it would come before a name ("Sister Wendy")."""
        if toks[i].low not in _KIN_WORDS or not cur or cur[-1] != i - 1:
            return False
        if i + 1 < len(toks) and not toks[i + 1].conn:
            return False
        before = toks[i - 1]
        lex = self.lex
        if before.conn or before.poss or self._title_len(toks, i - 1) or before.low in _TITLE_MODIFIERS:
            return False
        if before.low in lex.names:
            return False  # the song "Irish Son": the known name goes its own way
        everyday = before.low in lex.common or before.low in lex.vocabulary
        return not (everyday and sentence_initial(self.text, before.start))  # ("Big" of "Big Brother is…")

    def _suffix_ahead(self, toks: list[_Tok], i: int) -> bool:
        """Whether the capitalised words after token ``i`` end with an organisation or event suffix."""
        lex = self.lex
        k = i + 1
        if k >= len(toks) or toks[k].conn or toks[i].poss:
            return False
        last = None
        while k < len(toks) and not toks[k].conn:
            last = toks[k]
            if last.poss:
                break
            k += 1
        return last is not None and (last.low in lex.org_suffix or last.low in lex.misc_suffix)

    def _add(self, toks: list[_Tok], idx: list[int], person: bool, lex_type: str | None) -> None:
        first, last = toks[idx[0]], toks[idx[-1]]
        s, e = first.start, last.end
        if e <= s:
            return
        text = self.text
        if text.startswith("$", e):  # a currency: US$, C$
            return
        product = False
        station = None
        if not last.poss and not last.suffix and last.low in _NUMBERED_STATIONS:
            station = _STATION_NUM_RE.match(text, e)
        if station:
            e = station.end(1)
        elif not last.poss and not last.suffix:
            m = _MODEL_NUM_RE.match(text, e)
            camel = first.text[:1].islower()  # "iPhone 4", "iOS 5": a product whatever follows
            if (
                m
                and (camel or len(m.group(1)) >= 3)
                and (m.group(2) not in _NOT_AFTER_MODEL or camel)
                and (m.group(3) is None or camel)
            ):
                e = m.end(1)
                product = True
        words = [toks[k].low for k in idx]
        if station:
            words.append(station.group(1))
        if product:
            words.append(text[last.end : e].strip().casefold())  # "Boeing 747" is not "Boeing"
        sp = Span(s, e, text[s:e], words, lex_type=None if product else lex_type, product=product)
        if person:
            sp.evidence.add("person", 6)
        if last.suffix:
            sp.evidence.suffix = last.suffix
        self.spans.append(sp)
        if len(words) >= 2 and not product and words[0] in self.lex.given_names:
            self.surnames.add(words[-1])

    # -- ALL-CAPS lines ----------------------------------------------------------------------------
    def _doc_names(self) -> dict[str, str]:
        """Names found in the normal text, and their words, for reading ALL-CAPS lines."""
        known: dict[str, str] = {}
        for sp in self.spans:
            key = " ".join(sp.words)
            known.setdefault(key, sp.lex_type or "?")
            if len(sp.words) > 1:
                for w in sp.words:
                    if len(w) > 2 and w not in self.lex.common:
                        known.setdefault(w, "?")
        return known

    def _caps_chunk(self, start: int, end: int, known: dict[str, str]) -> None:
        lex = self.lex
        toks = _split_tokens(self.text, start, end)
        self._keep_name_possessives(toks)
        i, n = 0, len(toks)
        while i < n:
            t = toks[i]
            if t.conn:
                i += 1
                continue
            best = None
            if t.low in lex.first_words:
                best = self._lex_match(toks, i, lex.names)
            mk = self._lex_match(toks, i, known)
            if mk is not None and (best is None or mk[0] > best[0]):
                best = (mk[0], lex.names.get(_words_key(toks, i, mk[0]), "?"))
            if (
                best is None
                and _is_acronym(t.text)
                and len(t.text) <= 4
                and t.low not in lex.common
                and t.low not in lex.months
                and t.low not in lex.weekdays
                and t.low not in lex.titles
            ):
                best = (i, "?")
            if best is None:
                i += 1
                continue
            j, typ = best
            before = len(self.spans)
            self._add(toks, list(range(i, j + 1)), False, typ if typ != "?" else None)
            if len(self.spans) > before:  # _add may refuse the span (e.g. all punctuation)
                self.spans[-1].caps = True
            i = j + 1


_NEXT_WORD_RE = re.compile(r"\W*(\w+)")
# A model number after a name ("Boeing 747 jets", "iPhone 4"), not a score ("Essex 372 and 112-3").
_MODEL_NUM_RE = re.compile(
    r"[ \t]+(\d{1,4}(?:-\d{1,4})?(?:[A-Z]{1,3}|s)?)(?:[ \t]+([a-z]+|[`'\"“])|[ \t]?\.(?=\s|$)|[ \t]?([,;:)]))"
)
_NOT_AFTER_MODEL = frozenset(
    [
        "and",
        "for",
        "to",
        "in",
        "at",
        "on",
        "after",
        "of",
        "runs",
        "points",
        "wickets",
        "not",
        "all",
        "from",
        "with",
        "by",
        "or",
        "off",
        "against",
        "minutes",
    ]
)


# A work or event typed by a cue ("the film X", "X, starring", "X Cup") scores at least this; its
# name's shape alone says organisation or person, so across a corpus the cue must outweigh that.
# A person is strong only after a title or role ("singer Bono", "Mr Eriksson"): other person cues
# are noisy ("X, who" makes any name a person). A product cue ("the X operating system") is strong when
# it leaves the mention misc: a maker keeps its own type there ("Airbus aircraft"), so only what an
# article calls a product carries that across the corpus ("Windows" named alone in other articles).
# An organisation is strong after a word naming a body ("the band X", "carmaker X") or before a plural
# verb ("X were"): a band or a firm named like a person ("Scissor Sisters", "Hewlett Packard").
_STRONG = 5.0


def extract_entities(text: str) -> list[EntityMention]:
    """Named entities of ``text`` in text order; ``text[m.start:m.end] == m.text`` always holds."""
    if not text:
        return []
    lex = lexicon()
    seg = _Segmenter(text, lex)
    spans = seg.run()
    type_spans(text, spans, lex, seg.doc.lower_words)
    out = []
    for sp in spans:
        if sp.type is None:
            continue
        ev = sp.evidence
        strong = (
            (sp.type == "misc" and (sp.product_cued or ev.scores.get("misc", 0.0) >= _STRONG))
            or (sp.type == "person" and ev.titled)
            or (sp.type == "organization" and ev.org_cued)
        )
        weak = sp.type == "organization" and len(sp.words) == 1 and only_guessed(sp)
        out.append(EntityMention(sp.start, sp.end, text[sp.start : sp.end], sp.type, strong, weak))
    if has_cyrillic(text):
        out = with_institutions(text, out, lex)
    return out
