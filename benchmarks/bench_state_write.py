"""How long a durable status change takes with 1,000 and 5,000 annotated papers.

Each timed call is ``StateStore.update`` on one paper: lock, check the file, apply, serialize,
write a temp file, fsync, rename, fsync the folder, release. The library starts in a steady
state: every paper has a status history, a third have a note, and the undo log is full.

Run: python benchmarks/bench_state_write.py [--runs N] [--dir DIR]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from papershelf.domain.models import PaperState, Status, StatusChange
from papershelf.domain.state_ops import with_status
from papershelf.storage.atomic import atomic_write
from papershelf.storage.change_record import ChangeRecord, state_to_json
from papershelf.storage.schema import META, REDO, STATES, UNDO, dump_document
from papershelf.storage.state_store import UNDO_CAP, StateStore

TARGETS_MS = {1_000: 15.0, 5_000: 50.0}
STATUSES = [Status.TO_READ, Status.READING, Status.READ]
NOTE = (
    "Interesting take on tail latency; compare with the Q3 reading group paper. "
    "Their evaluation skips the cold-start case, which is where our workload hurts most. "
)


def _stamp(i: int) -> str:
    return f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00Z"


def _state(rng: random.Random, i: int) -> PaperState:
    steps = rng.randint(1, 3)
    history = tuple(StatusChange(STATUSES[k], _stamp(i + k)) for k in range(steps))
    has_note = rng.random() < 0.33
    return PaperState(
        status=history[-1].status,
        starred=rng.random() < 0.2,
        note=NOTE * rng.randint(1, 4) if has_note else "",
        first_triaged=history[0].at,
        history=history,
        note_changed=_stamp(i) if has_note else None,
    )


def _marker(status: Status, at: str) -> Callable[[str, PaperState], PaperState]:
    return lambda _pid, state: with_status(state, status, at)


def build(path: Path, papers: int, *, undo_records: int, seed: int = 7) -> list[str]:
    """Write a steady-state library file; return its paper ids."""
    rng = random.Random(seed)
    ids = [
        f"venue{i % 40}-2025-a-paper-title-{i:05d}-{i * 7919 % 100_000:05d}" for i in range(papers)
    ]
    states = {pid: _state(rng, i) for i, pid in enumerate(ids)}
    undo = {}
    for seq in range(1, undo_records + 1):
        pid = rng.choice(ids)
        after = states[pid]
        before = replace(after, history=after.history[:-1])  # the mark that made the last entry
        record = ChangeRecord(seq, "mark read", _stamp(seq), {pid: before}, {pid: after})
        undo[f"{seq:08d}"] = record.to_json()
    tables = {
        STATES: {pid: state_to_json(state) for pid, state in states.items()},
        UNDO: undo,
        REDO: {},
        META: {"counters": {"last_seq": undo_records}},
    }
    atomic_write(path, dump_document(tables))
    return ids


def bench(folder: Path, papers: int, *, undo_records: int, runs: int) -> dict[str, float]:
    path = folder / f"library-{papers}-{undo_records}.json"
    ids = build(path, papers, undo_records=undo_records)
    store = StateStore(path, lock_path=folder / "library.json.lock", backups_dir=folder / "backups")
    started = time.perf_counter()
    store.states()  # first read: parse, check shape, decode
    cold_ms = (time.perf_counter() - started) * 1e3
    rng = random.Random(11)
    times = []
    for i in range(runs):
        pid = rng.choice(ids)
        status = STATUSES[i % 3] if store.get(pid).status is not STATUSES[i % 3] else Status.UNREAD
        change = _marker(status, _stamp(i))
        t0 = time.perf_counter()
        store.update([pid], change, label="mark")
        times.append((time.perf_counter() - t0) * 1e3)
    store.close()
    times.sort()
    return {
        "median": statistics.median(times),
        "p90": times[int(len(times) * 0.9)],
        "max": times[-1],
        "size_kb": path.stat().st_size / 1024,
        "cold_ms": cold_ms,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--dir", type=Path, default=None, help="folder to write in (a temp dir)")
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        print(
            f"{'papers':>7} {'undo log':>8} {'file KB':>8} {'first read':>10} "
            f"{'median ms':>9} {'p90 ms':>7} {'max ms':>7}  target"
        )
        for papers, target in TARGETS_MS.items():
            for undo in (0, UNDO_CAP):
                r = bench(Path(tmp), papers, undo_records=undo, runs=args.runs)
                ok = r["p90"] < target
                failed |= not ok
                print(
                    f"{papers:>7} {undo:>8} {r['size_kb']:>8.0f} {r['cold_ms']:>8.1f}ms "
                    f"{r['median']:>9.2f} {r['p90']:>7.2f} {r['max']:>7.2f}  "
                    f"p90 < {target:.0f} ms: {'ok' if ok else 'MISSED'}"
                )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
