"""Read marks and bookmarks survive restarts, corrupt files and hard kills."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from tests.helpers import ROOT
from tui.state import ReaderState, corpus_key


def test_marks_and_bookmarks_survive_a_restart(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    state = ReaderState.load(tmp_path / "corpus", env)
    assert state.read == set() and state.bookmarks == set() and state.warning is None
    state.mark_read("a")
    assert state.toggle_bookmark("b") is True
    state.save()
    again = ReaderState.load(tmp_path / "corpus", env)
    assert again.read == {"a"} and again.bookmarks == {"b"}
    assert again.toggle_bookmark("b") is False


def test_state_is_kept_per_corpus(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path)}
    one = ReaderState.load(tmp_path / "one", env)
    one.toggle_bookmark("x")
    one.save()
    assert ReaderState.load(tmp_path / "two", env).bookmarks == set()
    assert corpus_key(tmp_path / "one") != corpus_key(tmp_path / "two")


def test_corrupt_state_is_kept_as_bak_and_fresh_state_starts(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path)}
    state = ReaderState.load(tmp_path / "c", env)
    state.path.parent.mkdir(parents=True)
    state.path.write_text("{not json", encoding="utf-8")
    fresh = ReaderState.load(tmp_path / "c", env)
    assert fresh.bookmarks == set() and "corrupt" in fresh.warning
    backup = state.path.with_suffix(".json.bak")
    assert backup.read_text(encoding="utf-8") == "{not json"


_WRITER = """
import sys
from pathlib import Path
from tui.state import ReaderState
state = ReaderState.load(Path(sys.argv[1]), {"XDG_DATA_HOME": sys.argv[2]})
i = len(state.bookmarks)
while True:
    state.toggle_bookmark(f"article-{i:06d}")
    state.save()
    print(i, flush=True)
    i += 1
"""


def test_sigkill_during_writes_never_loses_a_saved_mark_nor_corrupts_the_file(tmp_path):
    corpus, data = tmp_path / "corpus", tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_no in range(15):
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(corpus), str(data)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        last_saved = -1
        deadline = time.monotonic() + 0.05 + 0.02 * round_no
        while time.monotonic() < deadline or last_saved < 0:
            line = proc.stdout.readline()
            if not line:
                break
            last_saved = int(line)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        state = ReaderState.load(corpus, {"XDG_DATA_HOME": str(data)})
        assert state.warning is None
        json.loads(state.path.read_text(encoding="utf-8"))  # always parses
        # every bookmark whose save completed (the writer printed its number) is there
        assert {f"article-{i:06d}" for i in range(last_saved + 1)} <= state.bookmarks
