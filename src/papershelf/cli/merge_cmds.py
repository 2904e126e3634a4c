"""CLI commands bringing another copy of the library in: merge, merge-driver (for git)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from papershelf.cli.output import print_json, safe, say
from papershelf.deferred import deferred
from papershelf.domain.text import plural
from papershelf.errors import UsageError
from papershelf.services.counting import count_text

if TYPE_CHECKING:
    from papershelf.services import merging
    from papershelf.services.library import Library
    from papershelf.services.merging import MergeReport, PaperChange
else:  # loaded when the command runs, not to build the parser
    merging = deferred("papershelf.services.merging")


def _what(change: PaperChange) -> str:
    before, after = change.before, change.after
    parts = []
    if before.status != after.status:
        parts.append(f"{before.status.value} -> {after.status.value}")
    if before.starred != after.starred:
        parts.append("starred" if after.starred else "unstarred")
    added = [t for t in after.tags if t.casefold() not in {x.casefold() for x in before.tags}]
    gone = [t for t in before.tags if t.casefold() not in {x.casefold() for x in after.tags}]
    parts += [f"+{t}" for t in added] + [f"-{t}" for t in gone]
    if before.note != after.note:
        parts.append("note: both versions kept" if change.note_conflict else "note merged")
    return ", ".join(parts) or "history merged"


def say_report(report: MergeReport) -> None:
    if report.merged_elsewhere and not report.base:
        print(f"{safe(report.other)}: already merged elsewhere (another merge moved it away)")
        return
    verb = "would change" if report.dry_run else "changed"
    print(f"merge of {safe(report.other)}, against {safe(report.base)}")
    print(f"{verb} {count_text(len(report.changes))}")
    for change in report.changes:
        print(f"  {change.paper_id}: {safe(_what(change))}")
    if report.conflicts:
        notes = plural(len(report.conflicts), "note")
        keep = "keeps" if len(report.conflicts) == 1 else "keep"
        print(
            f"{notes} changed on both sides {keep} both versions between "
            "'<<<<<<< papershelf' markers: " + ", ".join(report.conflicts)
        )
    if report.moved_to:
        print(f"moved the copy to {safe(report.moved_to)}")
    elif report.not_moved:
        print(f"the copy stays where it is ({safe(report.not_moved)})")
    elif report.merged_elsewhere:
        print("the copy was already merged elsewhere: another merge moved it away")
    if report.seq is not None:
        print("one change: `papershelf undo` takes the merge back")


def cmd_merge(lib: Library, args: argparse.Namespace) -> int:
    if args.conflicts == (args.other is not None):
        raise UsageError("give either another library file or --conflicts")
    if args.conflicts:
        if args.base is not None:
            raise UsageError("--base goes with one file, not with --conflicts")
        return _merge_conflicts(lib, args)
    base = Path(args.base) if args.base else None
    report = lib.merge(Path(args.other), base=base, dry_run=args.dry_run)
    if args.format == "json":
        print_json(report.to_json())
    elif not args.quiet:
        say_report(report)
    return 0


def _merge_conflicts(lib: Library, args: argparse.Namespace) -> int:
    """Every conflict copy's merge is said; one that is no library stays, the rest go in.

    A bad copy ended the run: the copies merged before it were merged (and moved) unsaid,
    those after it were not merged at all.
    """
    done = lib.merge_copies(lib.conflict_copies(), dry_run=args.dry_run)
    failed = [d for d in done if isinstance(d, merging.CopyFailure)]
    if args.format == "json":
        print_json(
            [
                {"other": d.copy, "error": d.reason}
                if isinstance(d, merging.CopyFailure)
                else d.to_json() | {"error": None}
                for d in done
            ]
        )
    elif not done and not args.quiet:
        say("no conflict copies next to the library")  # nothing made: stdout stays empty
    stuck = [d for d in done if isinstance(d, merging.MergeReport) and d.not_moved]
    for d in done:
        if isinstance(d, merging.CopyFailure):
            say(f"papershelf: {safe(d.reason)}; the copy was left where it is")
            continue
        if args.format == "text" and not args.quiet:
            say_report(d)
        if d.not_moved:  # merged: moved by hand (or removed), it is asked about no more
            say(f"papershelf: {safe(d.other)}: merged, but {safe(d.not_moved)}; it stays there")
    if not failed and not stuck:
        return 0
    copies = plural(len(done), "conflict copy")
    if failed:
        say(f"papershelf: {len(failed)} of {copies} could not be merged")
    if stuck:
        say(f"papershelf: {len(stuck)} of {copies} merged but not moved to the backups")
    return UsageError.exit_code


def cmd_merge_driver(lib: Library, args: argparse.Namespace) -> int:
    del lib  # the driver works on git's three files, not on the library in the data folder
    report = merging.merge_driver(Path(args.base), Path(args.ours), Path(args.theirs))
    if report.conflicts:
        say(
            "papershelf: notes changed on both sides keep both versions between markers: "
            + ", ".join(report.conflicts),
        )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("merge", help="bring the changes of another copy of the library in")
    p.add_argument("other", nargs="?", metavar="OTHER_LIBRARY", help="the other library.json")
    p.add_argument("--base", metavar="BASE", help="the copy both started from (else found)")
    p.add_argument("--conflicts", action="store_true", help="merge sync-folder conflict copies")
    p.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("merge-driver", help="git merge driver: papershelf merge-driver %%O %%A %%B")
    p.add_argument("base", metavar="BASE", help="git's %%O")
    p.add_argument("ours", metavar="OURS", help="git's %%A, written with the result")
    p.add_argument("theirs", metavar="THEIRS", help="git's %%B")
    p.set_defaults(func=cmd_merge_driver)
