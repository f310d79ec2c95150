"""Snapshots of the reader's screens (pytest-textual-snapshot); review the SVGs before updating."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.test_app_support import SEEDS
from tui.app.app import SeedreaderApp
from tui.library import LibraryOptions


def make_app() -> SeedreaderApp:
    return SeedreaderApp(SEEDS, settings=None, options=LibraryOptions(), use_cache=False)


async def _settle(pilot: Pilot) -> None:
    await pilot.app.settled()  # type: ignore[attr-defined]
    await pilot.pause()


async def _open_first(pilot: Pilot) -> None:
    await _settle(pilot)
    await pilot.press("enter")
    await pilot.pause()


async def _help(pilot: Pilot) -> None:
    await _settle(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


def test_main_screen_wide(snap_compare) -> None:
    """120×40: list | reader (first seed open, names coloured) | entities over timeline."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=_open_first)


def test_main_screen_narrow(snap_compare) -> None:
    """60×20: one pane at a time, the article list."""
    assert snap_compare(make_app(), terminal_size=(60, 20), run_before=_settle)


def test_help_screen(snap_compare) -> None:
    """The help screen: keys by pane from the live bindings, then the query syntax."""
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=_help)
