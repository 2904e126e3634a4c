"""Data dirs for the benchmarks: the bundled catalog alone, or with N generated papers.

A size's data dir is what a user has after importing lists and using the app for a while:
the lists imported (so the catalog cache is built), and some papers triaged. Each size gets
half its papers from a family-A list and half from a family-B list (``generate.py``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.generate import generate_family_a, generate_family_b, topic_pool

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
    """How papershelf is started: ``python -m papershelf`` with this Python.

    Not the installed console script: that may import another checkout than the one under
    test (an editable install elsewhere); ``-m`` honours the inherited ``PYTHONPATH``.
    """
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
    # The warm-up start writes the bytecode cache, as an installed wheel has it; a shell
    # that forbids it would have every measured start compile papershelf from source
    # (about 0.1 s here) while Textual, installed, loads its cached bytecode.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    return env


@dataclass(frozen=True, slots=True)
class Lists:
    """Generated list files for one size (and the venue each is imported under)."""

    files: tuple[Path, ...]
    venues: tuple[str, ...]


LISTS = 5
"""A size's papers come in this many lists, each imported into a venue of its own."""
TOPICS_PER_A_LIST = 40
B_AREA_NUMBERS = 1


def write_lists(folder: Path, size: int) -> Lists:
    """``LISTS`` lists of ``size / LISTS`` entries, families A and B in turn, one venue each.

    What a user with a big catalog has: several conferences, each one list in one venue,
    and about 200 topics in all: each family-A list tags from its own ``TOPICS_PER_A_LIST``,
    the family-B lists share their area and category topics.
    """
    if size == BUNDLED:
        return Lists((), ())
    folder.mkdir(parents=True, exist_ok=True)
    files, venues = [], []
    for k in range(LISTS):
        n = size // LISTS + (1 if k < size % LISTS else 0)
        family = "ab"[k % 2]
        path = folder / f"family-{family}-{n}-{k + 1}.md"
        if not path.exists():
            if family == "a":
                tags = topic_pool(TOPICS_PER_A_LIST, TOPICS_PER_A_LIST * k)
                text = generate_family_a(n, SEED + k, tags)
            else:
                text = generate_family_b(n, SEED + k, B_AREA_NUMBERS)
            path.write_text(text, encoding="utf-8")
        files.append(path)
        venues.append(f"Synthetic {family.upper()}{k + 1} 2030")
    return Lists(tuple(files), tuple(venues))


def write_same_venue_list(folder: Path, size: int) -> Path:
    """A family-B list of ``size / LISTS`` other entries, imported into list 2's venue.

    What a user does with a second list of a conference they already hold: every entry
    that is not the same paper is compared with the venue's papers (the matching of one
    paper from several lists), the path a venue of its own never takes.
    """
    folder.mkdir(parents=True, exist_ok=True)
    n = size // LISTS
    path = folder / f"same-venue-b-{n}.md"
    if not path.exists():
        path.write_text(generate_family_b(n, SEED + 100, B_AREA_NUMBERS), encoding="utf-8")
    return path


def write_one_list(folder: Path, size: int) -> Path:
    """One family-A list of ``size`` entries (the big list a user imports into one venue)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"one-list-a-{size}.md"
    if not path.exists():
        path.write_text(generate_family_a(size, SEED, topic_pool(200)), encoding="utf-8")
    return path


def run_timed(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) and exit code of one command, output discarded.

    Measured by ``benchmarks.measure`` in a small process of its own, so the peak RSS is
    the command's and not this (large) process's.
    """
    root = Path(__file__).resolve().parents[1]
    run_env = dict(env)
    run_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    with tempfile.TemporaryDirectory(prefix="papershelf-measure-") as tmp:
        out = Path(tmp) / "measure.json"
        wrapper = [sys.executable, "-m", "benchmarks.measure", str(out), "--", *argv]
        proc = subprocess.run(
            wrapper, env=run_env, stdin=subprocess.DEVNULL, capture_output=True, check=False
        )
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(
                f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.decode()[-500:]}"
            )
        figures = json.loads(out.read_text(encoding="utf-8"))
    return figures["seconds"], figures["rss_mb"], figures["code"]


def import_one(data_dir: Path, path: Path, venue: str) -> float:
    """``papershelf import PATH --venue VENUE``; wall seconds."""
    cmd = [*papershelf_command(), "import", str(path), "--venue", venue, "-q"]
    return run_timed(cmd, env_for(data_dir))[0]


def import_lists(data_dir: Path, lists: Lists) -> list[float]:
    """Import every list of ``lists`` into ``data_dir`` with the CLI; wall seconds of each."""
    return [
        import_one(data_dir, path, venue)
        for path, venue in zip(lists.files, lists.venues, strict=True)
    ]


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
