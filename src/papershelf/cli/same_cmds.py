"""CLI commands for papers listed under two ids: duplicates, same, different."""

from __future__ import annotations

import argparse
import shutil
from typing import TYPE_CHECKING

from papershelf.cli.output import MAX_CELL, cells, cut, fitted, print_json, safe, say
from papershelf.cli.state_cmds import shown_ids
from papershelf.domain.text import plural
from papershelf.domain.venues import venue_shown

if TYPE_CHECKING:
    from papershelf.domain.models import Paper
    from papershelf.services.library import Library


def cmd_duplicates(lib: Library, args: argparse.Namespace) -> int:
    found = lib.duplicates()
    if args.format == "json":
        print_json([d.to_json() for d in found])
        return 0
    width = shutil.get_terminal_size((120, 24)).columns
    for d in found:
        print(_paper_line(f"{d.score:.2f}  ", d.a, width))
        print(_paper_line("      ", d.b, width))
        print(fitted("      not merged: ", safe(d.reason), "", width))
    if not found and not args.quiet:
        say("no possible duplicates")
    elif not args.quiet:
        say(
            f"{plural(len(found), 'possible duplicate')}: `papershelf same ID OTHER` makes a "
            "pair one paper, `papershelf different ID OTHER` stops asking",
        )
    return 0


_TITLE_LEAST = 10
"""Columns of title a long venue gives way to (the id keeps all of its own)."""


def _paper_line(lead: str, paper: Paper, width: int) -> str:
    """One paper of a pair in ``width`` columns: the id whole, the title cut to fit.

    The terminal wrapped a longer line in the middle of the id, which the reader copies
    into `same` or `different`.
    """
    head = f"{lead}{paper.id}  "
    spare = width - cells(head) - len("  []")
    venue = cut(safe(venue_shown(paper.venue)), max(min(MAX_CELL, spare - _TITLE_LEAST), 8))
    return fitted(head, safe(paper.title), f"  [{venue}]", width, least=1)


def cmd_same(lib: Library, args: argparse.Namespace) -> int:
    """Names both ids as given and the paper they are now (it named one id only)."""
    change = lib.same(args.id, args.other)
    if args.quiet:
        return 0
    given = f"{safe(args.id.strip())} and {safe(args.other.strip())}"
    now = "are one paper now" if change.changed else "are already one paper"
    print(f"{change.label}: {given} {now}: {shown_ids(lib, change.paper_ids[:1])}")
    return 0


def cmd_different(lib: Library, args: argparse.Namespace) -> int:
    """Names both papers (it named only the one that keeps the decision)."""
    change = lib.different(args.id, args.other)
    if args.quiet:
        return 0
    both = " and ".join(shown_ids(lib, [pid]) for pid in change.paper_ids)
    print(f"{change.label}: {both}" + ("" if change.changed else " are already two papers"))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("duplicates", help="papers that look alike but were not made one")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_duplicates)

    p = sub.add_parser("same", help="two ids are one paper (the older id answers for both)")
    p.add_argument("id", metavar="ID", help="id or unique id prefix")
    p.add_argument("other", metavar="OTHER", help="id or unique id prefix")
    p.set_defaults(func=cmd_same)

    p = sub.add_parser(
        "different", help="two ids are two papers (splits a wrong match; see `show`)"
    )
    p.add_argument("id", metavar="ID", help="id or unique id prefix")
    p.add_argument("other", metavar="OTHER", help="id, or the list's own id `show` prints")
    p.set_defaults(func=cmd_different)


__all__ = ["register", "safe"]
