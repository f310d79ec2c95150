"""The article list: one line per article (read marker, bookmark, title, source, date).

Holds only article numbers into a sequence owned by the screen, and draws only the visible
lines, so 100,000 articles cost what a screenful costs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text

from tui.app.messages import OpenArticle
from tui.app.widgets.line_list import LineList, one_line

if TYPE_CHECKING:
    from tui.corpus import Article


class ArticleList(LineList):
    """The articles that the active search and filters leave, best first."""

    HELP: ClassVar[str] = "Articles: j/k move, Enter opens, g/G top and bottom. ● unread, ★ bookmarked."
    COMPONENT_CLASSES: ClassVar[set[str]] = LineList.COMPONENT_CLASSES | {
        "article-list--unread",
        "article-list--bookmark",
        "article-list--open",
    }
    DEFAULT_CSS = """
    ArticleList > .article-list--unread { color: $text-accent; }
    ArticleList > .article-list--bookmark { color: $warning; }
    ArticleList > .article-list--open { text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles: Sequence[Article] = ()
        self.rows: list[int] = []
        self.read: set[str] = set()
        self.bookmarks: set[str] = set()
        self.open_id: str | None = None
        self.empty_text = "No articles"
        self.rows_version = 0  # changes whenever ``rows`` is replaced

    def row_count(self) -> int:
        return len(self.rows)

    def set_rows(self, articles: Sequence[Article], rows: list[int], keep: str | None = None) -> None:
        """Show ``rows`` (numbers into ``articles``); put the cursor on article id ``keep`` if shown."""
        old = self.cursor
        self.articles = articles
        self.rows = rows
        self.rows_version += 1
        cursor: int | None = None
        if keep is not None:
            for i, n in enumerate(rows):
                if articles[n].id == keep:
                    cursor = i
                    break
            else:
                cursor = min(max(old, 0), len(rows) - 1)
        self.set_count(len(rows), cursor)

    def extend(self, articles: Sequence[Article], count: int) -> None:
        """While loading: the sequence grew to ``count`` articles, all shown in order."""
        self.articles = articles
        self.rows.extend(range(len(self.rows), count))
        self.set_count(len(self.rows), None if self.cursor >= 0 else 0)

    @property
    def current(self) -> int | None:
        """The article number under the cursor."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def position_of(self, number: int) -> int | None:
        """The row showing article ``number`` (a linear scan: only on user actions)."""
        try:
            return self.rows.index(number)
        except ValueError:
            return None

    def select_number(self, number: int) -> None:
        """Move the cursor to article ``number`` if it is listed."""
        row = self.position_of(number)
        if row is not None:
            self.move_cursor(row)

    def choose(self, row: int) -> None:
        self.post_message(OpenArticle(self.rows[row], rows_version=self.rows_version))

    def render_row(self, row: int, width: int) -> Text:
        article = self.articles[self.rows[row]]
        unread = article.id not in self.read
        marked = article.id in self.bookmarks
        text = Text(no_wrap=True)
        text.append(
            "●" if unread else " ", self.get_component_rich_style("article-list--unread", partial=True)
        )
        text.append(
            "★" if marked else " ", self.get_component_rich_style("article-list--bookmark", partial=True)
        )
        text.append(" ")
        tail = Text(no_wrap=True)
        dim = self.get_component_rich_style("line-list--dim", partial=True)
        # The date is shown from the default pane width on (the title keeps 15+ cells); the
        # source only where there is room for both.
        if width >= 56 and article.source:
            tail.append(" ")
            tail.append(Text(one_line(article.source)[:14], style=dim))
        if width >= 28 and article.date:
            tail.append(" ")
            tail.append(article.date.isoformat(), style=dim)
        title_width = max(1, width - 3 - tail.cell_len)
        title = Text(one_line(article.title), no_wrap=True)
        if article.id == self.open_id:
            title.stylize(self.get_component_rich_style("article-list--open", partial=True))
        title.truncate(title_width, overflow="ellipsis", pad=True)
        text.append_text(title)
        text.append_text(tail)
        return text
