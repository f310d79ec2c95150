"""The Textual reader: the only part of Seedreader that imports Textual."""
