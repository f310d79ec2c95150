"""The in-memory library of one corpus: articles, search, entities and timeline.

Each part is built lazily on first use, so a CLI command pays only for what it asks
(``list`` never tokenises, ``search`` never extracts entities unless the query filters on one).
"""

from __future__ import annotations

import datetime as dt
import heapq
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.corpus import (
    DEFAULT_EXCLUDE,
    DEFAULT_INCLUDE,
    Article,
    LoadResult,
    LoadWarning,
    load_corpus,
    read_body_back,
)
from tui.extract.model import TimelineEntry
from tui.search.query import (
    And,
    DateFilter,
    EntityFilter,
    Node,
    Not,
    Or,
    Phrase,
    Query,
    SourceFilter,
    Term,
    parse_query,
)
from tui.search.snippets import Span, find_hits, make_snippet

if TYPE_CHECKING:
    from tui.extract.entity_index import EntityIndex
    from tui.extract.mention_store import EntityMentionStore
    from tui.extract.timeline import Timeline
    from tui.search.index import TextIndex


@dataclass(slots=True)
class LibraryOptions:
    """What the configuration changes about loading, extraction and search."""

    include: Sequence[str] = DEFAULT_INCLUDE
    exclude: Sequence[str] = DEFAULT_EXCLUDE
    entities: Any = None  # tui.extract.entity_index.EntityOptions (imported lazily)
    timeline: Any = None  # tui.extract.timeline.TimelineOptions
    search_limit: int = 50
    snippet_length: int = 160
    # Bodies of a corpus larger than this (characters) are released once indexed and read back
    # from their files when needed: at 100,000 articles they would be a third of the memory.
    hold_bodies_up_to: int = 64_000_000


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the article, its score and a snippet with hit offsets into the snippet."""

    id: str
    title: str
    score: float
    snippet: str
    hits: list[Span]


@dataclass(frozen=True, slots=True)
class SearchResults:
    """The best ``hits`` of a query and how many articles matched in all."""

    query: Query
    total: int
    hits: list[SearchHit]


class Library:
    """A loaded corpus and the indexes built over it."""

    def __init__(self, loaded: LoadResult, options: LibraryOptions | None = None) -> None:
        self.root: Path = loaded.root
        self.articles: list[Article] = loaded.articles
        self.warnings: list[LoadWarning] = loaded.warnings
        self.options = options or LibraryOptions()
        self.by_id: dict[str, int] = {a.id: i for i, a in enumerate(self.articles)}
        # Per-article results known from elsewhere (the cache): only the rest is extracted.
        self._seed_mentions: EntityMentionStore | None = None
        self._seed_timeline: dict[str, list[TimelineEntry]] = {}

    @classmethod
    def open(
        cls,
        root: str | os.PathLike[str],
        options: LibraryOptions | None = None,
        on_article: Callable[[Article, int, int], None] | None = None,
    ) -> Library:
        """Load the folder ``root`` and wrap it (indexes are built later, on demand)."""
        opts = options or LibraryOptions()
        return cls(load_corpus(root, opts.include, opts.exclude, on_article), opts)

    @property
    def name(self) -> str:
        return self.root.resolve().name or str(self.root)

    def article(self, article_id: str) -> Article | None:
        i = self.by_id.get(article_id)
        return self.articles[i] if i is not None else None

    # --- lazily built parts -------------------------------------------------------------

    @cached_property
    def text_index(self) -> TextIndex:
        from tui.search.parallel import build_text_index

        articles = self.articles
        release = None
        large = sum(a.body_length for a in articles) > self.options.hold_bodies_up_to
        if large:

            def release(start: int, stop: int) -> None:
                for a in articles[start:stop]:
                    a.release_body()

        return build_text_index(_IndexedTexts(articles, read_back=large), on_indexed=release)

    @cached_property
    def entity_mentions(self) -> EntityMentionStore:
        """Each article's entity mentions, extracted one article at a time into flat arrays."""
        from tui.extract.entities import extract_entities
        from tui.extract.mention_store import EntityMentionStore

        seed = self._seed_mentions
        store = EntityMentionStore()
        for a in self.articles:
            if seed is not None and a.id in seed:
                store.copy_article(seed, a.id)
            else:
                store.add(a.id, extract_entities(a.body))
        return store

    @cached_property
    def entities(self) -> EntityIndex:
        from tui.extract.entity_index import build_entity_index

        extra = self.options.entities and self.options.entities.extra
        texts = _Bodies(self.articles, self.by_id) if extra else None
        return build_entity_index(self.entity_mentions, self.options.entities, texts)

    @cached_property
    def timeline(self) -> Timeline:
        """Every dated expression of every article, in time order.

        Extracted one article at a time into the compact columns of a :class:`Timeline` (the
        raw time mentions of a large corpus would be millions of objects).
        """
        from tui.extract.timeline import Timeline, timeline_entries
        from tui.extract.times import extract_times

        ref = self.options.timeline.reference_date if self.options.timeline else None
        seed = self._seed_timeline

        def per_article() -> Iterator[list[TimelineEntry]]:
            for a in self.articles:
                if a.id in seed:
                    yield seed[a.id]
                else:
                    body = a.body
                    yield timeline_entries(a.id, body, extract_times(body, a.date or ref))

        return Timeline.build(per_article())

    def release_mentions(self) -> None:
        """Forget each article's raw mentions once the entities, timeline and cache are built.

        They are only inputs to those (and to the cache, for re-extracting a changed file alone).
        """
        self._seed_mentions = None
        self._seed_timeline = {}
        if "entities" in self.__dict__:
            self.__dict__.pop("entity_mentions", None)

    # --- search -------------------------------------------------------------------------

    def _eval(self, node: Node) -> set[int]:
        idx = self.text_index
        if isinstance(node, Term):
            return idx.term_docs(node.token, node.prefix, node.title_only, node.exact)
        if isinstance(node, Phrase):
            return idx.phrase_docs(node.tokens, node.title_only)
        if isinstance(node, SourceFilter):
            return {i for i, a in enumerate(self.articles) if a.source and node.value in a.source.casefold()}
        if isinstance(node, DateFilter):
            return {i for i, a in enumerate(self.articles) if a.date and _in_range(a.date, node)}
        if isinstance(node, EntityFilter):
            entity = self.entities.find(node.name)
            if entity is None or (node.type is not None and entity.type != node.type):
                return set()
            return {self.by_id[a] for a in entity.articles if a in self.by_id}
        if isinstance(node, Not):
            return set(range(len(self.articles))) - self._eval(node.node)
        if isinstance(node, Or):
            out: set[int] = set()
            for child in node.nodes:
                out |= self._eval(child)
            return out
        if isinstance(node, And):
            return self._eval_and(node.nodes)
        raise TypeError(f"unknown query node {node!r}")

    def _eval_and(self, nodes: Sequence[Node]) -> set[int]:
        positive = [n for n in nodes if not isinstance(n, Not)]
        negative = [n for n in nodes if isinstance(n, Not)]
        docs: set[int] | None = None
        for n in positive:
            found = self._eval(n)
            docs = found if docs is None else docs & found
            if not docs:
                return set()
        if docs is None:
            docs = set(range(len(self.articles)))
        for n in negative:
            docs -= self._eval(n.node)
        return docs

    def _scoring_tokens(self, query: Query) -> list[str]:
        tokens: list[str] = []
        for atom in query.positive_atoms():
            if isinstance(atom, Term):
                if atom.prefix:
                    tokens.extend(self.text_index.body.expand_prefix(atom.token, limit=20))
                elif atom.exact:
                    tokens.append(atom.token)
                else:
                    tokens.extend(self.text_index.body.word_forms(atom.token))
            else:
                tokens.extend(atom.tokens)
        return tokens

    def _match(self, q: Query) -> tuple[set[int], dict[int, float]]:
        """The article numbers ``q`` matches and their scores."""
        docs = self._eval(q.root)
        return docs, self.text_index.score(self._scoring_tokens(q), docs)

    def ranked(self, query: Query | str) -> list[int]:
        """Article numbers matching ``query``, best first (corpus order when nothing ranks them)."""
        q = parse_query(query) if isinstance(query, str) else query
        if q.is_empty:
            return list(range(len(self.articles)))
        docs, scores = self._match(q)
        return sorted(docs, key=lambda d: (-scores.get(d, 0.0), d))

    def search(self, query: Query | str, limit: int | None = None) -> SearchResults:
        """The best ``limit`` matches with snippets; raises QueryError for a malformed query."""
        q = parse_query(query) if isinstance(query, str) else query
        limit = self.options.search_limit if limit is None else limit
        if q.is_empty:
            return SearchResults(q, 0, [])
        docs, scores = self._match(q)
        best = heapq.nsmallest(limit, docs, key=lambda d: (-scores.get(d, 0.0), d))
        atoms = q.positive_atoms()
        hits = []
        for d in best:
            a = self.articles[d]
            spans = find_hits(a.body, atoms)
            snippet, inside = make_snippet(a.body, spans, self.options.snippet_length)
            hits.append(SearchHit(a.id, a.title, round(scores.get(d, 0.0), 4), snippet, inside))
        return SearchResults(q, len(docs), hits)

    def hits_in(self, article_id: str, query: Query | str) -> list[Span]:
        """Spans of the query's words and phrases in the body of one article, for highlighting."""
        q = parse_query(query) if isinstance(query, str) else query
        a = self.article(article_id)
        return find_hits(a.body, q.positive_atoms()) if a else []


