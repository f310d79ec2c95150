"""Build the text index on two cores: the second half of the documents in a child process.

Tokenising is pure Python and holds the interpreter lock, so threads do not help; a spawned
process builds its half while this one builds the first, and the halves are joined by
appending postings (the child numbers its documents after ours; its half comes back through a
temporary file, read as a stream). Small corpora, one-core machines and any failure of the
child fall back to building everything here.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from tui.search.index import TextIndex, dump_without_memo

PARALLEL_MIN_DOCS = 4000  # below this, starting a process costs more than it saves
_RUNNING: set[multiprocessing.process.BaseProcess] = set()  # children building right now


def stop_builds() -> None:
    """End every child still building (the program is quitting and will not wait for them)."""
    for child in list(_RUNNING):
        child.kill()


def build_text_index(
    docs: Sequence[tuple[str, str]],
    workers: int | None = None,
    on_indexed: Callable[[int, int], None] | None = None,
) -> TextIndex:
    """The index of ``docs`` ((title, body) pairs), built on up to two cores.

    ``on_indexed(start, stop)`` says that documents ``start``..``stop - 1`` are indexed (or handed
    to the child process), so a caller short of memory may let go of their text. ``docs`` is read
    by position only; it may make each pair on demand.
    """
    if workers is None:
        workers = min(2, _usable_cpus())
    if workers < 2 or len(docs) < PARALLEL_MIN_DOCS:
        return _build_here(docs, len(docs), on_indexed)
    split = len(docs) // 2
    ctx = multiprocessing.get_context("spawn")  # never fork a process that runs threads
    try:
        handle, name = tempfile.mkstemp(prefix="seedreader-index-", suffix=".pickle")
        os.close(handle)
        out = Path(name)
        second = docs[split:]
        child = ctx.Process(target=_build_part, args=(out, second, split), daemon=True)
        _start(child)
    except (OSError, ValueError, RuntimeError):  # no process to be had: build it all here
        return _build_here(docs, len(docs), on_indexed)
    child._args = ()  # the child has its half now: this process need not hold those texts
    del second
    _RUNNING.add(child)
    if on_indexed:
        on_indexed(split, len(docs))
    index = _build_here(docs, split, on_indexed)
    try:
        child.join()
        if child.exitcode != 0:
            raise OSError(f"index process ended with {child.exitcode}")
        with out.open("rb") as fh:  # read as a stream: no second copy of the half in memory
            part: TextIndex = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError):  # the child died: do its half here
        part = _index_part(docs[split:], split)
    finally:
        _RUNNING.discard(child)
        out.unlink(missing_ok=True)
    index.title.extend(part.title)
    index.body.extend(part.body)
    return index


_REPORT_EVERY = 1000


def _build_here(
    docs: Sequence[tuple[str, str]], stop: int, on_indexed: Callable[[int, int], None] | None
) -> TextIndex:
    """The index of the first ``stop`` documents, built in this process and reported as it goes."""
    index = TextIndex()
    for chunk in range(0, stop, _REPORT_EVERY):
        end = min(stop, chunk + _REPORT_EVERY)
        for i in range(chunk, end):
            title, body = docs[i]
            index.add(i, title, body)
        if on_indexed:
            on_indexed(chunk, end)
    return index


def _start(child: multiprocessing.process.BaseProcess) -> None:
    """Start ``child`` even while a terminal UI runs.

    Starting a process also starts multiprocessing's resource tracker, which hands the tracker
    ``sys.stderr``'s file descriptor; under Textual, ``sys.stderr`` is a capture object without
    a usable one ("bad value(s) in fds_to_keep"). The real stderr is lent for that moment.
    """
    saved = sys.stderr
    try:
        if sys.__stderr__ is not None:
            sys.stderr = sys.__stderr__
        child.start()
    finally:
        sys.stderr = saved


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _silence() -> None:
    """Point this process's stdout and stderr at the null device."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)
    except OSError:
        pass


def _index_part(docs: Sequence[tuple[str, str]], start: int) -> TextIndex:
    """The index of ``docs`` numbered from ``start``, holding only their own lengths."""
    index = TextIndex()
    for i, (title, body) in enumerate(docs, start):
        index.add(i, title, body)
    for field in (index.title, index.body):
        del field.lengths[:start]  # ``add`` padded the numbers before ours with zeros
    return index


def _build_part(out: Path, docs: list[tuple[str, str]], start: int) -> None:
    """The child's work: index its documents and write the result to ``out``."""
    _silence()  # the terminal belongs to the app: nothing of ours may be printed on it
    index = _index_part(docs, start)
    del docs
    with out.open("wb") as fh:
        dump_without_memo(index, fh)
