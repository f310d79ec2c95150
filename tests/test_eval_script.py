"""The eval script's own arithmetic: what it counts as one time value (needs no shared data)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _eval_script():
    """The eval script as a module (it lives in benchmarks/, outside the package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "eval_extraction", ROOT / "benchmarks" / "eval_extraction.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("gold", "ours"),
    [("2000-W7", "2000-W07"), ("1968-XX", "1968"), ("1998-XX-XX", "1998"), ("198X", "198")],
)
def test_eval_counts_a_gold_spelling_variant_as_the_same_value(gold: str, ours: str) -> None:
    unify = _eval_script().unify_value
    assert unify(gold) == unify(ours)


@pytest.mark.parametrize(("gold", "ours"), [("1968-05", "1968"), ("2000-W17", "2000-W07"), ("1980", "198")])
def test_eval_keeps_different_values_apart(gold: str, ours: str) -> None:
    unify = _eval_script().unify_value
    assert unify(gold) != unify(ours)
