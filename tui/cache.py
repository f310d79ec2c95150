"""The on-disk cache that makes a second opening of the same folder nearly free.

Kept under ``$XDG_CACHE_HOME/seedreader/<corpus key>/`` in four parts, each a pickle with a
header: the articles (validated per file by size and modification time), the text index, the
entity mentions and the time mentions. A file that changed, appeared or vanished is the only
one read and extracted again; the text index is rebuilt when the file set changed. A corrupt
or foreign-version cache is ignored with a warning and rebuilt: the reader never depends on it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.corpus import Article, LoadResult, LoadWarning, claim_unique_id, iter_corpus_files, load_article
from tui.library import Library, LibraryOptions
from tui.state import atomic_write_bytes, corpus_key

CACHE_VERSION = 1
_PARTS = ("articles", "index", "entities", "times")


def cache_home(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CACHE_HOME/seedreader`` (default ``~/.cache/seedreader``)."""
    env = os.environ if env is None else env
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "seedreader"


def cache_dir_for(root: Path, env: Mapping[str, str] | None = None) -> Path:
    return cache_home(env) / corpus_key(root)


@functools.cache
def _code_fingerprint() -> str:
    """Changes whenever the loader, index or extractors change, so stale results are not reused."""
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256(str(CACHE_VERSION).encode())
    files = [pkg / "corpus.py", pkg / "metadata.py", pkg / "decoding.py", pkg / "text.py"]
    files += sorted((pkg / "search").glob("*.py")) + sorted((pkg / "extract").rglob("*"))
    for f in files:
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


@dataclass(slots=True)
class FileRecord:
    """What the cache knows of one file: its stat signature and what loading it gave."""

    size: int
    mtime_ns: int
    article: Article | None
    warnings: list[str] = field(default_factory=list)


def _read_part(folder: Path, part: str, warnings: list[LoadWarning]) -> dict | None:
    path = folder / f"{part}.pickle"
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # any unpickling problem means: not ours, rebuild
        warnings.append(LoadWarning(str(path), f"cache unreadable ({type(exc).__name__}); rebuilding"))
        return None
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
        warnings.append(LoadWarning(str(path), "cache from another version; rebuilding"))
        return None
    if data.get("code") != _code_fingerprint():
        return None  # the program changed since: silently rebuild
    return data


def _write_part(folder: Path, part: str, payload: dict) -> None:
    payload = {"version": CACHE_VERSION, "code": _code_fingerprint(), **payload}
    atomic_write_bytes(folder / f"{part}.pickle", pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))


def _options_key(options: LibraryOptions) -> tuple:
    return (tuple(options.include), tuple(options.exclude))


def _entity_options_key(options: LibraryOptions) -> str:
    return repr(options.entities)


def _time_options_key(options: LibraryOptions) -> str:
    ref = options.timeline.reference_date if options.timeline else None
    return str(ref)


class CachedLibrary(Library):
    """A Library that remembers where its cache is and what of it was reused."""

    cache_dir: Path
    file_records: dict[str, FileRecord]
    signature: str
    reused: set[str]


