"""The command line's parser: the app's own flags alone, or every command's.

Apart from ``main`` so that a bare ``papershelf`` start imports no argparse at all.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from typing import NoReturn

from papershelf import __version__
from papershelf.cli.early import command_at


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad flag in one line and exits 2, without the usage block."""

    commands: dict[str, argparse.ArgumentParser] = {}
    """Each command's own parser (on the whole parser): it names the command in an error."""

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


COMMANDS = {
    "import_cmds": ("import", "update"),
    "catalog_cmds": ("lists", "forget", "add", "list", "venues"),
    "shelf_cmds": ("new", "orphans"),
    "state_cmds": ("mark", "star", "unstar", "undo", "redo", "history", "note", "stats"),
    "tag_cmds": ("tag", "untag", "tags"),
    "same_cmds": ("duplicates", "same", "different"),
    "enrich_cmds": ("enrich", "show"),
    "merge_cmds": ("merge", "merge-driver"),
    "admin_cmds": ("paths", "export", "import-state", "doctor"),
}
"""The commands each module of ``papershelf.cli`` registers, in the order ``--help`` lists them."""

_MODULE_OF = {command: module for module, commands in COMMANDS.items() for command in commands}


def build_parser(only: str | None = None) -> _Parser:
    """Every command's parser; with ``only`` (a module of ``COMMANDS``), that module's alone.

    A command's run builds its own module's parsers, not all nine modules' (their imports and
    thirty subparsers were about 0.06 s of every command); ``--help`` and a mistyped command
    get the whole parser, which lists every command.
    """
    parser = _Parser(
        prog="papershelf",
        description="A keyboard-first reading list for research papers. "
        "With no command, opens the app.",
    )
    _add_common(parser)
    parser.add_argument("--version", action="version", version=f"papershelf {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS if only is None else (only,):
        importlib.import_module(f"papershelf.cli.{module}").register(sub)
    for choice in sub.choices.values():
        _add_common(choice)
    parser.commands = dict(sub.choices)
    return parser


def command_module(argv: Sequence[str]) -> str | None:
    """The module of the command ``argv`` runs, when only common flags stand before it."""
    at = command_at(argv)
    return None if at is None else _MODULE_OF.get(argv[at])


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
    """The app's flags when ``argv`` opens it, else the command's reading (or its exit)."""
    if (args := app_args(argv)) is not None:
        return args
    module = command_module(argv)
    parser = build_parser(module)
    if module in (None, "tag_cmds"):
        from papershelf.cli.tag_cmds import option_like_tag
        from papershelf.domain.text import sanitize

        if said := option_like_tag(argv):  # not argparse's "TAG is required"
            parser.exit(2, f"{sanitize(said)}\n")
    args, rest = parser.parse_known_args(argv)
    if rest:  # argparse blames "papershelf" for a command's flag: the command says it
        where = parser.commands.get(getattr(args, "command", None) or "", parser)
        where.error(f"unrecognized arguments: {' '.join(rest)}")
    return args
