"""The cache makes reopening cheap, follows changes per file, and is never trusted blindly."""

from __future__ import annotations

import os

from tests.helpers import SEEDS, write
from tui.cache import open_cached_library, save_library_cache


def make_corpus(folder, n=5):
    for i in range(n):
        write(folder, f"a{i}.txt", f"Title {i}\n\nBody number {i} about tankers and airbus {i}.")
    return folder


def test_second_open_reuses_articles_and_index(tmp_path):
    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    first = open_cached_library(corpus, cache_dir=cache)
    assert first.search("tankers").total == 5
    assert set(save_library_cache(first)) >= {"articles", "index"}
    second = open_cached_library(corpus, cache_dir=cache)
    assert {"articles", "index"} <= second.reused
    assert second.search("tankers").total == 5
    assert [a.id for a in second.articles] == [a.id for a in first.articles]


def test_only_the_changed_file_is_read_again(tmp_path, monkeypatch):
    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    save_library_cache(open_cached_library(corpus, cache_dir=cache))
    path = corpus / "a2.txt"
    path.write_text("Changed title\n\nNow about submarines.", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    write(corpus, "new.txt", "New\n\nA new article about submarines.")
    (corpus / "a4.txt").unlink()
    read = []
    import tui.cache as cache_mod

    original = cache_mod.load_article
    monkeypatch.setattr(cache_mod, "load_article", lambda p, rel, w: read.append(rel) or original(p, rel, w))
    lib = open_cached_library(corpus, cache_dir=cache)
    assert sorted(read) == ["a2.txt", "new.txt"]
    assert [a.id for a in lib.articles] == ["a0", "a1", "a2", "a3", "new"]
    assert lib.search("submarines").total == 2 and lib.search("tankers").total == 3
    assert "index" not in lib.reused


def test_corrupt_cache_is_ignored_with_a_warning(tmp_path):
    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    save_library_cache(open_cached_library(corpus, cache_dir=cache))
    (cache / "articles.pickle").write_bytes(b"garbage, not a pickle")
    lib = open_cached_library(corpus, cache_dir=cache)
    assert len(lib.articles) == 5
    assert any("cache unreadable" in str(w) for w in lib.warnings)


def test_seed_cache_does_not_touch_the_corpus(tmp_path):
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in SEEDS.iterdir()}
    lib = open_cached_library(SEEDS, cache_dir=tmp_path)
    lib.search("Moskvich")
    save_library_cache(lib)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in SEEDS.iterdir()}
    assert before == after


def _index_contents(index):
    return [
        ({t: (list(p.docs), list(p.counts), list(p.positions)) for t, p in f.terms.items()}, list(f.lengths))
        for f in (index.title, index.body)
    ]


def test_one_changed_file_patches_the_index_and_extracts_only_that_file(tmp_path, monkeypatch):
    """A change in a big folder costs that file's words, not a rebuild: same index as a fresh build."""
    corpus, cache = make_corpus(tmp_path / "c", n=12), tmp_path / "cache"
    first = open_cached_library(corpus, cache_dir=cache)
    first.text_index, first.entities, first.timeline  # noqa: B018 - build every part
    save_library_cache(first)
    path = corpus / "a3.txt"
    path.write_text("Changed title\n\nNow about submarines in Oslo since March 2021.", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    write(corpus, "a10b.txt", "Inserted\n\nA new article about submarines.")  # sorts into the middle
    (corpus / "a7.txt").unlink()

    import tui.extract.entities as entities_mod
    import tui.extract.times as times_mod

    extracted: list[str] = []
    for mod, name in ((entities_mod, "extract_entities"), (times_mod, "extract_times")):
        original = getattr(mod, name)
        monkeypatch.setattr(
            mod, name, lambda text, *a, _o=original, **k: extracted.append(text) or _o(text, *a, **k)
        )
    lib = open_cached_library(corpus, cache_dir=cache)
    assert "text_index" in lib.__dict__, "the cached index was patched, not left to a rebuild"
    assert lib.search("submarines").total == 2 and lib.search("tankers").total == 10
    lib.entities, lib.timeline  # noqa: B018
    assert len(extracted) == 4, "entities and dates of the two new texts only"
    from tui.library import Library

    fresh = Library.open(corpus)
    assert [a.id for a in lib.articles] == [a.id for a in fresh.articles]
    assert _index_contents(lib.text_index) == _index_contents(fresh.text_index)
    assert "index" in save_library_cache(lib)
    again = open_cached_library(corpus, cache_dir=cache)
    assert {"articles", "index"} <= again.reused
    assert _index_contents(again.text_index) == _index_contents(fresh.text_index)


def test_new_extraction_code_keeps_the_text_index(tmp_path, monkeypatch):
    """Each part is keyed by the code that builds it: new extraction rules do not cost a re-index."""
    import tui.cache as cache_mod

    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    first = open_cached_library(corpus, cache_dir=cache)
    first.text_index, first.entities, first.timeline  # noqa: B018
    save_library_cache(first)
    original = cache_mod._code_fingerprint
    monkeypatch.setattr(
        cache_mod,
        "_code_fingerprint",
        lambda part: "changed" if part not in ("articles", "index") else original(part),
    )
    again = open_cached_library(corpus, cache_dir=cache)
    assert {"articles", "index"} <= again.reused
    assert not {"entities", "times"} & again.reused


def test_cache_of_another_version_is_set_aside_by_its_header(tmp_path, monkeypatch):
    """A part from another format version is noticed from its small header and rebuilt, once."""
    import tui.cache as cache_mod

    corpus, cache = make_corpus(tmp_path / "c"), tmp_path / "cache"
    save_library_cache(open_cached_library(corpus, cache_dir=cache))
    monkeypatch.setattr(cache_mod, "CACHE_VERSION", cache_mod.CACHE_VERSION + 1)
    lib = open_cached_library(corpus, cache_dir=cache)
    assert len(lib.articles) == 5 and "articles" not in lib.reused
    assert [str(w) for w in lib.warnings if "another version" in str(w)]
    # said once, even by a command that rebuilds no part of the cache ("seedreader list")
    assert not open_cached_library(corpus, cache_dir=cache).warnings
    save_library_cache(lib)
    again = open_cached_library(corpus, cache_dir=cache)
    assert "articles" in again.reused and not again.warnings
