"""`seedreader config check|path|default`: what a user sees, and the exit status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.config_cli import run_config_command
from tui.settings import default_config_path, default_config_text, validate_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "config"


def _xdg_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str) -> Path:
    """A config at $XDG_CONFIG_HOME/seedreader/config.yaml."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    path = tmp_path / "xdg" / "seedreader" / "config.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_check_a_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "valid.yaml"
    assert run_config_command(["check", str(path)]) == 0
    assert capsys.readouterr() == (f"{path}: ok\n", "")


def test_check_an_invalid_file_lists_every_error_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "unknown_keys.yaml"
    assert run_config_command(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == validate_file(path)
    assert err.splitlines()[0] == f"{path}:1: unknown key 'them' in top level (did you mean 'theme'?)"


def test_check_without_a_file_checks_the_one_in_use(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = _xdg_config(monkeypatch, tmp_path, "search:\n  limit: 0\n")
    assert run_config_command(["check"]) == 2
    assert capsys.readouterr().err == (
        f"{path}:2: search.limit: expected a number of results (an integer, at least 1), got 0\n"
    )


def test_check_with_no_config_anywhere(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_config_command(["check"]) == 0
    assert capsys.readouterr().out == (
        "no config file found: Seedreader uses the defaults ('seedreader config path' shows where it looks)\n"
    )


def test_check_a_missing_explicit_config(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert run_config_command(["check"], explicit_config=str(missing)) == 2
    assert capsys.readouterr().err == f"{missing}: no such config file\n"


def test_check_the_explicit_config(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "syntax_error.yaml"
    assert run_config_command(["check"], explicit_config=str(path)) == 2
    assert capsys.readouterr().err.startswith(f"{path}:4:2: expected <block end>")


def test_path_shows_the_search_order_and_the_file_used(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    used = _xdg_config(monkeypatch, tmp_path, "theme: nord\n")
    monkeypatch.setenv("SEEDREADER_CONFIG", str(tmp_path / "gone.yaml"))
    assert run_config_command(["path"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Config files, in search order (the first that exists is merged over the defaults):",
        f"  1. $SEEDREADER_CONFIG  {tmp_path / 'gone.yaml'}  (missing)",
        f"  2. $XDG_CONFIG_HOME    {used}  (used)",
        f"Defaults: {default_config_path()}",
        f"Using: {used}",
    ]


def test_path_with_nothing_configured(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", "/nonexistent-home")
    assert run_config_command(["path"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Config files, in search order (the first that exists is merged over the defaults):",
        "  1. $SEEDREADER_CONFIG  (not set)",
        "  2. default ~/.config   /nonexistent-home/.config/seedreader/config.yaml  (missing)",
        f"Defaults: {default_config_path()}",
        "Using: the defaults only",
    ]


def test_path_with_a_missing_explicit_config(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert run_config_command(["path"], explicit_config=str(missing)) == 2
    out, err = capsys.readouterr()
    assert f"  1. --config  {missing}  (missing)" in out.splitlines()
    assert err == f"{missing}: no such config file\n"


def test_default_prints_the_default_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_config_command(["default"]) == 0
    assert capsys.readouterr().out == default_config_text()


def test_default_output_is_a_valid_config(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`seedreader config default > config.yaml` is a working starting point."""
    run_config_command(["default"])
    path = _xdg_config(monkeypatch, tmp_path, capsys.readouterr().out)
    assert validate_file(path) == []


def test_config_without_an_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_config_command([]) == 2
    assert "choose one of check, path, default" in capsys.readouterr().err


def test_main_cli_runs_config_commands(capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    path = FIXTURES / "bad_keys.yaml"
    assert main(["--config", str(path), "config", "check"]) == 2
    assert capsys.readouterr().err.splitlines() == validate_file(path)
    assert main(["config", "check", str(FIXTURES / "valid.yaml")]) == 0
    assert capsys.readouterr().out == f"{FIXTURES / 'valid.yaml'}: ok\n"


def test_config_check_does_not_import_textual() -> None:
    code = (
        "import sys; from tui.config_cli import run_config_command; "
        f"assert run_config_command(['check', {str(FIXTURES / 'valid.yaml')!r}]) == 0; "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
