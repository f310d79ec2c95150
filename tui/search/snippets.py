"""Where a query's words fall in a text, and a short snippet around the best of them."""

from __future__ import annotations

from collections.abc import Sequence

from tui.search.query import Phrase, Term
from tui.text import tokenize_spans

Span = tuple[int, int]


def find_hits(text: str, atoms: Sequence[Term | Phrase], include_title_only: bool = False) -> list[Span]:
    """Character spans in ``text`` of every word and phrase of ``atoms``, in text order."""
    words = {a.token for a in atoms if isinstance(a, Term) and not a.prefix}
    prefixes = tuple(a.token for a in atoms if isinstance(a, Term) and a.prefix)
    phrases = [a.tokens for a in atoms if isinstance(a, Phrase)]
    if not include_title_only:
        skip = {a for a in atoms if getattr(a, "title_only", False)}
        words -= {a.token for a in skip if isinstance(a, Term)}
        phrases = [a.tokens for a in atoms if isinstance(a, Phrase) and a not in skip]
    if not (words or prefixes or phrases):
        return []
    tokens = list(tokenize_spans(text))
    hits: list[Span] = []
    for tok, start, end in tokens:
        if tok in words or (prefixes and tok.startswith(prefixes)):
            hits.append((start, end))
    if phrases:
        firsts: dict[str, list[tuple[str, ...]]] = {}
        for ph in phrases:
            firsts.setdefault(ph[0], []).append(ph)
        for i, (tok, start, _end) in enumerate(tokens):
            for ph in firsts.get(tok, ()):
                n = len(ph)
                if i + n <= len(tokens) and all(tokens[i + k][0] == ph[k] for k in range(1, n)):
                    hits.append((start, tokens[i + n - 1][2]))
    hits.sort()
    # drop spans inside an earlier, longer span (a word inside a phrase hit)
    merged: list[Span] = []
    for s, e in hits:
        if merged and s < merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
            continue
        merged.append((s, e))
    return merged


def make_snippet(text: str, hits: Sequence[Span], length: int = 160) -> tuple[str, list[Span]]:
    """A one-line window of about ``length`` characters around the densest hits.

    Returns the snippet and the hits that fall inside it, as offsets into the snippet.
    """
    if not text:
        return "", []
    if hits:
        # start at the hit whose window holds the most hits
        best, best_count = hits[0][0], 0
        j = 0
        for i, (s, _e) in enumerate(hits):
            j = max(j, i)
            while j < len(hits) and hits[j][1] <= s + length:
                j += 1
            if j - i > best_count:
                best, best_count = s, j - i
        start = max(0, best - length // 4)
    else:
        start = 0
    end = min(len(text), start + length)
    start = max(0, min(start, end - length))
    # move to word boundaries
    if start > 0:
        sp = text.find(" ", start, start + 20)
        if sp != -1 and (not hits or sp < hits[0][0] or sp < best):
            start = sp + 1
    if end < len(text):
        sp = text.rfind(" ", end - 20, end)
        if sp > start:
            end = sp
    body = text[start:end].replace("\r", " ").replace("\n", " ").replace("\t", " ")
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = [(s + shift, e + shift) for s, e in hits if s >= start and e <= end]
    return prefix + body + suffix, inside
