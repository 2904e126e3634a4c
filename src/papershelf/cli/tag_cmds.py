"""CLI commands about the reader's tags: tag, untag, tags."""

from __future__ import annotations

import argparse
import sys

from papershelf.cli.output import print_json, print_table
from papershelf.cli.state_cmds import say_change, shown_ids
from papershelf.domain.tags import tags_to_write
from papershelf.services.library import Change, Library


def _tags(text: str) -> list[str]:
    """``survey, reread`` is two tags, as the app's tag dialog reads it."""
    return [part for part in (p.strip() for p in text.split(",")) if part] or [text]


def cmd_tag(lib: Library, args: argparse.Namespace) -> int:
    ids = [lib.resolve(i).id for i in args.ids]
    _say(args, lib, lib.add_tags(ids, _tags(args.tag)), ids, add=True)
    return 0


def cmd_untag(lib: Library, args: argparse.Namespace) -> int:
    ids = [lib.resolve(i).id for i in args.ids]
    _say(args, lib, lib.remove_tags(ids, _tags(args.tag)), ids, add=False)
    return 0


def _say(
    args: argparse.Namespace, lib: Library, change: Change, ids: list[str], *, add: bool
) -> None:
    """The change, or why there was none: every paper had the tag already, or none had it."""
    if change.changed or args.quiet:
        say_change(args, lib, change, "")
        return
    several = len(tags_to_write(_tags(args.tag), ())) > 1  # valid: the change took them
    what = ("these tags" if add else "any of these tags") if several else "that tag"
    if len(ids) == 1:
        who = f"{shown_ids(lib, ids)} {'already had' if add else 'did not have'}"
    elif add:
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
    if not counts:
        print("no tags yet (add one with `papershelf tag ID... TAG`)", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("tag", help="tag papers with a tag of your own")
    p.add_argument("ids", nargs="+", metavar="ID", help="id or unique id prefix")
    p.add_argument(
        "tag", metavar="TAG", help="e.g. 'survey' (any case matches); 'a, b' is two tags"
    )
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser("untag", help="take a tag off papers")
    p.add_argument("ids", nargs="+", metavar="ID", help="id or unique id prefix")
    p.add_argument("tag", metavar="TAG", help="as for tag: 'a, b' takes off both")
    p.set_defaults(func=cmd_untag)

    p = sub.add_parser("tags", help="your tags with paper and read counts")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_tags)
