"""The command line: JSON shapes are a public interface; errors are one line and exit status 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import BBC, ROOT, SEEDS, WIKINEWS, needs_shared, write


def run(*args: str, cwd=ROOT, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def run_json(*args: str, **kw):
    proc = run(*args, "--json", **kw)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_cli_never_imports_textual():
    code = (
        "import sys; from tui.cli import main; "
        "rc = main(['list', '--json']); "
        "assert 'textual' not in sys.modules, 'textual imported'; "
        "rc2 = main(['search', 'KAMAZ', '--json']); "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
    )
    assert proc.returncode == 0, proc.stderr.decode()


def test_list_json_shape_on_the_bundled_seeds_from_another_folder(tmp_path):
    rows = run_json("list", cwd=tmp_path)
    assert [r["id"] for r in rows] == ["000_bf9fb85a5c303d81", "003_deb8b6098ba1dd77", "004_61c48d2bf9a028c2"]
    assert set(rows[0]) == {"id", "title", "date", "source", "path", "words"}
    assert rows[0]["source"] == "TASS" and rows[0]["words"] > 400


def test_search_kamaz_finds_only_the_article_that_names_it():
    rows = run_json("search", "KAMAZ")
    assert [r["id"] for r in rows] == ["004_61c48d2bf9a028c2"]
    row = rows[0]
    assert set(row) == {"id", "title", "score", "snippet", "hits"}
    assert row["hits"] and all(row["snippet"][s:e].lower() == "kamaz" for s, e in row["hits"])


def test_search_limit_and_global_corpus_option():
    rows = run_json("--corpus", str(SEEDS), "search", "Moscow", "--limit", "2")
    assert len(rows) == 2 and rows[0]["score"] >= rows[1]["score"]


def test_bad_query_is_one_line_and_status_2():
    proc = run("search", '"unclosed')
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "unclosed quote" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_corpus_folder_is_one_line_and_status_2(tmp_path):
    proc = run("list", "--corpus", str(tmp_path / "nope"))
    assert proc.returncode == 2 and "no such folder" in proc.stderr and "Traceback" not in proc.stderr


def test_usage_error_status_2():
    proc = run("search")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_table_output_shows_markup_literally(tmp_path):
    write(
        tmp_path,
        "evil.txt",
        "[bold red]Not bold[/] [link=http://x]l[/link]\n\nBody with [@click=app.quit]x[/].",
    )
    proc = run("list", "--corpus", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert "[bold red]Not bold[/]" in proc.stdout


def test_a_table_sent_to_a_pipe_is_tab_separated_one_row_a_line(tmp_path):
    write(tmp_path, "a.txt", "First title\n\nKAMAZ\tbuilds cars.")
    write(tmp_path, "b.txt", "Second title\n\nMoskvich too.")
    proc = run("list", "--corpus", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    header = lines[0].split("\t")
    assert header[:2] == ["id", "title"]
    rows = [line.split("\t") for line in lines[1:]]
    assert [r[:2] for r in rows] == [["a", "First title"], ["b", "Second title"]]
    assert all(len(r) == len(header) for r in rows)


def test_a_folders_readme_and_licence_files_are_not_articles(tmp_path):
    write(tmp_path, "story.txt", "A story\n\nKAMAZ builds cars.")
    write(tmp_path, "readme-trends.txt", "Readme trends\n\nAn article all the same.")
    for name in (
        "README.md",
        "LICENSE",
        "LICENSE.txt",
        "MEANTIME_LICENSE.txt",
        "CORPUS_README.txt",
        "COPYING.txt",
    ):
        write(tmp_path, name, "Terms\n\nYou may copy this Licensed Material.")
    proc = run("list", "--json", "--corpus", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in json.loads(proc.stdout)] == ["readme-trends", "story"]
    config = write(tmp_path, "own.yaml", "corpus:\n  exclude: []\n")
    proc = run("--config", str(config), "list", "--json", "--corpus", str(tmp_path))
    assert "MEANTIME_LICENSE" in [r["id"] for r in json.loads(proc.stdout)], (
        "an own list replaces the default"
    )


def test_list_prints_good_articles_and_one_warning_per_bad_file(tmp_path):
    write(tmp_path, "good.txt", "Good\n\nText.")
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "bin.txt", b"\x00\x00")
    proc = run("list", "--json", "--corpus", str(tmp_path))
    assert proc.returncode == 0
    assert [r["id"] for r in json.loads(proc.stdout)] == ["good"]
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("warning:")]
    assert (
        len(warnings) == 2
        and any("empty.txt" in w for w in warnings)
        and any("bin.txt" in w for w in warnings)
    )


def test_entities_json_shape_and_type_filter():
    rows = run_json("entities")
    assert rows and set(rows[0]) == {"name", "type", "aliases", "articles", "mentions"}
    mentions = [r["mentions"] for r in rows]
    assert mentions == sorted(mentions, reverse=True)
    people = run_json("entities", "--type", "person")
    assert people and all(r["type"] == "person" for r in people)


def test_timeline_json_offsets_index_the_article_body():
    from tui.corpus import load_corpus

    bodies = {a.id: a.body for a in load_corpus(SEEDS).articles}
    rows = run_json("timeline")
    assert rows
    for r in rows:
        assert set(r) == {"article", "text", "start", "end", "type", "value", "sentence"}
        assert bodies[r["article"]][r["start"] : r["end"]] == r["text"]
        assert r["text"] in r["sentence"] or " ".join(r["text"].split()) in r["sentence"]
    values = [r["value"] for r in rows]
    assert "2023" in values


def test_extract_offsets_index_the_file_as_stored(tmp_path):
    path = write(
        tmp_path, "a.md", "---\ntitle: T\n---\nPresident Vladimir Putin met in Moscow in March 2023.\n"
    )
    rows = run_json("extract", "--dct", "2023-06-01", str(path))
    text = path.read_text(encoding="utf-8")
    assert rows[0]["file"] == str(path)
    for e in rows[0]["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]
        assert e["type"] in {"person", "organization", "place", "misc"}
    for t in rows[0]["times"]:
        assert text[t["start"] : t["end"]] == t["text"]
    assert any(t["value"] == "2023-03" for t in rows[0]["times"])


def test_extract_gives_a_mentions_extent_with_its_determiner_and_its_bare_name(tmp_path):
    path = write(tmp_path, "a.txt", "Officials at the Federal Reserve said rates would rise in The Hague.\n")
    rows = run_json("extract", str(path))
    found = {e["name"]: e["text"] for e in rows[0]["entities"]}
    assert found["Federal Reserve"] == "the Federal Reserve"
    assert found["The Hague"] == "The Hague"  # "The" is part of this name: no second determiner


def test_extract_only_one_kind_leaves_the_other_out(tmp_path):
    path = write(tmp_path, "a.txt", "Mayor Sergei Sobyanin opened the plant in March 2023.\n")
    both = run_json("extract", "--dct", "2023-06-01", str(path))[0]
    entities = run_json("extract", "--only", "entities", str(path))[0]
    times = run_json("extract", "--only", "times", "--dct", "2023-06-01", str(path))[0]
    assert set(entities) == {"file", "entities"} and entities["entities"] == both["entities"]
    assert set(times) == {"file", "times"} and times["times"] == both["times"]
    assert any(e["name"] == "Sergei Sobyanin" for e in entities["entities"])
    assert any(t["value"] == "2023-03" for t in times["times"])
    table = run("extract", "--only", "times", "--dct", "2023-06-01", str(path))
    assert table.returncode == 0 and "2023-03" in table.stdout and "Sobyanin" not in table.stdout


def test_extract_missing_file_is_status_2(tmp_path):
    proc = run("extract", "--json", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2 and "nope.txt" in proc.stderr


@needs_shared
@pytest.mark.parametrize("corpus", [WIKINEWS, BBC], ids=["wikinews", "bbc"])
def test_every_subcommand_works_on_real_corpora(corpus):
    listed = run_json("list", "--corpus", str(corpus))
    assert len(listed) in (120, 2225)
    assert run_json("search", "government", "--corpus", str(corpus))
    assert run_json("entities", "--corpus", str(corpus))
    assert run_json("timeline", "--corpus", str(corpus))


def test_config_entities_change_what_the_sidebar_lists(tmp_path):
    config = write(
        tmp_path,
        "config.yaml",
        "entities:\n"
        "  ignore: [Depositphotos]\n"
        "  extra:\n"
        "    - name: Moskvich 3\n"
        "      type: misc\n"
        "      aliases: []\n",
    )
    names = {r["name"]: r["type"] for r in run_json("--config", str(config), "--no-cache", "entities")}
    assert "Depositphotos" not in names
    assert names.get("Moskvich 3") == "misc"
    assert "Depositphotos" in {r["name"] for r in run_json("--no-cache", "entities")}


def test_bad_config_stops_with_file_and_line(tmp_path):
    config = write(tmp_path, "config.yaml", "them: dark\n")
    proc = run("--config", str(config), "list")
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"{config}:1: unknown key 'them' in top level (did you mean 'theme'?)"
