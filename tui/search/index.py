"""A positional inverted index over titles and bodies, ranked with BM25.

Postings are kept in compact ``array`` buffers (doc numbers, offsets, word positions), so a
100,000-article corpus fits in memory and pickles quickly for the on-disk cache.
"""

from __future__ import annotations

import bisect
import math
import pickle
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import accumulate, islice
from typing import BinaryIO

from tui.extract.russian import has_cyrillic, stem
from tui.text import TOKEN_RE

K1 = 1.2
B = 0.75
TITLE_WEIGHT = 2.5
SHORT_MAX = 0xFFFF  # the largest 2-byte position or count
CHUNK_POSITIONS = 1 << 21  # word positions per chunk of the pickled index (4 MB at 2 bytes)
_PARTS = ("docs", "counts", "positions")
_FORMS_SCANNED = 5000  # indexed words sharing a Russian stem's letters that are checked for its forms


class Postings:
    """Where one word occurs: doc numbers (ascending), per doc how often, and the word positions.

    ``counts`` (not running ends) keep every part appendable and insertable without shifting
    the rest, which is what merging a part built elsewhere and updating one document need.
    The running ends that position lookups use are derived on first use and dropped on change.
    Counts and positions are 2-byte numbers until a word sits past position 65,535 of some
    document (articles are rarely that long); that halves the biggest part of the index.
    """

    __slots__ = ("_ends", "counts", "docs", "positions")

    def __init__(self) -> None:
        self.docs = array("I")
        self.counts = array("H")  # positions of docs[i] follow those of docs[:i], counts[i] of them
        self.positions = array("H")
        self._ends: array | None = None

    def widen(self) -> None:
        """Switch counts and positions to 4-byte numbers (a document longer than 65,535 words)."""
        self.counts = array("I", self.counts)
        self.positions = array("I", self.positions)

    def __len__(self) -> int:
        return len(self.docs)

    def _start(self, i: int) -> int:
        if self._ends is None:
            self._ends = array("I", accumulate(self.counts))
        return self._ends[i - 1] if i else 0

    def positions_of(self, doc: int) -> array | None:
        """Positions of the word in ``doc``, or None when it does not occur there."""
        i = bisect.bisect_left(self.docs, doc)
        if i == len(self.docs) or self.docs[i] != doc:
            return None
        start = self._start(i)
        return self.positions[start : start + self.counts[i]]

    def extend(self, other: Postings) -> None:
        """Append ``other``, whose doc numbers all follow ours (a part built in another process)."""
        if other.positions.typecode != self.positions.typecode:
            self.widen()
            other.widen()
        self.docs.extend(other.docs)
        self.counts.extend(other.counts)
        self.positions.extend(other.positions)
        self._ends = None

    def remove(self, doc: int) -> None:
        i = bisect.bisect_left(self.docs, doc)
        if i < len(self.docs) and self.docs[i] == doc:
            start = self._start(i)
            del self.positions[start : start + self.counts[i]]
            del self.docs[i]
            del self.counts[i]
            self._ends = None

    def insert(self, doc: int, positions: list[int]) -> None:
        """Add ``doc`` in its place (numbers already made room for it)."""
        if positions[-1] > SHORT_MAX and self.positions.typecode == "H":
            self.widen()
        i = bisect.bisect_left(self.docs, doc)
        start = self._start(i)
        self.docs.insert(i, doc)
        self.counts.insert(i, len(positions))
        self.positions[start:start] = array(self.positions.typecode, positions)
        self._ends = None

    def renumber(self, new_number: list[int]) -> None:
        self.docs = array("I", map(new_number.__getitem__, self.docs))

    def __getstate__(self) -> tuple:
        return (self.docs, self.counts, self.positions)

    def __setstate__(self, state: tuple) -> None:
        self.docs, self.counts, self.positions = state
        self._ends = None


def _positions_by_word(text: str) -> tuple[dict[str, list[int]], int]:
    """Each word of ``text`` (case-folded) with its positions, and the number of words."""
    tokens = TOKEN_RE.findall(text.casefold())
    local: dict[str, list[int]] = {}
    for pos, tok in enumerate(tokens):
        lst = local.get(tok)
        if lst is None:
            local[tok] = [pos]
        else:
            lst.append(pos)
    return local, len(tokens)


