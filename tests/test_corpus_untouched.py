"""The corpus is only ever read: a whole session leaves every byte, mtime and file name as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import BBC, ROOT, SEEDS, make_test_app, press_and_settle, write
from tui.settings import Settings
from tui.state import ReaderState


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes | None]]:
    """Every entry under ``folder`` (hidden ones too): mode, mtime_ns, and the bytes of files."""
    out: dict[str, tuple[int, int, bytes | None]] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = path.lstat()
            data = path.read_bytes() if path.is_file() and not path.is_symlink() else None
            out[str(path.relative_to(folder))] = (st.st_mode, st.st_mtime_ns, data)
    st = folder.stat()
    out["."] = (st.st_mode, st.st_mtime_ns, None)
    return out


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    for f in folder.iterdir():
        f.chmod(0o644)  # a normal, writable folder: nothing stops the app but its own discipline
    for f in sorted(BBC.glob("*.txt"))[:5] if BBC.is_dir() else []:
        shutil.copyfile(f, folder / f.name)
    write(
        folder, "front.md", "---\ntitle: With front matter\ndate: 2023-05-17\n---\nSergei Sobyanin spoke.\n"
    )
    write(folder, "sub/ru.txt", "Москвич\n\nЗавод в Москве возобновил работу.".encode("cp1251"))
    write(folder, "sub/u16.txt", "UTF-16 title\n\nA body in UTF-16 about KAMAZ.".encode("utf-16"))
    write(folder, "empty.txt", b"")
    write(folder, "notes.csv", "a,b\n")
    # mtimes in the past, so that a rewrite with the same bytes still shows
    for path in folder.rglob("*"):
        os.utime(path, ns=(1_500_000_000_000_000_000, 1_500_000_000_000_000_000))
    os.utime(folder, ns=(1_500_000_000_000_000_000, 1_500_000_000_000_000_000))
    return folder


async def test_a_session_that_reads_searches_bookmarks_and_reloads_writes_nothing(corpus: Path) -> None:
    before = snapshot(corpus)
    settings = Settings()
    settings.search.delay = 0.0
    app = make_test_app(corpus, settings=settings, use_cache=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await pilot.press("1", "j", "enter", "space", "space", "b", "right_square_bracket")  # read
        await pilot.press("m")  # bookmark the open article
        await pilot.press("slash", *"moscow", "enter")  # search
        await app.settled()
        await pilot.press("enter", "n", "n", "N")
        await pilot.press("3", "enter")  # filter by the first entity
        await app.settled()
        await pilot.press("4", "enter")  # jump from the timeline
        await pilot.press("1", "M", "m")  # bookmarked only; un-bookmark, re-bookmark below
        await app.settled()
        await pilot.press("escape", "escape", "escape", "m")
        await pilot.press("r")  # reload
        await app.settled()
        await press_and_settle(app, pilot, "r")
        assert main.library is not None and len(main.articles) >= 6
        marked = set(main.state.bookmarks)
        read = set(main.state.read)
        await pilot.press("q")
    assert not app.is_running and app.return_code == 0
    assert marked and read, "the session did bookmark and read"
    state = ReaderState.load(corpus)
    assert state.bookmarks == marked and read <= state.read, "marks went to the data folder"
    assert state.path.is_relative_to(Path(os.environ["XDG_DATA_HOME"]))
    after = snapshot(corpus)
    assert sorted(after) == sorted(before), "files appeared in or vanished from the corpus"
    for name, (mode, mtime, data) in before.items():
        assert after[name][0] == mode, f"{name}: mode changed"
        assert after[name][1] == mtime, f"{name}: modified"
        assert after[name][2] == data, f"{name}: bytes changed"


def test_every_cli_command_writes_nothing_to_the_corpus(corpus: Path, tmp_path: Path) -> None:
    before = snapshot(corpus)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    files = [str(p) for p in sorted(corpus.rglob("*.txt"))]
    for args in (
        ["list"],
        ["list"],  # the second run reads the cache
        ["search", "moscow"],
        ["entities"],
        ["timeline"],
        ["--no-cache", "list", "--json"],
    ):
        if args[0] == "--no-cache":
            cmd = [*args[:2], "--corpus", str(corpus), *args[2:]]
        else:
            cmd = [args[0], "--corpus", str(corpus), *args[1:]]
        proc = subprocess.run(
            [sys.executable, "-m", "tui", *cmd], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert proc.returncode == 0, proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "extract", *files, "--json"],
        cwd=corpus,  # even run from inside the corpus
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    after = snapshot(corpus)
    assert after == before
