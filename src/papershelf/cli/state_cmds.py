"""CLI commands about the reading state: mark, star, undo, note, stats."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from papershelf.cli.catalog_cmds import parse_status
from papershelf.cli.output import print_json, print_table, safe, say
from papershelf.deferred import deferred
from papershelf.domain.models import Status
from papershelf.domain.progress import READ_WEEKS, Tally
from papershelf.domain.text import plural
from papershelf.domain.venues import UNKNOWN_VENUE, venue_shown
from papershelf.errors import PapershelfError, UsageError

if TYPE_CHECKING:
    from papershelf.services import editor
    from papershelf.services.library import Library
    from papershelf.services.results import Change, HistoryEntry
else:  # loaded when the command runs, not to build the parser
    editor = deferred("papershelf.services.editor")


def say_change(
    args: argparse.Namespace, lib: Library, change: Change | None, fallback: str
) -> None:
    if args.quiet:
        return
    if change is None:  # nothing to show: said on stderr, as by every command
        if fallback:
            say(fallback)
        return
    print(f"{change.label}: {shown_ids(lib, change.paper_ids)}")


def shown_ids(lib: Library, ids: Sequence[str]) -> str:
    """The papers a change names: one by id and title, more by their first three ids."""
    shown = ", ".join(ids[:3]) + (f" (+{len(ids) - 3})" if len(ids) > 3 else "")
    if len(ids) == 1 and (ids[0] in lib.catalog.by_id or ids[0] in lib.states()):
        shown = f"{ids[0]} ({safe(lib.paper(ids[0]).title)})"  # an orphan by its last title
    return shown


def _is_status(text: str) -> bool:
    try:
        Status.parse(text)
    except ValueError:
        return False
    return True


def cmd_mark(lib: Library, args: argparse.Namespace) -> int:
    if _is_status(args.ids[0]) and not _is_status(args.status):  # said "unknown status 'ID'"
        raise UsageError(f"the status comes last: papershelf mark ID... {args.ids[0]}")
    status = parse_status(args.status)
    ids = [lib.resolve(i).id for i in args.ids]
    say_change(args, lib, lib.set_status(ids, status), "")
    return 0


def cmd_star(lib: Library, args: argparse.Namespace) -> int:
    ids = [lib.resolve(i).id for i in args.ids]
    say_change(args, lib, lib.set_starred(ids, args.func is cmd_star), "")
    return 0


def cmd_unstar(lib: Library, args: argparse.Namespace) -> int:
    ids = [lib.resolve(i).id for i in args.ids]
    say_change(args, lib, lib.set_starred(ids, False), "")
    return 0


def cmd_undo(lib: Library, args: argparse.Namespace) -> int:
    say_change(args, lib, lib.undo(), "nothing to undo")
    return 0


def cmd_redo(lib: Library, args: argparse.Namespace) -> int:
    say_change(args, lib, lib.redo(), "nothing to redo")
    return 0


def _history_line(entry: HistoryEntry, indent: str) -> str:
    when = entry.at.replace("T", " ").removesuffix("Z")
    papers = plural(len(entry.paper_ids), "paper")
    return f"{indent}#{entry.number:<5} {when}  {safe(entry.label)}  ({papers})"


def cmd_history(lib: Library, args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError(f"--limit must be 1 or more, not {args.limit}")
    entries = lib.history()[: args.limit]
    if args.format == "json":
        print_json([entry.to_json() for entry in entries])
        return 0
    if not entries and not args.quiet:  # on stderr, as `list` says "no papers match"
        say("no changes to undo")
    for entry in entries:
        print(_history_line(entry, ""))
        if entry.merged:
            print(f"       brought in from the other copy ({plural(len(entry.merged))}):")
        for step in entry.merged:
            print(_history_line(step, "         "))
    return 0


def cmd_note(lib: Library, args: argparse.Namespace) -> int:
    paper = lib.resolve(args.id)
    current = lib.state(paper.id).note

    def value(text: str, *, replaces: bool = False) -> str:
        if text == "-":
            text = sys.stdin.read()
            if replaces and not text.strip() and current:
                # A producer that failed in a pipe writes nothing: no reason to lose the note.
                raise UsageError(
                    "standard input was empty; the note is unchanged (--set '' empties it)"
                )
        try:  # arguments and stdin decode bad bytes to surrogates, which cannot be stored
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise UsageError(
                f"the note text is not valid UTF-8 (character {exc.start}); note left unchanged"
            ) from None
        return text

    if args.set is not None:
        change = lib.set_note(paper.id, value(args.set, replaces=True))
    elif args.append is not None:
        change = lib.append_note(paper.id, value(args.append))
    elif args.edit:
        edited = editor.edit_text(current)  # the app's `e` runs the same editor the same way
        if edited is None:
            raise UsageError(editor.EDITOR_FAILED)
        try:
            change = lib.set_note(paper.id, edited)
        except PapershelfError as exc:
            try:
                kept = editor.keep_unsaved(edited.encode("utf-8"))
            except OSError:
                raise exc from None
            raise type(exc)(f"{exc}; your edited note is kept in {kept}") from None
    else:
        if current:
            sys.stdout.write(safe_note(current) + ("" if current.endswith("\n") else "\n"))
        elif not args.quiet:  # said on stderr, as `list` says "no papers match"
            say(f"no note on {paper.id} yet (--set, --append or --edit writes one)")
        return 0
    say_change(args, lib, change, "")
    return 0


def safe_note(text: str) -> str:
    from papershelf.domain.text import sanitize

    return sanitize(text, multiline=True)


MAX_WEEKS = 520
"""Ten years of weeks: far more than a reading list's history, far from the calendar's end."""


def cmd_stats(lib: Library, args: argparse.Namespace) -> int:
    if not 1 <= args.weeks <= MAX_WEEKS:
        raise UsageError(f"--weeks must be between 1 and {MAX_WEEKS}, not {args.weeks}")
    stats = lib.stats(args.by, weeks=args.weeks)
    overall, groups, weeks = stats.overall, stats.groups, stats.weeks
    if args.format == "json":
        print_json(
            {
                "overall": {**overall.to_json(), "withdrawn": stats.count.withdrawn},
                "groups": [_group_json(g) for g in groups],
                "by": args.by,
                "read_per_week": [{"week": d.isoformat(), "read": n} for d, n in weeks],
            }
        )
        return 0
    rows = [
        [
            _label(g),
            str(g.total),
            *(str(g.counts[s]) for s in Status),
            str(g.starred),
            f"{g.percent_read:.0f}%",
        ]
        for g in [*groups, overall]
    ]
    head = "TOPIC" if args.by == "topic" else "VENUE"
    print_table(
        [head, "TOTAL", "UNREAD", "TO-READ", "READING", "READ", "STARRED", "%READ"], rows, flex=0
    )
    if stats.count.withdrawn:
        print(f"\n{stats.count}: withdrawn papers are not in the figures above")
    bars = "▁▂▃▄▅▆▇█"
    peak = max((n for _, n in weeks), default=0)
    spark = "".join(bars[min(7, n * 7 // peak)] if peak else bars[0] for _, n in weeks)
    print(
        f"\nread per week (last {len(weeks)}, oldest first): {spark}  "
        + " ".join(str(n) for _, n in weeks)
    )
    return 0


def _label(g: Tally) -> str:
    # The group of no venue is labelled "", its topic groups " / topic": the name goes first.
    return UNKNOWN_VENUE + g.label if g.venue == "" else g.label


def _group_json(g: Tally) -> dict[str, object]:
    """A group as the table labels it, with the ``--venue`` and ``--topic`` that list it.

    The group of no venue was labelled "" (the table says "Unknown venue"), and a topic
    group only "VENUE / topic": a script could not hand either to `list`.
    """
    venue = None if g.venue is None else venue_shown(g.venue)
    return {**g.to_json(), "label": _label(g), "venue": venue, "topic": g.topic}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("mark", help="set the status of papers")
    p.add_argument("ids", nargs="+", metavar="ID", help="id or unique id prefix")
    p.add_argument("status", metavar="STATUS", help="unread, to-read, reading or read")
    p.set_defaults(func=cmd_mark)

    for name, func, text in (
        ("star", cmd_star, "star papers"),
        ("unstar", cmd_unstar, "unstar papers"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("ids", nargs="+", metavar="ID")
        p.set_defaults(func=func)

    p = sub.add_parser("undo", help="undo the last state change (any process)")
    p.set_defaults(func=cmd_undo)
    p = sub.add_parser("redo", help="redo the last undone change")
    p.set_defaults(func=cmd_redo)

    p = sub.add_parser("history", help="the changes undo can take back, newest first")
    p.add_argument("--limit", type=int, default=20, help="show this many (default 20)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("note", help="print or change a paper's note")
    p.add_argument("id", metavar="ID")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--set", metavar="TEXT", help="replace the note (- reads stdin)")
    group.add_argument("--append", metavar="TEXT", help="append to the note (- reads stdin)")
    group.add_argument("--edit", action="store_true", help="edit in $VISUAL / $EDITOR")
    p.set_defaults(func=cmd_note)

    p = sub.add_parser("stats", help="progress per venue (or topic) and overall")
    p.add_argument("--by", choices=["venue", "topic"], default="venue")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument(
        "--weeks",
        type=int,
        default=READ_WEEKS,
        help=f"weeks of read-per-week history (default {READ_WEEKS}, as the app's progress screen)",
    )
    p.set_defaults(func=cmd_stats)
