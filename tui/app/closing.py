"""Screens that close once: a second close key already in flight must not pop the main screen.

Keys arrive in bursts (a fast typist, a paste): two Escapes, or Enter then Escape, can both
reach a modal screen before it is gone. Textual 8.2.8 pops whatever is on top for each
dismissal, so the second one removed the main screen (ScreenStackError).
"""

from __future__ import annotations

import asyncio

from textual.await_complete import AwaitComplete


class ClosesOnce:
    """Mixed into a Screen class (before it): ``dismiss`` does nothing once the screen is not on top."""

    def dismiss(self, result: object = None) -> AwaitComplete:
        if not self.is_current:  # type: ignore[attr-defined]
            return AwaitComplete(asyncio.sleep(0))
        return super().dismiss(result)  # type: ignore[misc]
