"""CLI commands for papers listed under two ids: duplicates, same, different."""

from __future__ import annotations

import argparse
import sys

from papershelf.cli.output import print_json, safe
from papershelf.cli.state_cmds import say_change, shown_ids
from papershelf.domain.text import plural
from papershelf.services.library import Library


def cmd_duplicates(lib: Library, args: argparse.Namespace) -> int:
    found = lib.duplicates()
    if args.format == "json":
        print_json([d.to_json() for d in found])
        return 0
    for d in found:
        print(f"{d.score:.2f}  {d.a.id}  {safe(d.a.title)}  [{safe(d.a.venue)}]")
        print(f"      {d.b.id}  {safe(d.b.title)}  [{safe(d.b.venue)}]")
        print(f"      not merged: {safe(d.reason)}")
    if not found:
        print("no possible duplicates", file=sys.stderr)
    else:
        print(
            f"{plural(len(found), 'possible duplicate')}: `papershelf same ID OTHER` makes a "
            "pair one paper, `papershelf different ID OTHER` stops asking",
            file=sys.stderr,
        )
    return 0


def cmd_same(lib: Library, args: argparse.Namespace) -> int:
    change = lib.same(args.id, args.other)
    if change.changed or args.quiet:
        say_change(args, lib, change, "")
        return 0
    given = f"{safe(args.id.strip())} and {safe(args.other.strip())}"
    print(f"{change.label}: {given} are already one paper: {shown_ids(lib, change.paper_ids)}")
    return 0


def cmd_different(lib: Library, args: argparse.Namespace) -> int:
    change = lib.different(args.id, args.other)
    say_change(args, lib, change, "already recorded as two papers")
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
