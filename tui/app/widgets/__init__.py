"""One widget per pane of the reader."""
