"""CLI commands about how the catalog changed: ``new`` (what imports added), ``orphans``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from papershelf.cli.output import local_minute, print_json_array, print_table, safe, say
from papershelf.deferred import deferred
from papershelf.domain.glyphs import STAR, STATUS_GLYPH
from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState
from papershelf.domain.venues import venue_shown
from papershelf.services.counting import count_papers, count_text
from papershelf.services.import_text import venues_summary

if TYPE_CHECKING:
    from papershelf.export import json_export
    from papershelf.services import newness
    from papershelf.services.library import Library
else:  # loaded when the command runs, not to build the parser
    json_export = deferred("papershelf.export.json_export")
    newness = deferred("papershelf.services.newness")


def _mark(state: PaperState) -> str:
    return STATUS_GLYPH[state.status] + (STAR if state.starred else " ")


def _title(paper: Paper) -> str:
    return ("[withdrawn] " if paper.withdrawn else "") + paper.title


def _short(name: str, width: int = 28) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def cmd_new(lib: Library, args: argparse.Namespace) -> int:
    since = newness.parse_since(args.since) if args.since else None
    found = lib.new_papers(since)
    papers = found.papers if args.all else [p for p in found.papers if not p.withdrawn]
    states = lib.states()
    if args.format == "json":
        print_json_array(
            {
                **json_export.paper_record(p, states.get(p.id, DEFAULT_STATE)),
                "added_at": found.added_at[p.id],
                "list": found.lists[p.id],
            }
            for p in papers
        )
        return 0
    rows = [
        [
            p.id,
            _mark(states.get(p.id, DEFAULT_STATE)),
            _title(p),
            venue_shown(p.venue),
            local_minute(found.added_at[p.id]),
        ]
        for p in papers
    ]
    headers = ["ID", "ST", "TITLE", "VENUE", "ADDED"]
    print_table(headers, rows, flex=2, capped=(0, 3), ids=0, id_start=lib.id_start_alone)
    if args.quiet:
        return 0
    count = count_papers(found.papers)
    if since is not None:
        when = f"since {since}"
    elif found.at is not None:
        lists = venues_summary(list(dict.fromkeys(found.lists.values())), 2)
        when = f"with the last import ({safe(lists)}, {local_minute(found.at)})"
    else:
        say("nothing new: no import has added papers yet")
        return 0
    hidden = " (--all shows the withdrawn)" if count.withdrawn and not args.all else ""
    say(f"{count} joined the catalog {when}{hidden}")
    return 0


def cmd_orphans(lib: Library, args: argparse.Namespace) -> int:
    papers = lib.orphan_papers()
    states = lib.states()
    if args.format == "json":
        print_json_array(
            {**json_export.paper_record(p, states.get(p.id, DEFAULT_STATE)), "list": p.source}
            for p in papers
        )
        return 0
    rows = [
        [
            p.id,
            _mark(states.get(p.id, DEFAULT_STATE)),
            p.title,
            venue_shown(p.venue),
            _short(p.source),
        ]
        for p in papers
    ]
    headers = ["ID", "ST", "TITLE", "VENUE", "LAST LIST"]
    print_table(headers, rows, flex=2, capped=(0, 3, 4), ids=0, id_start=lib.id_start_alone)
    if not args.quiet:
        if papers:
            them = "it" if len(papers) == 1 else "them"
            say(
                f"{count_text(len(papers))} no list holds: your state is kept, a re-import of "
                f"the list brings {them} back (`export --orphans` includes {them})",
            )
        else:
            say("no orphans: every paper with your state is in the catalog")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("new", help="papers the last import (or imports since a date) added")
    p.add_argument(
        "--since",
        metavar="DATE",
        help="every paper added since then: YYYY-MM-DD or an ISO time (local time if no zone)",
    )
    p.add_argument("--all", action="store_true", help="include withdrawn papers")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("orphans", help="papers with your state that no list holds any more")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_orphans)
