"""A corpus is a folder of article files; loading it never fails because of one bad file.

Each file becomes an :class:`Article` or a :class:`LoadWarning` naming the file and why it
was skipped (or read with a fallback). The corpus files are only ever opened for reading.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.decoding import Decoded, decode_bytes
from tui.metadata import read_metadata, title_from_sentence
from tui.text import TOKEN_RE, make_printable, normalize_newlines

DEFAULT_INCLUDE: tuple[str, ...] = ("*.txt", "*.md")
# A folder's own notes are not articles: its README and licence files (upper case, as such files
# are named, so "readme-trends.txt" is still read).
DEFAULT_EXCLUDE: tuple[str, ...] = ("*README*", "*LICENSE*", "*LICENCE*", "COPYING*")
_PARAGRAPH_SPLIT_RE = re.compile(r"\n[ \t\r]*\n")


@dataclass(frozen=True, slots=True)
class LoadWarning:
    """Why one file was skipped or read with a fallback."""

    path: str
    message: str
    about_cache: bool = False  # the cache was set aside (not a problem with an article file)

    def __str__(self) -> str:
        # One line, safe for a terminal: a file may be named with escape sequences or newlines.
        return make_printable(f"{self.path}: {self.message}").replace("\n", "\u2424")


@dataclass(slots=True, eq=False)
class Article:
    """One article: metadata plus the body text that the reader shows and the index searches."""

    id: str
    path: str  # the file (a string: making 100,000 Path objects took a second of a warm start)
    title: str
    body_text: str | None  # the body while it is held in memory (see ``body``)
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    body_offset: int = 0  # where the body starts in the decoded file
    encoding: str = "utf-8"
    size: int = 0
    mtime_ns: int = 0
    body_length: int = 0  # the body is decoded_file[body_offset : body_offset + body_length]

    @property
    def body(self) -> str:
        """The article's text: held in memory, or read back from its file once released.

        A large corpus releases its bodies once they are indexed (they would be most of its
        memory); reading one back costs well under a millisecond. If the file changed since it
        was loaded, a one-line notice stands in for the text (the index describes the old one).
        """
        if self.body_text is not None:
            return self.body_text
        return _read_body(*self.body_source)

    @property
    def body_source(self) -> tuple[str, int, int, str, int, int]:
        """Where the body is and what the file was: :func:`read_body_back`'s arguments."""
        return (self.path, self.size, self.mtime_ns, self.encoding, self.body_offset, self.body_length)

    def release_body(self) -> None:
        """Stop holding the body in memory (it is read back from the file when asked for)."""
        self.body_text = None

    def __reduce__(self) -> tuple:
        # Rebuilt by calling the class with its fields (the quickest way back for 100,000 of
        # them). The path is left out: the cache knows it from the folder walk.
        return (Article, tuple(None if name == "path" else getattr(self, name) for name in _ARTICLE_FIELDS))

    @property
    def paragraphs(self) -> list[str]:
        """Paragraphs: blocks between blank lines, or single lines when there are no blank lines."""
        body = self.body.strip()
        if not body:
            return []
        blocks = _PARAGRAPH_SPLIT_RE.split(body) if _PARAGRAPH_SPLIT_RE.search(body) else body.split("\n")
        return [" ".join(b.split()) for b in blocks if b.strip()]

    @property
    def words(self) -> int:
        """Number of word tokens in the body."""
        return sum(1 for _ in TOKEN_RE.finditer(self.body))


_ARTICLE_FIELDS = tuple(f for f in Article.__dataclass_fields__)

BODY_GONE = (
    "[This article's file changed or went away after it was read: reload the folder to read it again.]"
)


def read_body_back(path: str, size: int, mtime_ns: int, encoding: str, offset: int, length: int) -> str:
    """Read an article's body back from its file, as loading made it (``BODY_GONE`` if it changed)."""
    try:
        st = os.stat(path)
        if (st.st_size, st.st_mtime_ns) != (size, mtime_ns) or not stat.S_ISREG(st.st_mode):
            return BODY_GONE
        data = _read_bytes(path)
    except OSError:
        return BODY_GONE
    decoded = decode_bytes(data)
    if decoded is None or decoded.encoding != encoding:
        return BODY_GONE
    return _file_text(decoded)[offset : offset + length]


def _read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes. O_NONBLOCK: a file that turned into a FIFO since its stat must not hang us."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        return fh.read()


def _file_text(decoded: Decoded) -> str:
    """The text a file's offsets refer to: loading and reading a body back must agree on it."""
    return make_printable(normalize_newlines(decoded.text))


_read_body = functools.lru_cache(maxsize=64)(read_body_back)  # the reader asks for one body many times


@dataclass(slots=True)
class LoadResult:
    """The articles of a corpus, in stable order, and every warning met while loading."""

    root: Path
    articles: list[Article] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)


@functools.cache
def _pattern(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One compiled regex for a list of shell patterns (None: the list is empty)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{fnmatch.translate(os.path.normcase(p))})" for p in patterns))


