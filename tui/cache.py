"""The on-disk cache that makes a second opening of the same folder nearly free.

Kept under ``$XDG_CACHE_HOME/seedreader/<corpus key>/`` in five parts, each a pickle with a
header: the articles (validated per file by size and modification time), the text index, the
corpus entities, the timeline, and each article's raw entity mentions (read only when
something changed; the timeline itself holds each unchanged article's dates). A file that
changed, appeared or vanished is the only one read and extracted again, and the text index is
patched for it rather than rebuilt. A corrupt or
foreign-version cache is ignored with a warning and rebuilt: the reader never depends on it.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from tui.corpus import Article, LoadResult, LoadWarning, claim_unique_id, iter_corpus_files, load_article
from tui.extract.model import TimelineEntry
from tui.library import Library, LibraryOptions
from tui.search.index import dump_without_memo
from tui.state import atomic_write, corpus_key

CACHE_VERSION = 6


def cache_home(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CACHE_HOME/seedreader`` (default ``~/.cache/seedreader``)."""
    env = os.environ if env is None else env
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "seedreader"


def cache_dir_for(root: Path, env: Mapping[str, str] | None = None) -> Path:
    return cache_home(env) / corpus_key(root)


# The code each part is built by: a part is thrown away when that code changes (and only then,
# so a new extraction rule keeps the text index, and a new index keeps the extracted names).
_LOADING_CODE = ("corpus.py", "metadata.py", "decoding.py", "text.py", "dates.py")
_EXTRACT_CODE = ("extract/*.py", "extract/data/*.txt")
_PART_CODE = {
    "articles": _LOADING_CODE,
    "index": (*_LOADING_CODE, "search/*.py"),
    "entities": (*_LOADING_CODE, *_EXTRACT_CODE),
    "times": (*_LOADING_CODE, *_EXTRACT_CODE),
    "entity-mentions": (*_LOADING_CODE, *_EXTRACT_CODE),
}


