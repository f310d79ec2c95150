#!/usr/bin/env python3
"""Time to first paint in a real terminal (tmux), against a bare Textual app with four empty panes.

    python benchmarks/first_paint.py [DIR ...] [--runs N] [--json]

For each run, starts the program in a detached tmux session of 120x40 and polls the pane until
the expected text is on screen; the figure is the median over the runs. The bare app is the
anchor the issue sets (the same four panes, nothing loaded); each corpus is opened cold
(``--no-cache``) and warm (after one run has written the cache). Needs tmux.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOCKET = f"seedreader-paint-{os.getpid()}"

BARE_APP = """
from textual.app import App
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Static

class Bare(App):
    CSS = "#l {width: 36;} #r {width: 1fr;} #s {width: 38;} Static {height: 1fr; border: solid gray;}"
    def compose(self):
        yield Header()
        with Horizontal():
            yield Static("list", id="l")
            yield Static("reader", id="r")
            with Vertical(id="s"):
                yield Static("entities")
                yield Static("BARE-READY")
        yield Footer()

Bare().run()
"""


def time_to_text(command: str, expect: str, timeout: float = 60.0) -> float:
    """Seconds from starting ``command`` in tmux until ``expect`` appears on its screen."""
    session = f"paint{time.monotonic_ns()}"
    tmux = ["tmux", "-L", SOCKET]  # a server of our own: other tmux users cannot disturb it
    t0 = time.perf_counter()
    subprocess.run([*tmux, "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command], check=True)
    try:
        while time.perf_counter() - t0 < timeout:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if expect in screen:
                return time.perf_counter() - t0
            time.sleep(0.005)
        raise TimeoutError(f"{expect!r} not on screen after {timeout} s: {command}")
    finally:
        subprocess.run([*tmux, "kill-session", "-t", session], capture_output=True)


def median_of(runs: int, command: str, expect: str) -> float:
    return statistics.median(time_to_text(command, expect) for _ in range(runs))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if shutil.which("tmux") is None:
        print("first_paint: tmux not found", file=sys.stderr)
        return 2
    py = shlex.quote(sys.executable)
    # One idle session keeps our tmux server up between runs (closing the last session would
    # end it while the next run starts).
    subprocess.run(["tmux", "-L", SOCKET, "new-session", "-d", "-s", "anchor", "sleep 3600"], check=True)
    try:
        figures = measure(args, py)
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
    if args.json:
        print(json.dumps({k: round(v, 3) for k, v in figures.items()}))
        return 0
    base = figures["bare"]
    for name, secs in figures.items():
        print(f"{name:24} {secs:6.3f} s  ({secs / base:.2f}x bare)")
    return 0


def measure(args: argparse.Namespace, py: str) -> dict[str, float]:
    """Median seconds to first paint: the bare app, then each corpus cold and warm."""
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        env = f"XDG_CACHE_HOME={shlex.quote(tmp)}/cache XDG_DATA_HOME={shlex.quote(tmp)}/data"
        figures: dict[str, float] = {"bare": median_of(args.runs, f"{py} {bare}", "BARE-READY")}
        for corpus in args.corpora or [ROOT / "seeds"]:
            app = f"cd {shlex.quote(str(ROOT))} && {env} {py} -m tui --corpus {shlex.quote(str(corpus))}"
            # The header's title is drawn in the first frame, before any article is read.
            figures[f"{corpus.name} cold"] = median_of(args.runs, app + " --no-cache", "Seedreader")
            # Build every part once through the CLI, which writes the cache as the app would.
            for command in ("search said", "entities", "timeline"):
                subprocess.run(
                    f"{env} {py} -m tui {command} --json --corpus {shlex.quote(str(corpus))} > /dev/null",
                    shell=True,
                    cwd=ROOT,
                    check=True,
                )
            figures[f"{corpus.name} warm"] = median_of(args.runs, app, "Seedreader")
    return figures


if __name__ == "__main__":
    raise SystemExit(main())
