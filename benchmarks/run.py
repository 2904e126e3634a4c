"""The benchmark suite: one command, a table of medians, and the same figures as JSON.

    python -m benchmarks                     # bundled, 1k, 10k, 50k, 100k (about 6 min)
    python -m benchmarks --quick             # bundled, 1k, 10k, fewer runs (about 2 min)
    python -m benchmarks --sizes 10k,50k --runs 3 --only cli,app

Writes ``benchmarks/results/latest.json`` (``--out`` to change). See docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import bench_app, bench_cli, bench_search, budgets, report
from benchmarks.workspace import BUNDLED, annotate, clone, label, parse_size

SECTIONS = ("import", "reimport", "cli", "search", "app", "first")
DEFAULT_SIZES = (BUNDLED, 1_000, 10_000, 50_000, 100_000)
QUICK_SIZES = (BUNDLED, 1_000, 10_000)
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def _machine() -> dict[str, Any]:
    from importlib.metadata import version

    root = Path(__file__).resolve().parents[1]
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "textual": version("textual"),
        "papershelf": version("papershelf"),
        "commit": commit,
    }


class Suite:
    """Runs the sections for each size into ``results``; one failure does not stop the rest."""

    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args = args
        self.work = work
        self.queries = bench_search.keystrokes(args.search_word)
        self.results: dict[str, Any] = {
            "machine": _machine(),
            "config": {
                "sizes": [label(s) for s in args.sizes],
                "runs": args.runs,
                "sections": list(args.only),
                "terminal": f"{bench_app.COLS}x{bench_app.ROWS} pty, TERM=xterm-256color",
                "search_keys": self.queries,
            },
            "sizes": {},
            "errors": [],
        }

    def _load(self, when: str) -> None:
        """The machine's load average: figures taken on a busy machine are slower."""
        self.results["machine"].setdefault("load_average", {})[when] = [
            round(x, 2) for x in os.getloadavg()
        ]

    def _log(self, text: str) -> None:
        if not self.args.quiet:
            print(text, file=sys.stderr, flush=True)

    def _section(self, size: int, name: str, work: Callable[[], Any]) -> Any:
        self._log(f"  {label(size)}: {name}...")
        try:
            value = work()
        except Exception as exc:  # a broken section is reported, the others still run
            self.results["errors"].append(
                {"size": label(size), "section": name, "error": f"{type(exc).__name__}: {exc}"}
            )
            self._log(f"  {label(size)}: {name} failed: {exc}")
            if self.args.verbose:
                traceback.print_exc()
            return None
        self.results["sizes"][label(size)][name] = value
        return value

    def _runs(self, size: int, small: int) -> int:
        """Fewer repeats where one run takes many seconds."""
        return small if size < 50_000 else max(1, small // 3)

    def run_size(self, size: int) -> None:
        args, only = self.args, set(self.args.only)
        self._log(f"{label(size)}:")
        folder = self.work / label(size)
        data = folder / "data"
        self.results["sizes"][label(size)] = {}
        # The data dir is needed by every section, so it is always prepared.
        imported = self._section(
            size,
            "import",
            lambda: bench_cli.bench_import(
                self.work,
                size,
                self._runs(size, args.import_runs) if "import" in only else 1,
                data,
            ),
        )
        if imported is None:
            return
        if "import" not in only:
            imported["seconds"] = None
        if "reimport" in only and size != BUNDLED:
            self._section(
                size,
                "reimport",
                lambda: bench_cli.bench_reimport(
                    self.work, size, self._runs(size, args.import_runs)
                ),
            )
        entry = self.results["sizes"][label(size)]
        entry["annotated"] = annotate(data, size)
        from papershelf.paths import resolve_paths
        from papershelf.services.library import Library

        library = Library(resolve_paths(data))
        view = [p for p in library.papers() if not p.withdrawn]
        entry["papers"] = len(library.papers())
        entry["venues"] = len({p.venue for p in library.papers()})
        entry["topics"] = len({t for p in library.papers() for t in p.topics})
        title, status_ids = view[0].title, [p.id for p in view[: args.status_keys]]
        del library, view
        if "cli" in only:
            self._section(size, "cli", lambda: bench_cli.bench_commands(data, args.runs))
        search = None
        if "search" in only or "app" in only:
            search = self._section(
                size,
                "search",
                lambda: bench_search.bench_filter(data, args.search_rounds, self.queries),
            )
            gc.collect()
        if "app" in only:
            starts = self._section(
                size,
                "starts",
                lambda: bench_app.starts_side_by_side(data, title, args.runs, warm_up=args.warm_up),
            )
            for kind, figures in (starts or {}).items():  # each under its own name, as before
                self.results["sizes"][label(size)][kind] = figures
            self.results["sizes"][label(size)].pop("starts", None)
            if search is not None:
                shown = search["shown"]
                self._section(
                    size,
                    "interactive",
                    lambda: bench_app.interactive(
                        clone(data, folder / "session"),
                        title,
                        status_ids,
                        self.queries,
                        shown,
                        shown[-1],
                    ),
                )
                self._section(
                    size,
                    "reference_echo",
                    lambda: bench_app.reference_echo(folder, self.queries, 1),
                )
        if "first" in only:
            self._section(size, "first_start", lambda: self._first_start(size, title, folder))
        shutil.rmtree(folder / "session", ignore_errors=True)
        shutil.rmtree(folder / "first", ignore_errors=True)

    def _first_start(self, size: int, title: str, folder: Path) -> dict[str, Any]:
        """The first start ever (bundled) or after the catalog cache is lost (sizes)."""
        target = folder / "first"
        if size == BUNDLED:

            def reset() -> None:
                shutil.rmtree(target, ignore_errors=True)
                target.mkdir(parents=True)
        else:
            clone(folder / "data", target)

            def reset() -> None:
                (target / "catalog.json").unlink(missing_ok=True)

        runs = self._runs(size, self.args.first_runs)
        return bench_app.cold_start(target, title, runs, before_each=reset, warm_up=False)

    def run(self) -> dict[str, Any]:
        self._load("start")
        for size in self.args.sizes:
            self.run_size(size)
            self._load(f"after {label(size)}")
            if not self.args.keep:
                for path in (self.work / label(size),):
                    shutil.rmtree(path / "data", ignore_errors=True)
        self.results["budgets"] = budgets.check_budgets(self.results)
        self.results["goals"] = report.check_goals(self.results)
        return self.results


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", help="comma-separated, e.g. bundled,1k,10k (bundled is 76)")
    parser.add_argument("--quick", action="store_true", help="bundled, 1k, 10k; 3 runs")
    parser.add_argument("--runs", type=int, default=None, help="repeats per figure (default 5)")
    parser.add_argument("--import-runs", type=int, default=None, help="default 3")
    parser.add_argument("--first-runs", type=int, default=None, help="default 3")
    parser.add_argument("--search-rounds", type=int, default=None, help="default 20")
    parser.add_argument("--status-keys", type=int, default=None, help="default 12")
    parser.add_argument(
        "--search-word",
        default=bench_search.SEARCH_WORD,
        help="typed letter by letter, then a no-match suffix, then erased (default %(default)s)",
    )
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"sections: {', '.join(SECTIONS)}"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="JSON file to write")
    parser.add_argument("--workdir", type=Path, help="keep data dirs here (default: temp)")
    parser.add_argument("--keep", action="store_true", help="keep the data dirs")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument("--verbose", action="store_true", help="tracebacks of failed sections")
    parser.add_argument(
        "--no-warm-up",
        dest="warm_up",
        action="store_false",
        help="no untimed app start before the cold starts (a smoke run, not a figure)",
    )
    args = parser.parse_args(argv)
    quick = args.quick
    sizes = (
        [parse_size(s) for s in args.sizes.split(",") if s.strip()]
        if args.sizes
        else list(QUICK_SIZES if quick else DEFAULT_SIZES)
    )
    args.sizes = sorted(dict.fromkeys(sizes))
    args.only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(args.only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    defaults = {
        "runs": 3 if quick else 5,
        "import_runs": 1 if quick else 3,
        "first_runs": 1 if quick else 3,
        "search_rounds": 5 if quick else 20,
        "status_keys": 6 if quick else 12,
    }
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from papershelf.cli.main import tune_collector

    tune_collector()  # the in-process figures (search) under the app's collector settings
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        results = Suite(args, args.workdir).run()
    else:
        with tempfile.TemporaryDirectory(prefix="papershelf-bench-") as tmp:
            results = Suite(args, Path(tmp)).run()
    print(budgets.table(results))
    print()
    print(report.goals_table(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(report.to_json(results))
    print(f"\nwrote {args.out}")
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
