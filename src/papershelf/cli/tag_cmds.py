"""CLI commands about the reader's tags: tag, untag, tags."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from papershelf.cli.output import print_json, print_table, say
from papershelf.cli.state_cmds import say_change, shown_ids
from papershelf.domain.tags import tag_edit, tags_to_write
from papershelf.errors import UsageError

if TYPE_CHECKING:
    from papershelf.services.library import Library
    from papershelf.services.results import Change


def _tags(text: str) -> list[str]:
    """``survey, reread`` is two tags, as the app's tag dialog reads it."""
    return [part for part in (p.strip() for p in text.split(",")) if part] or [text]


def _add_and_remove(text: str) -> tuple[list[str], list[str]]:
    """``new, -old``: the tags to add and those to take off, as the app's tag dialog reads it.

    Every tag is checked before anything is written (``UsageError``), so a bad one changes
    nothing. A tag never starts with ``-``: ``tag`` stored ``-old``, which the app showed as
    ``#-old`` and read as a removal.
    """
    if bare := [p for p in _tags(text) if p.startswith("-") and not p[1:].strip()]:
        raise UsageError(f"{bare[0]!r} names no tag to take off (write -TAG)")
    add, remove = tag_edit(text)
    try:
        tags_to_write([*add, *remove] or [text], ())  # nothing there: the text is the bad tag
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return add, remove


def cmd_tag(lib: Library, args: argparse.Namespace) -> int:
    ids = [lib.resolve(i).id for i in args.ids]
    add, remove = _add_and_remove(args.tag)
    if add:
        _say(args, lib, lib.add_tags(ids, add), ids, add, adding=True)
    if remove:
        _say(args, lib, lib.remove_tags(ids, remove), ids, remove, adding=False)
    return 0


def cmd_untag(lib: Library, args: argparse.Namespace) -> int:
    ids = [lib.resolve(i).id for i in args.ids]
    tags = _tags(args.tag)
    _say(args, lib, lib.remove_tags(ids, tags), ids, tags, adding=False)
    return 0


_OWN_FLAGS = ("-q", "-h", "--quiet", "--help", "--data-dir")
_NUMBER = re.compile(r"^-\d+$|^-\d*\.\d+$")  # argparse reads these as arguments, not options


def _own_flag(word: str) -> bool:
    """``-q``, ``-qh``, ``--data-dir=X``, or a long flag cut short as argparse takes it."""
    name = word.split("=", 1)[0]
    if not name.startswith("--"):
        return set(name[1:]) <= {"q", "h"}  # short flags, alone or together
    return any(flag.startswith(name) for flag in _OWN_FLAGS if len(name) > 2)


def option_like_tag(argv: Sequence[str]) -> str | None:
    """``tag ID -old``: the one line to say instead of argparse's "TAG is required".

    A leading ``-`` is an option on a command line, as everywhere, so ``-old`` cannot stand
    alone (``-q`` is papershelf's own flag): ``untag ID old`` takes the tag off, and after
    ``--`` ``tag`` reads ``-old`` as the app's tag dialog does.
    """
    words = iter(argv)
    for command in words:
        if command == "--data-dir":
            next(words, None)  # its folder
        elif not command.startswith("-") or command == "--":
            break
    else:
        return None
    if command not in ("tag", "untag"):
        return None
    for word in words:
        if word == "--":
            return None
        if word[:1] == "-" and word != "-" and not _NUMBER.match(word) and not _own_flag(word):
            literal = f"papershelf {command} ID... -- {word}"
            if command == "tag":
                return (
                    f"papershelf tag: {word!r} reads as an option: to take the tag off, "
                    f"papershelf untag ID... {word[1:]} (or {literal})"
                )
            return (
                f"papershelf untag: {word!r} reads as an option: papershelf untag ID... "
                f"{word[1:]} takes the tag off (one that starts with '-': {literal})"
            )
    return None


def _say(
    args: argparse.Namespace,
    lib: Library,
    change: Change,
    ids: list[str],
    tags: list[str],
    *,
    adding: bool,
) -> None:
    """The change, or why there was none: every paper had the tag already, or none had it."""
    if change.changed or args.quiet:
        say_change(args, lib, change, "")
        return
    several = len(tags_to_write(tags, ())) > 1  # valid: the change took them
    what = ("these tags" if adding else "any of these tags") if several else "that tag"
    if len(ids) == 1:
        who = f"{shown_ids(lib, ids)} {'already had' if adding else 'did not have'}"
    elif adding:
        who = ("both" if len(ids) == 2 else f"all {len(ids)}") + " papers already had"
    else:
        who = f"none of the {len(ids)} papers had"
    print(f"{change.label}: {who} {what}")


def cmd_tags(lib: Library, args: argparse.Namespace) -> int:
    counts = lib.tags()
    if args.format == "json":
        print_json([{"tag": c.tag, "papers": c.papers, "read": c.read} for c in counts])
        return 0
    rows = [[c.tag, str(c.papers), f"{c.read}/{c.papers}"] for c in counts]
    print_table(["TAG", "PAPERS", "READ"], rows, flex=0)
    if not counts and not args.quiet:
        say("no tags yet (add one with `papershelf tag ID... TAG`)")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("tag", help="tag papers with a tag of your own")
    p.add_argument("ids", nargs="+", metavar="ID", help="id or unique id prefix")
    p.add_argument(
        "tag",
        metavar="TAG",
        help="e.g. 'survey' (any case matches); 'a, b' is two tags; "
        "'new, -old' also takes old off, as in the app (a lone -old needs -- before it)",
    )
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser("untag", help="take a tag off papers")
    p.add_argument("ids", nargs="+", metavar="ID", help="id or unique id prefix")
    p.add_argument("tag", metavar="TAG", help="as for tag: 'a, b' takes off both")
    p.set_defaults(func=cmd_untag)

    p = sub.add_parser("tags", help="your tags with paper and read counts")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_tags)
