"""CLI commands about enrichment: ``enrich`` (look papers up, review doubtful matches), ``show``."""

from __future__ import annotations

import argparse
import contextlib
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from papershelf.cli.output import print_json, safe, say
from papershelf.deferred import deferred
from papershelf.domain.enrichment import SOURCES, Enrichment, Sourced, shown_venue
from papershelf.domain.filtering import PaperFilter, matches
from papershelf.domain.models import DEFAULT_STATE, Paper
from papershelf.domain.text import sanitize
from papershelf.errors import UsageError
from papershelf.services.enrich.report import Progress, ProgressFn

if TYPE_CHECKING:
    from papershelf.export import json_export
    from papershelf.services.library import Library
else:  # loaded when the command runs, not to build the parser
    json_export = deferred("papershelf.export.json_export")


def _venue_filter(lib: Library, text: str) -> PaperFilter:
    """The papers of a venue, or of every year of a series (``--venue OSDI``)."""
    venue, series = lib.venue_scope(text)
    return PaperFilter(venue=venue, series=series)


def _where(name: str, line: int) -> str:
    """``asplos-2025 line 3``; a paper added by hand has no line (it said ``line 0``)."""
    return f"{name} line {line}" if line else name


def _selected(lib: Library, args: argparse.Namespace) -> list[Paper]:
    if args.ids:
        papers = [lib.resolve(i) for i in args.ids]
    elif args.venue:
        papers = lib.select(_venue_filter(lib, args.venue))
    elif args.all or args.missing:
        papers = [p for p in lib.papers() if not p.withdrawn]
    else:
        raise UsageError("enrich needs paper ids, --venue, --all or --missing")
    if args.venue and args.ids:
        flt = _venue_filter(lib, args.venue)
        papers = [p for p in papers if matches(p, DEFAULT_STATE, replace(flt, withdrawn=None))]
    if args.missing:
        papers = [p for p in papers if lib.enrichment(p.id).abstract is None]
    return list({p.id: p for p in papers}.values())


@contextlib.contextmanager
def _progress(args: argparse.Namespace) -> Iterator[ProgressFn | None]:
    if args.format != "text" or args.quiet or not sys.stderr.isatty():
        yield None
        return
    from papershelf.cli.progress import ProgressBar

    with ProgressBar("enriching") as bar:

        def report(event: Progress) -> None:
            bar.update(event.done, event.total, event.label)

        yield report


def cmd_enrich(lib: Library, args: argparse.Namespace) -> int:
    if args.review:
        return _review(lib, args)
    papers = _selected(lib, args)
    if not papers:
        if not args.quiet:
            say("nothing to enrich")  # as `list` says "no papers match": stdout stays empty
        return 0
    with _progress(args) as progress:
        report = lib.enrich(
            [p.id for p in papers],
            sources=args.source,
            refresh=args.refresh,
            offline=args.offline,
            progress=progress,
        )
    if args.format == "json":
        print_json(report.to_json())
    else:
        if args.verbose:
            for r in report.results:
                where = f" ({', '.join(r.sources)})" if r.sources else ""
                print(f"{r.outcome:<10} {safe(r.id)}{where}")
                for problem in r.problems:
                    print(f"           {safe(problem)}")
        if not args.quiet:
            print(report.summary())
    if report.network_error is not None:
        say(
            f"papershelf: {safe(report.network_error)}; what was fetched is kept "
            "(run the same command again to resume)",
        )
        return 2
    return 1 if report.failed else 0


def _review(lib: Library, args: argparse.Namespace) -> int:
    from papershelf.services.enrich.service import accept_candidates, load_candidates

    ids = [lib.resolve(i).id for i in args.ids] if args.ids else None
    candidates = load_candidates(lib.paths, ids)
    if args.format == "json":
        print_json(
            [
                {
                    "id": c.paper_id,
                    "source": c.source,
                    "similarity": c.similarity,
                    "found": c.record.to_json(),
                }
                for c in candidates
            ]
        )
        return 0
    if not candidates:
        if not args.quiet:
            say("no doubtful matches to review")
        return 0
    ask = sys.stdin.isatty() and not args.yes
    chosen = []
    for c in candidates:
        paper = lib.catalog.by_id.get(c.paper_id)
        print(f"{safe(c.paper_id)} ({c.source}, title similarity {c.similarity:.2f})")
        print(f"  listed: {safe(paper.title)} ({safe(paper.venue)})" if paper else "  listed: ?")
        year = f" ({c.record.year})" if c.record.year else ""
        print(f"  found:  {safe(c.record.title)}{year}")
        if args.yes or (ask and input("  accept? [y/N] ").strip().lower() in ("y", "yes")):
            chosen.append((c.paper_id, c.source))
    if not args.yes and not ask:
        print("run `papershelf enrich --review --yes [ID...]` to accept these")
        return 0
    applied = accept_candidates(lib.paths, chosen)
    print(f"accepted {applied} of {len(candidates)}")
    return 0


