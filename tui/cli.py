"""The ``seedreader`` command line: opens the app, or answers one question about a corpus.

Only opening the app imports Textual, so scripted use starts fast. Errors are one line on
stderr and exit status 2; a traceback is never shown to a user.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.extract.model import EntityMention
    from tui.library import Library
    from tui.settings import Settings

ENTITY_TYPE_CHOICES = ("person", "organization", "place", "misc")


class UsageError(Exception):
    """A problem with what the user asked for: shown as one line, exit status 2."""


def _dct(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (use YYYY-MM-DD)") from None


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return n


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors with exit status 2 and one line, as everywhere else."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(with_config: bool = True) -> argparse.ArgumentParser:
    """The argument parser; ``with_config=False`` leaves ``config`` as a stub (saves its imports)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", metavar="DIR", default=argparse.SUPPRESS, help="corpus folder")
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")

    parser = _Parser(
        prog="seedreader",
        description="A keyboard-driven terminal reader for folders of news articles.",
    )
    parser.add_argument("--config", metavar="FILE", help="config file (else $SEEDREADER_CONFIG, then XDG)")
    parser.add_argument("--corpus", metavar="DIR", help="corpus folder (default: configured, else the seeds)")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the index cache")
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("list", parents=[common], help="list the articles")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("search", parents=[common], help="search the articles (see README: query syntax)")
    p.add_argument("query")
    p.add_argument("--limit", type=_positive_int, default=None, help="at most N results")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("entities", parents=[common], help="people, organisations and places")
    p.add_argument("--type", choices=ENTITY_TYPE_CHOICES)
    p.set_defaults(func=cmd_entities)

    p = sub.add_parser("timeline", parents=[common], help="dated expressions in time order")
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("extract", parents=[common], help="entities and times of files, with offsets")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dct", type=_dct, help="document date for relative expressions (YYYY-MM-DD)")
    p.add_argument(
        "--only",
        choices=("entities", "times"),
        help="extract one kind only (the other key is left out of the output)",
    )
    p.set_defaults(func=cmd_extract)

    if with_config:
        from tui.config_cli import add_config_parser  # imports tui.settings: only when needed

        add_config_parser(sub)
    else:
        sub.add_parser("config", help="check, locate or print the config file")
    return parser


def _version() -> str:
    from tui import __version__

    return f"seedreader {__version__}"


# --- shared helpers ------------------------------------------------------------------------


def load_settings_for(args: argparse.Namespace) -> Settings:
    """The settings from ``--config`` / env / XDG; raises ConfigError listing every problem."""
    from tui.settings import load_settings

    return load_settings(getattr(args, "config", None))


def corpus_folder(args: argparse.Namespace, settings: Settings | None) -> Path:
    """The folder to open: ``--corpus``, else the config's first folder, else the bundled seeds."""
    from tui.corpus import bundled_seeds

    if getattr(args, "corpus", None):
        return Path(args.corpus).expanduser()
    if settings is not None and settings.corpus.folders:
        return Path(settings.corpus.folders[0])
    return bundled_seeds()


def library_options(settings: Settings | None) -> Any:
    from tui.library import LibraryOptions

    if settings is None:
        return LibraryOptions()
    from tui.extract.entity_index import EntityOptions
    from tui.extract.timeline import TimelineOptions

    return LibraryOptions(
        include=tuple(settings.corpus.include),
        exclude=tuple(settings.corpus.exclude),
        entities=EntityOptions(
            extra=list(settings.entities.extra),
            ignore=list(settings.entities.ignore),
            merge=dict(settings.entities.merge),
        ),
        timeline=TimelineOptions(
            reference_date=settings.timeline.reference_date, grouping=settings.timeline.grouping
        ),
        search_limit=settings.search.limit,
        snippet_length=settings.search.snippet_length,
    )


def open_library(args: argparse.Namespace, settings: Settings | None) -> Library:
    from tui.library import Library

    folder = corpus_folder(args, settings)
    if not folder.exists():
        raise UsageError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    if getattr(args, "no_cache", False):
        library = Library.open(folder, library_options(settings))
    else:
        from tui.cache import open_cached_library

        library = open_cached_library(folder, library_options(settings))
        args.opened_library = library  # saved to the cache once the command is done
    for warning in library.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return library


