"""Extraction quality on real news, measured with the shared scorers on a fast subset.

The thresholds sit a little below the figures reached on these subsets, so a regression fails the
test. Skipped when the shared folder (``../shared`` next to the project) is absent.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LIMIT = 60

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared (gold data and scorers) not found"),
]


def _score(scorer: str, data: str) -> str:
    cmd = [
        "python3",
        str(SHARED / "tools" / scorer),
        "--limit",
        str(LIMIT),
        str(SHARED / "eval" / data),
        sys.executable,
        "-m",
        "tui",
        "extract",
        "--json",
    ]
    pr = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert pr.returncode == 0, pr.stdout[-500:] + pr.stderr[-500:]
    return pr.stdout.strip().splitlines()[-1]


def _figure(line: str, name: str) -> float:
    m = re.search(rf"{name} ([\d.]+)", line)
    assert m, line
    return float(m.group(1))


def test_entities_on_conll_subset() -> None:
    line = _score("score_ner.py", "conll2003_dev.jsonl")
    assert _figure(line, "typed F1") >= 0.81, line
    assert _figure(line, "doc-set F1") >= 0.79, line


def test_entities_on_meantime_subset() -> None:
    line = _score("score_ner.py", "meantime_ner.jsonl")
    assert _figure(line, "typed F1") >= 0.60, line


def test_times_on_timebank_subset() -> None:
    line = _score("score_timex.py", "timebank_timex.jsonl")
    assert _figure(line, "relaxed F1") >= 0.90, line
    assert _figure(line, "value F1") >= 0.81, line


def test_times_on_aquaint_subset() -> None:
    line = _score("score_timex.py", "aquaint_timex.jsonl")
    assert _figure(line, "relaxed F1") >= 0.90, line
    assert _figure(line, "value F1") >= 0.76, line


def test_times_on_meantime_subset() -> None:
    line = _score("score_timex.py", "meantime_timex.jsonl")
    assert _figure(line, "relaxed F1") >= 0.90, line
    assert _figure(line, "value F1") >= 0.81, line
