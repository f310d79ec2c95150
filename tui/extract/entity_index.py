"""Corpus-level entities: per-article mentions merged into one entity per real-world name.

Merging rules, in order:

1. ``options.merge`` maps an alias to a canonical name; ``options.ignore`` drops names.
2. Forms the word lists know as one place or organisation share it ("U.S." and "United States").
3. A form takes the type most of its mentions have (type consistency across the corpus).
4. A short form merges into a full name when that is unambiguous and plausible, first within the article,
   then across the corpus (where the full name must be well attested): a surname into a person ("Sobyanin"
   -> "Sergei Sobyanin"), a first word or an acronym into an organisation ("JAC" -> "JAC Motors", "GM" ->
   "General Motors"). A sentence-initial word or a place glued to a name ("Today Apple", "Las Vegas
   Microsoft") makes no plausible full name; a rare suffixed form merges into a short name used far more
   widely on its own ("Apple Inc." into "Apple").
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
from collections.abc import Mapping
from dataclasses import dataclass, field

from tui.extract.lexicon import lexicon, norm_key
from tui.extract.model import ENTITY_TYPES, Entity, EntityMention

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


def _norm_type(t: str | None) -> str:
    t = (t or "misc").casefold()
    t = _TYPE_ALIASES.get(t, t)
    return t if t in ENTITY_TYPES else "misc"


def _display_score(form: str) -> tuple:
    """Prefer normal casing over ALL CAPS, and straight over curly apostrophes."""
    return (form.isupper() and len(form) > 4, "’" in form)


def _initials(key: str) -> str:
    words = [w for w in key.replace("-", " ").split() if w not in ("of", "and", "for", "the", "&", "de")]
    return "".join(w[0] for w in words)


def build_entity_index(
    per_article: Mapping[str, list[EntityMention]],
    options: EntityOptions | None = None,
    texts: Mapping[str, str] | None = None,
) -> EntityIndex:
    """Merge per-article mentions into corpus entities (see the module docstring for the rules)."""
    options = options or EntityOptions()
    lex = lexicon()
    ignore = {norm_key(n) for n in options.ignore}
    merge_to = {norm_key(a): norm_key(c) for a, c in options.merge.items()}
    merge_names = {norm_key(c): str(c) for c in options.merge.values()}

    # mentions per article, with extra entities found in the texts taking precedence
    extra_keys: dict[str, str] = {}  # form key -> canonical key of an extra entity
    extra_types: dict[str, str] = {}
    extra_names: dict[str, str] = {}
    extra_hits: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for ex in options.extra:
        name = str(ex.get("name", "")).strip()
        if not name:
            continue
        ckey = norm_key(name)
        extra_names[ckey] = name
        extra_types[ckey] = _norm_type(ex.get("type"))
        forms = [name, *[str(a) for a in ex.get("aliases", []) or [] if str(a).strip()]]
        for f in forms:
            extra_keys[norm_key(f)] = ckey
        if texts:
            rx = re.compile(
                r"(?<!\w)(?:"
                + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                + r")(?!\w)",
                re.I,
            )
            for aid, text in texts.items():
                for m in rx.finditer(text):
                    extra_hits[aid].append((m.start(), m.end(), ckey))

    # (article, start, end, surface, form key, type)
    rows: list[tuple[str, int, int, str, str, str]] = []
    for aid, mentions in per_article.items():
        hits = sorted(extra_hits.get(aid, []))
        taken = [(s, e) for s, e, _ in hits]
        for s, e, ckey in hits:
            text = texts[aid] if texts else ""
            rows.append((aid, s, e, text[s:e], ckey, extra_types[ckey]))
        for m in mentions:
            if any(m.start < te and ts < m.end for ts, te in taken):
                continue
            rows.append((aid, m.start, m.end, m.text, norm_key(m.text), _norm_type(m.type)))

    # group key of each form: user merges, extra entities, lexicon canonical names
    def group_of(key: str) -> str:
        key = merge_to.get(key, key)
        if key in extra_keys:
            return extra_keys[key]
        canon = lex.canonical.get(key)
        if canon is not None:
            ck = norm_key(canon)
            return merge_to.get(ck, ck)
        return key

    rows = [r for r in rows if r[4] not in ignore and group_of(r[4]) not in ignore]
    type_votes: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        type_votes[group_of(r[4])][r[5]] += 1
    group_type = {g: votes.most_common(1)[0][0] for g, votes in type_votes.items()}
    # a one-word "person" the corpus never names in full ("Chelsea" with no "Chelsea Smith") is doubtful:
    # a fair share of other votes wins ("Chelsea winger X" makes it a club)
    person_words = {w for g, t in group_type.items() if t == "person" and " " in g for w in g.split()}
    for g, t in group_type.items():
        if t == "person" and " " not in g and g not in person_words:
            votes = type_votes[g]
            other, n = max(
                ((k, v) for k, v in votes.items() if k != "person"), default=(None, 0), key=lambda kv: kv[1]
            )
            if other is not None and 4 * n >= votes["person"]:
                group_type[g] = other
    for g, t in extra_types.items():
        group_type[g] = t

    # short forms -> full names
    groups_by_article: dict[str, set[str]] = defaultdict(set)
    group_count: Counter = Counter()
    for r in rows:
        g = group_of(r[4])
        groups_by_article[r[0]].add(g)
        group_count[g] += 1
    group_articles: dict[str, set[str]] = defaultdict(set)
    for aid, gs in groups_by_article.items():
        for g in gs:
            group_articles[g].add(aid)
    all_groups = set(group_type)
    candidates, absorbed = _short_form_candidates(all_groups, group_type, lex, group_count, group_articles)

    def resolve(aid: str, g: str) -> str:
        if g in extra_types or g in merge_to.values():
            return g
        if g in absorbed:
            return absorbed[g]
        cands = candidates.get(g)
        if not cands:
            return g
        local = [c for c, _ in cands if c in groups_by_article[aid]]
        if len(local) == 1:
            return local[0]
        if len(local) > 1:
            return g
        if len(cands) == 1 and cands[0][1]:
            return cands[0][0]
        return g

    # build entities
    forms: dict[str, Counter] = defaultdict(Counter)
    count: Counter = Counter()
    articles: dict[str, list[str]] = defaultdict(list)
    placed: list[tuple[str, int, int, str]] = []
    own: dict[str, Counter] = defaultdict(Counter)  # the forms of the group itself (not merged short forms)
    for aid, s, e, surface, key, _typ in rows:
        g0 = group_of(key)
        g = resolve(aid, g0)
        surface = surface.replace("’", "'") if surface.endswith(("’s", "'s")) else surface
        forms[g][surface] += 1
        if g0 == g:
            own[g][surface] += 1
        count[g] += 1
        arts_g = articles[g]
        if not arts_g or arts_g[-1] != aid:  # rows come article by article: a repeat is the last one
            arts_g.append(aid)
        placed.append((aid, s, e, g))
    order = {aid: i for i, aid in enumerate(per_article)}
    entities: list[Entity] = []
    for g in count:
        fc = forms[g]
        if g in extra_names:
            name = extra_names[g]
        elif g in merge_names:
            name = merge_names[g]  # the user's chosen name
        else:
            # the group's own form names it: short forms merge only into well-attested, plausible full
            # names (see _short_form_candidates), so a stray long form never renames a frequent entity
            oc = own[g] or fc
            name = min(oc, key=lambda f: (_display_score(f), -len(f.split()), -oc[f], f))
            canon = lex.canonical.get(g)
            if canon and any(norm_key(f) == norm_key(canon) for f in fc):
                name = canon
        aliases = []
        seen = {norm_key(name)}
        for f, _n in sorted(fc.items(), key=lambda kv: (-kv[1], kv[0])):
            k = norm_key(f)
            if k not in seen:
                seen.add(k)
                aliases.append(f)
        arts = sorted(articles[g], key=lambda a: order.get(a, 0))
        entities.append(Entity(name, group_type.get(g, "misc"), aliases, arts, count[g]))
    keys = list(count)
    idx_sorted = sorted(
        range(len(entities)), key=lambda i: (-entities[i].mentions, entities[i].name.casefold())
    )
    new_index = {keys[i]: n for n, i in enumerate(idx_sorted)}
    entities = [entities[i] for i in idx_sorted]
    triples: dict[str, list[tuple[int, int, int]]] = {aid: [] for aid in per_article}
    for aid, s, e, g in placed:
        triples.setdefault(aid, []).append((s, e, new_index[g]))
    mentions = {aid: array("I", [x for t in sorted(lst) for x in t]) for aid, lst in triples.items()}
    return EntityIndex(entities, mentions)


def _short_form_candidates(
    groups: set[str],
    group_type: dict[str, str],
    lex,
    group_count: Mapping[str, int],
    group_articles: Mapping[str, set[str]],
) -> tuple[dict[str, list[tuple[str, bool]]], dict[str, str]]:
    """For each short form, the full names it may stand for (most words first), each with whether it may
    take the short form's mentions in articles where the full name itself is absent; and the long forms
    that merge the other way, into a short form used far more widely on its own ("Apple Inc." into
    "Apple" when most articles just say "Apple").

    A full name qualifies only when it is plausible: a person's name whose words before the surname are not
    ordinary words or known place/organisation names ("Today Apple", "Las Vegas Microsoft" are not), of a
    type that agrees with the short form's; an organisation's name that adds only suffixes to the short form
    ("JAC Motors") or that the short form mostly comes with. Across the corpus the full name must moreover
    be well attested (a given name, or several mentions).
    """
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    by_initials: dict[str, list[str]] = defaultdict(list)
    for g in groups:
        words = g.split()
        if len(words) < 2:
            continue
        t = group_type.get(g)
        if t == "person":
            by_last[words[-1]].append(g)
        elif t == "organization":
            by_first[words[0]].append(g)
            ini = _initials(g)
            if len(ini) >= 2:
                by_initials[ini].append(g)

    def person_ok(c: str, t: str | None) -> tuple[bool, bool] | None:
        prefix = c.split()[:-1]
        given = prefix[0] in lex.given_names
        if not given:
            p = " ".join(prefix)
            if any(w in lex.common or w in lex.names for w in prefix) or p in lex.names:
                return None
            if group_type.get(p) in ("place", "organization"):
                return None
        agrees = t in ("person", "misc")
        if not agrees and not given:
            return None
        # across the corpus only a name of the same kind ("Ford" the carmaker is not "Henry Ford" everywhere)
        return True, agrees and (given or group_count.get(c, 0) >= 2)

    absorbed: dict[str, str] = {}

    def org_ok(s: str, c: str) -> tuple[bool, bool] | None:
        rest = c.split()[1:]
        sa, ca = group_articles.get(s, set()), group_articles.get(c, set())
        together = len(sa & ca)
        if all(w.rstrip(".") in lex.org_suffix or w in lex.org_suffix for w in rest):
            if len(sa) - together >= 3 and len(sa) > 2 * len(ca) and c not in lex.names:
                absorbed[c] = s  # the short form is the well-attested name
                return None
            return True, len(sa) - together <= 2 * max(1, together)
        if together and together >= len(sa) - together:
            return True, group_count.get(c, 0) >= 2
        return None

    out: dict[str, list[tuple[str, bool]]] = {}
    for g in groups:
        words = g.split()
        t = group_type.get(g)
        cands: list[tuple[str, bool]] = []
        if len(words) == 1:
            w = words[0]
            if t in ("person", "organization", "misc") and w in by_last and w not in lex.names:
                for c in by_last[w]:
                    ok = person_ok(c, t)
                    if ok:
                        cands.append((c, ok[1]))
            elif t == "organization" and w not in lex.names and w not in lex.common:
                for c in by_first.get(w, []):
                    ok = org_ok(g, c)
                    if ok:
                        cands.append((c, ok[1]))
                if not by_first.get(w):
                    cands = [(c, group_count.get(c, 0) >= 2) for c in by_initials.get(w.replace(".", ""), [])]
        elif t == "person" and len(words) == 2:
            # "Mr Putin"-less forms like "Vladimir Putin" vs "Vladimir V. Putin": same first and last word
            cands = [(c, True) for c in by_last.get(words[-1], []) if c != g and c.split()[0] == words[0]]
        if cands:
            out[g] = sorted(set(cands), key=lambda c: (-len(c[0].split()), c[0]))
    return out, absorbed
