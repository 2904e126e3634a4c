"""CLI commands that bring lists in: ``import`` (files and URLs) and ``update`` (URLs again)."""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from papershelf.cli.output import print_json, safe, say
from papershelf.deferred import deferred
from papershelf.domain.models import DEFAULT_STATE
from papershelf.domain.text import plural
from papershelf.errors import ListError, UsageError
from papershelf.services.import_text import import_line

if TYPE_CHECKING:
    from papershelf.export import json_export
    from papershelf.services import import_batch, url_lists
    from papershelf.services.import_batch import ImportFailure
    from papershelf.services.importing import ImportProgressFn
    from papershelf.services.library import Library
    from papershelf.services.results import ImportReport
    from papershelf.services.url_lists import UpdateReport
else:  # loaded when the command runs, not to build the parser
    url_lists = deferred("papershelf.services.url_lists")
    import_batch = deferred("papershelf.services.import_batch")
    json_export = deferred("papershelf.export.json_export")

PROGRESS_AFTER = 1.0
"""Seconds an import runs before its progress bar shows (a small list shows none)."""


@contextlib.contextmanager
def _import_progress(args: argparse.Namespace) -> Iterator[ImportProgressFn | None]:
    """Rich's progress bar on a terminal, for imports that take more than a second."""
    if args.format != "text" or args.quiet or not sys.stderr.isatty():
        yield None
        return
    from papershelf.cli.progress import ProgressBar

    with ProgressBar("importing", delay=PROGRESS_AFTER) as bar:
        yield bar.update


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while lists are imported (the process ends soon after).

    An import makes millions of small objects that reference counting frees; the collector's
    passes over the survivors were about a tenth of a 10,000-entry import. The survivors
    are frozen before the collector runs again: its first pass would otherwise scan every
    one of them (70 ms after a 10,000-entry import into 50,000 papers) just before exit.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


def start_parses(args: argparse.Namespace) -> None:
    """Before the library loads: the big local lists start parsing on another core."""
    from papershelf.services.parse_ahead import start_files

    begun = getattr(args, "begun", None)  # started by ``cli.early`` before this
    args.started = start_files(args.files, args.venue, begun=begun)  # a URL is no file


def cmd_import(lib: Library, args: argparse.Namespace) -> int:
    started = getattr(args, "started", {})
    try:
        with _collector_paused():
            return _import(lib, args)
    finally:
        for ahead in started.values():  # those the import did not take (it stopped early)
            ahead.close()


def _import(lib: Library, args: argparse.Namespace) -> int:
    urls = [f for f in args.files if url_lists.is_url(f)]
    refused = {f: why for f in args.files if (why := url_lists.unfetched(f))}
    files = [Path(f) for f in args.files if f not in urls and f not in refused]
    # URLs first: every one is fetched before anything is stored, so a network error
    # leaves the catalog as it was.
    try:
        fetched = url_lists.import_urls(lib, urls, venue=args.venue, dry_run=args.dry_run)
    except ListError as exc:  # nothing stored: the files given beside it are not imported
        others = len(args.files) - 1
        if not others:
            raise
        other = "the other list" if others == 1 else f"the other {others} lists"
        raise ListError(f"{exc}; nothing was imported, not {other} either") from None
    reports, failures = fetched.reports, list(fetched.failures)
    failures += [import_batch.ImportFailure(f, why) for f, why in refused.items()]
    if files:
        with _import_progress(args) as progress:
            batch = lib.import_files(
                files,
                venue=args.venue,
                dry_run=args.dry_run,
                progress=progress,
                parse_ahead=True,
                started=getattr(args, "started", None),
            )
        reports += batch.reports
        failures += batch.failures
    code = _say_failures(failures, len(args.files), dry_run=args.dry_run)
    if args.format == "json":
        if args.dry_run:
            print_json(
                [json_export.paper_record(p, DEFAULT_STATE) for r in reports for p in r.papers]
            )
        else:
            print_json(
                [_report_record(r) for r in reports]
                + [{"source": f.source, "list": None, "error": f.reason} for f in failures]
            )
        return code
    for r in reports:
        _print_report(r, "would import" if args.dry_run else "imported", args)
    return code


def _report_record(r: ImportReport) -> dict[str, object]:
    """What one list's import (or update) did, as ``--format json`` gives it."""
    return {
        "source": r.source,
        "list": r.name,
        "error": None,
        "venues": [v or None for v in r.venues],
        "found": r.found,
        "new": r.new,
        "updated": r.updated,
        "unchanged": r.unchanged,
        "withdrawn": r.withdrawn,
        "no_longer_listed": r.no_longer_listed,
        "listed_twice": r.repeats,
        "joined": r.joined,
        "left": r.left,
        "renamed": [list(x) for x in r.renamed],
        "same_paper_as": [list(x) for x in r.matched],
        "skipped": [{"line": n, "reason": why} for n, why in r.skipped],
        "unsafe_links": [{"line": n, "scheme": scheme} for n, scheme in r.unsafe_links],
        "replaces": r.replaces,
    }