class _IndexedTexts(Sequence[tuple[str, str]]):
    """(title, body) of each article, made when asked for (no list holding every body).

    With ``read_back`` a slice (the part the index's child process builds) reads its bodies
    from the files, in the child: a few numbers an article go through the pipe instead of
    every body, which both processes held at once (115 MB each at 100,000 articles).
    """

    def __init__(self, articles: Sequence[Article], read_back: bool = False) -> None:
        self._articles = articles
        self._read_back = read_back

    def __len__(self) -> int:
        return len(self._articles)

    def __getitem__(self, i):  # noqa: ANN001, ANN204 - Sequence's int and slice overloads
        if isinstance(i, slice):
            if self._read_back:
                return _FileTexts(self._articles[i])
            return [(a.title, a.body) for a in self._articles[i]]
        a = self._articles[i]
        return a.title, a.body


class _FileTexts(Sequence[tuple[str, str]]):
    """(title, body) of articles, each body read back from its file when asked for; picklable."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self._where = [(a.title, *a.body_source) for a in articles]

    def __len__(self) -> int:
        return len(self._where)

    def __getitem__(self, i):  # noqa: ANN001, ANN204 - Sequence's int and slice overloads
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        title, *where = self._where[i]
        return title, read_body_back(*where)


class _Bodies(Mapping[str, str]):
    """Article id -> body, looked up on demand (no second dict of every body)."""

    def __init__(self, articles: Sequence[Article], by_id: Mapping[str, int]) -> None:
        self._articles = articles
        self._by_id = by_id  # the library's own id -> number map

    def __getitem__(self, article_id: str) -> str:
        return self._articles[self._by_id[article_id]].body

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)


def _in_range(date: dt.date, f: DateFilter) -> bool:
    return (f.start is None or date >= f.start) and (f.end is None or date <= f.end)
