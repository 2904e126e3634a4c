"""CLI wall times: ``papershelf import`` per list size, ``list --format json`` and ``stats``.

Each figure is one whole process, as a script would run it: interpreter start, imports,
loading the catalog cache and the library, the work, and writing the output (to /dev/null).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from benchmarks.generate import change_titles
from benchmarks.stats import summary
from benchmarks.workspace import (
    BUNDLED,
    env_for,
    import_lists,
    import_one,
    papershelf_command,
    run_timed,
    warm,
    write_lists,
    write_one_list,
    write_same_venue_list,
)

SAME_VENUE_REPEATS = 3
"""Imports of the same-venue list per catalog built (its median rests on a few more runs)."""


def bench_import(work: Path, size: int, runs: int, data_dir: Path) -> dict[str, Any]:
    """Import the size's lists into a fresh data dir ``runs`` times; the last one is kept.

    Each list goes into a venue of its own (``workspace.write_lists``); the figures are the
    wall time of all of them and of each list by family (the median over lists and runs).
    The bundled lists are cached before the clock starts, so the figure is the import alone.
    Then one more list goes into the second list's venue (``write_same_venue_list``).
    """
    lists = write_lists(work / "lists", size)
    second = write_same_venue_list(work / "lists", size) if size != BUNDLED else None
    totals: list[float] = []
    same_venue: list[float] = []
    by_family: dict[str, list[float]] = {"a": [], "b": []}
    for _ in range(max(1, runs) if size != BUNDLED else 1):
        if data_dir.exists():
            shutil.rmtree(data_dir)
        data_dir.mkdir(parents=True)
        warm(data_dir)
        if size != BUNDLED:
            each = import_lists(data_dir, lists)
            totals.append(sum(each))
            for path, seconds in zip(lists.files, each, strict=True):
                by_family[path.name.split("-")[1]].append(seconds)
        if second is not None and len(lists.venues) > 1:
            # Into a copy: the data dir is the size's catalog for the sections that follow.
            # A few times per catalog: one import of 1.5 s is cheap beside the catalog's own.
            copy = data_dir.with_name(data_dir.name + "-same-venue")
            for _ in range(SAME_VENUE_REPEATS):
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(data_dir, copy)
                same_venue.append(import_one(copy, second, lists.venues[1]))
            shutil.rmtree(copy, ignore_errors=True)
    return {
        "papers": size,
        "files": [p.name for p in lists.files],
        "seconds": summary(totals) if totals else None,
        "per_list": {family: summary(times) for family, times in by_family.items() if times},
        "same_venue_s": summary(same_venue) if same_venue else None,
    }


def bench_reimport(work: Path, size: int, runs: int, changed: int = 500) -> dict[str, Any]:
    """One ``size``-entry list imported into one venue, then re-imported with titles edited.

    A fresh data dir per run (bundled lists cached first); the same file is rewritten with
    ``changed`` titles edited and imported again, as a user re-imports a newer version.
    """
    source = write_one_list(work / "lists", size)
    original = source.read_text(encoding="utf-8")
    edited, edits = change_titles(original, changed)
    first, again = [], []
    for run in range(max(1, runs)):
        data_dir = work / f"reimport-{run}"
        shutil.rmtree(data_dir, ignore_errors=True)
        data_dir.mkdir(parents=True)
        target = data_dir.parent / f"reimport-list-{run}.md"
        target.write_text(original, encoding="utf-8")
        warm(data_dir)
        first.append(import_one(data_dir, target, "One Venue 2030"))
        target.write_text(edited, encoding="utf-8")
        again.append(import_one(data_dir, target, "One Venue 2030"))
        renamed = _renamed(data_dir)
        shutil.rmtree(data_dir, ignore_errors=True)
        target.unlink()
    return {
        "entries": size,
        "titles_changed": edits,
        "papers_after": renamed,
        "import_s": summary(first),
        "reimport_s": summary(again),
    }


def _renamed(data_dir: Path) -> int:
    """How many papers the catalog holds after the re-import (renames keep the count)."""
    from papershelf.paths import resolve_paths
    from papershelf.services.library import Library

    return len(Library(resolve_paths(data_dir)).papers())


def bench_commands(data_dir: Path, runs: int) -> dict[str, Any]:
    """``list --format json`` and ``stats`` on a prepared data dir (catalog cache built)."""
    env = env_for(data_dir)
    out: dict[str, Any] = {}
    commands = {
        "list_json": ["list", "--format", "json"],
        "stats": ["stats"],
        "stats_json": ["stats", "--format", "json"],
    }
    for name, args in commands.items():
        argv = [*papershelf_command(), *args]
        run_timed(argv, env)  # one unmeasured run: the page cache and .pyc files are warm
        times, rss = [], []
        for _ in range(runs):
            seconds, peak, _ = run_timed(argv, env)
            times.append(seconds)
            rss.append(peak)
        out[name] = {"seconds": summary(times), "rss_mb": summary(rss)}
    return out
