"""A durable status change with 5,000 annotated papers, 2 MB of notes and 10,000 changes made.

The library is built the way the store would leave it after 10,000 changes (marks, stars,
note edits and appends): the states, and the undo log as the store keeps it (its newest
``UNDO_CAP`` records), or the whole 10,000 when ``--keep-all`` raises the caps. Each timed
call is ``StateStore.update`` on one paper: lock, check, apply, serialize, write a temp file,
fsync, rename, fsync the folder, release.

Beside it, in the same run, the references: the same states with an empty undo log (what
the log adds), and the size the same log had in schema 1, where every record kept the whole
before and after states, notes included.

Goal (issue 16): p90 under 50 ms and the file under 10 MB.

Run: python benchmarks/bench_history.py [--runs N] [--dir DIR] [--keep-all]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from papershelf.domain.models import DEFAULT_STATE, PaperState, Status
from papershelf.domain.state_ops import with_note, with_star, with_status
from papershelf.storage import state_store
from papershelf.storage.atomic import atomic_write
from papershelf.storage.change_record import ChangeRecord, state_to_json
from papershelf.storage.schema import META, REDO, STATES, UNDO, dump_document
from papershelf.storage.state_store import StateStore

PAPERS = 5_000
NOTES_BYTES = 2_000_000
CHANGES = 10_000
TARGET_MS = 50.0
TARGET_MB = 10.0
STATUSES = [Status.TO_READ, Status.READING, Status.READ]
WORDS = ["latency", "batching", "tail", "cold", "start", "scheduler", "cache", "kernel"]


def _stamp(i: int) -> str:
    return f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:{i % 59:02d}Z"


def _sentence(rng: random.Random, length: int) -> str:
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < length:
        words.append(rng.choice(WORDS))
    return " ".join(words) + ".\n"


@dataclass
class Built:
    ids: list[str]
    states: dict[str, PaperState]
    records: list[ChangeRecord]


def simulate(seed: int = 7) -> Built:
    """5,000 papers with 2 MB of notes in all, then 10,000 changes, as ``update`` makes them."""
    rng = random.Random(seed)
    ids = [f"venue{i % 40}-2025-paper-{i:05d}-{i * 7919 % 100_000:05d}" for i in range(PAPERS)]
    per_note = NOTES_BYTES // PAPERS
    states = {
        pid: PaperState(
            status=Status.TO_READ, note=_sentence(rng, per_note), note_changed=_stamp(0)
        )
        for pid in ids
    }
    records: list[ChangeRecord] = []
    for seq in range(1, CHANGES + 1):
        pid = rng.choice(ids)
        old, at = states[pid], _stamp(seq)
        roll = rng.random()
        if roll < 0.6:
            status = rng.choice([s for s in STATUSES if s is not old.status])
            new, label = with_status(old, status, at), f"mark {status.value}"
        elif roll < 0.7:
            new, label = with_star(old, not old.starred), "star"
        elif roll < 0.85:
            new, label = with_note(old, old.note + _sentence(rng, 60), at), "note"
        else:  # an edit in the middle, as in the note editor
            cut = rng.randrange(len(old.note) + 1)
            text = old.note[:cut] + _sentence(rng, 30) + old.note[cut + 40 :]
            new, label = with_note(old, text, at), "note"
        records.append(ChangeRecord(seq, label, at, {pid: old}, {pid: new}))
        states[pid] = new
    return Built(ids, states, records)


def write(path: Path, built: Built, *, log: int, schema1: bool = False) -> None:
    """The library file with the newest ``log`` records (schema 1's layout when asked)."""
    undo: dict[str, Any] = {}
    for record in built.records[len(built.records) - log :] if log else []:
        if schema1:
            data: dict[str, Any] = {
                "seq": record.seq,
                "label": record.label,
                "at": record.at,
                "before": {pid: state_to_json(s) for pid, s in record.before.items()},
                "after": {pid: state_to_json(s) for pid, s in record.after.items()},
            }
        else:
            data = record.to_json()
        undo[f"{record.seq:08d}"] = data
    tables = {
        STATES: {pid: state_to_json(s) for pid, s in built.states.items() if s != DEFAULT_STATE},
        UNDO: undo,
        REDO: {},
        META: {"counters": {"last_seq": CHANGES}},
    }
    raw = dump_document(tables)
    if schema1:
        doc = orjson.loads(raw)
        doc["schema"] = 1
        raw = orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
    atomic_write(path, raw)


def _marker(status: Status, at: str) -> Callable[[str, PaperState], PaperState]:
    return lambda _pid, state: with_status(state, status, at)


def time_marks(path: Path, ids: list[str], runs: int) -> list[float]:
    folder = path.parent
    store = StateStore(path, lock_path=folder / f"{path.name}.lock", backups_dir=folder / "bk")
    store.states()
    rng = random.Random(11)
    times = []
    for i in range(runs):
        pid = rng.choice(ids)
        status = STATUSES[i % 3]
        if store.get(pid).status is status:
            status = Status.UNREAD
        change = _marker(status, _stamp(i))
        t0 = time.perf_counter()
        store.update([pid], change, label="mark")
        times.append((time.perf_counter() - t0) * 1e3)
    store.close()
    return sorted(times)


def _row(name: str, path: Path, times: list[float] | None, check: bool) -> bool:
    size_mb = path.stat().st_size / 1e6
    if times is None:
        print(f"{name:<44} {size_mb:>8.2f} {'-':>9} {'-':>7}")
        return True
    p90 = times[int(len(times) * 0.9)]
    ok = p90 < TARGET_MS and size_mb < TARGET_MB
    verdict = ("ok" if ok else "MISSED") if check else "reference"
    print(f"{name:<44} {size_mb:>8.2f} {statistics.median(times):>9.2f} {p90:>7.2f}  {verdict}")
    return ok or not check


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--dir", type=Path, default=None, help="folder to write in (a temp dir)")
    parser.add_argument(
        "--keep-all", action="store_true", help="raise the log's caps so it keeps all 10,000"
    )
    args = parser.parse_args()
    if args.keep_all:
        state_store.UNDO_CAP = CHANGES
        state_store.UNDO_STATE_BUDGET = 2 * CHANGES
        state_store.UNDO_NOTE_BUDGET = 10**9
    log = min(CHANGES, state_store.UNDO_CAP)
    built = simulate()
    notes = sum(len(s.note.encode()) for s in built.states.values())
    print(f"{PAPERS} papers, {notes / 1e6:.2f} MB of notes, {CHANGES} changes, log of {log}")
    print(f"{'library':<44} {'file MB':>8} {'median ms':>9} {'p90 ms':>7}")
    ok = True
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        empty = folder / "no-log.json"
        write(empty, built, log=0)
        _row(
            "reference: same states, empty undo log",
            empty,
            time_marks(empty, built.ids, args.runs),
            False,
        )
        old = folder / "schema1.json"
        write(old, built, log=log, schema1=True)
        _row("reference: the same log in schema 1 (size)", old, None, False)
        path = folder / "library.json"
        write(path, built, log=log)
        ok = _row(f"this version: log of {log}", path, time_marks(path, built.ids, args.runs), True)
    print(f"goal: p90 < {TARGET_MS:.0f} ms and file < {TARGET_MB:.0f} MB")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
