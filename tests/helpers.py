"""Small helpers shared by the tests: paths to the project, the seeds and ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
BBC = SHARED / "corpora" / "bbc" / "articles"
WIKINEWS = SHARED / "corpora" / "wikinews" / "articles"

needs_shared = pytest.mark.skipif(
    not (SHARED / "corpora").is_dir(), reason="../shared (corpora and eval data) is not beside the project"
)


def write(folder: Path, rel: str, content: str | bytes) -> Path:
    """Write a file under ``folder`` (creating sub-folders); bytes are written as they are."""
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def copy_bbc_subset(folder: Path, count: int = 150, step: int = 13) -> Path:
    """Copy ``count`` BBC articles (every ``step``-th, so every section is in) into ``folder``."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    files = sorted(BBC.glob("*.txt"))
    picked = (files[::step] + files)[:count]
    for f in dict.fromkeys(picked):
        shutil.copyfile(f, folder / f.name)
    return folder


def make_test_app(folder: Path, settings=None, use_cache: bool = False):
    """A SeedreaderApp that records every notification and drops the palette's "Quit" command.

    ``app.notes`` holds ``(severity, message)`` of every notification, expired or not, so a test can
    say that no error was ever shown. Without "Quit" in the palette a random key walk that happens to
    pick it cannot end the app early. (Textual is imported here, not at the top: the CLI tests use
    this module too.)
    """
    import sys

    from tui.app.app import SeedreaderApp
    from tui.library import LibraryOptions

    class RecordingApp(SeedreaderApp):
        # CSS_PATH is read relative to the file that defines the class: point it back at the app's
        CSS_PATH = str(Path(sys.modules[SeedreaderApp.__module__].__file__).with_name("app.tcss"))

        def __init__(self) -> None:
            super().__init__(folder, settings=settings, options=LibraryOptions(), use_cache=use_cache)
            self.notes: list[tuple[str, str]] = []

        def notify(self, message, *, title="", severity="information", timeout=None, markup=True):  # type: ignore[override]
            self.notes.append((str(severity), str(message)))
            return super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

        def get_system_commands(self, screen):  # type: ignore[override]
            return [c for c in super().get_system_commands(screen) if c.title not in ("Quit", "Screenshot")]

    return RecordingApp()


async def press_and_settle(app, pilot, *keys: str) -> None:
    """Press ``keys``, then wait until the work they started has finished and the screen is drawn."""
    await pilot.press(*keys)
    await app.settled()
    await pilot.pause()