@functools.cache
def _code_fingerprint(part: str) -> str:
    """A digest of the source files that build ``part``, so stale results are never reused."""
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256(str(CACHE_VERSION).encode())
    files: list[Path] = []
    for pattern in _PART_CODE[part]:
        files += sorted(pkg.glob(pattern))
    for f in files:
        if f.is_file():
            h.update(f.relative_to(pkg).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


@dataclass(slots=True)
class FileRecord:
    """What the cache knows of one file: its stat signature and what loading it gave."""

    size: int
    mtime_ns: int
    article: Article | None
    warnings: list[str] = field(default_factory=list)


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cycle collector: unpickling creates millions of objects and none are garbage,
    but each batch of allocations would start a collection pass over all of them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_MAGIC_PREFIX = b"seedreader cache "


def _magic() -> bytes:
    """The first line of every part file: which program and format wrote it."""
    return _MAGIC_PREFIX + f"{CACHE_VERSION}\n".encode()


def _set_aside(warnings: list[LoadWarning], path: Path, reason: str) -> None:
    """Say that the cache part at ``path`` is not used (``reason``) and will be rebuilt, and remove it:
    a command that never rebuilds that part (``list`` needs no entities) must not say so on every run."""
    warnings.append(LoadWarning(str(path), f"{reason}; rebuilding", about_cache=True))
    with contextlib.suppress(OSError):  # a read-only cache folder: read, found stale, rebuilt in memory
        path.unlink(missing_ok=True)


def _read_part(folder: Path, part: str, warnings: list[LoadWarning]) -> dict | None:
    """The payload of one part, or None when it is missing, stale or not ours.

    A part file is a magic line naming the format version, then two pickles: a small header
    (the code fingerprint), then the payload. The magic line is checked first, so a cache
    written by another version is set aside without unpickling anything of it.
    """
    path = folder / f"{part}.pickle"
    try:
        with path.open("rb") as fh:
            first = fh.readline(64)
            if first != _magic():
                # another format version: its magic line, or a bare pickle (versions before 4)
                older = first.startswith(_MAGIC_PREFIX) or first[:1] == b"\x80"
                reason = "cache from another version" if older else "cache unreadable (not a cache file)"
                _set_aside(warnings, path, reason)
                return None
            header = pickle.load(fh)
            if not isinstance(header, dict) or header.get("version") != CACHE_VERSION:
                _set_aside(warnings, path, "cache from another version")
                return None
            if header.get("code") != _code_fingerprint(part):
                return None  # the program changed since: silently rebuild
            with _no_gc():
                data = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # any unpickling problem means: not ours, rebuild
        _set_aside(warnings, path, f"cache unreadable ({type(exc).__name__})")
        return None
    if not isinstance(data, dict):
        _set_aside(warnings, path, "cache unreadable (not a mapping)")
        return None
    return data


def _write_part(folder: Path, part: str, payload: dict, memo: bool = True) -> None:
    """Write one part; ``memo=False`` for a payload with no shared references (the text index), so
    that loading it frees each buffer once used instead of holding all of them until the end."""
    header = {"version": CACHE_VERSION, "code": _code_fingerprint(part)}

    def write(fh: BinaryIO) -> None:
        fh.write(_magic())
        pickle.dump(header, fh, protocol=pickle.HIGHEST_PROTOCOL)
        if memo:
            pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
        else:
            dump_without_memo(payload, fh)

    atomic_write(folder / f"{part}.pickle", write)


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
    doc_keys: list[str]
    signature: str
    reused: set[str]


# Above this share of changed files a fresh build is about as quick as patching the old index.
INCREMENTAL_MAX_SHARE = 0.05


def _update_index(
    lib: CachedLibrary, part: dict, old_records: dict[str, FileRecord], touched: set[str]
) -> None:
    """Patch the cached text index for the files in ``touched`` (changed, added or removed).

    Only those files' words are removed and added; the rest of the index is reused as it is
    (its doc numbers shift when articles come or go). Too many changes: leave it to a rebuild.
    """
    old_keys: list[str] = part.get("keys") or []
    index = part["index"]
    if len(old_keys) != index.doc_count or len(touched) > max(50, INCREMENTAL_MAX_SHARE * len(lib.doc_keys)):
        return
    new_position = {rel: i for i, rel in enumerate(lib.doc_keys)}
    removed: dict[int, tuple[str, str | None]] = {}
    new_number: list[int] = []
    for old, rel in enumerate(old_keys):
        if rel in touched:
            article = old_records[rel].article
            if article is None:
                return  # the cache does not match itself: rebuild
            removed[old] = (article.title, article.body_text)  # None once released: the file changed
            new_number.append(-1)
        else:
            new_number.append(new_position.get(rel, -1))
    added = {
        i: (lib.articles[i].title, lib.articles[i].body)
        for i, rel in enumerate(lib.doc_keys)
        if rel in touched
    }
    identity = len(old_keys) == len(lib.doc_keys) and all(n == i for i, n in enumerate(new_number) if n >= 0)
    index.update(removed, None if identity else new_number, len(lib.doc_keys), added)
    lib.__dict__["text_index"] = index


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
    doc_keys: list[str] = []  # the file of each article, in article order (the index's doc numbers)
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
        doc_keys.append(rel)
        if on_article:
            on_article(article, done, len(files))
    removed = set(old_records) - set(records)

    result.warnings = cache_warnings + result.warnings
    lib = CachedLibrary(result, opts)
    lib.cache_dir = folder
    lib.file_records = records
    lib.doc_keys = doc_keys
    lib.signature = sig.hexdigest()
    lib.reused = set()
    unchanged = cached is not None and not changed and not removed
    if unchanged:
        lib.reused.add("articles")

    if cached is not None:
        index = _read_part(folder, "index", lib.warnings)
        if index is not None and unchanged and index.get("signature") == lib.signature:
            lib.__dict__["text_index"] = index["index"]
            lib.reused.add("index")
        elif index is not None and index.get("signature") == cached.get("signature"):
            _update_index(lib, index, old_records, changed | removed)
    current_ids = {a.id for a in lib.articles}
    fresh_ids = {records[rel].article.id for rel in changed if records[rel].article is not None}

    # part name in the cache, attribute it fills, key in the part, the options it depends on
    ents_current = unchanged and _reuse_part(lib, "entities", "entities", "index", _entity_options_key(opts))
    times_current = unchanged and _reuse_part(lib, "times", "timeline", "timeline", _time_options_key(opts))
    if not (ents_current and times_current):
        # Something changed: reuse each unchanged article's mentions, extract only the rest.
        # (Per-article mentions are a separate part, read only now: a warm start never needs them.)
        keep = current_ids - fresh_ids
        if not ents_current and (found := _read_part(folder, "entity-mentions", lib.warnings)):
            store = found["mentions"]
            store.by_article = {k: v for k, v in store.by_article.items() if k in keep}
            lib._seed_mentions = store
        found = None if times_current else _read_part(folder, "times", lib.warnings)
        if found and found.get("options") == _time_options_key(opts):
            # the cached timeline holds each unchanged article's entries: only the rest is extracted
            seed: dict[str, list[TimelineEntry]] = {k: [] for k in keep}
            for entry in found["timeline"]:
                if entry.article in seed:
                    seed[entry.article].append(entry)
            lib._seed_timeline = seed
    return lib


def _reuse_part(lib: CachedLibrary, part: str, attribute: str, key: str, options: str) -> bool:
    """Take a whole built part from the cache when it was built from these files and options."""
    data = _read_part(lib.cache_dir, part, lib.warnings)
    if data is None or data.get("signature") != lib.signature or data.get("options") != options:
        return False
    lib.__dict__[attribute] = data[key]
    lib.reused.add(part)
    return True


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
        _write_part(
            folder, "articles", {"options": _options_key(opts), "files": records, "signature": signature}
        )
        written.append("articles")
    if "text_index" in built and "index" not in reused:
        keys = getattr(library, "doc_keys", None) or _doc_keys(library)
        index = {"signature": signature, "index": built["text_index"], "keys": keys}
        _write_part(folder, "index", index, memo=False)
        written.append("index")
    if "entities" in built and "entities" not in reused:
        _write_part(
            folder,
            "entities",
            {"signature": signature, "options": _entity_options_key(opts), "index": built["entities"]},
        )
        written.append("entities")
    if "timeline" in built and "times" not in reused:
        _write_part(
            folder,
            "times",
            {"signature": signature, "options": _time_options_key(opts), "timeline": built["timeline"]},
        )
        written.append("times")
    if "entity_mentions" in built:
        _write_part(folder, "entity-mentions", {"mentions": built["entity_mentions"]})
        written.append("entity-mentions")
    return written


def _doc_keys(library: Library) -> list[str]:
    """The file (relative to the root) of each article, in article order."""
    prefix = os.path.join(library.root, "")
    return [
        a.path[len(prefix) :].replace(os.sep, "/") if a.path.startswith(prefix) else a.path
        for a in library.articles
    ]


def _records_for(library: Library) -> tuple[dict[str, FileRecord], str]:
    root = library.root
    records: dict[str, FileRecord] = {}
    sig = hashlib.sha256()
    by_rel = dict(zip(_doc_keys(library), library.articles, strict=True))
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
