"""``papershelf``: the app with no subcommand, scripting commands otherwise."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from papershelf import __version__
from papershelf.errors import PapershelfError


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad flag in one line and exits 2, without the usage block."""

    def error(self, message: str) -> NoReturn:
        from papershelf.domain.text import sanitize

        # The message quotes the user's arguments, which may hold escape sequences.
        self.exit(2, f"{self.prog}: {sanitize(message)} (see --help)\n")


def _add_common(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS lets the flags stand before or after the command without one hiding the other.
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where the library lives (default: $PAPERSHELF_DATA_DIR, else the user data dir)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="print less"
    )


def build_parser() -> argparse.ArgumentParser:
    from papershelf.cli import (
        admin_cmds,
        catalog_cmds,
        enrich_cmds,
        merge_cmds,
        same_cmds,
        shelf_cmds,
        state_cmds,
        tag_cmds,
    )

    parser = _Parser(
        prog="papershelf",
        description="A keyboard-first reading list for research papers. "
        "With no command, opens the app.",
    )
    _add_common(parser)
    parser.add_argument("--version", action="version", version=f"papershelf {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    modules = (
        catalog_cmds,
        shelf_cmds,
        state_cmds,
        tag_cmds,
        same_cmds,
        enrich_cmds,
        merge_cmds,
        admin_cmds,
    )
    for module in modules:
        module.register(sub)
    for choice in sub.choices.values():
        _add_common(choice)
    return parser


def tune_collector() -> None:
    """Run the cyclic garbage collector less often, for this whole process (CLI or app).

    A large catalog is millions of small acyclic objects; at the default threshold (700
    allocations) the collector runs thousands of times while a 50,000-paper list is parsed or
    its cache is loaded, each pass rescanning survivors (import and first start about 1.5x
    slower, the cached load 3x). Reference counting frees almost everything anyway.
    """
    gc.set_threshold(50_000, 20, 10)


MMAP_THRESHOLD = 128 * 1024
"""Blocks this large come from the system and go back to it when freed (glibc's default,
before it starts raising the bar on its own)."""
_M_MMAP_THRESHOLD = -3


def tune_allocator() -> None:
    """Give large freed blocks back to the system at once (glibc on Linux only).

    glibc raises its threshold for such blocks each time a large one is freed, up to 32 MB;
    after a 50,000-paper load, every later large list (a search's hits, a file written) then
    comes from the heap and its memory stays with the process: the app's peak was 20 MB
    higher (161 MB against 142 MB in one session). Setting the threshold keeps it fixed.
    """
    if sys.platform != "linux" or "MALLOC_MMAP_THRESHOLD_" in os.environ:
        return  # the user's own setting wins
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.gnu_get_libc_version  # noqa: B018 -- glibc, not musl or another libc
    except (OSError, AttributeError):
        return
    libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)


class _NotTheApp(Exception):
    pass


class _AppParser(argparse.ArgumentParser):
    """The common flags alone: anything else (a command, ``-h``) goes to the full parser."""

    def error(self, message: str) -> NoReturn:
        raise _NotTheApp(message)


def app_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The flags when ``argv`` opens the app (no command), else None.

    The app's start must not import the modules of every command just to build their
    parsers (about 0.1 s of a start that aims to be near Textual's own).
    """
    parser = _AppParser(add_help=False)
    _add_common(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotTheApp:
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    tune_collector()
    tune_allocator()
    argv = sys.argv[1:] if argv is None else list(argv)
    args = app_args(argv) or build_parser().parse_args(argv)
    if not hasattr(args, "quiet"):
        args.quiet = False
    from papershelf.paths import resolve_paths

    paths = resolve_paths(getattr(args, "data_dir", None))
    from papershelf.logs import setup_logging

    setup_logging(paths)
    try:
        if args.command is None:
            from papershelf.tui.app import run_app

            return run_app(paths)
        from papershelf.services.library import Library

        lib = Library(paths)
        code: int = args.func(lib, args)
        for notice in lib.notices():
            print(f"papershelf: {_one_line(notice)}", file=sys.stderr)
        return code
    except PapershelfError as exc:
        # Messages quote file names and arguments: no escape sequence reaches the terminal.
        print(f"papershelf: {_one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `papershelf list | head`: the reader left; that is not an error.
        sys.stderr.close()
        return 0
    except Exception as exc:  # a bug: one line for the user, the traceback to the log
        import logging

        logging.getLogger("papershelf").exception("unexpected error in %s", args.command)
        print(
            f"papershelf: unexpected error ({type(exc).__name__}: {_one_line(str(exc))}); "
            f"details in {_one_line(str(paths.log))}",
            file=sys.stderr,
        )
        return 1


def _one_line(text: str) -> str:
    from papershelf.domain.text import sanitize

    return sanitize(text)


if __name__ == "__main__":
    raise SystemExit(main())