def _sourced(value: Sourced[Any] | None) -> str:
    return f"({value.source}, {value.at})" if value is not None else ""


def cmd_show(lib: Library, args: argparse.Namespace) -> int:
    paper = lib.resolve(args.id)
    state = lib.states().get(paper.id, DEFAULT_STATE)
    found: Enrichment = lib.enrichment(paper.id)
    if args.format == "json":
        print_json(json_export.paper_record(paper, state, found))
        return 0
    rows: list[tuple[str, str, str]] = [("id", paper.id, "")]
    if paper.id not in lib.catalog.by_id:  # an orphan: what the index last knew of it
        rows.append(("orphaned", f"no list holds it any more (last: {paper.source})", ""))
    rows.append(("title", paper.title, "(list)"))
    if found.authors is not None:
        names = "; ".join(a.family_given() for a in found.authors.value)
        rows.append(("authors", names, _sourced(found.authors)))
    elif paper.authors:
        rows.append(("authors", "; ".join(paper.authors), "(list)"))
    venue = shown_venue(paper.venue, found)
    rows.append(
        (
            "venue",
            venue,
            "(list)" if venue == paper.venue else f"(list; {_sourced(found.venue)[1:]}",
        )
    )
    if found.venue is not None and venue == paper.venue:
        rows.append(("published", found.venue.value, _sourced(found.venue)))
    if paper.year is not None:
        rows.append(("year", str(paper.year), "(list)"))
    for label, value in (
        ("proceedings", found.container_title),
        ("doi", found.doi),
        ("arxiv", found.arxiv),
        ("citations", found.citations),
        ("pdf", found.oa_url),
        ("dblp key", found.dblp_key),
        ("categories", found.categories),
        ("tldr", found.tldr),
    ):
        if value is not None:
            text = ", ".join(value.value) if isinstance(value.value, tuple) else str(value.value)
            rows.append((label, text, _sourced(value)))
    if paper.also_venues:
        rows.append(("also in", ", ".join(paper.also_venues), "(list)"))
    records = lib.catalog.records_of(paper.id)
    if len(records) > 1:
        for name, record in records:
            own = lib.catalog.own_ids.get((name, paper.id))
            where = _where(name, record.line) + (f", its own id {own}" if own else "")
            rows.append(("list", where, ""))
            if record.topics:
                rows.append(("  topics", "; ".join(record.topics), f"({name})"))
    else:
        for name in lib.catalog.lists_of(paper.id):
            rows.append(("list", _where(name, paper.line), ""))
        if paper.topics:
            rows.append(("topics", "; ".join(paper.topics), "(list)"))
    for link in paper.links:
        rows.append(("link", f"{link.kind}: {link.url}", "(list)"))
    if paper.affiliations:
        rows.append(("affiliations", "; ".join(paper.affiliations), "(list)"))
    rows.append(("status", state.status.value + (" *" if state.starred else ""), "(library)"))
    if state.tags:
        rows.append(("tags", ", ".join(state.tags), "(library)"))
    for label, text, source in rows:
        print(f"{label:<12} {safe(text)}" + (f"  {source}" if source else ""))
    if found.abstract is not None:
        print(f"{'abstract':<12} {_sourced(found.abstract)}")
        for para in sanitize(found.abstract.value, multiline=True).split("\n"):
            print(textwrap.fill(para, width=88, initial_indent="  ", subsequent_indent="  "))
    else:
        looked = ", ".join(found.looked_up) or "no source yet"
        print(f"{'abstract':<12} unknown (asked: {looked}; `papershelf enrich {paper.id}`)")
    if state.note:
        print(f"{'note':<12} (library)")
        for line in sanitize(state.note, multiline=True).splitlines():
            print(f"  {line}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "enrich", help="look papers up (arXiv, OpenAlex, Semantic Scholar, Crossref, DBLP)"
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="paper ids or unique prefixes")
    p.add_argument("--venue", help="every paper of this venue")
    p.add_argument("--all", action="store_true", help="every paper in the catalog")
    p.add_argument("--missing", action="store_true", help="only papers without an abstract yet")
    p.add_argument("--refresh", action="store_true", help="ask again even what is cached")
    p.add_argument(
        "--source",
        metavar="NAMES",
        help=f"only these sources, comma-separated ({', '.join(SOURCES)})",
    )
    p.add_argument("--offline", action="store_true", help="use the cache only, no network")
    p.add_argument("--review", action="store_true", help="show doubtful title matches to accept")
    p.add_argument("--yes", action="store_true", help="with --review: accept every one shown")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--verbose", "-v", action="store_true", help="one line per paper")
    p.set_defaults(func=cmd_enrich)

    p = sub.add_parser("show", help="every field of one paper, with where it came from")
    p.add_argument("id", metavar="ID")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_show)
