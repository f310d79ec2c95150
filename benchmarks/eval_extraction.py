"""Measure entity and time extraction on the shared gold sets with the shared scorers, and print a table.

usage: python benchmarks/eval_extraction.py [--quick] [--json]

Runs ``../shared/tools/score_ner.py`` and ``score_timex.py`` (relative to the project root) with this
interpreter's ``-m tui extract --json --only entities`` (or ``--only times``) as the command, and
compares each figure with its target. Each scorer thus times the extraction it scores, start-up included.
Rows without a target are for information: the speed of the plain ``extract --json`` (entities and
times), and each time value F1 with the gold's spelling variants of one value counted as that value
(see ``unify_value``). ``--quick`` scores the first documents of each set only; ``--json`` prints the
rows as JSON. Always exits 0; says "skipped: ../shared not found" when the shared folder is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
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


def run_scorer(
    data: str, limit: int, only: str | None = "auto", json_out: Path | None = None
) -> dict[str, float]:
    """The figures of one scorer run on one gold file.

    ``only`` is passed to ``extract --only``: "auto" picks the kind the scorer scores, None extracts
    both. ``json_out`` keeps the scorer's per-document matches.
    """
    kind, pattern = NER if data.startswith(("conll", "meantime_ner")) else TIMEX
    scorer = SHARED / "tools" / ("score_ner.py" if kind == "ner" else "score_timex.py")
    cmd = ["python3", str(scorer)]
    if limit:
        cmd += ["--limit", str(limit)]
    if json_out:
        cmd += ["--json-out", str(json_out)]
    cmd += [str(SHARED / "eval" / data), sys.executable, "-m", "tui", "extract", "--json"]
    if only == "auto":
        only = "entities" if kind == "ner" else "times"
    if only:
        cmd += ["--only", only]
    pr = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    lines = pr.stdout.strip().splitlines()
    m = re.search(pattern, lines[-1]) if lines else None
    if pr.returncode != 0 or m is None:
        raise RuntimeError(f"scorer failed on {data}: {pr.stdout[-400:]} {pr.stderr[-400:]}")
    figures = {}
    for k, v in m.groupdict().items():
        figures[k] = float(v[:-1]) * 1000 if v.endswith("k") else float(v)
    return figures


def unify_value(value: str | None) -> str:
    """One spelling for TIMEX3 values the gold sets write in more than one way.

    The sets disagree on spelling, not meaning: AQUAINT writes weeks unpadded ("2000-W7") where
    TimeBank pads them ("2000-W07"), years as "1968-XX" or "1968-XX-XX" beside plain "1968", and
    decades as "198X" where the others write "198".
    """
    v = (value or "").upper()
    v = re.sub(r"-W(\d)\b", r"-W0\1", v)
    v = re.sub(r"^(\d{4})(?:-XX){1,2}$", r"\1", v)
    return re.sub(r"^(\d{3})X$", r"\1", v)


def unified_value_f1(json_out: Path) -> float:
    """Value F1 (2 correct / (predicted + gold)) from a timex scorer's ``--json-out``, spellings unified."""
    result = json.loads(json_out.read_text(encoding="utf-8"))
    correct = predicted = gold = 0
    for doc in result["per_doc"]:
        matched = doc["matches"]
        predicted += len(matched) + len(doc["fp"])
        gold += len(matched) + len(doc["fn"])
        correct += sum(unify_value(m["gold"][4]) == unify_value(m["pred"][4]) for m in matched)
    return 2 * correct / (predicted + gold) if predicted + gold else 0.0


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


def score_all(limit: int, tmp: Path) -> list[dict]:
    """Every row of the table: the targets first, then the rows for information."""
    cache: dict[str, dict[str, float]] = {}
    rows = []
    for measure, data, key, target in MEASURES:
        if data not in cache:
            try:
                cache[data] = run_scorer(data, limit, json_out=tmp / f"{data}.json")
            except RuntimeError as exc:
                print(f"error: {exc}", file=sys.stderr)
                cache[data] = {}
        fig = cache[data].get(key)
        rows.append(_row(measure, data, fig, target))
    speed = in_process_speed()
    rows.append(_row("entity extraction speed (tok/s, in process)", "bbc articles", speed, 100_000))
    scorer_tps = cache.get("conll2003_dev.jsonl", {}).get("tps")
    if scorer_tps:
        rows.append(
            _row(
                "entity extraction speed (tok/s, scorer, incl. start-up)",
                "conll2003_dev.jsonl",
                scorer_tps,
                100_000,
            )
        )
    try:
        both = run_scorer("conll2003_dev.jsonl", limit, only=None).get("tps")
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        both = None
    rows.append(_row("entities and times (tok/s, scorer, plain extract --json)", "conll2003_dev.jsonl", both))
    for data in dict.fromkeys(d for _, d, key, _ in MEASURES if key == "value"):
        out = tmp / f"{data}.json"
        fig = unified_value_f1(out) if out.is_file() else None
        rows.append(_row("time value F1, gold spellings unified", data, fig))
    return rows


def _row(measure: str, data: str, figure: float | None, target: float | None = None) -> dict:
    """One table row; a row without a target is for information and is never a failure."""
    if figure is not None and figure > 10:
        figure = round(figure)
    ok = None if target is None else figure is not None and figure >= target
    return {"measure": measure, "data": data, "figure": figure, "target": target, "ok": ok}


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
    tmp = Path(tempfile.mkdtemp(prefix="eval_"))
    try:
        rows = score_all(limit, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    w = max(len(r["measure"]) for r in rows)
    d = max(len(r["data"]) for r in rows)
    print(f"{'measure':<{w}}  {'data':<{d}}  {'figure':>9}  {'target':>9}  ok")
    for r in rows:
        fig = r["figure"]
        fs = "-" if fig is None else (f"{fig:,.0f}" if fig > 10 else f"{fig:.3f}")
        target = r["target"]
        ts = "-" if target is None else (f"{target:,.0f}" if target > 10 else f"{target:.2f}")
        verdict = "-" if r["ok"] is None else ("ok" if r["ok"] else "FAIL")
        print(f"{r['measure']:<{w}}  {r['data']:<{d}}  {fs:>9}  {ts:>9}  {verdict}")
    if args.quick:
        print(f"(quick: first {QUICK_LIMIT} documents of each set)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
