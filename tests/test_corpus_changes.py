"""Files added, changed and deleted while the app runs, then `r`: the reader keeps the user's place.

The open article stays open (with its new text) when its file still exists, else the list moves
to its neighbour; an active search and entity filter are applied to the new files.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.helpers import make_test_app, press_and_settle, write
from tui.settings import Settings

ARTICLES = {
    "a_alpha.txt": "Alpha report\n\nAnna Berg opened the zebra crossing in Leeds on 4 June 2021.\n",
    "b_bravo.txt": "Bravo report\n\nAnna Berg met the council. The zebra count rose.\n",
    "c_charlie.txt": "Charlie report\n\nTomas Lund spoke about budgets in Oslo.\n",
    "d_delta.txt": "Delta report\n\nTomas Lund and Anna Berg argued about the harbour.\n",
    "e_echo.txt": "Echo report\n\nThe weather stayed dry in Bergen all week.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    for name, text in ARTICLES.items():
        write(folder, name, text)
    return folder


def fast_settings() -> Settings:
    settings = Settings()
    settings.search.delay = 0.0
    return settings


def listed(main) -> list[str]:
    return [main.articles[n].id for n in main.article_list.rows]


def open_id(main) -> str | None:
    return main.articles[main.open_number].id if main.open_number is not None else None


@contextlib.asynccontextmanager
async def session(corpus: Path) -> AsyncIterator[tuple]:
    """The app on ``corpus`` at 120×40, loaded: ``(app, pilot, main screen)``."""
    app = make_test_app(corpus, settings=fast_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        yield app, pilot, app.main


async def reload(app, pilot) -> None:
    await press_and_settle(
        app, pilot, "1", "r"
    )  # from the list: in the entities pane letters narrow the names


async def open_row(app, pilot, row: int) -> None:
    await pilot.press("1", "g", *(["j"] * row), "enter")
    await pilot.pause()


async def test_open_article_stays_open_with_its_new_text(corpus: Path) -> None:
    async with session(corpus) as (app, pilot, main):
        await open_row(app, pilot, 2)
        assert open_id(main) == "c_charlie"
        write(corpus, "c_charlie.txt", "Charlie report\n\nTomas Lund changed his mind about the budget.\n")
        write(corpus, "bb_new.txt", "New report\n\nA new file sorts before the open one.\n")
        (corpus / "e_echo.txt").unlink()
        await reload(app, pilot)
        assert listed(main) == ["a_alpha", "b_bravo", "bb_new", "c_charlie", "d_delta"]
        assert open_id(main) == "c_charlie"
        assert main.articles[main.article_list.current].id == "c_charlie"
        assert any("changed his mind" in line for line in main.reader.text_lines)
        assert main.article_list.open_id == "c_charlie"
    assert [n for n in app.notes if n[0] == "error"] == []


async def test_deleted_open_article_moves_to_its_neighbour(corpus: Path) -> None:
    async with session(corpus) as (app, pilot, main):
        await open_row(app, pilot, 2)
        (corpus / "c_charlie.txt").unlink()
        await reload(app, pilot)
        assert listed(main) == ["a_alpha", "b_bravo", "d_delta", "e_echo"]
        assert open_id(main) == "d_delta", "the next article took the removed one's place"
        assert main.article_list.cursor == 2
        assert any("Delta report" in line for line in main.reader.text_lines)
        # the last article removed: its neighbour is the one before it
        await open_row(app, pilot, 3)
        assert open_id(main) == "e_echo"
        (corpus / "e_echo.txt").unlink()
        await reload(app, pilot)
        assert listed(main) == ["a_alpha", "b_bravo", "d_delta"]
        assert open_id(main) == "d_delta"
        assert main.article_list.cursor == 2


async def test_open_article_turned_binary_is_skipped_with_a_warning(corpus: Path) -> None:
    async with session(corpus) as (app, pilot, main):
        await open_row(app, pilot, 1)
        assert open_id(main) == "b_bravo"
        write(corpus, "b_bravo.txt", b"\x00\x01\x02 not text any more")
        await reload(app, pilot)
        assert "b_bravo" not in listed(main)
        assert open_id(main) == "c_charlie"
        assert any("b_bravo.txt" in str(w) and "binary" in str(w) for w in main.library.warnings)
        assert any("Load warnings" in (n.title or "") for n in app._notifications)


async def test_active_search_is_applied_to_the_new_files(corpus: Path) -> None:
    async with session(corpus) as (app, pilot, main):
        await press_and_settle(app, pilot, "slash", *"zebra", "enter")
        assert sorted(listed(main)) == ["a_alpha", "b_bravo"]
        await open_row(app, pilot, listed(main).index("b_bravo"))  # its hits are highlighted
        assert open_id(main) == "b_bravo" and main.hits
        write(
            corpus, "a_alpha.txt", "Alpha report\n\nAnna Berg opened a crossing in Leeds.\n"
        )  # no zebra now
        write(corpus, "f_fox.txt", "Fox report\n\nA zebra escaped from the zoo in Leeds.\n")
        write(
            corpus,
            "b_bravo.txt",
            "Bravo report\n\nMore text first. Anna Berg met the council. The zebra count rose.\n",
        )
        await reload(app, pilot)
        assert main.search_text == "zebra"
        assert sorted(listed(main)) == ["b_bravo", "f_fox"]
        assert "2 matches" in str(main.query_one("#search-status").render())
        assert "search: zebra" in str(main.query_one("#status").render())
        assert open_id(main) == "b_bravo"


async def test_search_hits_in_the_open_article_follow_its_new_text(corpus: Path) -> None:
    async with session(corpus) as (app, pilot, main):
        await pilot.press("slash", *"zebra", "enter")
        await app.settled()
        await open_row(app, pilot, listed(main).index("b_bravo"))
        assert main.hits
        write(
            corpus,
            "b_bravo.txt",
            "Bravo report\n\nMore text first. Anna Berg met the council. The zebra count rose.\n",
        )
        await reload(app, pilot)
        assert open_id(main) == "b_bravo"
        body = main.articles[main.open_number].body
        assert [body[s:e] for s, e in main.hits] == ["zebra"], main.hits
        await pilot.press("n")
        await pilot.pause()
        assert "hit 1/1" in str(main.query_one("#reader-title").render())


async def test_active_entity_filter_is_applied_to_the_new_files(corpus: Path) -> None:
    async with session(corpus) as (app, pilot, main):
        await pilot.press("3", *"anna berg")
        await pilot.pause()
        assert main.sidebar.entities[main.sidebar.current].name == "Anna Berg"
        await press_and_settle(app, pilot, "enter")
        assert listed(main) == ["a_alpha", "b_bravo", "d_delta"]
        write(corpus, "d_delta.txt", "Delta report\n\nTomas Lund argued about the harbour alone.\n")
        write(corpus, "g_golf.txt", "Golf report\n\nOfficials said Anna Berg would visit Leeds.\n")
        await reload(app, pilot)
        assert [f.value for f in main.filters] == ["Anna Berg"]
        assert listed(main) == ["a_alpha", "b_bravo", "g_golf"]
        assert "entity: Anna Berg" in str(main.query_one("#status").render())


async def test_search_and_entity_filter_together_survive_a_reload(corpus: Path) -> None:
    async with session(corpus) as (app, pilot, main):
        await pilot.press("3", *"anna berg", "enter")
        await app.settled()
        await press_and_settle(app, pilot, "slash", *"zebra", "enter")
        assert sorted(listed(main)) == ["a_alpha", "b_bravo"]
        write(corpus, "h_hotel.txt", "Hotel report\n\nAnna Berg saw a zebra.\n")
        write(corpus, "i_india.txt", "India report\n\nA zebra, but nobody named.\n")
        await reload(app, pilot)
        assert sorted(listed(main)) == ["a_alpha", "b_bravo", "h_hotel"]


async def test_bookmark_filter_survives_a_reload_and_a_removed_bookmark(corpus: Path) -> None:
    async with session(corpus) as (app, pilot, main):
        await press_and_settle(app, pilot, "1", "g", "m", "j", "j", "m", "M")
        assert listed(main) == ["a_alpha", "c_charlie"]
        (corpus / "a_alpha.txt").unlink()
        write(corpus, "aa_new.txt", "Another report\n\nNot bookmarked.\n")
        await reload(app, pilot)
        assert listed(main) == ["c_charlie"]
        assert "bookmarked" in str(main.query_one("#status").render())


async def test_reload_pressed_again_while_loading_ends_with_the_last_state(corpus: Path) -> None:
    async with session(corpus) as (app, pilot, main):
        await open_row(app, pilot, 3)
        write(corpus, "j_juliet.txt", "Juliet report\n\nFirst version.\n")
        await pilot.press("1", "r", "r")
        (corpus / "j_juliet.txt").unlink()
        write(corpus, "k_kilo.txt", "Kilo report\n\nThe last file added.\n")
        await press_and_settle(app, pilot, "r")
        assert listed(main) == ["a_alpha", "b_bravo", "c_charlie", "d_delta", "e_echo", "k_kilo"]
        assert open_id(main) == "d_delta"
        assert len(main.articles) == 6
    assert [n for n in app.notes if n[0] == "error"] == []