def _say_failures(failures: Sequence[ImportFailure], files: int, *, dry_run: bool) -> int:
    """Each file that was no list, one line on stderr, then how many: 2 when any, else 0."""
    for f in failures:
        say(f"papershelf: {safe(f.reason)}")
    if not failures:
        return 0
    if files > 1:
        rest = files - len(failures)
        done = "the other file was" if rest == 1 else f"the other {rest} were"
        done = "none was" if rest == 0 else done
        done += " read" if dry_run else " imported"
        say(
            f"papershelf: {len(failures)} of {files} files could not be imported; {done}",
        )
    return UsageError.exit_code


_MATCHES_SHOWN = 10
"""Entries matched to another list's paper under another spelling, named without --verbose."""


def _print_report(r: ImportReport, prefix: str, args: argparse.Namespace) -> None:
    """One line per list, then renames and (``--verbose``) every skipped entry with its line."""
    note = "" if args.verbose else " (--verbose lists them)"
    line = safe(import_line(r, prefix, dry_run=args.dry_run, skipped_note=note))
    if not args.quiet:
        print(line)
        for old, new in r.renamed:
            print(f"  renamed: {safe(old)} -> {safe(new)}")
        shown = r.matched if args.verbose else r.matched[:_MATCHES_SHOWN]
        for old, new in shown:
            print(f"  same paper as another list's: {safe(new)} = {safe(old)}")
        if len(shown) < len(r.matched):
            more = plural(len(r.matched) - len(shown), "more paper")
            print(f"  and {more} another list holds (--verbose lists them)")
    if args.verbose:
        for n, why in r.skipped:
            print(f"  skipped line {n}: {safe(why)}")
        for n, scheme in r.unsafe_links:
            print(f"  left out a {safe(scheme)} link on line {n}")


def cmd_update(lib: Library, args: argparse.Namespace) -> int:
    updates = url_lists.update_lists(lib, args.lists, dry_run=args.dry_run)
    if args.format == "json":
        print_json([_update_record(u) for u in updates])
        return 2 if any(u.error for u in updates) else 0
    if not updates and not args.quiet:
        say("no list follows a URL (import one with `papershelf import https://...`)")
    for u in updates:
        if u.error is not None:
            say(
                f"papershelf: {safe(u.error)}; {safe(u.name)} kept as it was",
            )
            continue
        if u.report is None:
            if not args.quiet:
                print(f"{safe(u.name)}: unchanged at {safe(u.url)}")
            continue
        _print_report(u.report, "would update" if args.dry_run else "updated", args)
    failed = sum(u.error is not None for u in updates)
    if failed:
        say(
            f"papershelf: {failed} of {plural(len(updates), 'list')} could not be updated",
        )
    return 2 if failed else 0


def _update_record(u: UpdateReport) -> dict[str, object]:
    """One followed list: fetched and unchanged, failed, or re-imported (as ``import`` says)."""
    record: dict[str, object] = {
        "list": u.name,
        "url": u.url,
        "changed": u.report is not None,
        "error": u.error,
        "found": None,
        "new": 0,
        "updated": 0,
        "no_longer_listed": 0,
    }
    if u.report is not None:  # what the import said: renamed, joined, skipped, ...
        done = _report_record(u.report)
        record |= {k: v for k, v in done.items() if k not in ("source", "list", "error")}
    return record


def _venue(text: str) -> str:
    """An empty ``--venue`` (a variable left unset) was taken as none, without a word."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty venue names none; leave --venue out")
    return text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="import markdown paper lists (files or https:// URLs)")
    p.add_argument("files", nargs="+", metavar="FILE|URL")
    p.add_argument(
        "--venue", type=_venue, help="venue for every paper of the list, e.g. 'OSDI 2024'"
    )
    p.add_argument("--dry-run", action="store_true", help="parse and report, store nothing")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--verbose", "-v", action="store_true", help="list skipped entries")
    p.set_defaults(func=cmd_import, early=start_parses)

    p = sub.add_parser("update", help="fetch the lists imported from URLs again, report changes")
    p.add_argument("lists", nargs="*", metavar="LIST", help="names from `papershelf lists`")
    p.add_argument("--dry-run", action="store_true", help="fetch and report, store nothing")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--verbose", "-v", action="store_true", help="list skipped entries")
    p.set_defaults(func=cmd_update)
