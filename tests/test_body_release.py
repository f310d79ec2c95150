"""A large corpus lets go of its article bodies once indexed and reads them back from the files.

The threshold is lowered to 0 here so that a small folder takes the path a 100,000-article one
takes; everything a user sees must be the same as with the bodies held in memory.
"""

from __future__ import annotations

import os
import shutil

from tests.helpers import SEEDS, write
from tui.cache import open_cached_library, save_library_cache
from tui.corpus import BODY_GONE
from tui.library import Library, LibraryOptions


def _open(folder, hold: int) -> Library:
    return Library.open(folder, LibraryOptions(hold_bodies_up_to=hold))


def _folder(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    write(folder, "cp1251.txt", "Министр Денис Мантуров посетил завод в Москве.\n".encode("cp1251"))
    write(
        folder,
        "front.md",
        "---\ntitle: Front matter\ndate: 2023-05-17\n---\nKAMAZ met Quorvex in Moscow.\r\n\r\nMore.\n",
    )
    return folder


def _cached_first_open(folder, cache, entities: bool) -> Library:
    """A first open that releases its bodies, with what it built written to ``cache``."""
    first = open_cached_library(folder, LibraryOptions(hold_bodies_up_to=0), cache)
    first.text_index  # noqa: B018
    if entities:
        first.entities  # noqa: B018
        first.timeline  # noqa: B018
    save_library_cache(first, cache)
    return first


def test_released_bodies_read_back_exactly_and_everything_matches(tmp_path):
    folder = _folder(tmp_path)
    held, released = _open(folder, 10**12), _open(folder, 0)
    released.text_index  # noqa: B018 - builds the index, which releases the bodies
    assert all(a.body_text is None for a in released.articles)
    assert [a.body for a in released.articles] == [a.body for a in held.articles]
    for query in ("KAMAZ", '"car plant"', "mosk*", "Мантуров"):
        assert released.search(query) == held.search(query)
    assert released.entities == held.entities
    assert released.timeline == held.timeline


def test_a_file_changed_after_loading_says_so_instead_of_showing_wrong_text(tmp_path):
    folder = _folder(tmp_path)
    lib = _open(folder, 0)
    lib.text_index  # noqa: B018
    article = lib.article("front")
    path = folder / "front.md"
    path.write_text("---\ntitle: Front matter\n---\nSomething else entirely, and longer than before.\n")
    os.utime(path, ns=(article.mtime_ns + 10**9, article.mtime_ns + 10**9))
    assert article.body == BODY_GONE
    path.unlink()
    assert lib.article("cp1251").body.startswith("Министр Денис Мантуров")
    assert article.body == BODY_GONE


def test_a_warm_open_of_a_released_corpus_reads_bodies_from_the_files(tmp_path):
    folder = _folder(tmp_path)
    first = _cached_first_open(folder, tmp_path / "cache", entities=True)
    second = open_cached_library(folder, LibraryOptions(hold_bodies_up_to=0), tmp_path / "cache")
    assert {"articles", "index", "entities", "times"} <= second.reused
    assert all(a.body_text is None for a in second.articles)
    assert [a.body for a in second.articles] == [a.body for a in _open(folder, 10**12).articles]
    assert second.search("KAMAZ").hits[0].snippet == first.search("KAMAZ").hits[0].snippet


def test_a_changed_file_patches_an_index_whose_bodies_were_released(tmp_path):
    folder = _folder(tmp_path)
    first = _cached_first_open(folder, tmp_path / "cache", entities=False)
    write(folder, "front.md", "---\ntitle: Front matter\n---\nZanzibar replaced the old words here.\n")
    second = open_cached_library(folder, LibraryOptions(hold_bodies_up_to=0), tmp_path / "cache")
    assert second.search("zanzibar").total == 1
    assert first.search("quorvex").total == 1
    assert second.search("quorvex").total == 0  # the old words of the changed file are gone
    fresh = _open(folder, 10**12)
    for query in ("KAMAZ", "moscow", "zanzibar", "plant", "quorvex"):
        assert [h.id for h in second.search(query).hits] == [h.id for h in fresh.search(query).hits]


def test_the_index_helper_process_reads_its_half_from_the_files(tmp_path, monkeypatch):
    """In a large corpus the helper gets where each body is, not the body: its results must match."""
    from tui.search import parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN_DOCS", 2)
    monkeypatch.setattr(parallel, "_usable_cpus", lambda: 2)
    folder = _folder(tmp_path)
    write(folder, "zz_last.txt", "Quorvex opened a plant in Kaluga.\n")  # sorts last: in the helper's half
    held, released = _open(folder, 10**12), _open(folder, 0)
    released.text_index  # noqa: B018
    assert all(a.body_text is None for a in released.articles)
    for query in ("KAMAZ", '"car plant"', "mosk*", "Мантуров", "Quorvex", '"plant in Kaluga"'):
        assert released.search(query) == held.search(query), query
    assert released.search('"plant in Kaluga"')
