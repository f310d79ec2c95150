"""The main screen: four panes wired together through messages.

Panes report what the user did; this screen owns what is shown (the library, the search text,
the filters, the open article) and tells each pane what to draw. Loading and searching run in
thread workers, so keys are never blocked: the panes paint at once and fill in as results arrive.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Input, Static
from textual.worker import Worker, WorkerState

from tui.app.config import PANES, AppConfig
from tui.app.help_screen import HelpScreen, HelpSection
from tui.app.messages import (
    EntityChosen,
    LibraryLoaded,
    LoadFailed,
    LoadProgress,
    OpenArticle,
    PartReady,
    SearchChanged,
    SearchClosed,
    TimelineChosen,
    ViewComputed,
)
from tui.app.view import Filter, Span, entity_filter_spans, mention_types, merge_spans, visible_articles
from tui.app.warnings_screen import WarningsScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.entity_sidebar import EntitySidebar
from tui.app.widgets.line_list import spec_binding
from tui.app.widgets.reader import ReaderView
from tui.app.widgets.search_box import SearchBox
from tui.app.widgets.timeline import TimelineView
from tui.bindings import BINDING_IDS, BINDINGS
from tui.state import ReaderState

if TYPE_CHECKING:
    from tui.corpus import Article
    from tui.library import Library, LibraryOptions

WIDE = 120  # at least this many columns: every pane side by side
MEDIUM = 80  # at least this many: the right column can be toggled; below: one pane at a time
HIT_SCAN_LIMIT = 500  # how many following articles `n` looks through for the next hit
# Keys handled as they arrive, before the keys queued behind them are routed, because they move
# focus: what a fast typist types next belongs to the box or pane they open ("3sobya" narrows the
# sidebar; "2n" from the sidebar is the reader's next hit, not an "n" in the sidebar's filter).
PRIORITY_BINDINGS = frozenset({"search", "focus_list", "focus_reader", "focus_entities", "focus_timeline"})
# Bindings whose keys still work in the entity sidebar, where typing narrows the names.
SIDEBAR_PASS_THROUGH = (
    "quit",
    "help",
    "search",
    "focus_list",
    "focus_reader",
    "focus_entities",
    "focus_timeline",
)
PANE_TITLES = {"list": "Articles", "reader": "Reading", "entities": "Entities", "timeline": "Timeline"}


class Pane(Vertical):
    """A titled pane: one title line, then its widget."""


class MainScreen(Screen[None]):
    """Article list | reading view | entities over timeline, with a status line and a footer."""

    # `/` and the pane keys are priority bindings (see PRIORITY_BINDINGS). In a text input they stay
    # characters: Textual leaves out keys the focused input takes, except ones named like "slash",
    # which `check_action` declines.
    BINDINGS: ClassVar[list[BindingType]] = [
        spec_binding(spec.id, priority=spec.id in PRIORITY_BINDINGS)
        for spec in BINDINGS
        if spec.scope == "app" and spec.id != "command_palette"
    ]

    def __init__(
        self,
        folder: Path,
        config: AppConfig,
        options: LibraryOptions | Callable[[], LibraryOptions] | None,
        use_cache: bool,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.config = config
        self.options = options
        self.use_cache = use_cache
        self.library: Library | None = None
        self.articles: list[Article] = []  # what the list indexes: filling while loading, then the library's
        self.state: ReaderState | None = None
        self.search_text = ""  # the last query that parsed
        self.filters: list[Filter] = []
        self.open_number: int | None = None
        self.hits: list[Span] = []
        self.hit_index = -1
        self.mark: Span | None = None
        self.parts: dict[str, str | None] = {}  # part -> error (None: ready)
        self.load_generation = 0
        self.load_status = ""
        self.view_generation = 0
        self.view_applied = 0
        self.view_error: str | None = None
        self._pending_query: str | None = None
        self._search_timer: Timer | None = None
        self._open_when_ready: int | None = None  # chosen in the list while its rows were being recomputed
        self._reload_keep: tuple[str | None, str | None] | None = None  # (open id, cursor id)
        self._open_neighbour = False
        self._shown_warnings: list[str] | None = None
        self.hidden: set[str] = set(PANES) - set(config.panes)
        self.side_open_medium = False
        self.single = "list" if "list" in config.panes else config.panes[0]
        self.mode = ""

    # --- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        cfg = self.config
        yield Static("", id="status", markup=False)
        with Horizontal(id="panes"):
            side = Vertical(id="side")
            if cfg.sidebar_side == "left":
                yield side
            with Pane(id="list-pane", classes="pane"):
                yield Static("", id="list-title", classes="pane-title", markup=False)
                yield SearchBox(id="search")
                yield ArticleList(id="list")
            with Pane(id="reader-pane", classes="pane"):
                yield Static("", id="reader-title", classes="pane-title", markup=False)
                yield ReaderView(
                    entity_colors=cfg.entity_colors,
                    hit_style=cfg.hit_style,
                    current_hit_style=cfg.current_hit_style,
                    timeline_style=cfg.timeline_style,
                    filter_style=cfg.filter_style,
                    wrap_width=cfg.wrap_width,
                    id="reader",
                )
            if cfg.sidebar_side != "left":
                yield side
        yield Footer()

    async def on_mount(self) -> None:
        side = self.query_one("#side", Vertical)
        await side.mount(
            Pane(
                Static("", id="entities-title", classes="pane-title", markup=False),
                EntitySidebar(
                    entity_colors=self.config.entity_colors,
                    pass_through=self.config.typed_keys(SIDEBAR_PASS_THROUGH),
                    id="entities",
                ),
                id="entities-pane",
                classes="pane",
            ),
            Pane(
                Static("", id="timeline-title", classes="pane-title", markup=False),
                TimelineView(grouping=self.config.timeline_grouping, id="timeline"),
                id="timeline-pane",
                classes="pane",
            ),
        )
        self.search_box.on_submit = self._submit_search
        self._load_state()
        self._apply_layout()
        self._refresh_titles()
        self.pane_widget(self.single if self.single in PANES else "list").focus()
        # Paint the empty panes first: a loading thread would compete for the interpreter.
        self.call_after_refresh(self.start_load)

    def pane_widget(self, name: str) -> Widget:
        return self.query_one(f"#{name}")

    @property
    def article_list(self) -> ArticleList:
        return self.query_one("#list", ArticleList)

    @property
    def reader(self) -> ReaderView:
        return self.query_one("#reader", ReaderView)

    @property
    def sidebar(self) -> EntitySidebar:
        return self.query_one("#entities", EntitySidebar)

    @property
    def timeline(self) -> TimelineView:
        return self.query_one("#timeline", TimelineView)

    @property
    def search_box(self) -> SearchBox:
        return self.query_one("#search", SearchBox)

    def on_resize(self, event: events.Resize) -> None:
        self._apply_layout()

    def visible_panes(self) -> list[str]:
        width = self.size.width
        if width < MEDIUM:
            return [self.single]
        visible = [p for p in PANES if p not in self.hidden]
        if width < WIDE and not self.side_open_medium:
            visible = [p for p in visible if p in ("list", "reader")]
        return visible or ["reader"]

    def _apply_layout(self) -> None:
        """Show the panes the width allows, with explicit widths (see the OptionList pitfall)."""
        if not self.is_mounted or not self.query("#timeline-pane"):
            return
        width = self.size.width
        mode = "wide" if width >= WIDE else "medium" if width >= MEDIUM else "single"
        if mode != self.mode:
            self.mode = mode
            self.set_class(mode == "single", "-single")
            self.refresh_bindings()
        visible = self.visible_panes()
        for name in PANES:
            self.query_one(f"#{name}-pane").display = name in visible
        side = self.query_one("#side")
        side.display = "entities" in visible or "timeline" in visible
        list_pane = self.query_one("#list-pane")
        if self.mode == "single":
            list_pane.styles.width = "1fr"
            side.styles.width = "1fr"
        else:
            reader_shown = "reader" in visible
            list_pane.styles.width = (
                max(12, min(self.config.list_width, width * 2 // 5)) if reader_shown else "1fr"
            )
            side.styles.width = (
                max(12, min(self.config.side_width, width // 3))
                if reader_shown or "list" in visible
                else "1fr"
            )
        focused = self.focused
        if focused is None or not self._is_shown(focused):
            # at once, not deferred: a deferred focus would land after the caller's own (the search
            # box that `/` opens from the reader at one pane a time) and take the keys typed into it
            self.set_focus(self.pane_widget(visible[0]))

    def _is_shown(self, widget: Widget) -> bool:
        return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))

    def pane_of(self, widget: Widget | None) -> str | None:
        for node in widget.ancestors_with_self if widget is not None else ():
            if isinstance(node, Pane) and node.id:
                return node.id.removesuffix("-pane")
        return None

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        pane = self.pane_of(event.widget)
        if pane is not None and self.mode == "single":
            self.single = pane

    def focus_pane(self, name: str) -> None:
        """Show pane ``name`` (whatever the width) and focus it."""
        if self.mode == "single":
            self.single = name
        else:
            self.hidden.discard(name)
            if self.mode == "medium" and name in ("entities", "timeline"):
                self.side_open_medium = True
        self._apply_layout()
        self.set_focus(self.pane_widget(name))  # at once: keys already typed go to the new pane

    def action_focus_pane(self, name: str) -> None:
        self.focus_pane(name)

    def _cycle(self, step: int) -> None:
        order = list(PANES) if self.mode == "single" else self.visible_panes()
        current = self.pane_of(self.focused)
        i = order.index(current) if current in order else -step
        self.focus_pane(order[(i + step) % len(order)])

    def action_next_pane(self) -> None:
        self._cycle(1)

    def action_previous_pane(self) -> None:
        self._cycle(-1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide keys that do nothing at this width (the footer leaves them out); let inputs type `/`."""
        if action == "search" and isinstance(self.focused, Input):
            return False
        return not (action == "toggle_sidebar" and self.mode == "single")

    def action_toggle_sidebar(self) -> None:
        if self.mode == "single":
            self.notify("The window is narrow: switch panes with 1–4 or Tab.", timeout=3)
            return
        if self.mode == "medium":
            self.side_open_medium = not self.side_open_medium
            self.hidden -= {"entities", "timeline"}
        elif self.hidden >= {"entities", "timeline"}:
            self.hidden -= {"entities", "timeline"}
        else:
            self.hidden |= {"entities", "timeline"}
        self._apply_layout()

    # --- titles -------------------------------------------------------------------------

    def _refresh_titles(self) -> None:
        if not self.query("#timeline-title"):
            return
        total = len(self.articles)
        shown = self.article_list.row_count()
        status = Text("Seedreader ", style="bold")
        status.append(self.library.name if self.library else self.folder.name or str(self.folder))
        status.append(f"  {total:,} article{'s' if total != 1 else ''}", style="dim")
        labels = ([f"search: {self.search_text}"] if self.search_text else []) + [
            f.label if f.kind == "bookmarks" else f"entity: {f.label}" for f in self.filters
        ]
        if labels:
            status.append("  filters: ", style="dim")
            status.append(" · ".join(labels), style="bold")
        if self.load_status:
            status.append(f"  {self.load_status}", style="italic")
        self.query_one("#status", Static).update(status)

        list_title = Text("1 Articles ", style="bold")
        if self.library is None and total:
            list_title.append(f"{total:,} loaded")
        elif self.library is not None:
            list_title.append(f"{shown:,} of {total:,}")
        self.query_one("#list-title", Static).update(list_title)

        reader_title = Text("2 Reading ", style="bold")
        if self.hits:
            reader_title.append(
                f"hit {self.hit_index + 1}/{len(self.hits)}"
                if self.hit_index >= 0
                else f"{len(self.hits)} hit{'s' if len(self.hits) != 1 else ''}"
            )
        self.query_one("#reader-title", Static).update(reader_title)

        sidebar = self.sidebar
        ent_title = Text("3 Entities ", style="bold")
        error = self.parts.get("entities")
        if "entities" not in self.parts:
            ent_title.append("finding names…", style="italic")
        elif error:
            ent_title.append("unavailable", style="italic")
        else:
            ent_title.append(f"{len(sidebar.entities):,}")
        if sidebar.narrow:
            ent_title.append("  ")
            ent_title.append(f"“{sidebar.narrow}”", style="reverse")
        self.query_one("#entities-title", Static).update(ent_title)

        tl = self.timeline
        tl_title = Text("4 Timeline ", style="bold")
        if "timeline" not in self.parts:
            tl_title.append("finding dates…", style="italic")
        elif self.parts["timeline"]:
            tl_title.append("unavailable", style="italic")
        else:
            tl_title.append("this article" if tl.article_only else "corpus")
        self.query_one("#timeline-title", Static).update(tl_title)

    def on_entity_sidebar_narrowed(self, message: EntitySidebar.Narrowed) -> None:
        self._refresh_titles()

    def on_timeline_view_scope_changed(self, message: TimelineView.ScopeChanged) -> None:
        self._refresh_titles()

    # --- loading ------------------------------------------------------------------------

    def _load_state(self) -> None:
        try:
            self.state = ReaderState.load(self.folder)
        except Exception as exc:  # the reader still works, only marks are not kept
            self.state = ReaderState(Path("/nonexistent/seedreader-state.json"))
            self.notify(f"Could not read saved marks: {exc}", severity="warning")
        if self.state.warning:
            self.notify(self.state.warning, severity="warning", timeout=10)
        lst = self.article_list
        lst.read = self.state.read
        lst.bookmarks = self.state.bookmarks

    def _save_state(self) -> None:
        if self.state is None:
            return
        try:
            self.state.save()
        except OSError as exc:
            self.notify(f"Could not save marks: {exc.strerror or exc}", severity="error")

    def start_load(self) -> None:
        """Load (or reload) the corpus in a thread; the panes keep working meanwhile."""
        self.load_generation += 1
        self.parts = {}
        app_ready = getattr(self.app, "ready", None)
        if isinstance(app_ready, asyncio.Event):
            app_ready.clear()
        if self.library is None:  # loading again before the first load finished: start over
            self.articles = []
            self.article_list.set_rows(self.articles, [])
        else:  # a reload: remember what to keep
            current = self.article_list.current
            self._reload_keep = (
                self.articles[self.open_number].id if self.open_number is not None else None,
                self.articles[current].id if current is not None else None,
            )
        self.load_status = "Loading…"
        self._refresh_titles()
        self._load(self.load_generation, self.library is None)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, generation: int, stream: bool) -> None:
        batch: list[Article] = []
        last = time.monotonic()
        done_total = [0, 0]

        def progress(article: Article, done: int, total: int) -> None:
            nonlocal batch, last
            if stream:
                batch.append(article)
            done_total[:] = [done, total]
            now = time.monotonic()
            if now - last >= 0.1:
                self.post_message(LoadProgress(generation, batch, done, total))
                batch, last = [], now

        from tui.app.loader import load_library, save_cache  # here: not needed for the first paint

        try:
            options = self.options() if callable(self.options) else self.options
            self.options = options
            library = load_library(self.folder, options, self.use_cache, progress)
        except Exception as exc:  # a traceback is never shown: say what failed
            self.post_message(LoadFailed(generation, f"Could not load {self.folder}: {exc}"))
            return
        if batch:
            self.post_message(LoadProgress(generation, batch, *done_total))
        self.post_message(LibraryLoaded(generation, library))
        for part in ("index", "entities", "timeline"):
            try:
                if part == "index":
                    _ = library.text_index
                elif part == "entities":
                    _ = library.entities
                else:
                    _ = library.timeline
            except Exception as exc:
                self.post_message(PartReady(generation, part, f"{type(exc).__name__}: {exc}"))
            else:
                self.post_message(PartReady(generation, part))
        problem = save_cache(library)  # keep what was built for the next opening
        library.release_mentions()
        if problem:
            self.app.call_from_thread(self.notify, problem, severity="warning")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that died of an unexpected error becomes a notification, never a traceback."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.notify(f"{event.worker.group or 'background'} failed: {error}", severity="error", timeout=15)
            if event.worker.group == "load":
                self.load_status = "load failed"
                self._refresh_titles()
                self._set_ready()
            elif event.worker.group == "view":
                self.view_applied = self.view_generation

    def on_load_progress(self, message: LoadProgress) -> None:
        if message.generation != self.load_generation:
            return
        self.load_status = f"Loading {message.done:,} / {message.total:,}"
        if self.library is None and message.articles:
            self.articles.extend(message.articles)
            self.article_list.extend(self.articles, len(self.articles))
        self._refresh_titles()

    def on_load_failed(self, message: LoadFailed) -> None:
        if message.generation != self.load_generation:
            return
        self.load_status = "load failed"
        self.notify(message.message, severity="error", timeout=15)
        self._refresh_titles()
        self._set_ready()

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        if message.generation != self.load_generation:
            return
        library = message.library
        reload = self.library is not None
        self.library = library
        self.articles = library.articles
        self.load_status = "Indexing…"
        keep_open, keep_cursor = self._reload_keep or (None, None)
        self._reload_keep = None
        if reload:  # keep the list consistent with the new articles until the view is recomputed
            old = self.article_list
            rows = [library.by_id[i] for i in (old.articles[n].id for n in old.rows) if i in library.by_id]
            old.set_rows(self.articles, rows, keep=keep_cursor)
            number = library.by_id.get(keep_open) if keep_open else None
            self.open_number = number
            self._open_neighbour = keep_open is not None and number is None
            if number is not None:
                # Its text may have changed on disk: find the hits again and drop the timeline
                # mark (both are offsets into the old text).
                self.hits = self._hits_for(number)
                self.hit_index = -1
                self.mark = None
                self._show_article(number, keep_scroll=True)
            elif keep_open is None:
                self.reader.show(None)
            self.notify(f"Reloaded {len(library.articles):,} articles", timeout=3)
        self._refresh_view(keep=keep_cursor)
        warnings = [str(w) for w in library.warnings]
        if warnings and warnings != self._shown_warnings:
            n_cache = sum(1 for w in library.warnings if w.about_cache)
            n = len(warnings) - n_cache
            said = (
                [f"{n:,} file{'s' if n != 1 else ''} skipped or read with a fallback encoding."] if n else []
            )
            if n_cache:
                said.append("The cache was from another version or unreadable: it is being rebuilt.")
            self.notify(
                " ".join(said) + " See Ctrl+P › Load warnings.",
                title="Load warnings",
                severity="warning",
                timeout=8,
            )
        self._shown_warnings = warnings
        self._refresh_titles()

    def on_part_ready(self, message: PartReady) -> None:
        if message.generation != self.load_generation or self.library is None:
            return
        self.parts[message.part] = message.error
        library = self.library
        if message.error:
            what = {"index": "the search index", "entities": "names", "timeline": "dates"}[message.part]
            self.notify(f"Could not find {what}: {message.error}", severity="warning", timeout=8)
            if message.part == "entities":
                self.sidebar.empty_text = "Names unavailable"
                self.sidebar.refresh()
            if message.part == "timeline":
                self.timeline.empty_text = "Dates unavailable"
                self.timeline.refresh()
        elif message.part == "entities":
            self.sidebar.set_entities(library.entities.entities)
            self.sidebar.set_active({f.value for f in self.filters if f.kind == "entity"})
            if self.open_number is not None:
                self._decorate()
        elif message.part == "timeline":
            by_id = library.by_id
            articles = library.articles

            def title_of(article_id: str) -> str:
                i = by_id.get(article_id)
                return articles[i].title if i is not None else article_id

            def body_of(article_id: str) -> str:
                i = by_id.get(article_id)
                return articles[i].body if i is not None else ""

            self.timeline.set_entries(library.timeline, title_of, body_of)
        pending = [p for p in ("index", "entities", "timeline") if p not in self.parts]
        self.load_status = {
            "index": "Indexing…",
            "entities": "Finding names…",
            "timeline": "Finding dates…",
        }.get(pending[0] if pending else "", "")
        if not pending:
            self._set_ready()
        self._refresh_titles()

    def _set_ready(self) -> None:
        ready = getattr(self.app, "ready", None)
        if isinstance(ready, asyncio.Event):
            ready.set()

    def action_reload(self) -> None:
        self.start_load()

    # --- the list: search and filters ---------------------------------------------------

    def _refresh_view(self, query: str | None = None, keep: str | None = None) -> None:
        """Recompute the list rows (in a worker) for ``query`` (default: the current search)."""
        if self.library is None:
            if query is not None:
                self._pending_query = query
            return
        if query is None:
            query = self._pending_query if self._pending_query is not None else self.search_text
        self._pending_query = None
        if keep is None:
            current = self.article_list.current
            keep = self.articles[current].id if current is not None and current < len(self.articles) else None
        self.view_generation += 1
        self._keep = keep
        bookmarks = set(self.state.bookmarks) if self.state else set()
        self._compute_view(self.view_generation, self.library, query, list(self.filters), bookmarks)

    @work(thread=True, group="view", exit_on_error=False)
    def _compute_view(
        self, generation: int, library: Library, query: str, filters: list[Filter], bookmarks: set[str]
    ) -> None:
        from tui.search.query import QueryError

        try:
            rows = visible_articles(library, query, filters, bookmarks)
        except QueryError as exc:
            self.post_message(ViewComputed(generation, query, None, str(exc)))
        except Exception as exc:
            self.post_message(ViewComputed(generation, query, None, f"search failed: {exc}"))
        else:
            self.post_message(ViewComputed(generation, query, rows, None))

    def on_view_computed(self, message: ViewComputed) -> None:
        if message.generation != self.view_generation:
            return
        self.view_applied = message.generation
        box = self.search_box
        self.view_error = message.error
        open_when_ready, self._open_when_ready = self._open_when_ready, None
        if message.rows is None:
            box.set_status(message.error or "bad query", error=True)
            if open_when_ready is not None:  # the list did not change: open what was chosen
                self._open_and_show(open_when_ready)
            return
        query_changed = message.query != self.search_text
        self.search_text = message.query
        self.article_list.set_rows(self.articles, message.rows, keep=self._keep)
        if self.search_text:
            n = len(message.rows)
            box.set_status(f"{n:,} match{'es' if n != 1 else ''}, best first")
        else:
            box.set_status("")
        if self._open_neighbour:
            self._open_neighbour = False
            current = self.article_list.current
            if current is not None:
                self.open_article(current)
        elif open_when_ready is not None and self.article_list.current is not None:
            self._open_cursor_row()
        elif self.open_number is not None and query_changed:
            self._decorate(reset_hit=True)
        self._refresh_titles()

    @on(SearchChanged)
    def _search_changed(self, message: SearchChanged) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._pending_query = message.text
        if self.config.search_delay <= 0:
            self._run_search()
        else:
            self._search_timer = self.set_timer(self.config.search_delay, self._run_search)

    def _run_search(self) -> None:
        self._search_timer = None
        if self._pending_query is not None:
            self._refresh_view(self._pending_query)

    def _submit_search(self, text: str) -> None:
        """Enter in the search box (called as the key is handled, not through a message).

        The search for ``text`` starts and the list takes focus before the next key is read,
        so keys typed right after Enter (a second Enter to open the top result) go to the list.
        """
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        self._pending_query = None
        if text != self.search_text or self.view_error:
            self._refresh_view(text)
        self.focus_pane("list")

    @on(SearchClosed)
    def _search_closed(self, message: SearchClosed) -> None:
        self._close_search()

    def _close_search(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        self.search_box.close()
        self._pending_query = None
        if self.search_text or self.view_error:
            self._refresh_view("")
        self.focus_pane("list")

    def action_search(self) -> None:
        if self.mode == "single":
            self.single = "list"
            self._apply_layout()
        self.search_box.open()

    def action_clear_filter(self) -> None:
        """Esc: drop the last filter; with none left, clear the search."""
        if self.filters:
            self.filters.pop()
            self._filters_changed()
        elif self.search_text or self.search_box.is_open:
            self._close_search()

    def _filters_changed(self) -> None:
        self.sidebar.set_active({f.value for f in self.filters if f.kind == "entity"})
        self._refresh_view()
        if self.open_number is not None:
            self._decorate(reset_hit=True)
        self._refresh_titles()

    @on(EntityChosen)
    def _entity_chosen(self, message: EntityChosen) -> None:
        f = Filter("entity", message.name)
        if f in self.filters:
            self.filters.remove(f)
        else:
            self.filters.append(f)
        self._filters_changed()

    def action_bookmarks_filter(self) -> None:
        f = Filter("bookmarks")
        if f in self.filters:
            self.filters.remove(f)
        else:
            self.filters.append(f)
        self._filters_changed()

    # --- reading ------------------------------------------------------------------------

    @on(OpenArticle)
    def _open_requested(self, message: OpenArticle) -> None:
        if message.rows_version is not None:
            if self.view_applied != self.view_generation:
                # Enter pressed before the new search results arrived: open the top row of those.
                self._open_when_ready = message.number
                return
            if message.rows_version != self.article_list.rows_version:
                self._open_cursor_row()  # the results arrived meanwhile
                return
        self._open_and_show(message.number)

    def _open_cursor_row(self) -> None:
        """Open the article under the list's cursor (Enter landed on rows that were replaced)."""
        current = self.article_list.current
        if current is not None:
            self._open_and_show(current)

    def _open_and_show(self, number: int) -> None:
        self.open_article(number)
        if self.mode == "single" or "reader" in self.hidden:
            self.focus_pane("reader")

    @on(TimelineChosen)
    def _timeline_chosen(self, message: TimelineChosen) -> None:
        if self.library is None:
            return
        number = self.library.by_id.get(message.entry.article)
        if number is None:
            self.notify("That article is no longer in the corpus.", severity="warning")
            return
        entry = message.entry
        self.open_article(number, scroll_to=entry.start, mark=(entry.start, entry.end))
        if self.mode == "single" or "reader" in self.hidden:
            self.focus_pane("reader")

    def open_article(
        self, number: int, scroll_to: int | None = None, mark: Span | None = None, hit: int | None = None
    ) -> None:
        """Open article ``number`` (into ``self.articles``), mark it read, follow it in the list.

        ``hit`` selects a search hit to show (its index); ``mark`` underlines a timeline expression.
        """
        if not 0 <= number < len(self.articles):
            return
        article = self.articles[number]
        self.open_number = number
        self.mark = mark
        self.hits = self._hits_for(number)
        self.hit_index = -1
        if hit is not None and self.hits:
            self.hit_index = min(max(hit, 0), len(self.hits) - 1)
            if scroll_to is None:
                scroll_to = self.hits[self.hit_index][0]
        self._show_article(number, scroll_to=scroll_to)
        if self.state is not None and self.state.mark_read(article.id):
            self._save_state()
        lst = self.article_list
        lst.open_id = article.id
        lst.select_number(number)
        lst.refresh()
        self.timeline.set_article(article.id)
        self._refresh_titles()

    def _hits_for(self, number: int) -> list[Span]:
        """Search hits and filtered-entity mentions in article ``number``, in text order."""
        if self.library is None:
            return []
        article_id = self.articles[number].id
        search: list[Span] = []
        if self.search_text:
            try:
                search = self.library.hits_in(article_id, self.search_text)
            except Exception:
                search = []
        names = [f.value for f in self.filters if f.kind == "entity"]
        entity: list[Span] = []
        if names and self.parts.get("entities", "missing") is None:
            entity = entity_filter_spans(self.library, article_id, names)
        return merge_spans(search, entity)

    def _decorations(self) -> dict:
        article_id = self.articles[self.open_number].id if self.open_number is not None else None
        mentions: list[tuple[int, int, str]] = []
        filter_spans: list[Span] = []
        if article_id and self.library is not None and self.parts.get("entities", "missing") is None:
            mentions = mention_types(self.library, article_id)
            names = [f.value for f in self.filters if f.kind == "entity"]
            filter_spans = entity_filter_spans(self.library, article_id, names)
        return {
            "mentions": mentions,
            "filter_spans": filter_spans,
            "hits": self.hits,
            "current_hit": self.hit_index,
            "mark": self.mark,
        }

    def _show_article(self, number: int, scroll_to: int | None = None, keep_scroll: bool = False) -> None:
        reader = self.reader
        y = reader.scroll_y
        for key, value in self._decorations().items():
            setattr(reader, key, value)
        reader.show(self.articles[number], scroll_to=scroll_to)
        if keep_scroll:
            reader.scroll_to(y=y, animate=False, force=True)

    def _decorate(self, reset_hit: bool = False) -> None:
        """Re-highlight the open article (search, filters or entities changed)."""
        if reset_hit and self.open_number is not None:
            self.hits = self._hits_for(self.open_number)
            self.hit_index = -1
        self.reader.decorate(**self._decorations())
        self._refresh_titles()

    def _list_neighbour(self, step: int) -> int | None:
        lst = self.article_list
        pos = lst.position_of(self.open_number) if self.open_number is not None else None
        if pos is None:
            pos = lst.cursor - step if self.open_number is None else lst.cursor
            if self.open_number is None:
                return lst.rows[pos + step] if 0 <= pos + step < len(lst.rows) else None
        new = pos + step
        return lst.rows[new] if 0 <= new < len(lst.rows) else None

    def action_next_article(self) -> None:
        number = self._list_neighbour(1)
        if number is None:
            self.notify("Last article of the list.", timeout=2)
        else:
            self.open_article(number)

    def action_previous_article(self) -> None:
        number = self._list_neighbour(-1)
        if number is None:
            self.notify("First article of the list.", timeout=2)
        else:
            self.open_article(number)

    def _has_query(self) -> bool:
        return bool(self.search_text) or any(f.kind == "entity" for f in self.filters)

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        if not self._has_query():
            self.notify("Nothing to find: search with / or filter by an entity.", timeout=3)
            return
        if self.open_number is None:
            current = self.article_list.current
            if current is None:
                return
            self.open_article(current, hit=0 if step > 0 else len(self._hits_for(current)) - 1)
            return
        new = self.hit_index + step if self.hit_index >= 0 or step > 0 else len(self.hits) - 1
        if 0 <= new < len(self.hits):
            self._goto_hit(new)
            return
        # past the last (or before the first) hit: continue in the next matching article
        lst = self.article_list
        pos = lst.position_of(self.open_number)
        pos = lst.cursor if pos is None else pos
        for _ in range(HIT_SCAN_LIMIT):
            pos += step
            if not 0 <= pos < len(lst.rows):
                break
            number = lst.rows[pos]
            hits = self._hits_for(number)
            if hits:
                self.open_article(number, hit=0 if step > 0 else len(hits) - 1)
                return
        self.notify("No more hits." if step > 0 else "No earlier hits.", timeout=2)

    def _goto_hit(self, index: int) -> None:
        self.hit_index = index
        self.reader.decorate(**self._decorations())
        self.reader.scroll_to_offset(self.hits[index][0])
        self._refresh_titles()

    # --- marks --------------------------------------------------------------------------

    def action_bookmark(self) -> None:
        number = self.article_list.current if self.focused is self.article_list else self.open_number
        if number is None:
            number = self.article_list.current
        if number is None or self.state is None:
            return
        article = self.articles[number]
        now = self.state.toggle_bookmark(article.id)
        self._save_state()
        self.article_list.refresh()
        self.notify("Bookmarked." if now else "Bookmark removed.", timeout=2)
        if Filter("bookmarks") in self.filters:
            self._refresh_view()

    # --- help, warnings, palette ----------------------------------------------------------

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.help_sections(), self.help_notes()))

    def help_sections(self) -> list[HelpSection]:
        """Keys by place, read from the live bindings with the user's keymap applied."""
        places: list[tuple[str, list]] = [
            ("Anywhere", [self, self.app]),
            ("Article list", [self.article_list]),
            ("Reading view", [self.reader]),
            ("Entities", [self.sidebar]),
            ("Timeline", [self.timeline]),
            ("Search box", [self.search_box.input]),
        ]
        keymap = self.app._keymap
        sections: list[HelpSection] = []
        for title, nodes in places:
            rows: dict[tuple[str, str], list[str]] = {}
            for node in nodes:
                bindings = node._bindings.copy()
                if keymap:
                    bindings.apply_keymap(keymap)
                for key, items in bindings.key_to_bindings.items():
                    for b in items:
                        if b.id not in BINDING_IDS:
                            continue
                        keys = rows.setdefault((b.action, b.description), [])
                        shown = self.app.get_key_display(b.with_key(key))
                        if shown not in keys:
                            keys.append(shown)
            sections.append((title, [(", ".join(keys), what) for (_action, what), keys in rows.items()]))
        return sections

    def help_notes(self) -> list[str]:
        return [
            "",
            ArticleList.HELP,
            ReaderView.HELP,
            EntitySidebar.HELP,
            TimelineView.HELP,
            SearchBox.HELP,
            "Keys can be changed under `keys:` in the config file (seedreader config default).",
        ]

    def action_show_warnings(self) -> None:
        warnings = [str(w) for w in self.library.warnings] if self.library else []
        self.app.push_screen(WarningsScreen(warnings))

    def action_quit(self) -> None:
        self.app.exit(0)

    def jump_to_entity(self, name: str) -> None:
        """From the palette: show the sidebar with the cursor on ``name``."""
        sidebar = self.sidebar
        if sidebar.narrow:
            sidebar.set_narrow("")
        self.focus_pane("entities")
        sidebar.select_name(name)

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """Commands of this screen for the palette: (name, help, callback)."""
        return [
            ("Toggle sidebar", "Show or hide the entities and timeline", self.action_toggle_sidebar),
            ("Load warnings", "Files skipped or read with a fallback encoding", self.action_show_warnings),
            ("Reload corpus", "Read the folder again, keeping your place", self.action_reload),
            ("Bookmarked only", "Show only bookmarked articles (toggle)", self.action_bookmarks_filter),
            ("Clear search and filters", "Show every article", self.clear_all),
            (
                "Timeline: article or corpus",
                "Show one article's dates or all",
                self.timeline.action_toggle_scope,
            ),
            ("Focus article list", "Pane 1", lambda: self.focus_pane("list")),
            ("Focus reading view", "Pane 2", lambda: self.focus_pane("reader")),
            ("Focus entities", "Pane 3", lambda: self.focus_pane("entities")),
            ("Focus timeline", "Pane 4", lambda: self.focus_pane("timeline")),
            ("Help", "Keys and search syntax", self.action_help),
        ]

    def clear_all(self) -> None:
        self.filters.clear()
        self.search_box.close()
        self._pending_query = None
        self.sidebar.set_active(set())
        self._refresh_view("")
        if self.open_number is not None:
            self.search_text = ""
            self._decorate(reset_hit=True)

    # --- for tests ----------------------------------------------------------------------

    async def settled(self, timeout: float = 30.0) -> None:
        """Wait until loading, any debounced search and the list update are all done."""
        deadline = time.monotonic() + timeout
        ready = getattr(self.app, "ready", None)
        while time.monotonic() < deadline:
            loaded = not isinstance(ready, asyncio.Event) or ready.is_set()
            if (
                loaded
                and self._search_timer is None
                and self._pending_query is None
                and self.view_applied == self.view_generation
            ):
                return
            await asyncio.sleep(0.02)
        raise TimeoutError("the reader did not settle")
