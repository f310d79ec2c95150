"""Loading a folder: every good file becomes an article, every bad one a single warning."""

import os

import pytest

from tests.helpers import SEEDS, write
from tui.corpus import article_id, bundled_seeds, load_corpus


def test_seeds_load_with_titles_and_the_tass_source():
    result = load_corpus(SEEDS)
    assert [a.id for a in result.articles] == [
        "000_bf9fb85a5c303d81",
        "003_deb8b6098ba1dd77",
        "004_61c48d2bf9a028c2",
    ]
    assert result.warnings == []
    first = result.articles[0]
    assert first.title.startswith("Moscow is moving toward a new electric vehicle program")
    assert first.source == "TASS"
    assert "attribution" not in first.body
    assert len(first.paragraphs) == 7


def test_bundled_seeds_are_found_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert len(load_corpus(bundled_seeds()).articles) == 3


def test_recursive_stable_order_ids_and_filters(tmp_path):
    write(tmp_path, "b/two.txt", "Two\n\nBody two.")
    write(tmp_path, "a/one.md", "One\n\nBody one.")
    write(tmp_path, "a/skip.csv", "x,y")
    write(tmp_path, ".hidden/three.txt", "Three\n\nBody.")
    write(tmp_path, "a/.dot.txt", "Dot\n\nBody.")
    result = load_corpus(tmp_path)
    assert [a.id for a in result.articles] == ["a/one", "b/two"]
    assert [a.title for a in result.articles] == ["One", "Two"]
    only_md = load_corpus(tmp_path, include=["*.md"])
    assert [a.id for a in only_md.articles] == ["a/one"]
    no_b = load_corpus(tmp_path, exclude=["b/*"])
    assert [a.id for a in no_b.articles] == ["a/one"]


def test_same_stem_with_two_suffixes_keeps_both(tmp_path):
    write(tmp_path, "a.txt", "From txt\n\nBody.")
    write(tmp_path, "a.md", "From md\n\nBody.")
    ids = [a.id for a in load_corpus(tmp_path).articles]
    assert sorted(ids) == ["a", "a.txt"] or sorted(ids) == ["a", "a.md"]


def test_article_id_drops_only_the_suffix():
    assert article_id("x/y.v2.txt") == "x/y.v2"
    assert article_id("plain") == "plain"


def test_bad_files_are_skipped_with_one_warning_each(tmp_path):
    write(tmp_path, "good.txt", "Good\n\nA good article.")
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "binary.txt", b"\x00\x01\x02binary")
    write(tmp_path, "only_front.md", "---\ntitle: Nothing else\n---\n")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    result = load_corpus(tmp_path)
    assert [a.id for a in result.articles] == ["good"]
    by_file = {os.path.basename(w.path): w.message for w in result.warnings}
    assert set(by_file) == {"empty.txt", "binary.txt", "only_front.md", "dangling.txt", "pipe.txt"}
    assert "empty" in by_file["empty.txt"]
    assert "binary" in by_file["binary.txt"]
    assert "regular" in by_file["pipe.txt"]
    assert "dangling" in by_file["dangling.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a mode-000 file")
def test_unreadable_file_is_a_warning(tmp_path):
    path = write(tmp_path, "secret.txt", "Secret\n\nBody.")
    path.chmod(0)
    try:
        result = load_corpus(tmp_path)
    finally:
        path.chmod(0o644)
    assert result.articles == [] and "cannot read" in result.warnings[0].message


def test_symlink_loop_ends(tmp_path):
    write(tmp_path, "sub/a.txt", "A\n\nBody a.")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    result = load_corpus(tmp_path)
    assert [a.id for a in result.articles] == ["sub/a"]


def test_fallback_encodings_are_loaded_and_reported(tmp_path):
    write(tmp_path, "ru.txt", "Москвич\n\nЗавод в Москве возобновил работу.".encode("cp1251"))
    write(tmp_path, "u16.txt", "Title\n\nUTF-16 body.".encode("utf-16"))
    result = load_corpus(tmp_path)
    assert {a.title for a in result.articles} == {"Москвич", "Title"}
    assert len(result.warnings) == 2


def test_control_characters_are_made_visible_not_kept(tmp_path):
    write(
        tmp_path, "evil.txt", "Evil \x1b[31mred\x1b[0m title\n\nBell \x07 and OSC \x1b]8;;http://x\x1b\\link"
    )
    article = load_corpus(tmp_path).articles[0]
    assert "\x1b" not in article.title and "\x1b" not in article.body and "\x07" not in article.body
    assert "␛[31mred" in article.title
