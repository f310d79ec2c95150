"""Small helpers shared by the tests: paths to the project, the seeds and ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
BBC = SHARED / "corpora" / "bbc" / "articles"
WIKINEWS = SHARED / "corpora" / "wikinews" / "articles"

needs_shared = pytest.mark.skipif(
    not (SHARED / "corpora").is_dir(), reason="../shared (corpora and eval data) is not beside the project"
)


def write(folder: Path, rel: str, content: str | bytes) -> Path:
    """Write a file under ``folder`` (creating sub-folders); bytes are written as they are."""
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
