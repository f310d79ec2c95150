"""Pilot tests of the reader's paths: search, filters, timeline, hits, panes, reload, help, marks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.helpers import press_and_settle
from tests.test_app_support import SEEDS
from tui.app.app import SeedreaderApp
from tui.app.help_screen import HelpScreen
from tui.app.main_screen import MainScreen
from tui.app.warnings_screen import WarningsScreen
from tui.extract.model import TimelineEntry
from tui.library import LibraryOptions
from tui.settings import Settings
from tui.state import ReaderState


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the seeds (reload tests change it)."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    for f in folder.iterdir():
        f.chmod(0o644)
    return folder


def make_app(folder: Path = SEEDS, settings: Settings | None = None) -> SeedreaderApp:
    return SeedreaderApp(folder, settings=settings, options=LibraryOptions(), use_cache=False)


def fast_settings() -> Settings:
    settings = Settings()
    settings.search.delay = 0.0
    return settings


async def test_loads_and_lists_every_article() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        await pilot.pause()
        main = app.main
        assert isinstance(main, MainScreen)
        assert main.article_list.row_count() == 3
        assert "3 of 3" in str(main.query_one("#list-title").render())
        assert main.sidebar.entities, "the sidebar fills once names are found"
        assert main.timeline.row_count() > 0


async def test_enter_opens_and_marks_read(corpus: Path) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        await pilot.press("j", "enter")
        await pilot.pause()
        main = app.main
        opened = main.articles[main.open_number]
        assert main.open_number == main.article_list.rows[1]
        assert main.reader.text_lines[0].startswith(opened.title[:20])
        assert opened.id in ReaderState.load(corpus).read
        await pilot.press("G")
        assert main.article_list.cursor == 2
        await pilot.press("g")
        assert main.article_list.cursor == 0


async def test_search_updates_list_and_escape_clears() -> None:
    app = make_app(settings=fast_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await pilot.press("slash")
        assert main.search_box.is_open
        await press_and_settle(app, pilot, *"KAMAZ")
        assert main.search_text == "KAMAZ"
        assert main.article_list.row_count() == 1
        assert "1 of 3" in str(main.query_one("#list-title").render())
        assert "1 match" in str(main.query_one("#search-status").render())
        await pilot.press("enter")
        assert main.focused is main.article_list
        await press_and_settle(app, pilot, "slash", "escape")
        assert not main.search_box.is_open
        assert main.search_text == ""
        assert main.article_list.row_count() == 3


async def send_burst(app, keys: str) -> None:
    """Queue every key at once, as a fast typist or a terminal paste of keystrokes does."""
    from textual import events

    for ch in keys:
        key = {"/": "slash", "\r": "enter"}.get(ch, ch)
        event = events.Key(key, ch)
        event.set_sender(app)
        app._driver.send_message(event)


async def burst_and_settle(app, pilot, keys: str) -> None:
    """Send ``keys`` as one burst, then wait until what they started has finished."""
    await send_burst(app, keys)
    await pilot.pause()
    await app.settled()
    await pilot.pause()


async def search_and_open_best(app, pilot, query: str) -> None:
    """`/`, the query, Enter to the list, Enter to open its best match."""
    await press_and_settle(app, pilot, "slash", *query, "enter")
    await pilot.press("enter")
    await pilot.pause()


async def test_keys_typed_right_after_slash_reach_the_box() -> None:
    """A fast typist: '/' and the query arrive in one burst; no letter goes to the list's keys."""
    app = make_app(settings=fast_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await burst_and_settle(app, pilot, "/KAMAZ")
        assert main.search_box.input.value == "KAMAZ"
        assert main.search_text == "KAMAZ"
        assert main.article_list.row_count() == 1
        assert "KAMAZ" in main.search_box.input.render_line(0).text
        await send_burst(app, "/x")
        await pilot.pause()
        assert main.search_box.input.value == "KAMAZ/x", "in the box, / is a character"


async def test_enter_enter_typed_fast_goes_to_the_list_then_opens() -> None:
    """'/', a query, Enter (to the list) and Enter (open) in one burst open the one match."""
    app = make_app(settings=fast_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await burst_and_settle(app, pilot, "/KAMAZ\r\r")
        assert main.focused is main.article_list
        assert main.open_number is not None
        assert "KAMAZ" in main.articles[main.open_number].body


async def test_bad_query_keeps_last_good_results() -> None:
    app = make_app(settings=fast_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await press_and_settle(app, pilot, "slash", *"moskvich")
        good = list(main.article_list.rows)
        await press_and_settle(app, pilot, *' "open')
        assert "unclosed quote" in str(main.query_one("#search-status").render())
        assert main.article_list.rows == good
        assert main.search_text.strip() == "moskvich"


async def test_search_history_walks_with_arrows() -> None:
    app = make_app(settings=fast_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await pilot.press("slash", *"renault", "enter")
        await pilot.press("slash")
        box = main.search_box.input
        box.value = ""
        await pilot.press(*"kamaz", "enter")
        await pilot.press("slash")
        box.value = ""
        await pilot.press("up")
        assert box.value == "kamaz"
        await pilot.press("up")
        assert box.value == "renault"
        await pilot.press("down", "down")
        assert box.value == ""


async def test_search_does_not_block_keys() -> None:
    """With the default debounce, keys typed meanwhile still go where they belong."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await pilot.press("slash", *"moscow", "enter", "j")
        assert main.focused is main.article_list
        await app.settled()
        await pilot.pause()
        assert main.search_text == "moscow"


async def test_entity_filter_and_escape_clears_last() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await pilot.press("3")
        assert main.focused is main.sidebar
        await pilot.press(*"sobyanin")
        await pilot.pause()
        assert main.sidebar.narrow == "sobyanin"
        assert main.sidebar.entities[main.sidebar.current].name == "Sergei Sobyanin"
        await press_and_settle(app, pilot, "enter")
        expected = {main.library.by_id[a] for a in main.library.entities.find("Sergei Sobyanin").articles}
        assert set(main.article_list.rows) == expected
        assert "entity: Sergei Sobyanin" in str(main.query_one("#status").render())
        # a second filter narrows further
        await pilot.press("escape")  # clears the typing first
        assert main.sidebar.narrow == ""
        await press_and_settle(app, pilot, *"kamaz", "enter")
        assert len(main.filters) == 2
        assert set(main.article_list.rows) <= expected
        # Esc clears the typing, then removes the last filter, then the first
        await press_and_settle(app, pilot, "escape", "escape")
        assert [f.value for f in main.filters] == ["Sergei Sobyanin"]
        await press_and_settle(app, pilot, "escape")
        assert main.filters == []
        assert main.article_list.row_count() == 3


async def test_entity_filter_highlights_all_aliases() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await press_and_settle(app, pilot, "3", *"sergei", "enter")
        await pilot.press("1", "enter")
        await pilot.pause()
        article = main.articles[main.open_number]
        texts = {article.body[s:e] for s, e in main.reader.filter_spans}
        assert "Sergei Sobyanin" in texts or "Sobyanin" in texts
        entity = main.library.entities.find("Sergei Sobyanin")
        assert texts <= {entity.name, *entity.aliases}
        assert main.hits, "filtered mentions are hits for n/N"


async def _open_the_first_timeline_entry(app: SeedreaderApp, pilot: Pilot) -> TimelineEntry:
    """Press 4 and Enter; the entry's article opens with the expression marked and in view."""
    main = app.main
    await pilot.press("4")
    assert main.focused is main.timeline
    entry = main.timeline.current
    assert entry is not None
    await pilot.press("enter")
    await pilot.pause()
    reader = main.reader
    assert main.articles[main.open_number].id == entry.article
    assert reader.mark == (entry.start, entry.end)
    top = round(reader.scroll_y)
    assert top <= reader.max_scroll_y
    assert top <= reader.line_of(entry.start) < top + reader.scrollable_content_region.height
    return entry


async def test_timeline_enter_opens_at_the_expression() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        entry = await _open_the_first_timeline_entry(app, pilot)
        # t restricts the timeline to the open article
        await pilot.press("4", "t")
        await pilot.pause()
        assert main.timeline.article_only
        shown = main.timeline.shown_entries
        assert shown and all(e.article == entry.article for e in shown)
        await pilot.press("t")
        assert not main.timeline.article_only


async def test_next_hit_counts_and_continues_into_next_article() -> None:
    app = make_app(settings=fast_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await search_and_open_best(app, pilot, "moskvich")
        first = main.open_number
        total = len(main.hits)
        assert total > 1
        await pilot.press("n")
        assert main.hit_index == 0
        assert f"hit 1/{total}" in str(main.query_one("#reader-title").render())
        for _ in range(total - 1):
            await pilot.press("n")
        assert main.hit_index == total - 1
        await pilot.press("n")  # past the last hit: the next matching article, at its first hit
        await pilot.pause()
        assert main.open_number != first
        assert main.open_number == main.article_list.rows[1]
        assert main.hit_index == 0
        await pilot.press("N")  # back before the first: the previous article, at its last hit
        await pilot.pause()
        assert main.open_number == first
        assert main.hit_index == total - 1


async def test_brackets_walk_the_list() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await pilot.press("enter", "right_square_bracket")
        await pilot.pause()
        assert main.open_number == main.article_list.rows[1]
        assert main.article_list.cursor == 1
        await pilot.press("left_square_bracket")
        assert main.open_number == main.article_list.rows[0]


async def test_tab_and_digits_cycle_panes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        assert main.focused is main.article_list
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(main.pane_of(main.focused))
        assert seen == ["reader", "entities", "timeline", "list"]
        await pilot.press("shift+tab")
        assert main.pane_of(main.focused) == "timeline"
        for key, pane in (("1", "list"), ("2", "reader"), ("3", "entities"), ("4", "timeline")):
            await pilot.press(key)
            assert main.pane_of(main.focused) == pane


async def test_narrow_terminal_shows_one_pane_at_a_time() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await app.settled()
        await pilot.pause()
        main = app.main
        assert main.visible_panes() == ["list"]
        await pilot.press("enter")
        await pilot.pause()
        assert main.visible_panes() == ["reader"]
        assert main.focused is main.reader
        await pilot.press("tab")
        assert main.visible_panes() == ["entities"]
        await pilot.press("1")
        assert main.visible_panes() == ["list"]


async def test_slash_from_the_reader_in_a_narrow_terminal_types_into_the_search_box() -> None:
    """One pane at a time: `/` while reading shows the list with the box, and what follows is the query."""
    app = make_app(settings=fast_settings())
    async with app.run_test(size=(60, 20)) as pilot:
        await app.settled()
        main = app.main
        await pilot.press("enter")
        await pilot.pause()
        assert main.visible_panes() == ["reader"]
        await press_and_settle(app, pilot, "slash", *"izvestia")
        assert main.visible_panes() == ["list"]
        assert main.focused is main.search_box.input
        assert main.search_box.input.value == "izvestia"
        assert main.search_text == "izvestia"


async def test_a_status_line_too_long_for_a_narrow_terminal_is_cut_visibly() -> None:
    """At 60 columns "filters: entity: Sergei Sobyanin" does not fit: the line ends in "…", not
    in "Sergei", which read as a filter on another name."""
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await app.settled()
        main = app.main
        await pilot.press("3", *"sobyanin")
        await press_and_settle(app, pilot, "enter")
        shown = main.query_one("#status").render_line(0).text.rstrip()
        assert "filters: entity: Sergei" in shown and shown.endswith("…"), shown


async def test_sidebar_toggles_at_medium_width() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.settled()
        main = app.main
        assert main.visible_panes() == ["list", "reader"]
        await pilot.press("s")
        assert main.visible_panes() == ["list", "reader", "entities", "timeline"]
        assert main.query_one("#side").display
        await pilot.press("s")
        assert main.visible_panes() == ["list", "reader"]


async def test_reload_keeps_the_open_article(corpus: Path) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await pilot.press("j", "enter")
        await pilot.pause()
        kept = main.articles[main.open_number].id
        (corpus / "zzz_new.txt").write_text(
            "Extra article.\n\nIt mentions KAMAZ in 2024.\n", encoding="utf-8"
        )
        await press_and_settle(app, pilot, "r")
        assert len(main.articles) == 4
        assert main.articles[main.open_number].id == kept
        assert main.articles[main.article_list.current].id == kept


async def test_reload_moves_to_the_neighbour_of_a_removed_article(corpus: Path) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await pilot.press("j", "enter")
        await pilot.pause()
        removed = main.articles[main.open_number]
        Path(removed.path).unlink()
        await press_and_settle(app, pilot, "r")
        assert len(main.articles) == 2
        assert removed.id not in main.library.by_id
        assert main.article_list.cursor == 1
        assert main.open_number == main.article_list.current


async def test_help_lists_live_keys_and_remaps() -> None:
    settings = Settings()
    settings.keys["bookmark"] = "b,ctrl+b"
    settings.keys["page_up"] = "pageup"
    app = make_app(settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict((what, keys) for _title, items in app.screen.sections for keys, what in items)
        assert rows["Bookmark"] == "b, ^b"
        assert rows["Search"] == "/"
        assert rows["Page up"] == "pgup"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("b")  # the remapped key works
        await pilot.pause()
        assert main_bookmarks(app)


def main_bookmarks(app: SeedreaderApp) -> set[str]:
    return app.main.state.bookmarks


async def test_bookmark_toggle_and_filter(corpus: Path) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await pilot.press("j", "m")
        await pilot.pause()
        marked = main.articles[main.article_list.current].id
        assert ReaderState.load(corpus).bookmarks == {marked}
        await press_and_settle(app, pilot, "M")
        assert [main.articles[n].id for n in main.article_list.rows] == [marked]
        assert "bookmarked" in str(main.query_one("#status").render())
        await press_and_settle(app, pilot, "m")  # un-bookmark: the list empties
        assert ReaderState.load(corpus).bookmarks == set()
        assert main.article_list.rows == []
        await press_and_settle(app, pilot, "escape")
        assert main.article_list.row_count() == 3


async def test_command_palette_opens_an_article_by_title() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        target = main.articles[2]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*target.title[:25].lower())
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert main.open_number == 2


async def test_warnings_are_notified_and_listed(corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02")
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        await pilot.pause()
        assert any("Load warnings" in (n.title or "") for n in app._notifications)
        app.main.action_show_warnings()
        await pilot.pause()
        assert isinstance(app.screen, WarningsScreen)
        assert any("empty.txt" in w for w in app.screen.warnings)


async def test_load_failure_is_a_notification_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("tui.app.loader.load_library", boom)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        await pilot.pause()
        assert any("disk on fire" in n.message for n in app._notifications)
        await pilot.press("j", "enter", "slash", "x", "escape", "3", "4", "tab")


async def test_hostile_markup_is_shown_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "title: [bold red]Evil[/] [@click=app.quit]x[/]\n\n[link=http://x]body[/link] [/] [bold",
        encoding="utf-8",
    )
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        await pilot.press("enter")
        await pilot.pause()
        main = app.main
        text = " ".join(main.reader.text_lines)
        assert "[bold red]Evil[/] [@click=app.quit]x[/]" in text
        assert "[link=http://x]body[/link] [/] [bold" in text
        row = main.article_list.render_row(0, 100).plain
        assert "[bold red]Evil[/]" in row
        await pilot.press("ctrl+p", *"evil")
        await pilot.pause(0.3)
        assert app.is_running


async def test_unexpected_search_error_is_shown_inline(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> list[int]:
        raise MemoryError("out of memory")

    monkeypatch.setattr("tui.app.main_screen.visible_articles", boom)
    app = make_app(settings=fast_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        await press_and_settle(app, pilot, "slash", "x")
        assert app.is_running
        assert "search failed: out of memory" in str(app.main.query_one("#search-status").render())
        assert app.main.article_list.row_count() == 3


async def test_help_opens_and_closes_with_the_same_key_at_once() -> None:
    app = make_app()
    async with app.run_test(size=(20, 6)) as pilot:
        await app.settled()
        await pilot.press("question_mark", "question_mark", "question_mark", "j", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_search_works_when_the_index_is_built_in_a_second_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Big folders index on two cores; starting that process must work under the running app."""
    from tui.search import parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN_DOCS", 10)
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(24):
        (folder / f"a{i:02}.txt").write_text(f"Report {i}\n\nOil prices rose in story {i}.", encoding="utf-8")
    (folder / "z.txt").write_text("Last\n\nA quiet day with submarines.", encoding="utf-8")
    app = make_app(folder, fast_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await press_and_settle(app, pilot, "slash", *"submarines")
        assert main.view_error is None
        assert main.article_list.row_count() == 1
        assert "1 match" in str(main.query_one("#search-status").render())


async def test_an_old_cache_is_reported_as_rebuilt_not_as_skipped_files(corpus: Path, monkeypatch) -> None:
    """Upgrading Seedreader sets the old cache aside; the warning must say that, not blame the files."""
    from tests.helpers import make_test_app
    from tui import cache as cache_mod

    first = make_test_app(corpus, use_cache=True)
    async with first.run_test(size=(120, 40)):
        await first.settled()
    monkeypatch.setattr(cache_mod, "CACHE_VERSION", cache_mod.CACHE_VERSION + 1)
    second = make_test_app(corpus, use_cache=True)
    async with second.run_test(size=(120, 40)):
        await second.settled()
        warned = [text for severity, text in second.notes if severity == "warning"]
        assert warned and "cache" in warned[0] and "being rebuilt" in warned[0]
        assert "skipped" not in warned[0]
        assert len(second.main.library.articles) == 3


async def test_letters_typed_right_after_a_pane_key_go_to_that_pane() -> None:
    """'3' then a name in one burst narrows the sidebar; '2n' from there is the reader's key, not a letter."""
    app = make_app(settings=fast_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await burst_and_settle(app, pilot, "3sobya")
        assert main.focused is main.sidebar
        assert main.sidebar.narrow == "sobya"
        assert not main.hidden, "'s' was not taken as the sidebar toggle"
        await burst_and_settle(app, pilot, "2n")
        assert main.focused is main.reader
        assert main.sidebar.narrow == "sobya", "the 'n' did not land in the sidebar's filter"
        await burst_and_settle(app, pilot, "/12")
        assert main.search_box.input.value == "12", "in the box, digits are characters"


async def test_a_digit_that_continues_a_name_narrows_but_otherwise_switches_panes(tmp_path: Path) -> None:
    """'channel 4' narrows to Channel 4, while 'sobya' then '2' still goes to the reader."""
    (tmp_path / "tv.txt").write_text(
        "Channel 4 wins rights\n\nThe broadcaster Channel 4 won the rights, the BBC said. "
        "Channel 4 will show the games, and BBC Radio 4 will carry them.\n",
        encoding="utf-8",
    )
    app = make_app(tmp_path, settings=fast_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await press_and_settle(app, pilot, "3", *"channel", "space", "4")
        assert main.focused is main.sidebar
        assert main.sidebar.narrow == "channel 4"
        assert main.sidebar.entities[main.sidebar.current].name == "Channel 4"
        await press_and_settle(app, pilot, "escape", *"bbcx", "2")
        assert main.focused is main.reader, "no name goes on with '2': it switches panes"
        assert main.sidebar.narrow == "bbcx"


async def test_the_app_quits_once_its_terminal_has_hung_up() -> None:
    """A closed terminal window must not leave the app spinning a core (as it did under `make run`)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.settled()
        gone, other = os.pipe()  # a hung-up terminal is no terminal any more, like a pipe
        try:
            app._exit_if_terminal_gone(gone)
            await pilot.pause()
            assert app._exit, "the app did not quit"
        finally:
            os.close(gone)
            os.close(other)


async def test_reader_title_counts_one_hit_in_the_singular() -> None:
    app = make_app(settings=fast_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await search_and_open_best(app, pilot, "izvestia")
        title = str(main.query_one("#reader-title").render())
        assert len(main.hits) == 1, title
        assert "1 hit" in title and "1 hits" not in title


async def test_sidebar_lists_names_by_the_article_count_it_shows(tmp_path: Path) -> None:
    """A name in three articles comes before one said five times in a single article."""
    for n in range(3):
        (tmp_path / f"berg{n}.txt").write_text(
            f"Report {n}\n\nAnna Berg spoke on day {n}.\n", encoding="utf-8"
        )
    (tmp_path / "lund.txt").write_text(
        "Lund report\n\n" + " ".join("Tomas Lund spoke again." for _ in range(5)) + "\n", encoding="utf-8"
    )
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)):
        await app.settled()
        sidebar = app.main.sidebar
        shown = [" ".join(str(sidebar.render_row(r, 38)).split()) for r in range(sidebar.row_count())]
        assert shown[:3] == ["People (2)", "Anna Berg 3", "Tomas Lund 1"]


async def test_the_sidebar_shown_in_a_narrow_terminal_starts_with_its_first_heading() -> None:
    """At 60×20 the sidebar is hidden until '3'; it must not open scrolled past "People", nor lose
    the heading when Home returns to the first name."""
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await app.settled()
        sidebar = app.main.sidebar
        await press_and_settle(app, pilot, "3")

        def top_line() -> str:
            return str(sidebar.render_row(round(sidebar.scroll_y), 50)).strip()

        assert top_line() == "People (3)"
        await press_and_settle(app, pilot, "end", "home")
        assert sidebar.entities[sidebar.current].name == "Sergei Sobyanin"
        assert top_line() == "People (3)"


async def test_timeline_enter_at_a_narrow_size_scrolls_the_expression_into_view() -> None:
    # At 60 columns one pane shows at a time: the reader is laid out only once the jump shows it.
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await app.settled()
        await _open_the_first_timeline_entry(app, pilot)