def save_cache_quietly(args: argparse.Namespace) -> None:
    """Keep what the command built for next time; a cache that cannot be written is only a warning."""
    library = getattr(args, "opened_library", None)
    if library is None:
        return
    from tui.cache import save_library_cache

    try:
        save_library_cache(library)
    except OSError as exc:
        print(f"warning: cache not saved ({exc.strerror or exc})", file=sys.stderr)


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _table(columns: Sequence[str], rows: Sequence[Sequence[object]], caption: str | None = None) -> None:
    """Print a Rich table on a terminal, tab-separated lines to a pipe or a file.

    Every cell is plain text (article text is never read as markup). Drawing a Rich table of
    20,000 rows takes seconds, and a pipe (grep, cut, a spreadsheet) wants one row a line.
    """
    from tui.text import make_printable

    if not sys.stdout.isatty():
        out = ["\t".join(columns)]
        for row in rows:
            out.append("\t".join(" ".join(make_printable("" if v is None else str(v)).split()) for v in row))
        sys.stdout.write("\n".join(out) + "\n")
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(*columns, caption=caption, show_lines=False)
    for row in rows:
        table.add_row(*(Text("" if v is None else make_printable(str(v))) for v in row))
    _console().print(table)


def _print_json(data: object) -> None:
    # one write: json.dump writes chunk by chunk, which is slow on large outputs
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=None) + "\n")


# --- subcommands ---------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace, settings: Settings | None) -> int:
    library = open_library(args, settings)
    rows = [
        {
            "id": a.id,
            "title": a.title,
            "date": a.date.isoformat() if a.date else None,
            "source": a.source,
            "path": str(a.path),
            "words": a.words,
        }
        for a in library.articles
    ]
    if args.json:
        _print_json(rows)
    else:
        _table(
            ["id", "title", "date", "source", "words"],
            [[r["id"], r["title"], r["date"], r["source"], r["words"]] for r in rows],
            caption=f"{len(rows):,} articles in {library.root}",
        )
    return 0


def cmd_search(args: argparse.Namespace, settings: Settings | None) -> int:
    from tui.search.query import QueryError, parse_query

    try:
        query = parse_query(args.query)
    except QueryError as exc:
        raise UsageError(f"bad query: {exc}") from None
    if query.is_empty:
        raise UsageError("empty query: give at least one word or filter")
    library = open_library(args, settings)
    results = library.search(query, args.limit)
    rows = [
        {
            "id": h.id,
            "title": h.title,
            "score": h.score,
            "snippet": h.snippet,
            "hits": [list(s) for s in h.hits],
        }
        for h in results.hits
    ]
    if args.json:
        _print_json(rows)
    else:
        _table(
            ["id", "title", "score", "snippet"],
            [[r["id"], r["title"], f"{r['score']:.2f}", r["snippet"]] for r in rows],
            caption=f"{len(rows)} shown of {results.total:,} matching",
        )
    return 0


def cmd_entities(args: argparse.Namespace, settings: Settings | None) -> int:
    library = open_library(args, settings)
    entities = [e for e in library.entities.entities if args.type is None or e.type == args.type]
    rows = [
        {
            "name": e.name,
            "type": e.type,
            "aliases": list(e.aliases),
            "articles": list(e.articles),
            "mentions": e.mentions,
        }
        for e in entities
    ]
    if args.json:
        _print_json(rows)
    else:
        _table(
            ["name", "type", "mentions", "articles", "aliases"],
            [
                [r["name"], r["type"], r["mentions"], len(r["articles"]), ", ".join(r["aliases"])]
                for r in rows
            ],
            caption=f"{len(rows):,} entities",
        )
    return 0


def cmd_timeline(args: argparse.Namespace, settings: Settings | None) -> int:
    library = open_library(args, settings)
    bodies = {a.id: a.body for a in library.articles}
    rows = [
        {
            "article": t.article,
            "text": t.text,
            "start": t.start,
            "end": t.end,
            "type": t.type,
            "value": t.value,
            "sentence": t.sentence(bodies.get(t.article, "")),
        }
        for t in library.timeline
    ]
    if args.json:
        _print_json(rows)
    else:
        _table(
            ["value", "text", "article", "sentence"],
            [[r["value"] or "(unresolved)", r["text"], r["article"], r["sentence"]] for r in rows],
            caption=f"{len(rows):,} time expressions",
        )
    return 0


def _entity_json(text: str, m: EntityMention, start: int) -> dict:
    """One mention for ``extract --json``: its extent as a phrase ("the Federal Reserve"), and its name."""
    return {"start": start, "end": m.end, "text": text[start : m.end], "type": m.type, "name": m.text}


