"""What ``papershelf import`` starts before anything else loads: its big lists' parse.

A 10,000-entry list takes about a second to parse, on the other core, while this process
loads the catalog the list goes into (``services.parse_ahead``). Started once the command
line is parsed, the parse began some 80 ms into the process: after the command-line
modules, argparse and logging had loaded. Started here, from a glance at the arguments,
it begins as soon as the process does.

The glance is no parser: it may read an option's value as a file, or miss an abbreviated
``--venue``. Nothing depends on it being right: once argparse has read the command line,
``parse_ahead.start_files`` keeps a parse begun here only for a file and venue the command
names, and ends the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from papershelf.services.parse_ahead import Ahead

_WITH_VALUE = frozenset({"--data-dir", "--format"})
"""The import's options (its own and the common ones) that take the next argument."""


def command_at(argv: Sequence[str]) -> int | None:
    """Where the command stands in ``argv``, past the common flags; None if nothing does."""
    at = 0
    while at < len(argv):
        if argv[at] in ("-q", "--quiet") or argv[at].startswith("--data-dir="):
            at += 1
        elif argv[at] == "--data-dir":
            at += 2
        else:
            return at
    return None


def import_arguments(argv: Sequence[str]) -> tuple[list[str], str | None] | None:
    """(files, venue) of ``papershelf import ...`` at a glance; None for another command."""
    at = command_at(argv)
    if at is None or argv[at] != "import":
        return None
    files: list[str] = []
    venue: str | None = None
    rest = list(argv[at + 1 :])
    n = 0
    while n < len(rest):
        word = rest[n]
        if word == "--":
            files += rest[n + 1 :]
            break
        if word == "--venue":
            venue = rest[n + 1] if n + 1 < len(rest) else None
            n += 2
            continue
        if word.startswith("--venue="):
            venue = word.removeprefix("--venue=")
        elif word in _WITH_VALUE:
            n += 1
        elif not word.startswith("-"):
            files.append(word)
        n += 1
    return files, venue


def begin(argv: Sequence[str]) -> dict[str, Ahead]:
    """The parses of an import's big lists, started now (see ``parse_ahead.start_files``)."""
    found = import_arguments(argv)
    if found is None or not found[0]:
        return {}
    from papershelf.services.parse_ahead import start_files

    return start_files(*found)