def open_cached_library(
    root: str | os.PathLike[str],
    options: LibraryOptions | None = None,
    cache_dir: Path | None = None,
    on_article: Callable[[Article, int, int], None] | None = None,
) -> CachedLibrary:
    """Open ``root`` reusing whatever the cache still holds for it; never fails because of the cache."""
    root_path = Path(root)
    opts = options or LibraryOptions()
    folder = cache_dir if cache_dir is not None else cache_dir_for(root_path)
    result = LoadResult(root=root_path)
    cache_warnings: list[LoadWarning] = []
    cached = _read_part(folder, "articles", cache_warnings)
    if cached is not None and cached.get("options") != _options_key(opts):
        cached = None
    old_records: dict[str, FileRecord] = cached["files"] if cached else {}

    if not root_path.is_dir():
        result.warnings.append(LoadWarning(str(root_path), "not a folder"))
        lib = CachedLibrary(result, opts)
        lib.cache_dir, lib.file_records, lib.signature, lib.reused = folder, {}, "", set()
        return lib

    files = list(iter_corpus_files(root_path, opts.include, opts.exclude, result.warnings))
    records: dict[str, FileRecord] = {}
    used_ids: set[str] = set()
    sig = hashlib.sha256()
    changed = set()
    for done, (rel, path) in enumerate(files, start=1):
        try:
            st = os.stat(path)
            stat_key = (st.st_size, st.st_mtime_ns)
        except OSError:
            stat_key = None
        old = old_records.get(rel)
        if old is not None and stat_key == (old.size, old.mtime_ns):
            record = old
            if record.article is not None:
                record.article.path = path
        else:
            warns: list[LoadWarning] = []
            article = load_article(path, rel, warns)
            size, mtime = stat_key if stat_key else (-1, -1)
            record = FileRecord(size, mtime, article, [w.message for w in warns])
            changed.add(rel)
        records[rel] = record
        sig.update(f"{rel}\0{record.size}\0{record.mtime_ns}\n".encode("utf-8", "surrogateescape"))
        result.warnings.extend(LoadWarning(str(path), m) for m in record.warnings)
        article = record.article
        if article is None:
            continue
        claim_unique_id(article, rel, used_ids)
        result.articles.append(article)
        if on_article:
            on_article(article, done, len(files))
    removed = set(old_records) - set(records)

    result.warnings = cache_warnings + result.warnings
    lib = CachedLibrary(result, opts)
    lib.cache_dir = folder
    lib.file_records = records
    lib.signature = sig.hexdigest()
    lib.reused = set()
    unchanged = cached is not None and not changed and not removed
    if unchanged:
        lib.reused.add("articles")

    if unchanged:
        index = _read_part(folder, "index", lib.warnings)
        if index is not None and index.get("signature") == lib.signature:
            lib.__dict__["text_index"] = index["index"]
            lib.reused.add("index")
    current_ids = {a.id for a in lib.articles}
    fresh_ids = {records[rel].article.id for rel in changed if records[rel].article is not None}

    ents = _read_part(folder, "entities", lib.warnings)
    if ents is not None:
        if (
            unchanged
            and ents.get("signature") == lib.signature
            and ents.get("options") == _entity_options_key(opts)
        ):
            lib.__dict__["entity_mentions"] = ents["mentions"]
            lib.__dict__["entities"] = ents["index"]
            lib.reused.add("entities")
        else:  # reuse the mentions of unchanged articles; extract only the rest
            lib._seed_mentions = {
                k: v for k, v in ents["mentions"].items() if k in current_ids and k not in fresh_ids
            }
    times = _read_part(folder, "times", lib.warnings)
    if times is not None and times.get("options") == _time_options_key(opts):
        if unchanged and times.get("signature") == lib.signature:
            lib.__dict__["time_mentions"] = times["mentions"]
            lib.__dict__["timeline"] = times["timeline"]
            lib.reused.add("times")
        else:
            lib._seed_times = {
                k: v for k, v in times["mentions"].items() if k in current_ids and k not in fresh_ids
            }
    return lib


def save_library_cache(library: Library, cache_dir: Path | None = None) -> list[str]:
    """Write what ``library`` has built to the cache; returns the parts written.

    Problems writing (a read-only or full disk) are returned as warnings by the caller's choice:
    this raises OSError, which callers turn into one line.
    """
    folder = cache_dir if cache_dir is not None else getattr(library, "cache_dir", None)
    if folder is None:
        folder = cache_dir_for(library.root)
    records = getattr(library, "file_records", None)
    signature = getattr(library, "signature", None)
    if records is None or signature is None:  # a plain Library: describe its files now
        records, signature = _records_for(library)
    opts = library.options
    written = []
    reused: set[str] = getattr(library, "reused", set())
    built: dict[str, Any] = library.__dict__
    if "articles" not in reused:
        _write_part(folder, "articles", {"options": _options_key(opts), "files": records})
        written.append("articles")
    if "text_index" in built and "index" not in reused:
        _write_part(folder, "index", {"signature": signature, "index": built["text_index"]})
        written.append("index")
    if "entities" in built and "entities" not in reused:
        _write_part(
            folder,
            "entities",
            {
                "signature": signature,
                "options": _entity_options_key(opts),
                "mentions": built["entity_mentions"],
                "index": built["entities"],
            },
        )
        written.append("entities")
    if "timeline" in built and "times" not in reused:
        _write_part(
            folder,
            "times",
            {
                "signature": signature,
                "options": _time_options_key(opts),
                "mentions": built["time_mentions"],
                "timeline": built["timeline"],
            },
        )
        written.append("times")
    return written


def _records_for(library: Library) -> tuple[dict[str, FileRecord], str]:
    root = library.root
    records: dict[str, FileRecord] = {}
    sig = hashlib.sha256()
    by_rel = {}
    for a in library.articles:
        by_rel[a.path.relative_to(root).as_posix() if a.path.is_relative_to(root) else str(a.path)] = a
    for rel, path in iter_corpus_files(root, library.options.include, library.options.exclude):
        try:
            st = os.stat(path)
        except OSError:
            continue
        article = by_rel.get(rel)
        warns = [w.message for w in library.warnings if w.path == str(path)]
        records[rel] = FileRecord(st.st_size, st.st_mtime_ns, article, warns)
        sig.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return records, sig.hexdigest()
