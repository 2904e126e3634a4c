"""Data dirs for the benchmarks: the bundled catalog alone, or with N generated papers.

A size's data dir is what a user has after importing lists and using the app for a while:
the lists imported (so the catalog cache is built), and some papers triaged. Each size gets
half its papers from a family-A list and half from a family-B list (``generate.py``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.generate import generate_family_a, generate_family_b

BUNDLED = 0
"""The size that means "the bundled catalog only"."""
SEED = 1


def label(size: int) -> str:
    if size == BUNDLED:
        return "bundled"
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def parse_size(text: str) -> int:
    text = text.strip().lower()
    if text in ("bundled", "0"):
        return BUNDLED
    if text.endswith("k"):
        return int(float(text[:-1]) * 1000)
    return int(text)


def papershelf_command() -> list[str]:
    """How a user starts papershelf: the installed script next to this Python, if there."""
    script = Path(sys.executable).with_name("papershelf")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "papershelf"]


def env_for(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "PAPERSHELF"))}
    env.update(
        PAPERSHELF_DATA_DIR=str(data_dir),
        TERM="xterm-256color",
        COLORTERM="truecolor",
        LANG=env.get("LANG") or "C.UTF-8",
        **extra,
    )
    env.pop("NO_COLOR", None)
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    return env


@dataclass(frozen=True, slots=True)
class Lists:
    """Generated list files for one size (and the venue each is imported under)."""

    files: tuple[Path, ...]
    venues: tuple[str, ...]


def write_lists(folder: Path, size: int) -> Lists:
    """Half family A, half family B; each imported under a venue of its own.

    The venue of its own keeps the synthetic papers from being matched against the bundled
    papers of the same venue (see docs/performance.md: that matching is quadratic).
    """
    if size == BUNDLED:
        return Lists((), ())
    folder.mkdir(parents=True, exist_ok=True)
    half = size // 2
    a, b = folder / f"family-a-{half}.md", folder / f"family-b-{size - half}.md"
    if not a.exists():
        a.write_text(generate_family_a(half, SEED), encoding="utf-8")
    if not b.exists():
        b.write_text(generate_family_b(size - half, SEED + 1), encoding="utf-8")
    return Lists((a, b), ("Synthetic A 2030", "Synthetic B 2031"))


def run_timed(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) and exit code of one command, output discarded."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {err.decode()[-500:]}")
    return elapsed, usage.ru_maxrss / 1024, proc.returncode


def import_lists(data_dir: Path, lists: Lists) -> float:
    """Import every list of ``lists`` into ``data_dir`` with the CLI; wall seconds in all."""
    total = 0.0
    for path, venue in zip(lists.files, lists.venues, strict=True):
        cmd = [*papershelf_command(), "import", str(path), "--venue", venue, "-q"]
        total += run_timed(cmd, env_for(data_dir))[0]
    return total


def warm(data_dir: Path) -> None:
    """Build the catalog cache for the bundled lists (what a first start leaves behind)."""
    run_timed([*papershelf_command(), "venues"], env_for(data_dir))


def annotate(data_dir: Path, size: int) -> int:
    """Triage a tenth of the generated papers (at most 1,000), in small batches like a user.

    The bundled papers stay untouched: the app benchmarks start on them.
    """
    from papershelf.domain.models import Status
    from papershelf.paths import resolve_paths
    from papershelf.services.library import Library

    count = min(1000, size // 10)
    if count == 0:
        return 0
    library = Library(resolve_paths(data_dir))
    ids = [p.id for p in library.papers() if p.venue.startswith("Synthetic")]
    step = max(1, len(ids) // count)
    chosen = ids[::step][:count]
    statuses = (Status.READ, Status.TO_READ, Status.READING)
    for start in range(0, len(chosen), 50):
        library.set_status(chosen[start : start + 50], statuses[start // 50 % 3])
    return len(chosen)


def clone(src: Path, dst: Path) -> Path:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    return dst
