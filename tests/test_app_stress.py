"""The app under stress: a sweep of terminal sizes and a 5,000-key monkey never raise, and `q` still quits."""

from __future__ import annotations

import asyncio
import random
import string
import time
from pathlib import Path

import pytest

from tests.helpers import SEEDS, copy_bbc_subset, make_test_app, needs_shared
from tui.bindings import BINDINGS

MONKEY_KEYS = 5_000
MONKEY_SEED = 20240607


@pytest.fixture(scope="module")
def bbc_subset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """~150 BBC articles (only requested by tests marked ``needs_shared``)."""
    return copy_bbc_subset(tmp_path_factory.mktemp("bbc") / "bbc", count=150)


def resize_walk() -> list[tuple[int, int]]:
    """About 90 sizes from 20×6 to 300×100: single-column and single-row steps (at the smallest size
    and across the 80- and 120-column layout breakpoints), big jumps, and a seeded random walk."""
    sizes: list[tuple[int, int]] = [(20, 6)]
    sizes += [(20 + i, 6) for i in range(1, 5)]  # 1-column steps at the smallest height
    sizes += [(24, 6 + i) for i in range(1, 5)]  # 1-row steps
    sizes += [(78, 24), (79, 24), (80, 24), (81, 24), (80, 25), (80, 23), (79, 23)]  # single ↔ medium
    sizes += [(118, 30), (119, 30), (120, 30), (121, 30), (120, 31), (119, 31)]  # medium ↔ wide
    sizes += [(300, 100), (299, 100), (299, 99), (300, 99), (20, 100), (300, 6), (21, 99), (299, 7)]
    rng = random.Random(7)
    w, h = 150, 50
    for _ in range(45):
        if rng.random() < 0.5:  # a single step in one direction
            w = min(300, max(20, w + rng.choice((-1, 1))))
            h = min(100, max(6, h + rng.choice((-1, 0, 1))))
        else:
            w, h = rng.randint(20, 300), rng.randint(6, 100)
        sizes.append((w, h))
    sizes += [(20, 6), (300, 100), (20, 6)]
    return sizes


async def _sweep(pilot, app, sizes: list[tuple[int, int]]) -> None:
    for w, h in sizes:
        await pilot.resize_terminal(w, h)
        await pilot.pause()
        assert app.screen.size == (w, h) or app.screen.size.width == w
        app.export_screenshot()  # draws every visible line of every pane


