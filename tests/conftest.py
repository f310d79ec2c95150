"""Shared fixtures."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep a developer's own config, data and cache out of every test (and tests out of theirs)."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.delenv("SEEDREADER_CONFIG", raising=False)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        directory = home / name.lower()
        directory.mkdir()
        monkeypatch.setenv(name, str(directory))
