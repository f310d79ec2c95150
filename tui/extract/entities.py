"""Named-entity mentions in one text (placeholder: replaced by the rule-based extractor)."""

from __future__ import annotations

import re

from tui.extract.model import EntityMention

_CAP_RE = re.compile(r"\b[A-Z][\w]+(?:\s+[A-Z][\w]+)*")


def extract_entities(text: str) -> list[EntityMention]:
    """Capitalised spans typed ``misc``: the simplest baseline, to be replaced."""
    return [EntityMention(m.start(), m.end(), m.group(), "misc") for m in _CAP_RE.finditer(text)]