def _matches(rel: str, name: str, patterns: Sequence[str]) -> bool:
    """Whether the file's name or its relative path matches one of the shell ``patterns``."""
    regex = _pattern(tuple(patterns))
    return regex is not None and (
        regex.match(os.path.normcase(name)) is not None or regex.match(os.path.normcase(rel)) is not None
    )


def iter_corpus_files(
    root: str | os.PathLike[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = DEFAULT_EXCLUDE,
    warnings: list[LoadWarning] | None = None,
) -> Iterator[tuple[str, str]]:
    """``(relative path, path)`` of every article file under ``root``, sorted by relative path.

    Hidden files and folders are skipped; symbolic links are followed once (a folder already
    visited through another link is not entered again, so link loops end). Paths are strings:
    a folder of 100,000 files would spend a second making ``Path`` objects.
    """
    warns = warnings if warnings is not None else []
    seen_dirs: set[tuple[int, int]] = set()
    found: list[tuple[str, str]] = []

    def walk(folder: str, rel_prefix: str) -> None:
        try:
            st = os.stat(folder)
        except OSError as exc:
            warns.append(LoadWarning(folder, f"cannot open folder ({exc.strerror or exc})"))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            warns.append(LoadWarning(folder, "folder already visited through a link; skipped"))
            return
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            warns.append(LoadWarning(folder, f"cannot list folder ({exc.strerror or exc})"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = f"{rel_prefix}{entry.name}"
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                if not _matches(rel + "/", entry.name, exclude):
                    walk(entry.path, rel + "/")
                continue
            if not _matches(rel, entry.name, include) or _matches(rel, entry.name, exclude):
                continue
            found.append((rel, entry.path))

    walk(os.fspath(root), "")
    found.sort(key=lambda item: item[0])
    yield from found


def article_id(rel: str) -> str:
    """The id of the file at relative path ``rel``: ``/``-separated, without its suffix."""
    stem, dot, suffix = rel.rpartition(".")
    return stem if dot and "/" not in suffix and stem and not stem.endswith("/") else rel


def load_article(path: str | os.PathLike[str], rel: str, warnings: list[LoadWarning]) -> Article | None:
    """Read one file into an Article; on any problem add a warning and return None."""
    name = os.fspath(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        warnings.append(LoadWarning(name, "dangling link or file vanished; skipped"))
        return None
    except OSError as exc:
        warnings.append(LoadWarning(name, f"cannot read ({exc.strerror or exc}); skipped"))
        return None
    if not stat.S_ISREG(st.st_mode):
        warnings.append(LoadWarning(name, "not a regular file; skipped"))
        return None
    if st.st_size == 0:
        warnings.append(LoadWarning(name, "empty file; skipped"))
        return None
    try:
        data = _read_bytes(path)
    except OSError as exc:
        warnings.append(LoadWarning(name, f"cannot read ({exc.strerror or exc}); skipped"))
        return None
    decoded = decode_bytes(data)
    if decoded is None:
        warnings.append(LoadWarning(name, "binary file (NUL bytes); skipped"))
        return None
    text = _file_text(decoded)
    meta = read_metadata(text)
    body = text[meta.body_start : meta.body_end].rstrip()
    if not body.strip():
        reason = "only front matter, no text" if meta.body_start else "no text"
        warnings.append(LoadWarning(name, f"{reason}; skipped"))
        return None
    if decoded.warning:
        warnings.append(LoadWarning(name, decoded.warning))
    warnings.extend(LoadWarning(name, w) for w in meta.warnings)
    return Article(
        id=article_id(rel),
        path=name,
        title=meta.title or title_from_sentence(body) or Path(rel).stem,
        body_text=body,
        date=meta.date,
        source=meta.source,
        url=meta.url,
        tags=meta.tags,
        body_offset=meta.body_start,
        encoding=decoded.encoding,
        size=st.st_size,
        mtime_ns=st.st_mtime_ns,
        body_length=len(body),
    )


def claim_unique_id(article: Article, rel: str, used_ids: set[str]) -> None:
    """Give ``article`` an id no earlier article has: of "a.txt" and "a.md" the second keeps its suffix."""
    if article.id in used_ids:
        article.id = rel
    used_ids.add(article.id)


def load_corpus(
    root: str | os.PathLike[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = DEFAULT_EXCLUDE,
    on_article: Callable[[Article, int, int], None] | None = None,
) -> LoadResult:
    """Load every article under ``root``; never raises for a bad file.

    ``on_article(article, done, total)`` is called as each file is read, so a UI can fill in
    while loading goes on.
    """
    root_path = Path(root)
    result = LoadResult(root=root_path)
    if not root_path.is_dir():
        result.warnings.append(LoadWarning(str(root_path), "not a folder"))
        return result
    files = list(iter_corpus_files(root_path, include, exclude, result.warnings))
    used_ids: set[str] = set()
    for done, (rel, path) in enumerate(files, start=1):
        article = load_article(path, rel, result.warnings)
        if article is None:
            continue
        claim_unique_id(article, rel, used_ids)
        result.articles.append(article)
        if on_article:
            on_article(article, done, len(files))
    return result


def bundled_seeds() -> Path:
    """The folder of the three seed articles that ship with Seedreader."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data" / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    return here.parent / "seeds"
