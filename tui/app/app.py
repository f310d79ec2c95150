"""The Seedreader app: settings in, the main screen on top. Everything else lives in the screen."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from tui.app.config import AppConfig
from tui.app.main_screen import MainScreen
from tui.bindings import binding

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.library import LibraryOptions
    from tui.settings import Settings

_palette = binding("command_palette")
TERMINAL_CHECK_SECONDS = 1.0


def _reader_commands() -> type[Provider]:
    """The palette's reader commands, imported when the palette first opens (not at start-up)."""
    from tui.app.commands import ReaderCommands

    return ReaderCommands


class SeedreaderApp(App[int]):
    """A keyboard-driven reader for a folder of news articles."""

    TITLE = "Seedreader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {_reader_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            _palette.keys, "command_palette", _palette.description, show=False, priority=True, id=_palette.id
        ),
    ]

    def __init__(
        self,
        folder: Path,
        settings: Settings | None = None,
        options: LibraryOptions | Callable[[], LibraryOptions] | None = None,
        use_cache: bool = True,
    ) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.settings = settings
        self.config = AppConfig.from_settings(settings)
        # A callable is resolved in the loading thread, after the first frame (its imports cost).
        self.options = options
        self.use_cache = use_cache
        self.ready = asyncio.Event()  # set when the corpus and its indexes are loaded (tests wait on it)
        self.set_keymap(self.config.keys)

    def action_command_palette(self) -> None:
        """Ctrl+P: Textual's palette with our reader commands (and a guard against one crash)."""
        from textual.command import CommandPalette

        from tui.app.commands import ReaderCommandPalette

        # No fixed id (Textual uses one): a palette closed a moment ago may still be in the
        # app's registry, and a second one with its id would raise DuplicateIds (the monkey
        # test found it with Esc then Ctrl+P). ``is_open`` goes by class, not id.
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(ReaderCommandPalette())

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.folder, self.config, self.options, self.use_cache)

    def on_mount(self) -> None:
        try:
            self.theme = self.config.theme
        except Exception:  # an unknown theme: say so and keep the default
            self.notify(f"Unknown theme {self.config.theme!r}; using the default.", severity="warning")
        stdin = sys.__stdin__
        if not self.is_headless and stdin is not None and stdin.isatty():
            self.set_interval(TERMINAL_CHECK_SECONDS, lambda: self._exit_if_terminal_gone(stdin.fileno()))

    def _exit_if_terminal_gone(self, fd: int) -> None:
        """Quit once the terminal has hung up (its window closed). A hangup normally kills the app, but
        not when a parent waits on it instead of passing the hangup on (GNU make under ``make run``);
        Textual 8.2.8's input thread then reads nothing at once, forever, and spins a core."""
        if not os.isatty(fd):
            self.exit()

    @property
    def main(self) -> MainScreen:
        """The main screen (whatever is pushed on top of it)."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("no main screen")

    async def settled(self, timeout: float = 30.0) -> None:
        """Wait until loading, searching and list updates are done (for tests and scripts)."""
        await self.main.settled(timeout)
