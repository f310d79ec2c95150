"""Articles are untrusted: markup-looking text and terminal control sequences are shown, never obeyed.

On screen (Pilot) and in the CLI's tables, ``[bold red]``, ``[@click=app.quit]`` and friends stay
literal, escape sequences (colour, OSC 8 links, cursor movement, bell) are made visible or
dropped, and no raw ESC or BEL byte reaches the terminal. YAML is only ever read with the safe loader.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, make_test_app, press_and_settle, write
from tui.corpus import load_corpus
from tui.settings import Settings

ESC, BEL = "\x1b", "\x07"
MARKUP_TITLE = "[bold red]Evil[/] [@click=app.quit]click me[/] [link=https://x.example]L[/link] [/bold]"
CONTROLS = (
    f"{ESC}[31mRED{ESC}[0m "  # ANSI colour
    f"{ESC}]8;;https://evil.example{ESC}\\osc link{ESC}]8;;{ESC}\\ "  # OSC 8 hyperlink
    f"{ESC}[2J{ESC}[H "  # clear screen, cursor home
    f"bell{BEL} "
    "csi\x9b31m"  # a C1 control (8-bit CSI)
)
BODY = (
    f"Moscow officials said on Tuesday that {MARKUP_TITLE} was only text.\n\n"
    f"The second paragraph holds {CONTROLS} and [bold]unbalanced [/italic] markup [/] and [ and ].\n\n"
    "Sergei Sobyanin spoke in Moscow in March 2023.\n"
)
RAW = (ESC, BEL, "\x9b")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    write(folder, "a_hostile.txt", f"{MARKUP_TITLE} {ESC}[31mRED{ESC}[0m{BEL}\n\n{BODY}")
    write(
        folder,
        "b_front.md",
        f'---\ntitle: "[@click=app.quit]Front {ESC}[5mblink"\nsource: "[red]TASS[/red]"\n---\n{BODY}',
    )
    write(folder, "c_plain.txt", "Plain neighbour\n\nNothing to see in Moscow.\n")
    return folder


def visible_text(widget) -> str:
    """What ``widget`` draws, line by line, as the characters sent to the terminal."""
    lines = []
    for y in range(widget.size.height):
        strip = widget.render_line(y)
        lines.append("".join(segment.text for segment in strip))
    return "\n".join(lines)


def click_actions(widget) -> list[str]:
    """Actions that a click on what ``widget`` draws would run (markup's ``@click`` lands in styles)."""
    found = []
    for y in range(widget.size.height):
        for segment in widget.render_line(y):
            meta = segment.style.meta if segment.style else {}
            found += [str(v) for k, v in meta.items() if k.startswith("@")]
    return found


def assert_no_raw_controls(text: str) -> None:
    for ch in RAW:
        assert ch not in text, f"raw {ch!r} would reach the terminal: {text!r}"


# --- the loader ------------------------------------------------------------------------------------


def test_loaded_title_and_body_keep_markup_and_show_controls(hostile: Path) -> None:
    articles = {a.id: a for a in load_corpus(hostile).articles}
    a = articles["a_hostile"]
    assert a.title.startswith(MARKUP_TITLE)
    assert "␛[31mRED" in a.title and "␇" in a.title
    assert "[@click=app.quit]click me[/]" in a.body and "[/italic]" in a.body
    for field in (a.title, a.body, articles["b_front"].title, articles["b_front"].source):
        assert_no_raw_controls(field)
    assert articles["b_front"].title == "[@click=app.quit]Front ␛[5mblink"
    assert articles["b_front"].source == "[red]TASS[/red]"


# --- on screen ---------------------------------------------------------------------------------------


async def test_list_and_reader_show_markup_literally_and_never_obey_it(hostile: Path) -> None:
    settings = Settings()
    settings.search.delay = 0.0
    app = make_test_app(hostile, settings=settings)
    async with app.run_test(size=(200, 50)) as pilot:
        await app.settled()
        await pilot.pause()
        main = app.main
        listing = visible_text(main.article_list)  # the list pane is narrow: titles are cut
        assert "[bold red]Evil[/] [@click" in listing and "[@click=app.quit]Front ␛[5mblink" in listing
        assert "[bold red]Evil[/] [@click=app.quit]click me[/]" in main.article_list.render_row(0, 200).plain
        assert_no_raw_controls(listing)
        await pilot.press("enter")
        await pilot.pause()
        reader = visible_text(main.reader)
        assert "[bold red]Evil[/] [@click=app.quit]click me[/]" in reader
        assert "␛[31mRED␛[0m" in reader and "␛]8;;https://evil.example␛\\osc link" in reader
        assert "␛[2J␛[H" in reader and "bell␇" in reader
        assert "[bold]unbalanced [/italic] markup [/] and [ and ]" in reader
        assert_no_raw_controls(reader)
        assert click_actions(main.reader) == [] and click_actions(main.article_list) == []
        # click right on the literal [@click=app.quit] in the reader and in the list
        for widget in (main.reader, main.article_list):
            text = visible_text(widget).split("\n")
            y = next(i for i, line in enumerate(text) if "@click=app.quit" in line)
            x = text[y].index("@click=app.quit")
            await pilot.click(widget, offset=(x + 2, y))
            await pilot.pause()
            assert app.is_running, "a click on article text ran an action"
        # the second article: front matter title and source
        await pilot.press("1", "g", "j", "enter")
        await pilot.pause()
        reader = visible_text(main.reader)
        assert "[@click=app.quit]Front ␛[5mblink" in reader and "[red]TASS[/red]" in reader
        assert_no_raw_controls(reader)
        # search for the markup words; the snippet status and the palette show them as text
        await press_and_settle(app, pilot, "slash", *"evil", "enter")
        assert main.article_list.row_count() == 2
        await press_and_settle(app, pilot, "slash", *" date:[@click=app.quit]")
        status = visible_text(main.query_one("#search-status"))
        assert "[@click=app.quit]" in status
        await pilot.press("escape", "ctrl+p", *"evil")
        await pilot.pause(0.5)
        palette = "\n".join(visible_text(w) for w in app.screen.query("CommandList"))
        assert "[bold red]Evil[/]" in palette
        assert_no_raw_controls(palette)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
        # the sidebar and the timeline: names and sentences from the body
        for widget in (main.sidebar, main.timeline):
            assert_no_raw_controls(visible_text(widget))
        await pilot.press("4", "t")
        await pilot.pause()
        assert_no_raw_controls(visible_text(main.timeline))
    assert app.return_code in (None, 0)


async def _warnings_shown(folder: Path) -> str:
    app = make_test_app(folder)
    async with app.run_test(size=(160, 40)) as pilot:
        await app.settled()
        await pilot.pause()
        app.main.action_show_warnings()
        await pilot.pause()
        shown = "\n".join(visible_text(w) for w in app.screen.query("Static"))
        await pilot.click(app.screen.query("Static").last(), offset=(len(str(folder)) + 3, 0))
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
    return shown


async def test_file_names_with_markup_are_shown_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    write(folder, "good.txt", "Good\n\nA good article.\n")
    write(folder, "[@click=app.quit]bad[/].txt", b"")
    shown = await _warnings_shown(folder)
    assert "[@click=app.quit]bad[/].txt: empty file" in shown


async def test_file_names_with_escapes_are_shown_visibly(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    write(folder, "good.txt", "Good\n\nA good article.\n")
    write(folder, f"esc{ESC}[2Jname.txt", b"\x00binary")
    shown = await _warnings_shown(folder)
    assert "name.txt: binary" in shown
    assert_no_raw_controls(shown)


# --- the CLI tables ----------------------------------------------------------------------------------


def cli(*args: str, cwd: Path = ROOT, force_terminal: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "300"}
    if force_terminal:  # as on a real terminal: Rich styles the table with its own escapes
        env["FORCE_COLOR"] = "1"
        env["TTY_COMPATIBLE"] = "1"
    else:
        env.pop("FORCE_COLOR", None)
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "--no-cache", *args], cwd=cwd, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc


@pytest.mark.parametrize("command", [["list"], ["search", "evil"], ["search", "moscow"], ["timeline"]])
def test_cli_tables_print_markup_literally_and_no_raw_escape(hostile: Path, command: list[str]) -> None:
    plain = cli(command[0], "--corpus", str(hostile), *command[1:])
    assert_no_raw_controls(plain.stdout + plain.stderr)
    if command[0] in ("list", "search") and command[-1] != "moscow":
        assert "[bold red]Evil[/] [@click=app.quit]click me[/]" in plain.stdout
        assert "␛[31mRED" in plain.stdout
    styled = cli(command[0], "--corpus", str(hostile), *command[1:], force_terminal=True)
    for sequence in (
        f"{ESC}[31mRED",
        f"{ESC}]8;;https://evil",
        f"{ESC}[2J",
        f"{ESC}[H ",
        f"{ESC}[5m",
        BEL,
        "\x9b",
    ):
        assert sequence not in styled.stdout, f"{sequence!r} from the article reached the terminal"


def test_cli_never_prints_raw_escapes_from_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    write(folder, f"evil{ESC}[2Jname.txt", "Title\n\nBody about Moscow.\n")
    write(folder, f"empty{ESC}[31m.txt", b"")
    listing = cli("list", "--corpus", str(folder))
    assert_no_raw_controls(listing.stdout)
    assert_no_raw_controls(listing.stderr)


# --- YAML: the safe loader only ------------------------------------------------------------------------


def test_python_tags_in_front_matter_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    folder = tmp_path / "corpus"
    write(
        folder,
        "evil.md",
        f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\nThe body is still read.\n',
    )
    write(
        folder,
        "evil2.md",
        f"---\ntitle: x\nobj: !!python/object/new:subprocess.Popen [[touch, {marker}]]\n---\nBody two.\n",
    )
    result = load_corpus(folder)
    assert not marker.exists(), "front matter ran code"
    assert sorted(a.id for a in result.articles) == ["evil", "evil2"]
    assert all("front matter" in w.message for w in result.warnings) and len(result.warnings) == 2
    proc = cli("list", "--corpus", str(folder))
    assert not marker.exists()
    assert proc.stderr.count("warning:") == 2


def test_python_tags_in_the_config_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    config = tmp_path / "config.yaml"
    config.write_text(f'theme: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for args in (["config", "check", str(config)], ["--config", str(config), "list"]):
        proc = subprocess.run(
            [sys.executable, "-m", "tui", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert not marker.exists(), "the config ran code"
        assert "Traceback" not in proc.stderr
        assert proc.returncode == 2 and str(config) in proc.stderr, proc.stderr


def _alias_bomb(depth: int) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, depth)]
    return "\n".join([*lines, f"title: *l{depth - 1}", f"tags: *l{depth - 1}"])


def test_yaml_alias_bomb_in_front_matter_stays_small(tmp_path: Path) -> None:
    folder = tmp_path / "bomb"
    front = _alias_bomb(7)
    assert len(front) < 1200
    write(folder, "bomb.md", f"---\n{front}\n---\nA short body.\n")
    articles = load_corpus(folder).articles
    assert len(articles) == 1
    assert len(articles[0].title) < 1000
    assert sum(len(t) for t in articles[0].tags) < 10_000
