"""A positional inverted index over titles and bodies, ranked with BM25.

Postings are kept in compact ``array`` buffers (doc numbers, offsets, word positions), so a
100,000-article corpus fits in memory and pickles quickly for the on-disk cache.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Iterable, Iterator

from tui.text import TOKEN_RE

K1 = 1.2
B = 0.75
TITLE_WEIGHT = 2.5


class Postings:
    """Where one word occurs: doc numbers (ascending) and, per doc, its word positions."""

    __slots__ = ("docs", "ends", "positions")

    def __init__(self) -> None:
        self.docs = array("I")
        self.ends = array("I")  # positions[ends[i-1]:ends[i]] belong to docs[i]
        self.positions = array("I")

    def add(self, doc: int, positions: list[int]) -> None:
        self.docs.append(doc)
        self.positions.extend(positions)
        self.ends.append(len(self.positions))

    def __len__(self) -> int:
        return len(self.docs)

    def tf(self, i: int) -> int:
        return self.ends[i] - (self.ends[i - 1] if i else 0)

    def positions_of(self, doc: int) -> array | None:
        """Positions of the word in ``doc``, or None when it does not occur there."""
        i = bisect.bisect_left(self.docs, doc)
        if i == len(self.docs) or self.docs[i] != doc:
            return None
        return self.positions[self.ends[i - 1] if i else 0 : self.ends[i]]

    def __getstate__(self) -> tuple:
        return (self.docs, self.ends, self.positions)

    def __setstate__(self, state: tuple) -> None:
        self.docs, self.ends, self.positions = state


class FieldIndex:
    """The index of one field (title or body) of every document."""

    def __init__(self) -> None:
        self.terms: dict[str, Postings] = {}
        self.lengths = array("I")
        self.total_length = 0
        self._sorted_vocab: list[str] | None = None

    def add(self, doc: int, text: str) -> None:
        """Index ``text`` as document number ``doc`` (documents are added in ascending order)."""
        tokens = TOKEN_RE.findall(text.casefold())
        local: dict[str, list[int]] = {}
        for pos, tok in enumerate(tokens):
            lst = local.get(tok)
            if lst is None:
                local[tok] = [pos]
            else:
                lst.append(pos)
        terms = self.terms
        for tok, positions in local.items():
            p = terms.get(tok)
            if p is None:
                p = terms[tok] = Postings()
            p.add(doc, positions)
        while len(self.lengths) < doc:
            self.lengths.append(0)
        self.lengths.append(len(tokens))
        self.total_length += len(tokens)
        self._sorted_vocab = None

    @property
    def doc_count(self) -> int:
        return len(self.lengths)

    @property
    def avg_length(self) -> float:
        return self.total_length / len(self.lengths) if self.lengths else 0.0

    def docs_with(self, token: str) -> array:
        p = self.terms.get(token)
        return p.docs if p is not None else array("I")

    def expand_prefix(self, prefix: str, limit: int = 200) -> list[str]:
        """Indexed words starting with ``prefix`` (at most ``limit``, alphabetical)."""
        if self._sorted_vocab is None:
            self._sorted_vocab = sorted(self.terms)
        vocab = self._sorted_vocab
        i = bisect.bisect_left(vocab, prefix)
        out: list[str] = []
        while i < len(vocab) and vocab[i].startswith(prefix) and len(out) < limit:
            out.append(vocab[i])
            i += 1
        return out

    def phrase_docs(self, tokens: tuple[str, ...], candidates: Iterable[int] | None = None) -> set[int]:
        """Documents where ``tokens`` occur consecutively."""
        postings = [self.terms.get(t) for t in tokens]
        if any(p is None for p in postings):
            return set()
        # start from the rarest word to keep the candidate set small
        order = sorted(range(len(tokens)), key=lambda i: len(postings[i]))
        docs = set(postings[order[0]].docs)
        for i in order[1:]:
            docs.intersection_update(postings[i].docs)
            if not docs:
                return set()
        if candidates is not None:
            docs.intersection_update(candidates)
        found: set[int] = set()
        for doc in docs:
            starts: set[int] | None = None
            for offset, p in enumerate(postings):
                pos = p.positions_of(doc)
                shifted = {x - offset for x in pos} if pos is not None else set()
                starts = shifted if starts is None else starts & shifted
                if not starts:
                    break
            if starts:
                found.add(doc)
        return found

    def bm25(
        self, token: str, idf: float, scores: dict[int, float], weight: float, only: set[int] | None
    ) -> None:
        """Add this field's BM25 score of ``token`` to ``scores`` (restricted to ``only``)."""
        p = self.terms.get(token)
        if p is None or not self.doc_count:
            return
        avg = self.avg_length or 1.0
        lengths = self.lengths
        ends = p.ends
        prev = 0
        wk = weight * idf * (K1 + 1)
        norm_a = K1 * (1 - B)
        norm_b = K1 * B / avg
        for doc, end in zip(p.docs, ends, strict=True):
            tf = end - prev
            prev = end
            if only is not None and doc not in only:
                continue
            s = wk * tf / (tf + norm_a + norm_b * lengths[doc])
            scores[doc] = scores.get(doc, 0.0) + s


class TextIndex:
    """Titles and bodies of a list of documents, searchable by word, phrase and prefix."""

    def __init__(self) -> None:
        self.title = FieldIndex()
        self.body = FieldIndex()

    def add(self, doc: int, title: str, body: str) -> None:
        self.title.add(doc, title)
        self.body.add(doc, body)

    @classmethod
    def build(cls, docs: Iterable[tuple[str, str]]) -> TextIndex:
        index = cls()
        for i, (title, body) in enumerate(docs):
            index.add(i, title, body)
        return index

    @property
    def doc_count(self) -> int:
        return self.body.doc_count

    def fields(self, title_only: bool) -> Iterator[FieldIndex]:
        yield self.title
        if not title_only:
            yield self.body

    def term_docs(self, token: str, prefix: bool = False, title_only: bool = False) -> set[int]:
        out: set[int] = set()
        for f in self.fields(title_only):
            words = f.expand_prefix(token) if prefix else [token]
            for w in words:
                out.update(f.docs_with(w))
        return out

    def phrase_docs(self, tokens: tuple[str, ...], title_only: bool = False) -> set[int]:
        out: set[int] = set()
        for f in self.fields(title_only):
            out |= f.phrase_docs(tokens)
        return out

    def score(self, tokens: Iterable[str], docs: set[int]) -> dict[int, float]:
        """BM25 over body plus weighted BM25 over title, for ``docs`` only."""
        scores: dict[int, float] = {}
        n = self.doc_count
        for tok in tokens:
            # One idf for both fields (a word rare in titles but common in bodies is common).
            df = max(len(self.body.docs_with(tok)), len(self.title.docs_with(tok)))
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            self.body.bm25(tok, idf, scores, 1.0, docs)
            self.title.bm25(tok, idf, scores, TITLE_WEIGHT, docs)
        return scores
