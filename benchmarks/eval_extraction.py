"""Measure entity and time extraction on the shared gold sets with the shared scorers, and print a table.

usage: python benchmarks/eval_extraction.py [--quick] [--json]

Runs ``../shared/tools/score_ner.py`` and ``score_timex.py`` (relative to the project root) with this
interpreter's ``-m tui extract --json`` as the command, and compares each figure with its target.
``--quick`` scores the first documents of each set only; ``--json`` prints the rows as JSON.
Always exits 0; says "skipped: ../shared not found" when the shared folder is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
QUICK_LIMIT = 60

# (measure, data file, scorer, figure regex on the scorer's output, target)
NER = ("ner", r"typed F1 (?P<typed>[\d.]+).*doc-set F1 (?P<docset>[\d.]+) · (?P<tps>[\d.]+k?) tok/s")
TIMEX = ("timex", r"relaxed F1 (?P<relaxed>[\d.]+) · strict F1 [\d.]+ · value F1 (?P<value>[\d.]+)")
MEASURES = [
    ("entity typed F1 (exact spans)", "conll2003_dev.jsonl", "typed", 0.70),
    ("entity doc-set F1", "conll2003_dev.jsonl", "docset", 0.72),
    ("entity typed F1", "meantime_ner.jsonl", "typed", 0.60),
    ("time relaxed F1", "timebank_timex.jsonl", "relaxed", 0.90),
    ("time value F1", "timebank_timex.jsonl", "value", 0.80),
    ("time relaxed F1", "aquaint_timex.jsonl", "relaxed", 0.90),
    ("time value F1", "aquaint_timex.jsonl", "value", 0.80),
    ("time relaxed F1", "meantime_timex.jsonl", "relaxed", 0.90),
    ("time value F1", "meantime_timex.jsonl", "value", 0.80),
]


def run_scorer(data: str, limit: int) -> tuple[dict[str, float], float]:
    """The figures of one scorer run on one gold file, and its wall time."""
    kind, pattern = NER if data.startswith(("conll", "meantime_ner")) else TIMEX
    scorer = SHARED / "tools" / ("score_ner.py" if kind == "ner" else "score_timex.py")
    cmd = ["python3", str(scorer)]
    if limit:
        cmd += ["--limit", str(limit)]
    cmd += [str(SHARED / "eval" / data), sys.executable, "-m", "tui", "extract", "--json"]
    t0 = time.perf_counter()
    pr = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    lines = pr.stdout.strip().splitlines()
    m = re.search(pattern, lines[-1]) if lines else None
    if pr.returncode != 0 or m is None:
        raise RuntimeError(f"scorer failed on {data}: {pr.stdout[-400:]} {pr.stderr[-400:]}")
    figures = {}
    for k, v in m.groupdict().items():
        figures[k] = float(v[:-1]) * 1000 if v.endswith("k") else float(v)
    return figures, wall


def in_process_speed() -> float | None:
    """Entity extraction tokens/s in this process on the BBC corpus (or the gold texts), one core."""
    from tui.extract.entities import extract_entities

    bbc = SHARED / "corpora" / "bbc" / "articles"
    if bbc.is_dir():
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(bbc.glob("*.txt"))]
    else:
        texts = [json.loads(line)["text"] for line in (SHARED / "eval" / "conll2003_dev.jsonl").open()]
    tokens = sum(len(t.split()) for t in texts)
    extract_entities(texts[0])
    t0 = time.perf_counter()
    for t in texts:
        extract_entities(t)
    return tokens / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--quick", action="store_true", help=f"score the first {QUICK_LIMIT} documents of each set"
    )
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = ap.parse_args(argv)
    if not (SHARED / "eval").is_dir() or not (SHARED / "tools").is_dir():
        print("skipped: ../shared not found")
        return 0
    sys.path.insert(0, str(ROOT))
    # Score the program as installed: compiled, so that a start does not include compiling it
    # (with PYTHONDONTWRITEBYTECODE set, nothing else would ever write the compiled files).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tui")], check=False)
    limit = QUICK_LIMIT if args.quick else 0
    cache: dict[str, dict[str, float]] = {}
    rows = []
    for measure, data, key, target in MEASURES:
        if data not in cache:
            try:
                cache[data], _ = run_scorer(data, limit)
            except RuntimeError as exc:
                print(f"error: {exc}", file=sys.stderr)
                cache[data] = {}
        fig = cache[data].get(key)
        rows.append(
            {
                "measure": measure,
                "data": data,
                "figure": fig,
                "target": target,
                "ok": fig is not None and fig >= target,
            }
        )
    scorer_tps = cache.get("conll2003_dev.jsonl", {}).get("tps")
    speed = in_process_speed()
    rows.append(
        {
            "measure": "entity extraction speed (tok/s, in process)",
            "data": "bbc articles",
            "figure": round(speed) if speed else None,
            "target": 100_000,
            "ok": bool(speed and speed >= 100_000),
        }
    )
    if scorer_tps:
        rows.append(
            {
                "measure": "entity extraction speed (tok/s, scorer, incl. start-up)",
                "data": "conll2003_dev.jsonl",
                "figure": scorer_tps,
                "target": 100_000,
                "ok": scorer_tps >= 100_000,
            }
        )
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    w = max(len(r["measure"]) for r in rows)
    d = max(len(r["data"]) for r in rows)
    print(f"{'measure':<{w}}  {'data':<{d}}  {'figure':>9}  {'target':>9}  ok")
    for r in rows:
        fig = r["figure"]
        fs = "-" if fig is None else (f"{fig:,.0f}" if fig > 10 else f"{fig:.3f}")
        ts = f"{r['target']:,.0f}" if r["target"] > 10 else f"{r['target']:.2f}"
        print(f"{r['measure']:<{w}}  {r['data']:<{d}}  {fs:>9}  {ts:>9}  {'ok' if r['ok'] else 'FAIL'}")
    if args.quick:
        print(f"(quick: first {QUICK_LIMIT} documents of each set)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
