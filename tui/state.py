"""What a user did that must survive: read marks and bookmarks, kept per corpus.

Stored as JSON under ``$XDG_DATA_HOME/seedreader/`` and written atomically (temporary file,
flush, fsync, rename), so a killed process leaves either the old file or the new one.
A corrupt file is kept aside as ``.bak`` and the reader starts with fresh state.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

STATE_VERSION = 1


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME/seedreader`` (default ``~/.local/share/seedreader``)."""
    env = os.environ if env is None else env
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "seedreader"


def corpus_key(root: Path) -> str:
    """A file-name-safe key for a corpus folder: its name plus a hash of its absolute path."""
    resolved = str(Path(root).resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in Path(resolved).name)[:40] or "corpus"
    return f"{name}-{digest}"


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a reader only ever sees the old or the new file."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: temporary file, flush, fsync, rename, fsync the folder."""
    atomic_write(path, lambda fh: fh.write(data))


def atomic_write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Replace ``path`` with what ``write`` writes to a file (streamed: no copy in memory)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


@dataclass(slots=True)
class ReaderState:
    """Read marks and bookmarks of one corpus, and the file they live in."""

    path: Path
    read: set[str] = field(default_factory=set)
    bookmarks: set[str] = field(default_factory=set)
    warning: str | None = None  # set when the stored file could not be used

    @classmethod
    def load(cls, corpus_root: Path, env: Mapping[str, str] | None = None) -> ReaderState:
        """The saved state of ``corpus_root``, or fresh state (with a warning if the file was bad)."""
        path = data_home(env) / "state" / f"{corpus_key(corpus_root)}.json"
        state = cls(path)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return state
        except OSError as exc:
            state.warning = f"{path}: cannot read saved marks ({exc.strerror or exc}); starting fresh"
            return state
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            read = data.get("read", [])
            bookmarks = data.get("bookmarks", [])
            if not all(isinstance(x, str) for x in [*read, *bookmarks]):
                raise ValueError("ids must be strings")
        except (ValueError, TypeError) as exc:
            backup = path.with_suffix(".json.bak")
            with contextlib.suppress(OSError):
                os.replace(path, backup)
            state.warning = f"{path}: saved marks are corrupt ({exc}); kept as {backup.name}, starting fresh"
            return state
        state.read = set(read)
        state.bookmarks = set(bookmarks)
        return state

    def mark_read(self, article_id: str) -> bool:
        """Mark an article read; True when that changed anything."""
        if article_id in self.read:
            return False
        self.read.add(article_id)
        return True

    def toggle_bookmark(self, article_id: str) -> bool:
        """Bookmark or un-bookmark an article; returns whether it is now bookmarked."""
        if article_id in self.bookmarks:
            self.bookmarks.discard(article_id)
            return False
        self.bookmarks.add(article_id)
        return True

    def save(self) -> None:
        """Write the state atomically (raises OSError if the data folder is not writable)."""
        data = {"version": STATE_VERSION, "read": sorted(self.read), "bookmarks": sorted(self.bookmarks)}
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=0))
