"""Seedreader: a keyboard-driven terminal reader for folders of news articles.

Everything under ``tui`` except ``tui.app`` is plain Python and never imports Textual.
"""

__version__ = "0.1.0"
