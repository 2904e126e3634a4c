"""CLI commands about files: paths, export, import-state, doctor."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from papershelf.cli.catalog_cmds import add_filter_args, selected_papers
from papershelf.cli.output import print_json, safe, say_on_terminal
from papershelf.domain.text import plural
from papershelf.errors import UsageError, cannot_read
from papershelf.services.counting import count_papers, count_text

if TYPE_CHECKING:
    from papershelf.services.library import Library


def cmd_paths(lib: Library, args: argparse.Namespace) -> int:
    paths = lib.paths.as_dict()
    if args.format == "json":
        print_json(paths)
    else:
        for key, value in paths.items():
            print(f"{key:<9} {value}")
    return 0


def cmd_export(lib: Library, args: argparse.Namespace) -> int:
    papers = selected_papers(lib, args)
    if args.orphans:  # after the catalog's papers, through the same filters
        papers += selected_papers(lib, args, among=lib.orphan_papers())
    # /dev/stdout is this process's own output, also when the shell sent it to a file.
    if args.output in (None, "-", "/dev/stdout"):
        text = lib.export(args.format, papers)
        assert isinstance(text, str)
        sys.stdout.write(text)
    else:
        out = Path(args.output)
        lib.export(args.format, papers, out, overwrite=args.force)
        if not args.quiet:
            print(f"exported {count_text(len(papers))} as {args.format} to {safe(str(out))}")
    if not papers and args.format != "json" and not args.quiet:  # written all the same
        say_on_terminal("no papers match: the export is empty")  # as `list` says it
    return 0


def cmd_import_state(lib: Library, args: argparse.Namespace) -> int:
    from papershelf.export.json_export import export_papers, read_state_export

    path = Path(args.file)
    try:
        # Bytes, decoded strictly: stdin would turn bad bytes into unstorable surrogates.
        if args.file == "-":
            buffer = getattr(sys.stdin, "buffer", None)
            raw = buffer.read() if buffer else sys.stdin.read().encode("utf-8", "surrogateescape")
        else:
            raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise UsageError(cannot_read(path, exc)) from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    source = "standard input" if args.file == "-" else str(path)
    states = read_state_export(text, source=source)
    change = lib.replace_states(states, export_papers(text))
    if not args.quiet:
        print(_restored(len(change.paper_ids) if change.changed else 0, len(states), safe(source)))
    return 0


def _restored(changed: int, given: int, source: str) -> str:
    """What ``import-state`` did: the papers whose state it changed, not all it was given."""
    if not given:
        return f"nothing to restore: {source} gives no paper a state of its own"
    if not changed:
        if given == 1:
            return f"nothing to restore: the paper in {source} already has this state"
        return f"nothing to restore: the {given} papers in {source} already have these states"
    line = f"restored the state of {count_text(changed)} from {source}"
    rest = given - changed
    if rest == 1:
        line += "; the other paper already had its state"
    elif rest > 1:
        line += f"; the other {rest} already had theirs"
    return line + " (undo reverts)"


def cmd_doctor(lib: Library, args: argparse.Namespace) -> int:
    """Findings on stdout, exit 1 with problems; an unreadable library is an error (exit 2)."""
    problems = lib.check()
    states = lib.states()  # raises what `main` reports
    orphans = lib.orphan_papers()
    enrich_problem = lib.enrichment_problem()
    if enrich_problem is not None:
        problems.append(f"enrichment cache: {enrich_problem}")
    print(f"library: {safe(str(lib.paths.library))} ({count_text(len(states))} with state)")
    lists = lib.lists()
    print(f"catalog: {count_papers(lib.papers())} in {plural(len(lists), 'list')}")
    # A list whose copy is gone or no longer parses: its papers are missing from the catalog.
    problems += [f"list {info.name}: {info.problem}" for info in lists if info.problem]
    if orphans:
        print(f"orphaned: {count_text(len(orphans))} with state that no list holds (kept):")
        for paper in orphans[:20]:
            print(f"  {paper.id}  {safe(paper.title)}")
        if len(orphans) > 20:
            print("  ... (`papershelf orphans` lists them all)")
    to_merge = lib.copies_to_offer()
    for copy in lib.conflict_copies():
        if copy in to_merge:
            problems.append(
                f"conflict copy from another device: {copy} (`papershelf merge --conflicts`)"
            )
        else:  # the backups folder refused it: merging it again would change nothing
            problems.append(
                f"conflict copy merged already but still here: {copy} (move it to "
                f"{lib.paths.backups} or delete it)"
            )
    for problem in problems:
        print(f"problem: {safe(problem)}")
    if not problems:
        print("ok: the library file parses and its schema is current")
    return 1 if problems else 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("paths", help="where papershelf keeps its files")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_paths)

    p = sub.add_parser("export", help="export papers with status and notes")
    p.add_argument("--format", choices=["bibtex", "markdown", "csv", "json"], required=True)
    add_filter_args(p)
    p.add_argument(
        "--orphans", action="store_true", help="also papers no list holds that have your state"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import-state", help="restore statuses and notes from a JSON export")
    p.add_argument(
        "file", metavar="FILE", help="a file written by `export --format json` (- for stdin)"
    )
    p.set_defaults(func=cmd_import_state)

    p = sub.add_parser("doctor", help="check the library file, schema and orphans")
    p.set_defaults(func=cmd_doctor)
