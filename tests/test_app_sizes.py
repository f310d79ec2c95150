"""The reader draws at any size down to 20×6 and survives resizing, in every pane."""

from __future__ import annotations

from tests.test_app_support import SEEDS
from tui.app.app import SeedreaderApp
from tui.library import LibraryOptions
from tui.settings import Settings

SIZES = [(20, 6), (120, 40), (79, 24), (80, 24), (119, 30), (21, 7), (200, 60), (60, 20), (20, 6), (100, 12)]


async def test_tiny_terminal_draws() -> None:
    app = SeedreaderApp(SEEDS, settings=None, options=LibraryOptions(), use_cache=False)
    async with app.run_test(size=(20, 6)) as pilot:
        await app.settled()
        await pilot.pause()
        for key in (
            "enter",
            "space",
            "b",
            "tab",
            "j",
            "tab",
            "enter",
            "1",
            "slash",
            "m",
            "escape",
            "question_mark",
        ):
            await pilot.press(key)
            await pilot.pause()
            app.export_screenshot()
        assert app.is_running


async def test_resizes_in_every_pane() -> None:
    app = SeedreaderApp(SEEDS, settings=None, options=LibraryOptions(), use_cache=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        await pilot.press("enter")
        for pane in "1234":
            await pilot.press(pane)
            for size in SIZES:
                await pilot.resize_terminal(*size)
                await pilot.pause()
                app.export_screenshot()  # renders every visible line
        await pilot.press("s", "question_mark")
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            app.export_screenshot()
        assert app.is_running


async def test_resize_during_loading() -> None:
    app = SeedreaderApp(SEEDS, settings=None, options=LibraryOptions(), use_cache=False)
    async with app.run_test(size=(20, 6)) as pilot:
        for size in SIZES:
            await pilot.resize_terminal(*size)
        await app.settled()
        await pilot.pause()
        assert app.main.article_list.row_count() == 3


async def test_layout_settings_are_honoured() -> None:
    settings = Settings()
    settings.layout.sidebar_side = "left"
    settings.layout.panes = ["list", "reader"]
    settings.layout.list_width = 30
    app = SeedreaderApp(SEEDS, settings=settings, options=LibraryOptions(), use_cache=False)
    async with app.run_test(size=(130, 30)) as pilot:
        await app.settled()
        await pilot.pause()
        main = app.main
        assert main.visible_panes() == ["list", "reader"]
        assert main.query_one("#list-pane").size.width == 30
        await pilot.press("3")  # asking for a hidden pane shows it
        await pilot.pause()
        assert "entities" in main.visible_panes()
        side, listing = main.query_one("#side"), main.query_one("#list-pane")
        assert side.region.x < listing.region.x
        app.export_screenshot()
