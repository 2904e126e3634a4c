"""CLI wall times: ``papershelf import`` per list size, ``list --format json`` and ``stats``.

Each figure is one whole process, as a script would run it: interpreter start, imports,
loading the catalog cache and the library, the work, and writing the output (to /dev/null).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from benchmarks.stats import summary
from benchmarks.workspace import (
    BUNDLED,
    env_for,
    import_lists,
    papershelf_command,
    run_timed,
    warm,
    write_lists,
)


def bench_import(work: Path, size: int, runs: int, data_dir: Path) -> dict[str, Any]:
    """Import the size's lists into a fresh data dir ``runs`` times; the last one is kept.

    The bundled lists are cached before the clock starts, so the figure is the import alone.
    """
    lists = write_lists(work / "lists", size)
    times = []
    for _ in range(max(1, runs) if size != BUNDLED else 1):
        if data_dir.exists():
            shutil.rmtree(data_dir)
        data_dir.mkdir(parents=True)
        warm(data_dir)
        if size != BUNDLED:
            times.append(import_lists(data_dir, lists))
    return {
        "papers": size,
        "files": [p.name for p in lists.files],
        "seconds": summary(times) if times else None,
    }


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
