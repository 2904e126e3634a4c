"""CLI commands about the catalog: import, lists, forget, add, list, venues."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from papershelf.cli.output import (
    local_minute,
    print_json,
    print_json_array,
    print_table,
    safe,
    say,
    say_on_terminal,
)
from papershelf.deferred import deferred
from papershelf.domain.enrichment import NO_ENRICHMENT
from papershelf.domain.filtering import PaperFilter, SortKey
from papershelf.domain.glyphs import STAR, STATUS_GLYPH
from papershelf.domain.ids import start_alone
from papershelf.domain.models import DEFAULT_STATE, Paper, Status
from papershelf.domain.tags import clean_tag
from papershelf.domain.venues import venue_shown
from papershelf.errors import UsageError
from papershelf.services.counting import PaperCount, counts_by_venue
from papershelf.services.import_text import venues_summary

if TYPE_CHECKING:
    from papershelf.export import json_export
    from papershelf.services import known_names
    from papershelf.services.library import Library
else:  # loaded when the command runs, not to build the parser
    json_export = deferred("papershelf.export.json_export")
    known_names = deferred("papershelf.services.known_names")


def add_filter_args(p: argparse.ArgumentParser) -> None:
    """The filters ``list`` and ``export`` share."""
    p.add_argument(
        "--venue", help="only this venue ('MLSys 2025'), or every year of a series ('OSDI')"
    )
    p.add_argument("--topic", help="only this topic (a prefix of the topic path matches; any case)")
    p.add_argument(
        "--search", metavar="Q", default="", help="words in title, authors, topics, tags, notes"
    )
    p.add_argument("--all", action="store_true", help="include withdrawn papers")
    p.add_argument(
        "--status",
        action="append",
        default=[],
        metavar="S",
        help="unread, to-read, reading or read (repeatable)",
    )
    p.add_argument("--starred", action="store_true", help="only starred papers")
    p.add_argument("--has-note", action="store_true", help="only papers with a note")
    p.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="T",
        help="only papers with this tag, any case (repeatable: every tag must be there)",
    )
    p.add_argument(
        "--sort",
        choices=[k.value for k in SortKey],
        default=SortKey.CATALOG.value,
        help="order (default: catalog order)",
    )


def parse_status(text: str) -> Status:
    try:
        return Status.parse(text)
    except ValueError:
        raise UsageError(f"unknown status {text!r}: use unread, to-read, reading or read") from None


def parse_tag(text: str) -> str:
    try:
        return clean_tag(text)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def selected_papers(
    lib: Library, args: argparse.Namespace, among: Sequence[Paper] | None = None
) -> list[Paper]:
    """The papers the shared filter flags select (of the catalog, or ``among``), sorted.

    A tag, topic or venue that nothing has is an error (``known_names``), checked against
    the catalog and (``export --orphans``) the orphans; one that selects nothing is not.
    """
    # What the command selects from besides the catalog: a name only they have is there.
    orphans: Sequence[Paper] = []
    if among is not None:
        orphans = among
    elif getattr(args, "orphans", False) and (args.venue is not None or args.topic is not None):
        orphans = lib.orphan_papers()
    # `--venue ""` (a script's unset variable) names no venue: an error, not every paper.
    named = args.venue is not None
    venue, series = lib.venue_scope(args.venue, orphans) if named else (None, None)
    tags = tuple(parse_tag(t) for t in args.tag)
    if among is None:  # once per command, not again for the orphans it adds
        known_names.check_tags(tags, lib.states())
        if args.topic is not None:
            known_names.check_topic(args.topic, [*lib.papers(), *orphans])
    flt = PaperFilter(
        statuses=frozenset(parse_status(s) for s in args.status),
        starred=args.starred,
        has_note=args.has_note,
        venue=venue,
        series=series,
        topic=args.topic,
        query=args.search,
        withdrawn=None if args.all else False,
        tags=tags,
    )
    return lib.select(flt, SortKey(args.sort), among)


def cmd_list(lib: Library, args: argparse.Namespace) -> int:
    papers = selected_papers(lib, args)
    states = lib.states()
    if args.format == "json":
        found = lib.enrichments()
        print_json_array(
            json_export.paper_record(
                p, states.get(p.id, DEFAULT_STATE), found.get(p.id, NO_ENRICHMENT)
            )
            for p in papers
        )
        return 0
    rows = []
    for p in papers:
        s = states.get(p.id, DEFAULT_STATE)
        mark = STATUS_GLYPH[s.status] + (STAR if s.starred else " ")
        title = ("[withdrawn] " if p.withdrawn else "") + p.title
        rows.append([p.id, mark, title, venue_shown(p.venue)])
    print_table(["ID", "ST", "TITLE", "VENUE"], rows, flex=2, capped=(0, 3), ids=0)
    if not papers and not args.quiet:
        say_on_terminal("no papers match")
    return 0


def cmd_lists(lib: Library, args: argparse.Namespace) -> int:
    infos = lib.lists()
    for info in infos:
        if info.problem is not None:  # its papers are missing: say so, on stderr
            say(f"papershelf: warning: {safe(info.problem)}")
    if args.format == "json":
        print_json(
            [
                {
                    "name": i.name,
                    "source": i.source,
                    "venues": list(i.venues),
                    "papers": i.papers,
                    "withdrawn": i.withdrawn,
                    "imported_at": i.imported_at,
                    "bundled": i.bundled,
                    "problem": i.problem,
                }
                for i in infos
            ]
        )
        return 0
    rows = [
        [
            i.name,
            PaperCount(i.papers, i.withdrawn).cell,
            venues_summary([venue_shown(v) for v in i.venues]),
            local_minute(i.imported_at) if i.imported_at else "bundled",
            i.source,
        ]
        for i in infos
    ]
    # The names are what `forget` and `update` take: whole, as ids are, or cut to a start
    # that names the list alone, which they take too.
    names = sorted(i.name.casefold() for i in infos)

    def start(shown: list[str]) -> int:
        return start_alone([name.casefold() for name in shown], names)

    headers = ["LIST", "PAPERS", "VENUES", "IMPORTED", "SOURCE"]
    print_table(headers, rows, flex=4, capped=(2,), ids=0, id_start=start)
    return 0


def cmd_forget(lib: Library, args: argparse.Namespace) -> int:
    from papershelf.services.forgetting import forgot_line

    done = lib.forget(args.list)
    if not args.quiet:
        print(forgot_line(done, safe(done.info.name), " (`papershelf orphans`)"))
    return 0


def cmd_add(lib: Library, args: argparse.Namespace) -> int:
    authors = [a.strip() for a in (args.authors or "").split(",") if a.strip()]
    paper = lib.add_paper(args.title, args.venue, url=args.url, authors=authors)
    if not args.quiet:
        print(f"added {paper.id}: {safe(paper.title)} ({safe(paper.venue)})")
    return 0


def cmd_venues(lib: Library, args: argparse.Namespace) -> int:
    counts = counts_by_venue(lib.papers())
    venues = lib.venues()
    if args.format == "json":
        print_json(
            [
                {
                    "venue": venue_shown(v.label),  # what `list --venue` takes
                    "name": v.name,
                    "year": v.year,
                    **counts.get(v.label, PaperCount()).to_json(),
                    "homepage": v.homepage,
                    "paper_list": v.paper_list,
                    "acceptance_rate": v.acceptance_rate,
                }
                for v in venues
            ]
        )
        return 0
    rows = [
        [
            venue_shown(v.label),
            counts.get(v.label, PaperCount()).cell,
            v.acceptance_rate or "",
            v.homepage or "",
        ]
        for v in venues
    ]
    print_table(["VENUE", "PAPERS", "ACCEPTANCE", "HOMEPAGE"], rows, flex=3, capped=(0,))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("lists", help="the imported lists")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_lists)

    p = sub.add_parser("forget", help="take a list's papers out of the catalog (state is kept)")
    p.add_argument(
        "list", metavar="LIST", help="a name from `papershelf lists`, or a unique start of it"
    )
    p.set_defaults(func=cmd_forget)

    p = sub.add_parser("add", help="add one paper by hand")
    p.add_argument("--title", required=True)
    p.add_argument("--venue", required=True, help="e.g. 'OSDI 2024'")
    p.add_argument("--url")
    p.add_argument("--authors", help="comma-separated")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("list", help="list papers (filters combine)")
    add_filter_args(p)
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("venues", help="venues with paper counts and meta info")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_venues)
