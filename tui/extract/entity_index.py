"""Corpus-level entities: per-article mentions merged into one entity per real-world name.

Merging rules, in order:

1. ``options.merge`` maps an alias to a canonical name; ``options.ignore`` drops names.
2. Forms the word lists know as one place or organisation share it ("U.S." and "United States").
3. A form takes the type most of its mentions have (type consistency across the corpus); cued mentions
   in several articles weigh more, and a word that only the fallback guess made an organisation is a
   person where the corpus names someone of that surname in full.
4. A short form merges into a full name when that is unambiguous and plausible, first within the article,
   then across the corpus (where the full name must be well attested): a surname into a person ("Sobyanin"
   -> "Sergei Sobyanin"; "S Sobyanin" only where the article or the company it keeps says so), a first
   word or an acronym into an organisation ("JAC" -> "JAC Motors", "GM" -> "General Motors", though
   "GM Daewoo" begins with it); only within the article, an acronym into a
   product or event named in full ("IE" -> "Internet Explorer"), a first name into a person, and an
   institution's head noun into the one such institution named ("Steve" -> "Steve Jobs", "Commission"
   -> "European Commission"). A sentence-initial word or a place glued to a name ("Today Apple", "Las Vegas
   Microsoft") makes no plausible full name; a rare suffixed form merges into a short name used far more
   widely on its own ("Apple Inc." into "Apple"), and names that differ only by a legal form are one
   ("General Motors Corporation" into "General Motors"). Where an article names several people a surname
   may stand for, one that is itself a short form of another ("T Shanklin" of "Tom Shanklin") is that one,
   and people of that surname go before people of that first name.
5. ``options.extra`` entities are found in the texts by their name and aliases (whole words) and take
   precedence over what the extractor found at those places.

The full name a short form merged into names the entity (else its form with the most words, then the
most mentions); the others are aliases. A short form never renames or retypes a frequent entity through a
stray long form ("Today Apple" does not absorb "Apple").
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from tui.extract.cross_script import cross_script_joins
from tui.extract.lexicon import Lexicon, is_ordinary, lexicon, norm_key
from tui.extract.mention_store import EntityMentionStore
from tui.extract.model import ENTITY_TYPES, Entity, EntityMention
from tui.extract.russian import dictionary_form_rank, has_cyrillic, stem_key

_PERSON = ENTITY_TYPES.index("person")  # the type bits of a person's variant

_TYPE_ALIASES = {
    "org": "organization",
    "organisation": "organization",
    "loc": "place",
    "location": "place",
    "per": "person",
    "gpe": "place",
}


@dataclass
class EntityOptions:
    """User adjustments: extra entities, names to ignore, aliases to merge."""

    extra: list[dict] = field(default_factory=list)  # {"name", "type", "aliases": [...]}
    ignore: list[str] = field(default_factory=list)
    merge: dict[str, str] = field(default_factory=dict)  # alias -> canonical name


@dataclass
class EntityIndex:
    """Entities (most mentioned first) and where each article mentions them."""

    entities: list[Entity]
    # article id -> flat (start, end, index into entities) triples: a compact array, not tuples,
    # because a 100,000-article corpus has millions of mentions (memory, and cache load time)
    mentions: dict[str, array]
    _lookup: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self._lookup:
            for i, e in enumerate(self.entities):
                for n in (e.name, *e.aliases):
                    self._lookup.setdefault(norm_key(n), []).append(i)

    def entity_ids_for(self, name: str) -> list[int]:
        """Indices of the entities whose name or an alias is ``name`` (case-insensitive), best first."""
        ids = self._lookup.get(norm_key(name), [])
        # an entity named so beats one that merely has it as an alias
        key = norm_key(name)
        return sorted(ids, key=lambda i: (norm_key(self.entities[i].name) != key, i))

    def find(self, name: str) -> Entity | None:
        """The entity called ``name`` or having it as an alias (case-insensitive)."""
        ids = self.entity_ids_for(name)
        return self.entities[ids[0]] if ids else None

    def articles_for(self, name: str) -> list[str]:
        """Article ids that mention the entity ``name``, in corpus order."""
        e = self.find(name)
        return list(e.articles) if e else []

    def mentions_of(self, article_id: str) -> list[tuple[int, int, int]]:
        """Every mention in one article as (start, end, index into ``entities``), in text order."""
        flat = self.mentions.get(article_id)
        if not flat:
            return []
        it = iter(flat)
        return list(zip(it, it, it, strict=True))

    def mentions_in(self, article_id: str, name: str) -> list[tuple[int, int]]:
        """Where one article mentions the entity ``name``."""
        ids = set(self.entity_ids_for(name)[:1])
        return [(s, e) for s, e, k in self.mentions_of(article_id) if k in ids]


_CUE_WEIGHT = 10  # corpus type vote: what an article with a cue for a type adds to its mentions' votes


def _norm_type(t: str | None) -> str:
    t = (t or "misc").casefold()
    t = _TYPE_ALIASES.get(t, t)
    return t if t in ENTITY_TYPES else "misc"


def _display_score(form: str) -> tuple:
    """Prefer normal casing over ALL CAPS, and straight over curly apostrophes."""
    return (form.isupper() and len(form) > 4, "’" in form)


def _case_rank(form: str) -> int:
    """How unlikely a Cyrillic name's form is its dictionary form, by its first and last words: the case
    shows in both ("Сергея Собянина"), or only in the first ("Министерства обороны"); 0 for Latin names."""
    if not has_cyrillic(form):
        return 0
    words = form.split()
    rank = dictionary_form_rank(words[-1])
    return rank + dictionary_form_rank(words[0]) if len(words) > 1 else rank


def _inflected_forms(keys: Iterable[str], lex: Lexicon) -> dict[str, str]:
    """Each Cyrillic name's key that is another case of a name in ``keys`` -> the key of the form most like
    its dictionary form ("собянина" -> "собянин"; "сергея собянина" -> "сергей собянин"). Listed names
    are left to the lists, which know their forms."""
    by_stem: dict[str, list[str]] = defaultdict(list)
    for k in set(keys):
        if has_cyrillic(k) and k not in lex.canonical:
            by_stem[stem_key(k)].append(k)
    out: dict[str, str] = {}
    for found in by_stem.values():
        if len(found) > 1:
            main = min(found, key=lambda k: (_case_rank(k), k))
            out.update((k, main) for k in found if k != main)
    return out


def _clips(short: list[str], full: list[str]) -> bool:
    """Whether each word of ``short`` is a clipped word of ``full`` ("lib dems" of "liberal democrats")."""
    return len(short) == len(full) and all(
        f.startswith(w.rstrip("s")) and len(w.rstrip("s")) < len(f) for w, f in zip(short, full, strict=True)
    )


_INITIAL_DOT_RE = re.compile(r"(?<![\w.])(\w)\.(?= )")


def _name_key(name: str) -> str:
    """A name's group key: its lookup key without the full stop of a middle initial, so "George W. Bush"
    and "George W Bush" are one name (not "U.S. Steel", whose stop follows a letter's)."""
    return _INITIAL_DOT_RE.sub(r"\1", norm_key(name))


def _initials(key: str) -> str:
    words = [w for w in key.replace("-", " ").split() if w not in ("of", "and", "for", "the", "&", "de")]
    return "".join(w[0] for w in words)


def build_entity_index(
    per_article: Mapping[str, list[EntityMention]] | EntityMentionStore,
    options: EntityOptions | None = None,
    texts: Mapping[str, str] | None = None,
) -> EntityIndex:
    """Merge per-article mentions into corpus entities (see the module docstring for the rules).

    Works from the flat arrays of an :class:`EntityMentionStore` and counts per surface form, so a
    corpus's millions of mentions never become objects; ``texts`` is read only for ``options.extra``.
    """
    options = options or EntityOptions()
    store = (
        per_article
        if isinstance(per_article, EntityMentionStore)
        else EntityMentionStore.from_mentions(dict(per_article))
    )
    lex = lexicon()
    ignore = {_name_key(n) for n in options.ignore}
    merge_to = {_name_key(a): _name_key(c) for a, c in options.merge.items()}
    merge_names = {_name_key(c): str(c) for c in options.merge.values()}

    # A mention's "variant" is its code in the store (form * 16 + weak * 8 + strong * 4 + type); an extra
    # entity found in a text gets a variant numbered past those, with its own surface, key and type.
    forms = store.forms
    first_extra = 16 * len(forms)
    extra_variants: list[tuple[str, str, str]] = []  # (surface, form key, type)
    extras = _extra_entities(options)
    extra_types = {ex.key: ex.type for ex in extras}
    extra_names = {ex.key: ex.name for ex in extras}
    extra_keys = {_name_key(f): ex.key for ex in extras for f in ex.forms}  # form key -> canonical key
    article_extra = _extra_entity_hits(store, extras, extra_types, texts, extra_variants, first_extra)

    form_keys = [_name_key(f) for f in forms]
    inflected = _inflected_forms(form_keys, lex)

    def variant_surface(v: int) -> str:
        return forms[v >> 4] if v < first_extra else extra_variants[v - first_extra][0]

    def variant_key(v: int) -> str:
        return form_keys[v >> 4] if v < first_extra else extra_variants[v - first_extra][1]

    def variant_type(v: int) -> str:
        return ENTITY_TYPES[v & 3] if v < first_extra else extra_variants[v - first_extra][2]

    # group key of each form: user merges, extra entities, lexicon canonical names
    def group_of(key: str) -> str:
        key = merge_to.get(key, key)
        key = inflected.get(key, key)  # "собянина" -> "собянин"
        key = merge_to.get(key, key)
        if key in extra_keys:
            return extra_keys[key]
        canon = lex.canonical.get(key)
        if canon is not None:
            ck = _name_key(canon)
            return merge_to.get(ck, ck)
        return key

    def rows(aid: str, flat: array) -> Iterator[tuple[int, int, int]]:
        """One article's (start, end, variant): extra entities' hits first, then the rest that they leave."""
        it = iter(flat)
        extra = article_extra.get(aid)
        if not extra:
            return zip(it, it, it, strict=True)
        return _with_extra_hits(extra, zip(it, it, it, strict=True))

    variant_count: Counter = Counter()
    cued_in: Counter = Counter()  # strong (cued) variant -> number of articles it is in
    # a one-word name said where the article names a person of that surname in full is that person there
    # ("Dr Fox" beside "Liam Fox"): those mentions do not vote on what the word alone is elsewhere
    shadowed: Counter = Counter()
    shadowed_cued: Counter = Counter()
    surname_of = [k.rsplit(None, 1)[1] if " " in k else None for k in form_keys]  # per form
    for aid, flat in store.by_article.items():
        variants = flat[2::3]
        if aid in article_extra:
            variant_count.update(v for _s, _e, v in rows(aid, flat))
        else:
            variant_count.update(variants)
        here = set(variants)
        cued_in.update(v for v in here if v & 4)
        surnames = {surname_of[v >> 4] for v in here if v & 3 == _PERSON and v < first_extra}
        surnames.discard(None)
        if surnames:
            for v in here:
                if v < first_extra and form_keys[v >> 4] in surnames:
                    shadowed[v] += variants.count(v)
                    shadowed_cued[v] += v >> 2 & 1
    # the group of each variant, None when ignored
    variant_group: dict[int, str | None] = {}
    for v in variant_count:
        key = variant_key(v)
        if key not in ignore and lex.the_names.get(key) == variant_type(v):
            key = "the " + key  # "the Guardian" mid-sentence is The Guardian; "Hague said" is no city
        g = None if key in ignore else group_of(key)
        variant_group[v] = None if g in ignore else g

    type_votes: dict[str, Counter] = defaultdict(Counter)
    group_count: Counter = Counter()
    titled: set[str] = set()  # groups named after a title or role in several articles ("singer Bono")
    guessed: Counter = Counter()  # mentions typed by nothing but the fallback guess, per group
    cued_types: dict[str, set[str]] = defaultdict(set)  # types a cue gives the group in 2+ articles
    shadowed_groups = {variant_group[v] for v in shadowed} - {None}
    alone_votes: dict[str, Counter] = defaultdict(Counter)  # their votes from the mentions not shadowed
    for v, n in variant_count.items():
        g = variant_group[v]
        if g is not None:
            group_count[g] += n
            if v < first_extra and v & 8:
                guessed[g] += n
            # each article with a cue for the type adds votes: "the biopic The Aviator" in a few
            # articles decides what a bare "The Aviator" is in the others; one article's cue
            # (however often it names the thing, and cues can misfire) does not outvote the corpus
            cued = cued_in.get(v, 0)
            if g in shadowed_groups and not v & 8:  # (not a mere guess: a line-up's "Dallaglio")
                alone = n - shadowed[v]
                if alone:
                    alone_votes[g][variant_type(v)] += _votes(alone, cued - shadowed_cued[v])
            type_votes[g][variant_type(v)] += _votes(n, cued)
            if cued >= 2:
                cued_types[g].add(variant_type(v))
                if variant_type(v) == "person":
                    titled.add(g)
    # against a type cued in several articles, a mention only guessed to be an organisation counts half:
    # "the Xbox console" in four articles outweighs sixty bare "Xbox" that nothing typed
    for g, kinds in cued_types.items():
        if guessed[g] and kinds - {"organization"}:
            type_votes[g]["organization"] -= guessed[g] / 2
    group_type = {g: votes.most_common(1)[0][0] for g, votes in type_votes.items()}
    # a name that is an organisation only by the fallback guess is a person where the corpus names someone
    # of that surname, spelt alike, in full ("Foley" in a team line-up, "Anthony Foley" in another report;
    # not the computer "Macintosh" beside a "Robert MacIntosh")
    surnames = {
        variant_surface(v).rsplit(None, 1)[-1]
        for v, g in variant_group.items()
        if g is not None and group_type.get(g) == "person" and _full_personal_name(g, lex)
    }
    for v, g in variant_group.items():
        if (
            g in guessed
            and group_type[g] == "organization"
            and type_votes[g]["organization"] == guessed[g]
            and variant_surface(v) in surnames
            and _may_be_a_surname(g, lex)
        ):
            group_type[g] = "person"
    # a one-word "person" the corpus never names in full ("Chelsea" with no "Chelsea Smith") is doubtful:
    # a fair share of other votes wins ("Chelsea winger X" makes it a club), unless titles or roles
    # name it in several articles (stage names: "singer Bono", "rapper Eminem")
    person_words = {w for g, t in group_type.items() if t == "person" and " " in g for w in g.split()}
    for g, t in group_type.items():
        if t == "person" and " " not in g and g not in person_words and g not in titled:
            votes = type_votes[g]
            other, n = max(
                ((k, v) for k, v in votes.items() if k != "person"), default=(None, 0), key=lambda kv: kv[1]
            )
            if other is not None and 4 * n >= votes["person"]:
                group_type[g] = other
    # the plural of a work, product or event is one too ("the Grand Slams", "iPods", "Sri Lankans"),
    # when nothing but the name's shape typed it otherwise and the singular is the more widely named
    for g, t in group_type.items():
        if t != "misc" and not cued_types.get(g) and g.endswith("s"):
            one = g[:-2] if g.endswith("es") and group_type.get(g[:-2]) == "misc" else g[:-1]
            if group_type.get(one) == "misc" and group_count[one] > group_count[g]:
                group_type[g] = "misc"
    for g, t in extra_types.items():
        group_type[g] = t
    # a family name said alone where nobody of that name is named in full: the evidence of those mentions
    # says what it is there ("a Fox spokesman" is the network, though "Dr Fox" beside "Liam Fox" is him),
    # and such a mention joins no person named elsewhere
    alone_type: dict[str, str] = {}
    for g, votes in alone_votes.items():
        if group_type.get(g) == "person" and " " not in g and g not in extra_types:
            top, n = votes.most_common(1)[0]
            if n > votes["person"]:
                alone_type[g] = top

    def groups_in(aid: str, flat: array) -> set[str]:
        variants = {v for _s, _e, v in rows(aid, flat)} if aid in article_extra else set(flat[2::3])
        return {g for v in variants if (g := variant_group[v]) is not None}

    def group_counts(aid: str, flat: array) -> Counter:
        """The article's groups, each with its number of mentions there."""
        variants = (
            Counter(v for _s, _e, v in rows(aid, flat)) if aid in article_extra else Counter(flat[2::3])
        )
        found: Counter = Counter()
        for v, n in variants.items():
            if (g := variant_group[v]) is not None:
                found[g] += n
        return found

    # short forms -> full names
    group_articles: dict[str, array] = defaultdict(lambda: array("I"))  # article numbers, ascending
    for n, (aid, flat) in enumerate(store.by_article.items()):
        for g in groups_in(aid, flat):
            group_articles[g].append(n)
    candidates, absorbed, best_known, defined_first = _short_form_candidates(
        set(group_type), group_type, lex, group_count, group_articles
    )
    company = _company_kept(set(best_known.values()), group_articles, store, groups_in)
    forms_of_name: dict[str, list[str]] = defaultdict(list)  # absorbed long forms of each name
    for long_form, short in absorbed.items():
        forms_of_name[short].append(long_form)
    del group_articles

    seen_here: set[str] = set()  # the groups met so far in the article being placed

    def resolve(local_groups: Counter, g: str) -> str:
        """The group a mention of ``g`` joins, following merges on ("Radio" -> "Radio 4" -> "BBC Radio 4");
        a long form absorbed into a widely used short name stops there ("Apple Inc." is Apple)."""
        seen = [g]
        while len(seen) < 4 and seen[-1] not in absorbed:
            nxt = resolve_once(local_groups, seen[-1])
            if nxt in seen:
                break
            seen.append(nxt)
        return absorbed.get(seen[-1], seen[-1])

    def resolve_once(local_groups: Counter, g: str) -> str:
        if g in extra_types or g in merge_to.values():
            return g
        if g in absorbed:
            return absorbed[g]
        cands = candidates.get(g)
        if not cands:
            return g
        # a full name the article gives in a form absorbed into it counts ("General Motors Corporation (GM)")
        local = [
            c
            for c, _ in cands
            if (c in local_groups or any(f in local_groups for f in forms_of_name.get(c, ())))
            and ((g, c) not in defined_first or c in seen_here)
        ]
        if len(local) > 1:
            # a candidate that is itself a short form of another is that one ("T Shanklin", "Tom Shanklin")
            local = [c for c in local if not any(d in local for d, _ in candidates.get(c, ()))]
            if all(group_type.get(c) == "person" for c in [g, *local]):
                local = _by_surname(g, local)
        if len(local) == 1:
            return local[0]
        if len(local) > 1:
            return _main_person(local, local_groups, group_type) or g
        if any(k.endswith(" " + g) and group_type.get(k) == "person" for k in local_groups):
            return g  # beside a "Britney Spears" (or a "Wes Brown"), no other person of that surname
        if len(cands) == 1 and cands[0][1] and g not in alone_type:
            return cands[0][0]
        best = best_known.get(g)
        if best is None:
            return g
        shared = [k for k in company[best] & local_groups.keys() if k != g and group_type.get(k) != "place"]
        if len(shared) < 2:
            return g  # a lone "Brown" in a football line-up is not Gordon Brown
        return best

    # place every mention: group numbers in order of first mention, then renumbered by rank
    group_ids: dict[str, int] = {}
    group_keys: list[str] = []
    count: list[int] = []
    articles: list[list[str]] = []
    variant_uses: Counter = Counter()  # (group number, variant, whether the group is the form's own)
    mentions: dict[str, array] = {}
    for aid, flat in store.by_article.items():
        local_groups = group_counts(aid, flat)
        seen_here.clear()
        resolved: dict[str, str] = {}
        out = array("I")
        for s, e, v in rows(aid, flat):
            g0 = variant_group[v]
            if g0 is None:
                continue
            g = resolved.get(g0)
            if g is None:
                g = resolved[g0] = resolve(local_groups, g0)
            seen_here.add(g0)
            gid = group_ids.get(g)
            if gid is None:
                gid = group_ids[g] = len(group_keys)
                group_keys.append(g)
                count.append(0)
                articles.append([])
            variant_uses[gid, v, g0 == g] += 1
            count[gid] += 1
            arts_g = articles[gid]
            if not arts_g or arts_g[-1] != aid:  # rows come article by article: a repeat is the last one
                arts_g.append(aid)
            out.extend((s, e, gid))
        mentions[aid] = out

    forms_of: list[Counter] = [Counter() for _ in group_keys]
    own: list[Counter] = [Counter() for _ in group_keys]  # the group's own forms (not merged short forms)
    for (gid, v, is_own), n in variant_uses.items():
        surface = variant_surface(v)
        surface = surface.replace("\u2019", "'") if surface.endswith(("\u2019s", "'s")) else surface
        forms_of[gid][surface] += n
        if is_own:
            own[gid][surface] += n
    entities: list[Entity] = []
    for gid, g in enumerate(group_keys):
        fc = forms_of[gid]
        if g in extra_names:
            name = extra_names[g]
        elif g in merge_names:
            name = merge_names[g]  # the user's chosen name
        else:
            # the group's own form names it: short forms merge only into well-attested, plausible full
            # names (see _short_form_candidates), so a stray long form never renames a frequent entity
            oc = own[gid] or fc
            name = min(oc, key=lambda f: (_display_score(f), -len(f.split()), _case_rank(f), -oc[f], f))
            canon = lex.canonical.get(g)
            # (a Russian name's listed dictionary form names it, whatever case the texts use)
            if canon and (has_cyrillic(canon) or any(norm_key(f) == norm_key(canon) for f in fc)):
                name = canon
        aliases = []
        seen = {norm_key(name)}
        for f, _n in sorted(fc.items(), key=lambda kv: (-kv[1], kv[0])):
            k = norm_key(f)
            if k not in seen:
                seen.add(k)
                aliases.append(f)
        typ = alone_type.get(g) or group_type.get(g, "misc")
        entities.append(Entity(name, typ, aliases, articles[gid], count[gid]))
    # a name in Cyrillic and in Latin letters is one entity (see cross_script)
    joins = cross_script_joins(group_keys, [e.type for e in entities], count, lex.english_of)
    if joins:
        _join_entities(joins, entities, mentions, list(store.by_article))
    idx_sorted = sorted(
        (i for i in range(len(entities)) if i not in joins),
        key=lambda i: (-entities[i].mentions, entities[i].name.casefold()),
    )
    rank = array("I", bytes(4 * len(entities)))
    for n, i in enumerate(idx_sorted):
        rank[i] = n
    entities = [entities[i] for i in idx_sorted]
    for aid, out in mentions.items():
        for i in range(2, len(out), 3):
            out[i] = rank[out[i]]
        if aid in article_extra:
            it = iter(out)
            mentions[aid] = array("I", [x for t in sorted(zip(it, it, it, strict=True)) for x in t])
    return EntityIndex(entities, mentions)


def _votes(mentions: int, cued_articles: int) -> int:
    """A variant's type votes: its mentions, and a cue's weight per article that cues it, from two such
    articles on."""
    return mentions + _CUE_WEIGHT * cued_articles if cued_articles >= 2 else mentions


def _join_entities(
    joins: Mapping[int, int], entities: list[Entity], mentions: dict[str, array], order: list[str]
) -> None:
    """Fold each joined entity into the one it joins: its name and forms become aliases there, its
    mentions and articles (in corpus order) move there."""
    position = {aid: n for n, aid in enumerate(order)}
    for gid, main in joins.items():
        joined, into = entities[gid], entities[main]
        into.mentions += joined.mentions
        seen = {norm_key(into.name), *map(norm_key, into.aliases)}
        for form in (joined.name, *joined.aliases):
            if norm_key(form) not in seen:
                seen.add(norm_key(form))
                into.aliases.append(form)
        into.articles = sorted({*into.articles, *joined.articles}, key=position.__getitem__)
        for aid in joined.articles:
            out = mentions[aid]
            for i in range(2, len(out), 3):
                if out[i] == gid:
                    out[i] = main


def _by_surname(short: str, names: list[str]) -> list[str]:
    """Of the people an article names in full whom a short form may stand for, those whose surname it is,
    if any: writers call people by their surname ("Scott" beside Ridley Scott and a "Scott Free")."""
    return [c for c in names if stem_key(c.rsplit(None, 1)[-1]) == stem_key(short)] or names


def _full_personal_name(key: str, lex: Lexicon) -> bool:
    """A person's name as given in full: a given name or an initial, then a surname ("anthony foley", "d
    humphreys"), not a phrase guessed to be a person ("save betamax", "bonnie & clyde")."""
    words = key.split()
    return (
        len(words) >= 2
        and (words[0] in lex.given_names or len(words[0].rstrip(".")) == 1)
        and not any(w in ("&", "and") for w in words)  # "Bonnie & Clyde"
    )


def _may_be_a_surname(word: str, lex: Lexicon) -> bool:
    """An unknown one-word name that is no everyday word ("Rock", "Winter") or listed name."""
    return " " not in word and word not in lex.names and not is_ordinary(word, lex.vocabulary)


def _main_person(names: list[str], counts: Counter, group_type: Mapping[str, str]) -> str | None:
    """Of several people an article names in full, the one it is about, when it names him or her far
    more often than the others: "Steve" in an obituary of Steve Jobs that quotes Steve Ballmer once."""
    if any(group_type.get(c) != "person" for c in names):
        return None

    def times_said(c: str) -> int:  # in full or by surname
        last = c.split()[-1]
        return counts[c] + (counts[last] if group_type.get(last) == "person" else 0)

    said = {c: times_said(c) for c in names}
    ranked = sorted(names, key=lambda c: -said[c])
    top, second = said[ranked[0]], said[ranked[1]]
    return ranked[0] if top >= 3 and top >= 3 * second else None


class _ExtraEntity(NamedTuple):
    """One of the user's extra entities: its name, canonical key, type, and every form (name first)."""

    name: str
    key: str
    type: str
    forms: list[str]


def _extra_entities(options: EntityOptions) -> list[_ExtraEntity]:
    out = []
    for ex in options.extra:
        name = str(ex.get("name", "")).strip()
        if name:
            forms = [name, *[str(a) for a in ex.get("aliases", []) or [] if str(a).strip()]]
            out.append(_ExtraEntity(name, norm_key(name), _norm_type(ex.get("type")), forms))
    return out


def _extra_entity_hits(
    store: EntityMentionStore,
    extras: list[_ExtraEntity],
    types: Mapping[str, str],
    texts: Mapping[str, str] | None,
    variants: list[tuple[str, str, str]],
    first_variant: int,
) -> dict[str, list[tuple[int, int, int]]]:
    """Where each article names a user's extra entity, as sorted (start, end, variant).

    ``types`` gives each canonical key its type (the last entity of that name decides);
    ``variants`` receives each distinct (surface, canonical key, type), numbered from ``first_variant``.
    """
    if not texts or not extras:
        return {}
    patterns = [
        (
            re.compile(
                r"(?<!\w)(?:"
                + "|".join(re.escape(f) for f in sorted(ex.forms, key=len, reverse=True))
                + r")(?!\w)",
                re.I,
            ),
            ex.key,
        )
        for ex in extras
    ]
    numbers: dict[tuple[str, str, str], int] = {}
    out: dict[str, list[tuple[int, int, int]]] = {}
    for aid in store.by_article:
        text = texts.get(aid)
        if not text:
            continue
        hits = []
        for rx, ckey in patterns:
            hits.extend((m.start(), m.end(), ckey) for m in rx.finditer(text))
        if not hits:
            continue
        found = []
        for s, e, ckey in sorted(hits):
            variant = (text[s:e], ckey, types[ckey])
            v = numbers.get(variant)
            if v is None:
                v = numbers[variant] = first_variant + len(variants)
                variants.append(variant)
            found.append((s, e, v))
        out[aid] = found
    return out


def _with_extra_hits(
    extra: list[tuple[int, int, int]], found: Iterable[tuple[int, int, int]]
) -> Iterator[tuple[int, int, int]]:
    """Extra entities' hits, then the extractor's mentions that do not overlap one of them."""
    yield from extra
    for s, e, v in found:
        if not any(s < te and ts < e for ts, te, _ in extra):
            yield s, e, v


_NATIONAL_BODIES = frozenset(
    [
        "parliament",
        "government",
        "cabinet",
        "congress",
        "senate",
        "army",
        "navy",
        "church",
        "front",
        "movement",
    ]
)


def _short_form_candidates(
    groups: set[str],
    group_type: dict[str, str],
    lex,
    group_count: Mapping[str, int],
    group_articles: Mapping[str, array],
) -> tuple[dict[str, list[tuple[str, bool]]], dict[str, str], dict[str, str], set[tuple[str, str]]]:
    """For each short form, the full names it may stand for (most words first), each with whether it may
    take the short form's mentions in articles where the full name itself is absent; and the long forms
    that merge the other way, into a short form used far more widely on its own ("Apple Inc." into
    "Apple" when most articles just say "Apple"; not "Apple Corps", another company, nor "Royal Navy");
    and the (short form, full name) pairs that hold only where the article names the full name first.

    A full name qualifies only when it is plausible: a person's name whose words before the surname are not
    ordinary words or known place/organisation names ("Today Apple", "Las Vegas Microsoft" are not), of a
    type that agrees with the short form's; an organisation's name that adds only suffixes to the short form
    ("JAC Motors") or that the short form mostly comes with. Across the corpus the full name must moreover
    be well attested (a given name, or several mentions); a first name alone stands for a person only
    where that person is named in full.
    """
    by_last: dict[str, list[str]] = defaultdict(list)
    by_given: dict[str, list[str]] = defaultdict(list)  # people by their first word
    by_first: dict[str, list[str]] = defaultdict(list)
    by_head: dict[str, list[str]] = defaultdict(list)  # organisations by their head noun ("Commission")
    by_owner_tail: dict[str, list[str]] = defaultdict(list)  # "bbc radio 4" under "radio 4"
    # (a lone "Parliament" or "Government" is mostly the country's own, whatever else the article names)
    heads = (lex.org_suffix & lex.org_head) - _NATIONAL_BODIES
    by_initials: dict[str, list[str]] = defaultdict(list)
    by_last_word: dict[str, list[str]] = defaultdict(list)  # "manchester united" under "united"
    by_stem: dict[str, list[str]] = defaultdict(list)  # multi-word organisations by their first 3 letters
    misc_by_initials: dict[str, list[str]] = defaultdict(list)  # "Internet Explorer" under "ie"
    by_law: dict[str, list[str]] = defaultdict(list)  # "freedom of information act" under "act"
    for g in groups:
        words = g.split()
        if len(words) < 2:
            continue
        t = group_type.get(g)
        if t == "misc" and words[-1] in lex.law_suffix:
            by_law[words[-1]].append(g)
        if t == "person":
            by_last[stem_key(words[-1])].append(g)  # a Russian surname in any case: "Собянина"
            by_given[words[0]].append(g)
        elif t == "organization":
            by_first[words[0]].append(g)
            if len(words) >= 3 and len(words[0]) <= 4 and group_type.get(words[0]) == "organization":
                by_owner_tail[" ".join(words[1:])].append(g)
            if words[-1] in heads:
                by_head[words[-1]].append(g)
            elif len(words) == 2 and lex.names.get(words[0]) == "place" and words[0] not in lex.countries:
                by_last_word[words[-1]].append(g)
            by_stem[words[0][:3]].append(g)
            ini = _initials(g)
            if len(ini) >= 2:
                by_initials[ini].append(g)
        elif t == "misc" and g not in lex.nationalities and len(ini := _initials(g)) >= 2:
            misc_by_initials[ini].append(g)

    def person_ok(c: str, t: str | None) -> tuple[bool, bool] | None:
        prefix = c.split()[:-1]
        given = prefix[0] in lex.given_names
        if not given:
            p = " ".join(prefix)
            if any(w in lex.common or w in lex.names for w in prefix) or p in lex.names:
                return None
            # "Las Vegas Microsoft", "Chelsea Drogba" (not "Britney Spears", though a lone "Britney"
            # somewhere fell to the weak default for a name: that first name is the rarer form)
            other_kind = group_type.get(p) in ("place", "organization")
            if other_kind and group_count.get(p, 0) >= group_count.get(c, 0):
                return None
        agrees = t in ("person", "misc")
        if not agrees and not given:
            return None
        # across the corpus only a name of the same kind: "Ford" the carmaker is not "Henry Ford" everywhere,
        # nor the film "Ray" the lawyer Hugh Ray (in an article naming him, it may be his)
        return True, t == "person" and (given or group_count.get(c, 0) >= 2)

    absorbed: dict[str, str] = _legal_form_variants(groups, group_type, lex, group_articles)
    best_known: dict[str, str] = {}
    defined_first: set[tuple[str, str]] = set()  # (short form, full name): only after the full name

    def org_ok(s: str, c: str) -> tuple[bool, bool] | None:
        rest = c.split()[1:]
        sa, ca = set(group_articles.get(s, ())), set(group_articles.get(c, ()))
        together = len(sa & ca)
        if all(w.rstrip(".") in lex.org_suffix or w in lex.org_suffix for w in rest):
            # "Apple Inc." and "Apple Computer" are Apple; "Apple Corps", the "Royal Navy" are bodies of their own
            same_body = (
                s not in lex.org_head and s not in lex.org_prefix and not any(w in lex.org_head for w in rest)
            )
            if same_body and len(sa) - together >= 3 and len(sa) > 2 * len(ca) and c not in lex.names:
                absorbed[c] = s  # the short form is the well-attested name
                return None
            return True, len(sa) - together <= 2 * max(1, together)
        if together and together >= len(sa) - together:
            return True, group_count.get(c, 0) >= 2
        return None

    def misc_named_first(short: str, ini: str) -> list[tuple[str, bool]]:
        """The products and events an acronym may stand for ("IE", "CES"): only where the article has named
        one in full before ("the EC" then "the European Conference of Postal ..." is not it)."""
        found = misc_by_initials.get(ini, [])
        defined_first.update((short, c) for c in found)
        return [(c, False) for c in found]

    out: dict[str, list[tuple[str, bool]]] = {}
    for g in groups:
        words = g.split()
        t = group_type.get(g)
        cands: list[tuple[str, bool]] = []
        if len(words) == 1:
            w = words[0]
            if t in ("person", "organization", "misc") and stem_key(w) in by_last and w not in lex.names:
                for c in by_last[stem_key(w)]:
                    ok = person_ok(c, t)
                    if ok:
                        cands.append((c, ok[1]))
            elif t == "organization" and w not in lex.names and w not in lex.common:
                n_absorbed = len(absorbed)
                for c in by_first.get(w, []):
                    ok = org_ok(g, c)
                    if ok:
                        cands.append((c, ok[1]))
                if not cands and len(absorbed) == n_absorbed:
                    # no name begins with it ("GM Daewoo" does not count): an acronym of a name ("GM")
                    ini = w.replace(".", "")
                    cands = [
                        (c, group_count.get(c, 0) >= 2)
                        for c in by_initials.get(ini, [])
                        if not c.startswith(w + " ")  # "BT Together" is BT's product, not what BT stands for
                    ]
                    cands += misc_named_first(g, ini)
            elif t == "misc" and w not in lex.names and w not in lex.common:
                # an acronym typed a product by its full name's brackets: "Internet Explorer (IE)"
                cands += misc_named_first(g, w.replace(".", ""))
            if t == "organization" and w not in lex.names:
                # "United" after "Manchester United", "Rovers" after "Blackburn Rovers": a club by the
                # word after its town's name, only in an article naming it (a corpus has many Uniteds)
                cands.extend((c, False) for c in by_last_word.get(w, ()))
            if t == "organization" and w in heads:
                # "the Commission" after "the European Commission": only in an article naming one such
                cands.extend((c, False) for c in by_head.get(w, ()))
            if w in lex.law_suffix:
                # "the Act" after "the Freedom of Information Act": only in an article naming one such
                cands.extend((c, False) for c in by_law.get(w, ()))
            if t == "person" and w not in lex.names:
                # a first name alone ("Steve" after "Steve Jobs"): only in an article that names the
                # person in full, as a corpus holds many Steves
                cands.extend((c, False) for c in by_given.get(w, ()))
        elif t == "organization" and all(len(w) >= 3 and w not in lex.common for w in words):
            # clipped words: "Lib Dem(s)" for "Liberal Democrats"
            cands = [
                (c, group_count.get(c, 0) >= 2) for c in by_stem[words[0][:3]] if _clips(words, c.split())
            ]
        elif t == "person" and len(words) == 2 and len(initial := words[0].rstrip(".")) == 1:
            # an initial for the given name ("G Henson", a team line-up's form of "Gavin Henson"): in an
            # article naming the person in full, or one sharing the company that person keeps elsewhere
            cands = [
                (c, False)
                for c in by_last.get(words[-1], [])
                if len(first := c.split()[0].rstrip(".")) > 1 and first.startswith(initial)
            ]
        elif t == "person" and len(words) == 2:
            # "Mr Putin"-less forms like "Vladimir Putin" vs "Vladimir V. Putin": same first and last word
            cands = [(c, True) for c in by_last.get(words[-1], []) if c != g and c.split()[0] == words[0]]
        if t == "organization" and len(owned := by_owner_tail.get(g, ())) == 1:
            # "Radio 4" of "BBC Radio 4", "Six Nations" of "RBS Six Nations": the one name an
            # organisation's short name prefixes; the full form names the two unless far rarer
            c = owned[0]
            short, full = len(group_articles.get(g, ())), len(group_articles.get(c, ()))
            if short >= 5 and short > 2 * full:
                absorbed[c] = g
            else:
                cands.append((c, group_count.get(c, 0) >= 2))
        cands = [(c, ok) for c, ok in cands if c not in absorbed]
        if cands and g not in absorbed:
            out[g] = sorted(set(cands), key=lambda c: (-len(c[0].split()), c[0]))
    for g, cands in out.items():
        if group_type.get(g) == "person" and (best := _best_known(g, cands, out, group_articles)) is not None:
            best_known[g] = best
    return out, absorbed, best_known, defined_first


def _legal_form_variants(
    groups: set[str], group_type: Mapping[str, str], lex, group_articles: Mapping[str, array]
) -> dict[str, str]:
    """Organisation names that differ only by a legal form, each mapped to the one name they share:
    "General Motors Corporation" to "General Motors" when the corpus names that, "Ford Motor Co" and
    "Ford Motors Co." to the most widely used of the forms of "Ford Motor" otherwise. A one-word core
    ("Apple Inc.") is left to the short-form rules, which weigh how widely the bare word is used."""
    by_core: dict[str, list[str]] = defaultdict(list)
    for g in groups:
        words = g.split()
        if len(words) < 3 or group_type.get(g) != "organization":
            continue
        n = len(words)
        while n > 2 and (words[n - 1] in lex.org_legal or words[n - 1].rstrip(".") in lex.org_legal):
            n -= 1
        if n < len(words):
            core = words[:n]
            core[-1] = core[-1].removesuffix("s")  # "Ford Motors Co." and "Ford Motor Company"
            by_core[" ".join(core)].append(g)
    bare_of: dict[str, list[str]] = defaultdict(list)
    for g in groups:
        if " " in g and group_type.get(g) == "organization" and (k := g.removesuffix("s")) in by_core:
            bare_of[k].append(g)
    out: dict[str, str] = {}
    for core, forms in by_core.items():
        bare = bare_of.get(core, [])
        members = forms + bare
        if len(members) < 2:
            continue
        # the bare name when the corpus uses it, else the form in most articles
        main = max(members, key=lambda c: (c in bare, len(group_articles.get(c, ())), -len(c), c))
        out.update((c, main) for c in members if c != main)
    return out


def _company_kept(
    names: set[str], group_articles: Mapping[str, array], store: EntityMentionStore, groups_in
) -> dict[str, set[str]]:
    """For each name, the other names found in at least three of its articles: what an article about
    that person is likely to mention too."""
    if not names:
        return {}
    aids = list(store.by_article)
    kept: dict[str, set[str]] = {}
    for name in names:
        seen: Counter = Counter()
        for n in group_articles.get(name, ()):
            aid = aids[n]
            seen.update(groups_in(aid, store.by_article[aid]))
        kept[name] = {g for g, k in seen.items() if k >= 3 and g != name}
    return kept


def _best_known(
    short: str,
    cands: list[tuple[str, bool]],
    candidates: Mapping[str, list[tuple[str, bool]]],
    group_articles: Mapping[str, array],
) -> str | None:
    """Of several people a surname may stand for anywhere in the corpus, the one named in ten times as
    many articles as any other, who is called by it alone in several of them: a lone "Blair" in a British
    corpus is Tony Blair, not Cherie (an article naming only Cherie Blair still gives her its "Blair");
    "Ferdinand" is not the band Franz Ferdinand, whose name is never cut short. A candidate that is
    another's shorter form ("George Bush" of "George W Bush") counts as that one."""
    if len(cands) < 2:
        return None
    names = {c for c, _ in cands}
    reach_of = {c: set(group_articles.get(c, ())) for c in names}
    for c in names:
        own = candidates.get(c, ())
        if len(own) == 1 and own[0][1] and own[0][0] in reach_of and own[0][0] != c:
            reach_of[own[0][0]] |= reach_of.pop(c)
    reach = sorted(((len(reach_of[c]), ok, c) for c, ok in cands if c in reach_of), reverse=True)
    if len(reach) < 2:
        reach.append((0, False, ""))
    (top, ok, best), (second, _, _) = reach[0], reach[1]
    if not ok or top < 10 or top < 10 * second:
        return None
    together = set(group_articles.get(short, ())) & set(group_articles.get(best, ()))
    return best if len(together) >= 3 else None
