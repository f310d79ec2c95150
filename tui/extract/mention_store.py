"""Every article's entity mentions in flat arrays, each distinct surface form stored once.

A 100,000-article corpus has several million mentions. As objects (an ``EntityMention`` and its
own string each) they take well over a gigabyte and most of a cold start's peak memory; here a
mention is three 4-byte numbers: start, end, and its surface form's number with its type and whether
that type is a work or event's, given by a cue ("the film ...") rather than by the name's shape.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

from tui.extract.model import ENTITY_TYPES, EntityMention

_TYPE_CODE = {t: i for i, t in enumerate(ENTITY_TYPES)}
_MISC = _TYPE_CODE["misc"]


class EntityMentionStore:
    """Article id -> its mentions as flat ``(start, end, form * 16 + weak * 8 + strong * 4 + type)``
    triples, in text order.

    ``forms[n]`` is the surface text of form ``n``; the type is an index into ``ENTITY_TYPES``;
    ``strong`` is ``EntityMention.strong``: a mention typed by a cue in the text; ``weak`` is
    ``EntityMention.weak``: one typed by nothing but the fallback guess.
    """

    __slots__ = ("_form_ids", "by_article", "forms")

    def __init__(self) -> None:
        self.forms: list[str] = []
        self._form_ids: dict[str, int] = {}
        self.by_article: dict[str, array] = {}

    @classmethod
    def from_mentions(cls, per_article: dict[str, list[EntityMention]]) -> EntityMentionStore:
        store = cls()
        for aid, mentions in per_article.items():
            store.add(aid, mentions)
        return store

    def _form_id(self, text: str) -> int:
        n = self._form_ids.get(text)
        if n is None:
            n = self._form_ids[text] = len(self.forms)
            self.forms.append(text)
        return n

    def add(self, article_id: str, mentions: Iterable[EntityMention]) -> None:
        """Store one article's mentions (replacing any it had)."""
        flat = array("I")
        form_id, code = self._form_id, _TYPE_CODE.get
        for m in mentions:
            flat.extend(
                (m.start, m.end, form_id(m.text) * 16 + 8 * m.weak + 4 * m.strong + code(m.type, _MISC))
            )
        self.by_article[article_id] = flat

    def copy_article(self, other: EntityMentionStore, article_id: str) -> None:
        """Take one article's mentions from ``other`` (a store read from the cache)."""
        flat = array("I", other.by_article[article_id])
        forms, form_id = other.forms, self._form_id
        for i in range(2, len(flat), 3):
            code = flat[i]
            flat[i] = form_id(forms[code >> 4]) * 16 + (code & 15)
        self.by_article[article_id] = flat

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.by_article

    def __getstate__(self) -> tuple:
        return (self.forms, self.by_article)

    def __setstate__(self, state: tuple) -> None:
        self.forms, self.by_article = state
        self._form_ids = {text: n for n, text in enumerate(self.forms)}
