"""``seedreader config check|path|default``: answer questions about the config without the app.

Imports neither Textual nor the corpus code, so checking a config is instant and works on a
machine without a terminal. Output goes to stdout, errors to stderr one per line; exit status 0
when all is well, 2 when the config (or the requested file) is unusable.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tui.settings import (
    ConfigError,
    config_search_order,
    default_config_path,
    default_config_text,
    find_config,
    validate_file,
)


def add_config_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register ``config`` and its three subcommands; each ``func(args)`` returns the exit status.

    ``args.config`` is the global ``--config FILE`` (absent or None when not given).
    """
    config = subparsers.add_parser("config", help="check, locate or print the config file")
    config.set_defaults(func=lambda args: _usage(config))
    sub = config.add_subparsers(dest="config_command", metavar="ACTION")

    check = sub.add_parser(
        "check",
        help="validate a config file (default: the one in use)",
        description="Validate a config file and list every problem as FILE:LINE: message.",
    )
    check.add_argument("file", nargs="?", metavar="FILE", help="the file to check (default: the one in use)")
    check.set_defaults(func=cmd_config_check)

    path = sub.add_parser("path", help="show where the config is looked for and which file is used")
    path.set_defaults(func=cmd_config_path)

    default = sub.add_parser("default", help="print the default config, every key documented")
    default.set_defaults(func=cmd_config_default)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    print("seedreader config: choose one of check, path, default", file=sys.stderr)
    return 2


def cmd_config_check(args: argparse.Namespace, env: dict[str, str] | None = None) -> int:
    """Validate FILE, or the file ``load_settings`` would use; print 'FILE: ok' or every error."""
    if args.file is not None:
        path: Path | None = Path(args.file)
    else:
        try:
            path = find_config(getattr(args, "config", None), env)
        except ConfigError as exc:
            return _report(exc.errors)
        if path is None:
            print(
                "no config file found: Seedreader uses the defaults ('seedreader config path' shows where it looks)"
            )
            return 0
    errors = validate_file(path)
    if errors:
        return _report(errors)
    print(f"{path}: ok")
    return 0


def _report(errors: list[str]) -> int:
    for line in errors:
        print(line, file=sys.stderr)
    return 2


def cmd_config_path(args: argparse.Namespace, env: dict[str, str] | None = None) -> int:
    """Show the search order, which candidates exist, and the file in use."""
    env = dict(os.environ) if env is None else env
    explicit = getattr(args, "config", None)
    order = config_search_order(explicit, env)
    print("Config files, in search order (the first that exists is merged over the defaults):")
    used = next((path for _label, path, exists in order if exists), None)
    rows = [
        (label, f"{path}  ({'used' if path == used else 'exists' if exists else 'missing'})")
        for label, path, exists in order
    ]
    if explicit is None and not env.get("SEEDREADER_CONFIG"):
        rows.insert(0, ("$SEEDREADER_CONFIG", "(not set)"))
    width = max(len(label) for label, _ in rows)
    for number, (label, where) in enumerate(rows, 1):
        print(f"  {number}. {label.ljust(width)}  {where}")
    print(f"Defaults: {default_config_path()}")
    if used is not None:
        print(f"Using: {used}")
        return 0
    if explicit is not None:
        try:
            find_config(explicit, env)
        except ConfigError as exc:
            return _report(exc.errors)
    print("Using: the defaults only")
    return 0


def cmd_config_default(args: argparse.Namespace) -> int:
    """Print the default config file, comments included, ready to copy."""
    sys.stdout.write(default_config_text())
    return 0


def run_config_command(argv_rest: list[str], explicit_config: str | None = None) -> int:
    """Run ``config ARGS...`` on its own (tests, or a caller without the main parser)."""
    parser = argparse.ArgumentParser(prog="seedreader")
    add_config_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["config", *argv_rest])
    args.config = explicit_config
    return args.func(args)
