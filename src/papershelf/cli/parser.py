"""The command line's parser: the app's own flags alone, or every command's.

Apart from ``main`` so that a bare ``papershelf`` start imports no argparse at all.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import NoReturn

from papershelf import __version__


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad flag in one line and exits 2, without the usage block."""

    def error(self, message: str) -> NoReturn:
        from papershelf.domain.text import sanitize

        # The message quotes the user's arguments, which may hold escape sequences.
        self.exit(2, f"{self.prog}: {sanitize(message)} (see --help)\n")


def _folder(text: str) -> str:
    """``--data-dir ""`` would be the current folder: a library would appear where one stands."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path is no folder")
    return text


def _add_common(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS lets the flags stand before or after the command without one hiding the other.
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=_folder,
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
        import_cmds,
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
        import_cmds,
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


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The app's flags when ``argv`` opens it, else the full parser's reading (or its exit)."""
    if (args := app_args(argv)) is not None:
        return args
    parser = build_parser()
    from papershelf.cli.tag_cmds import option_like_tag
    from papershelf.domain.text import sanitize

    if said := option_like_tag(argv):  # not argparse's "TAG is required"
        parser.exit(2, f"{sanitize(said)}\n")
    return parser.parse_args(argv)
