#!/usr/bin/env python3
"""Measure loading, indexing, extraction and search on a corpus folder, against SQLite FTS5.

    python benchmarks/bench_index.py DIR [--json] [--queries FILE] [--skip-extraction]

Prints files and MB read, time per build part (read, text index, entities, timeline), MB/s,
warm open from the cache, search latency p50/p95 over the fixed query set, peak memory, and the
same build and query set on an in-memory SQLite FTS5 table as the anchor. Figures, not verdicts:
the targets live in the issues and the notes.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.cache import open_cached_library, save_library_cache  # noqa: E402
from tui.library import Library, LibraryOptions  # noqa: E402
from tui.search import parallel  # noqa: E402
from tui.search.query import Phrase, Term, parse_query  # noqa: E402

DEFAULT_QUERIES = ROOT.parent / "shared" / "bench" / "queries.txt"
FALLBACK_QUERIES = [
    "said",
    "government",
    "market",
    "oil prices",
    '"prime minister"',
    "moskvich",
    "film award",
]


def read_queries(path: Path) -> list[str]:
    if not path.is_file():
        return FALLBACK_QUERIES
    lines = path.read_text(encoding="utf-8").splitlines()
    return [q.strip() for q in lines if q.strip() and not q.lstrip().startswith("#")]


def _status_mb(pid: int | str, field: str) -> float | None:
    """A memory figure (``VmHWM``, ``VmRSS``) of process ``pid`` from /proc, in MB; None without one."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def peak_mb() -> float:
    """This process's peak resident memory in MB.

    Read from /proc (VmHWM) where there is one: ``ru_maxrss`` survives ``exec``, so a process
    started by a big parent would report the parent's peak.
    """
    peak = _status_mb("self", "VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_mb() -> float:
    """The largest peak of the processes this one started and waited for (the index's helper).

    An upper bound: ``ru_maxrss`` survives ``exec``, so a child's figure starts from this
    process's memory at the moment the child was started.
    """
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _rss_mb(pid: int | str) -> float:
    return _status_mb(pid, "VmRSS") or 0.0


class WholeAppMemory:
    """The largest sum of resident memory of this process and its index helper, sampled.

    The helper process lives only while the text index is built, but for those seconds the app
    is both processes: this is the figure to hold against the memory target. Sampled every
    20 ms from /proc (0 where there is none), so a spike shorter than that may be missed.
    """

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            total = _rss_mb("self") + sum(_rss_mb(c.pid) for c in list(parallel._RUNNING) if c.pid)
            self.peak = max(self.peak, total)

    def __enter__(self) -> WholeAppMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def time_queries(run, queries: list[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        for q in queries:
            t = time.perf_counter()
            run(q)
            times.append((time.perf_counter() - t) * 1000)
    return times


def fts5_query(text: str) -> str:
    """The same query in FTS5 syntax: quoted words and phrases, implicitly AND-ed."""
    parts = []
    for atom in parse_query(text).positive_atoms():
        if isinstance(atom, Term):
            parts.append(f'"{atom.token}"' + ("*" if atom.prefix else ""))
        elif isinstance(atom, Phrase):
            parts.append('"' + " ".join(atom.tokens) + '"')
    return " ".join(parts)


def bench_fts5(library: Library, queries: list[str], repeat: int, limit: int) -> dict:
    t = time.perf_counter()
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='unicode61')")
    db.executemany(
        "INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)",
        ((i, a.title, a.body) for i, a in enumerate(library.articles)),
    )
    db.commit()
    build = time.perf_counter() - t
    sql = (
        "SELECT rowid, bm25(docs, 2.5, 1.0) AS s, snippet(docs, 1, '[', ']', '…', 24) "
        "FROM docs WHERE docs MATCH ? ORDER BY s LIMIT ?"
    )

    def run(q: str) -> None:
        db.execute(sql, (fts5_query(q), limit)).fetchall()
        db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (fts5_query(q),)).fetchone()

    times = time_queries(run, queries, repeat)
    db.close()
    return {
        "build_s": round(build, 3),
        "search_p50_ms": round(percentile(times, 50), 2),
        "search_p95_ms": round(percentile(times, 95), 2),
    }


def measure_warm(corpus: Path, cache_dir: Path, skip_extraction: bool) -> tuple[float, float]:
    """Open the corpus from the cache in a fresh process, as a user's second start would."""
    args = [sys.executable, __file__, str(corpus), "--warm-from", str(cache_dir)]
    if skip_extraction:
        args.append("--skip-extraction")
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return data["warm_s"], data["peak_mb"]


def warm_only(corpus: Path, cache_dir: Path, skip_extraction: bool) -> int:
    t = time.perf_counter()
    library = open_cached_library(corpus, LibraryOptions(), cache_dir)
    library.text_index  # noqa: B018
    if not skip_extraction:
        library.entities  # noqa: B018
        library.timeline  # noqa: B018
    warm = time.perf_counter() - t
    print(json.dumps({"warm_s": warm, "peak_mb": peak_mb(), "reused": sorted(library.reused)}))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--queries", type=Path, default=DEFAULT_QUERIES)
    ap.add_argument("--repeat", type=int, default=3, help="times to run the query set")
    ap.add_argument("--limit", type=int, default=20, help="results per query (with snippets)")
    ap.add_argument("--skip-extraction", action="store_true", help="leave out entities and timeline")
    ap.add_argument("--no-fts5", action="store_true", help="leave out the SQLite FTS5 anchor")
    ap.add_argument("--warm-from", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.warm_from:
        return warm_only(args.corpus, args.warm_from, args.skip_extraction)
    if not args.corpus.is_dir():
        print(f"bench_index: {args.corpus}: not a folder", file=sys.stderr)
        return 2
    queries = read_queries(args.queries)
    cache_dir = Path(tempfile.mkdtemp(prefix="seedreader-bench-cache-"))
    figures: dict = {}

    gc.collect()
    with WholeAppMemory() as whole_app:
        t0 = time.perf_counter()
        library = Library.open(args.corpus, LibraryOptions())
        t_read = time.perf_counter() - t0
        nbytes = sum(a.size for a in library.articles)
        t = time.perf_counter()
        library.text_index  # noqa: B018 - builds it
        t_index = time.perf_counter() - t
        t_entities = t_timeline = 0.0
        if not args.skip_extraction:
            t = time.perf_counter()
            library.entities  # noqa: B018
            t_entities = time.perf_counter() - t
            t = time.perf_counter()
            library.timeline  # noqa: B018
            t_timeline = time.perf_counter() - t
        cold = t_read + t_index + t_entities + t_timeline
        search_ready = t_read + t_index

        times = time_queries(lambda q: library.search(q, args.limit), queries, args.repeat)
    peak = peak_mb()  # the cold build and searching, before the cache is written
    child_peak = children_peak_mb()  # the process that built half the text index

    warm = warm_peak = cache_write = None
    try:
        t = time.perf_counter()
        save_library_cache(library, cache_dir)
        cache_write = time.perf_counter() - t
        warm, warm_peak = measure_warm(args.corpus, cache_dir, args.skip_extraction)
    except OSError as exc:
        print(f"bench_index: cache not measured ({exc})", file=sys.stderr)
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)  # a third of a gigabyte at 100,000 articles
    figures = {
        "files": len(library.articles),
        "mb": round(nbytes / 1e6, 2),
        "cold_s": round(cold, 3),
        "search_ready_s": round(search_ready, 3),
        "warm_s": round(warm, 3) if warm is not None else None,
        "warm_peak_mb": round(warm_peak, 1) if warm_peak is not None else None,
        "cache_write_s": round(cache_write, 3) if cache_write is not None else None,
        "read_s": round(t_read, 3),
        "index_s": round(t_index, 3),
        "entities_s": round(t_entities, 3),
        "timeline_s": round(t_timeline, 3),
        "read_mb_per_s": round(nbytes / 1e6 / t_read, 1) if t_read else None,
        "search_p50_ms": round(percentile(times, 50), 2),
        "search_p95_ms": round(percentile(times, 95), 2),
        "peak_mb": round(peak, 1),
        "peak_over_corpus": round(peak / (nbytes / 1e6), 2) if nbytes else None,
        "index_helper_peak_mb": round(child_peak, 1),
        "whole_app_peak_mb": round(whole_app.peak, 1),
        "whole_app_over_corpus": round(whole_app.peak / (nbytes / 1e6), 2) if nbytes else None,
        "queries": len(queries),
    }
    if not args.no_fts5:
        figures["fts5"] = bench_fts5(library, queries, args.repeat, args.limit)
    if args.json:
        print(json.dumps(figures))
        return 0
    print(f"corpus            {args.corpus}")
    print(f"files             {figures['files']:,}  ({figures['mb']} MB)")
    print(f"read              {t_read:8.2f} s  ({figures['read_mb_per_s']} MB/s)")
    print(f"text index        {t_index:8.2f} s")
    print(f"entities          {t_entities:8.2f} s")
    print(f"timeline          {t_timeline:8.2f} s")
    print(f"cold total        {cold:8.2f} s  (search usable after {search_ready:.2f} s)")
    if warm is not None:
        print(
            f"warm open         {warm:8.2f} s  (cache written in {cache_write:.2f} s; peak {warm_peak:.0f} MB)"
        )
    print(
        f"search p50 / p95  {figures['search_p50_ms']:.2f} / {figures['search_p95_ms']:.2f} ms  ({len(queries)} queries x {args.repeat})"
    )
    print(f"peak memory       {peak:8.1f} MB  ({figures['peak_over_corpus']}x corpus bytes)")
    print(f"index helper peak {child_peak:8.1f} MB  (upper bound: counts the parent's memory at spawn)")
    print(
        f"whole app peak    {whole_app.peak:8.1f} MB  ({figures['whole_app_over_corpus']}x; this process"
        " and the helper together, sampled)"
    )
    if "fts5" in figures:
        f = figures["fts5"]
        print(
            f"FTS5 anchor       build {f['build_s']:.2f} s, search p50 / p95 {f['search_p50_ms']:.2f} / {f['search_p95_ms']:.2f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