def cmd_extract(args: argparse.Namespace, settings: Settings | None) -> int:
    from tui.decoding import decode_bytes
    from tui.metadata import read_metadata
    from tui.text import make_printable

    # Only what is asked for is imported: the time rules take a while to compile.
    want_entities = args.only in (None, "entities")
    want_times = args.only in (None, "times")
    gc.freeze()  # the word lists and patterns live to the end: collections need not walk them again
    out = []
    for name in args.files:
        path = Path(name)
        try:
            data = path.read_bytes()
        except IsADirectoryError:
            raise UsageError(f"{name}: is a folder, not a file") from None
        except OSError as exc:
            raise UsageError(f"{name}: {exc.strerror or exc}") from None
        decoded = decode_bytes(data)
        if decoded is None:
            print(
                f"warning: {make_printable(name)}: binary file (NUL bytes); nothing extracted",
                file=sys.stderr,
            )
        elif decoded.warning:
            print(f"warning: {make_printable(name)}: {decoded.warning}", file=sys.stderr)
        text = decoded.text if decoded else ""
        found: dict = {"file": name}
        if want_entities:
            found["entities"] = _entities_json(text)
        if want_times:
            dct = args.dct or read_metadata(text).date
            if dct is None and settings is not None:
                dct = settings.timeline.reference_date
            found["times"] = _times_json(text, dct)
        out.append(found)
    if args.json:
        _print_json(out)
    else:
        rows = [
            [o["file"], "entity", e["type"], e["text"], e["start"]]
            for o in out
            for e in o.get("entities", [])
        ]
        rows += [
            [o["file"], "time", t["type"], t["text"], t["value"]] for o in out for t in o.get("times", [])
        ]
        _table(["file", "kind", "type", "text", "start/value"], rows)
    return 0


def _entities_json(text: str) -> list[dict]:
    """The entity mentions of one file for ``extract --json``."""
    from tui.extract.entities import extract_entities
    from tui.extract.extent import mention_start

    return [_entity_json(text, m, mention_start(text, m)) for m in extract_entities(text)]


def _times_json(text: str, dct: dt.date | None) -> list[dict]:
    """The time expressions of one file for ``extract --json``, resolved against ``dct``."""
    from tui.extract.times import extract_times

    return [
        {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
        for t in extract_times(text, dct)
    ]


def cmd_open_app(args: argparse.Namespace, settings: Settings | None) -> int:
    folder = corpus_folder(args, settings)
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    from tui.app.run import run_app  # the only place the CLI imports Textual

    # The options are worked out in the loading thread: their imports need not delay the window.
    return run_app(folder, settings, lambda: library_options(settings), use_cache=not args.no_cache)


def _user_config_may_exist(args: argparse.Namespace) -> bool:
    """False only when no user config file can apply (see ``tui.settings.config_search_order``).

    Conservative: any candidate that exists (or ``--config`` / ``$SEEDREADER_CONFIG`` being
    given at all) means the settings must be loaded and validated as usual.
    """
    if getattr(args, "config", None) is not None or os.environ.get("SEEDREADER_CONFIG"):
        return True
    candidates = [Path.home() / ".config" / "seedreader" / "config.yaml"]
    if os.environ.get("HOME"):
        candidates.append(Path(os.environ["HOME"]) / ".config" / "seedreader" / "config.yaml")
    if os.environ.get("XDG_CONFIG_HOME"):
        candidates.append(Path(os.environ["XDG_CONFIG_HOME"]) / "seedreader" / "config.yaml")
    return any(path.exists() for path in candidates)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(with_config="config" in argv)
    args = parser.parse_args(argv)
    try:
        settings = None
        if args.command == "extract" and not _user_config_may_exist(args):
            pass  # the defaults apply, and extract needs nothing from them (no reference date)
        elif args.command != "config":
            from tui.settings import ConfigError

            try:
                settings = load_settings_for(args)
            except ConfigError as exc:
                for line in exc.errors:
                    print(line, file=sys.stderr)
                return 2
        func = getattr(args, "func", None)
        if args.command is None:
            return cmd_open_app(args, settings)
        if args.command == "config":
            return func(args)
        status = func(args, settings)
        save_cache_quietly(args)
        return status
    except UsageError as exc:
        print(f"seedreader: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `seedreader list | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: still one line for the user, the traceback on request
        if os.environ.get("SEEDREADER_DEBUG"):
            raise
        print(
            f"seedreader: internal error: {type(exc).__name__}: {exc} (SEEDREADER_DEBUG=1 shows details)",
            file=sys.stderr,
        )
        return 1