def _chunks(group: list[Postings]) -> list[tuple[int, bytes, bytes, bytes]]:
    """Runs of consecutive words' postings as (word count, docs, counts, positions) buffers."""
    out = []
    i = 0
    while i < len(group):
        j, n = i, 0
        while j < len(group) and (j == i or n + len(group[j].positions) <= CHUNK_POSITIONS):
            n += len(group[j].positions)
            j += 1
        run = group[i:j]
        out.append((j - i, *(b"".join(getattr(p, part).tobytes() for p in run) for part in _PARTS)))
        i = j
    return out


def dump_without_memo(obj: object, fh: BinaryIO) -> None:
    """Pickle ``obj`` (which must hold no shared or circular references) with no memo.

    With a memo the loader keeps every buffer it has read until it is done, so a loaded index
    would briefly need its own size two or three times over; without one, each chunk's buffer
    is freed as soon as its words have their arrays.
    """
    pickler = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(obj)


class FieldIndex:
    """The index of one field (title or body) of every document."""

    def __init__(self) -> None:
        self.terms: dict[str, Postings] = {}
        self.lengths = array("I")
        self.total_length = 0
        self._sorted_vocab: list[str] | None = None

    def add(self, doc: int, text: str) -> None:
        """Index ``text`` as document number ``doc`` (documents are added in ascending order)."""
        local, length = _positions_by_word(text)
        terms = self.terms
        for tok, positions in local.items():
            p = terms.get(tok)
            if p is None:
                p = terms[tok] = Postings()
            # appended here rather than by a Postings method: this runs once per word of every
            # document, and the call costs about 5% of building the index
            if positions[-1] > SHORT_MAX and p.positions.typecode == "H":
                p.widen()
            p.docs.append(doc)
            p.counts.append(len(positions))
            p.positions.extend(positions)
            p._ends = None
        while len(self.lengths) < doc:
            self.lengths.append(0)
        self.lengths.append(length)
        self.total_length += length
        self._sorted_vocab = None

    def extend(self, other: FieldIndex) -> None:
        """Append a part whose documents follow ours (built in another process)."""
        terms = self.terms
        for tok, p in other.terms.items():
            mine = terms.get(tok)
            if mine is None:
                terms[tok] = p
            else:
                mine.extend(p)
        self.lengths.extend(other.lengths)
        self.total_length += other.total_length
        self._sorted_vocab = None

    def remove(self, doc: int, text: str | None) -> None:
        """Forget document ``doc``, whose indexed text was ``text`` (its number stays, empty).

        Without the text (a released body whose file has changed since) every word is looked at.
        """
        words = _positions_by_word(text)[0] if text is not None else list(self.terms)
        for tok in words:
            p = self.terms.get(tok)
            if p is not None:
                p.remove(doc)
                if not p.docs:
                    del self.terms[tok]
        self.total_length -= self.lengths[doc]
        self.lengths[doc] = 0
        self._sorted_vocab = None

    def renumber(self, new_number: list[int], count: int) -> None:
        """Move every document to ``new_number[old]`` (order kept); ``count`` documents after."""
        for p in self.terms.values():
            p.renumber(new_number)
        lengths = array("I", bytes(4 * count))
        for old, length in enumerate(self.lengths):
            if new_number[old] >= 0:
                lengths[new_number[old]] = length
        self.lengths = lengths

    def insert(self, doc: int, text: str) -> None:
        """Index ``text`` as document ``doc``, whose number is free (after ``renumber``)."""
        local, length = _positions_by_word(text)
        while len(self.lengths) <= doc:
            self.lengths.append(0)
        terms = self.terms
        for tok, positions in local.items():
            p = terms.get(tok)
            if p is None:
                p = terms[tok] = Postings()
            p.insert(doc, positions)
        self.lengths[doc] = length
        self.total_length += length
        self._sorted_vocab = None

    def __getstate__(self) -> dict:
        """Every word's postings concatenated into a few buffers, in chunks of consecutive words.

        Pickling each word's three arrays on their own leaves, once loaded, a hole in the heap
        where each array's bytes were: at 100,000 articles that doubled the index's memory and
        made loading it slower. Chunks let loading free each buffer as soon as its words have
        their arrays, when the pickle has no memo (see :func:`dump_without_memo`), so loading
        needs little more memory than the index itself.
        """
        short = [p for p in self.terms.values() if p.positions.typecode == "H"]
        wide = [p for p in self.terms.values() if p.positions.typecode != "H"]
        state = {
            "words": [w for w, p in self.terms.items() if p.positions.typecode == "H"]
            + [w for w, p in self.terms.items() if p.positions.typecode != "H"],
            "lengths": self.lengths,
            "total_length": self.total_length,
        }
        for name, group in (("s", short), ("w", wide)):
            state[name + "docs"] = array("I", (len(p.docs) for p in group))
            state[name + "positions"] = array("I", (len(p.positions) for p in group))
            state[name + "_chunks"] = _chunks(group)
        return state

    def __setstate__(self, state: dict) -> None:
        self.lengths = state["lengths"]
        self.total_length = state["total_length"]
        self._sorted_vocab = None
        self.terms = {}
        terms = self.terms
        words = iter(state["words"])
        new = Postings.__new__
        for name, small in (("s", "H"), ("w", "I")):
            sizes = zip(state[name + "docs"], state[name + "positions"], strict=True)
            chunks = state.pop(name + "_chunks")
            chunks.reverse()
            while chunks:
                # one array per buffer, then a slice of it per word: slicing an array is a single
                # C call; the chunk's bytes and arrays are freed before the next chunk is made
                n_words, *raw = chunks.pop()
                docs, counts, positions = array("I"), array(small), array(small)
                docs.frombytes(raw[0])
                counts.frombytes(raw[1])
                positions.frombytes(raw[2])
                del raw
                d = q = 0
                for n_docs, n_pos in islice(sizes, n_words):
                    p = new(Postings)
                    p.docs = docs[d : d + n_docs]
                    p.counts = counts[d : d + n_docs]
                    d += n_docs
                    p.positions = positions[q : q + n_pos]
                    q += n_pos
                    p._ends = None
                    terms[next(words)] = p

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

    def word_forms(self, token: str) -> list[str]:
        """The word and the indexed words that are it in another case: a Russian word's forms share its
        stem ("завод" -> "завод", "завода", "заводе"; not "заводской"), whether spelt with "ё" or "е"
        ("Пётр", "Петра"); any other word is itself."""
        if not has_cyrillic(token):
            return [token]
        st = stem(token)  # (spelt with "е" for "ё")
        forms = {token}
        # the stem as spelt, and with each "е" written "ё" (a text may write "Пётр" where one asks "Петр")
        starts = {st, token[: len(st)]} | {st[:i] + "ё" + st[i + 1 :] for i, c in enumerate(st) if c == "е"}
        for start in starts:
            forms.update(w for w in self.expand_prefix(start, limit=_FORMS_SCANNED) if stem(w) == st)
        return sorted(forms)

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
        wk = weight * idf * (K1 + 1)
        norm_a = K1 * (1 - B)
        norm_b = K1 * B / avg
        for doc, tf in zip(p.docs, p.counts, strict=True):
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

    def update(
        self,
        removed: Mapping[int, tuple[str, str | None]],
        new_number: Sequence[int] | None,
        count: int,
        added: Mapping[int, tuple[str, str]],
    ) -> None:
        """Change a few documents in place instead of rebuilding.

        ``removed`` maps old numbers to the (title, body) they were indexed with (body None: not
        known any more); ``new_number``
        gives each old number its number afterwards (None: unchanged, -1: removed, order kept);
        ``count`` is how many documents there are afterwards; ``added`` maps new numbers to
        their (title, body). Work is proportional to the changed documents' words, plus one
        pass over the doc numbers when numbers move.
        """
        for k, field in enumerate((self.title, self.body)):
            for doc, texts in removed.items():
                field.remove(doc, texts[k])
            if new_number is not None:
                field.renumber(list(new_number), count)
            for doc, texts in added.items():
                field.insert(doc, texts[k])

    def fields(self, title_only: bool) -> Iterator[FieldIndex]:
        yield self.title
        if not title_only:
            yield self.body

    def term_docs(
        self, token: str, prefix: bool = False, title_only: bool = False, exact: bool = True
    ) -> set[int]:
        """Documents with the word (each word it starts when ``prefix``; its forms unless ``exact``)."""
        out: set[int] = set()
        for f in self.fields(title_only):
            words = f.expand_prefix(token) if prefix else [token] if exact else f.word_forms(token)
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