async def _resize_session(folder: Path) -> None:
    app = make_test_app(folder)
    sizes = resize_walk()
    assert 60 <= len(sizes) <= 100
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled(timeout=120)
        main = app.main
        # an open article scrolled down, a search with hits: the reader rewraps at each width
        await pilot.press("1", "j", "enter", "2", "space")
        await _sweep(pilot, app, sizes[: len(sizes) // 3])
        await pilot.press("slash", *"the", "enter")
        await app.settled()
        await _sweep(pilot, app, sizes[len(sizes) // 3 : 2 * len(sizes) // 3])
        await pilot.press("3")  # the entities pane focused; then help on top
        await pilot.press("question_mark")
        await _sweep(pilot, app, sizes[2 * len(sizes) // 3 :])
        await pilot.press("escape")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert main.article_list.row_count() > 0
        assert app.is_running
    assert [n for n in app.notes if n[0] == "error"] == []


async def test_resize_sweep_on_the_seeds() -> None:
    await _resize_session(SEEDS)


@needs_shared
async def test_resize_sweep_on_a_bbc_subset(bbc_subset: Path) -> None:
    await _resize_session(bbc_subset)


def monkey_keys(seed: int, count: int) -> list[str]:
    """``count`` keys: half from the reader's bindings, half printable characters; never `q`."""
    bound = sorted({k.strip() for spec in BINDINGS for k in spec.keys.split(",")} - {"q"})
    printable = [c for c in string.ascii_letters + string.digits + string.punctuation + " " if c != "q"]
    rng = random.Random(seed)
    return [rng.choice(bound) if rng.random() < 0.5 else rng.choice(printable) for _ in range(count)]


def _key_event(key: str):
    """The Key event Pilot.press sends for ``key`` (the same lookups as ``App._press_keys``)."""
    import unicodedata

    from textual import events
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def type_fast(pilot, keys: list[str]) -> None:
    """Send ``keys`` as a quick typist would, then wait until the app has handled them.

    ``Pilot.press`` waits for the app to go idle after every key (~90 ms a key here, 7 minutes for
    5,000); this sends the same events through the same driver, yielding to the app between keys,
    and waits once at the end.
    """
    app = pilot.app
    for key in keys:
        event = _key_event(key)
        event.set_sender(app)
        app._driver.send_message(event)
        await asyncio.sleep(0)
    await pilot.pause()


def batches(keys: list[str], size: int) -> list[list[str]]:
    """``keys`` in batches of ``size``, each ``ctrl+p`` ending its batch (see :func:`run_monkey`)."""
    out: list[list[str]] = [[]]
    for key in keys:
        out[-1].append(key)
        if key == "ctrl+p" or len(out[-1]) == size:
            out.append([])
    return [b for b in out if b]


async def run_monkey(pilot, keys: list[str], size: int = 25) -> None:
    """Type ``keys`` in quick batches; stop at the first crash or exit, saying which keys led there.

    While the command palette is open the app is given time after each Enter, stepping around the
    Textual crash in test_enter_twice_in_the_palette so that the walk goes on.
    """

    app = pilot.app
    done = 0
    for batch in batches(keys, size):
        await type_fast(pilot, batch)
        done += len(batch)
        recent = keys[max(0, done - 30) : done]
        assert app._exception is None, f"crashed by key {done}: {recent}"
        assert app.is_running, f"the app stopped after key {done}: {recent}"


async def wait_until_stopped(app, seconds: float) -> None:
    """Give the app up to ``seconds`` to finish quitting."""
    for _ in range(int(seconds / 0.02)):
        if not app.is_running:
            return
        await asyncio.sleep(0.02)


async def test_page_keys_in_the_palette_while_it_fills() -> None:
    """Found by the monkey (KeyError: 0 from Textual's OptionList._move_page before layout), since fixed.

    The crash needs a page key to land between the list filling and its layout, so it is tried
    in several ways, several times.
    """
    app = make_test_app(SEEDS)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        tries = [
            ["ctrl+p", "pagedown"],
            ["ctrl+p", "x", "pagedown"],
            ["ctrl+p", "pageup"],
            ["ctrl+p", "m", "pageup"],
        ]
        for keys in tries * 3:
            await pilot.pause()
            await type_fast(pilot, keys)
            assert app._exception is None, keys
            await pilot.press("escape")
        assert app.is_running


async def test_enter_twice_in_the_palette() -> None:
    app = make_test_app(SEEDS)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await type_fast(pilot, ["enter", "enter"])
        await pilot.pause()
        assert app._exception is None
        assert app.is_running


async def test_a_search_ending_as_the_palette_closes() -> None:
    """Found by the monkey: a search finished after the palette had removed its list (NoMatches)."""
    from textual.command import CommandList

    app = make_test_app(SEEDS)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        palette = app.screen
        await palette.query_one(CommandList).remove()  # as when the palette is taken down
        palette._list_visible = not palette._list_visible  # what the search does as it ends
        palette._show_busy = not palette._show_busy
        await pilot.pause()
        assert app._exception is None
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


@pytest.mark.parametrize(
    "pane",
    [
        "1",
        "2",
        "3",
        "4",
    ],
)
async def test_q_quits_from_every_pane(pane: str) -> None:
    app = make_test_app(SEEDS)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        await pilot.press(pane)
        await pilot.pause()
        await pilot.press("q")
        await wait_until_stopped(app, 2.0)
        assert not app.is_running, f"still running, focus on {app.focused}"
    assert app.return_code == 0


@needs_shared
async def test_monkey_5000_keys_then_q_quits(
    bbc_subset: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # nothing the monkey does may write into the project
    keys = monkey_keys(MONKEY_SEED, MONKEY_KEYS)
    assert "ctrl+p" in keys and "r" in keys and "slash" in keys and "q" not in keys
    app = make_test_app(bbc_subset, use_cache=True)  # reloads (`r`) read the cache
    started = time.monotonic()
    async with app.run_test(size=(120, 30)) as pilot:
        await app.settled(timeout=120)
        await run_monkey(pilot, keys)
        await pilot.pause()
        # close whatever is open (search box, help, palette, warnings) and quit
        await pilot.press("escape", "escape", "escape", "escape")
        await pilot.pause()
        await pilot.press("q")
        await wait_until_stopped(app, 5.0)
        assert not app.is_running, f"`q` did not quit; screens {app.screen_stack}, focus {app.focused}"
        assert app.return_code == 0 and app.return_value == 0
    elapsed = time.monotonic() - started
    assert [n for n in app.notes if n[0] == "error"] == []
    assert elapsed < 240, f"{MONKEY_KEYS} keys took {elapsed:.0f} s"  # ~60 s on two busy cores
