"""SIGKILL real ``papershelf`` processes in the middle of their writes, trial after trial.

tests/unit/test_state_store_crash.py kills a process looping over the state store; this kills
the real CLI (note, mark, star), one process per change as a user or script runs it. After every
kill the library must parse, keep every other paper's state, and hold the change if the CLI had
acknowledged it (printed its line); an unacknowledged change may or may not have landed.
"""

from __future__ import annotations

import random
import signal
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from papershelf.domain.models import DEFAULT_STATE, PaperState, Status
from papershelf.paths import resolve_paths
from papershelf.storage.atomic import TEMP_SUFFIX, atomic_write
from papershelf.storage.change_record import state_to_json
from papershelf.storage.schema import dump_document, load_document
from tests.hardening.helpers import child_argv, child_env, first_paper_ids

BALLAST = 3000
"""Annotated papers besides the tracked ones: each write is ~1 MB, so kills can land in it."""
STATUSES = [Status.TO_READ, Status.READING, Status.READ, Status.UNREAD]


@dataclass
class Op:
    argv: list[str]
    pid: str
    after: PaperState
    ack_prefix: str


@dataclass
class Outcome:
    trials: int = 0
    acked: int = 0
    unacked_landed: int = 0
    unacked_lost: int = 0
    temps_left: int = 0
    seconds: list[float] = field(default_factory=list)


def _seed(library: Path) -> None:
    ballast = PaperState(status=Status.READ, starred=True, note="ballast note " * 20)
    states = {f"ballast-{i:05d}": state_to_json(ballast) for i in range(BALLAST)}
    atomic_write(library, dump_document({"states": states}))


def _disk_states(library: Path) -> dict[str, PaperState]:
    tables, _schema = load_document(library.read_bytes())  # raises on a torn file
    return {pid: PaperState.from_json(doc) for pid, doc in tables.get("states", {}).items()}


def _next_op(i: int, ids: list[str], model: dict[str, PaperState]) -> Op:
    pid = ids[i % len(ids)]
    old = model.get(pid, DEFAULT_STATE)
    kind = i % 3
    if kind == 0:
        text = f"note {i}"
        return Op(["note", pid, "--set", text], pid, _with(old, note=text), "note:")
    if kind == 1:
        status = STATUSES[(i // 3) % len(STATUSES)]
        return Op(["mark", pid, status.value], pid, _with(old, status=status), "mark ")
    starred = not old.starred
    word = "star" if starred else "unstar"
    return Op([word, pid], pid, _with(old, starred=starred), f"{word}:")


def _with(
    state: PaperState,
    *,
    note: str | None = None,
    status: Status | None = None,
    starred: bool | None = None,
) -> PaperState:
    """The fields a test compares (timestamps and history depend on the clock)."""
    return PaperState(
        status=state.status if status is None else status,
        starred=state.starred if starred is None else starred,
        note=state.note if note is None else note,
    )


def _visible(state: PaperState) -> PaperState:
    return PaperState(status=state.status, starred=state.starred, note=state.note)


def _run(argv: list[str], env: dict[str, str], kill_after: float | None) -> tuple[str, float]:
    started = time.monotonic()
    proc = subprocess.Popen(
        child_argv(*argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    try:
        if kill_after is None:
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
        else:
            try:
                proc.wait(timeout=kill_after)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
            out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return out.decode("utf-8", "replace"), time.monotonic() - started


def run_trials(capsys: pytest.CaptureFixture[str], trials: int, seed: int) -> Outcome:
    rng = random.Random(seed)
    paths = resolve_paths()
    ids = first_paper_ids(capsys, 4)  # builds the catalog cache the children share
    _seed(paths.library)
    env = child_env(paths.data_dir)
    model = dict.fromkeys(ids, DEFAULT_STATE)
    outcome = Outcome()
    # Calibrate: how long one whole command takes here, so kills land near its write.
    for i in range(2):
        op = _next_op(i, ids, model)
        _out, took = _run(op.argv, env, None)
        model[op.pid] = op.after
        outcome.seconds.append(took)
    typical = statistics.median(outcome.seconds)
    for i in range(2, trials + 2):
        op = _next_op(i, ids, model)
        out, _took = _run(op.argv, env, rng.uniform(0.6, 1.05) * typical)
        acked = any(line.startswith(op.ack_prefix) for line in out.splitlines())
        temps = [p for p in paths.data_dir.iterdir() if p.name.endswith(TEMP_SUFFIX)]
        try:
            disk = _disk_states(paths.library)
        except Exception as exc:
            raise AssertionError(f"trial {i}: the library no longer parses: {exc}") from None
        assert sum(pid.startswith("ballast-") for pid in disk) == BALLAST, f"trial {i}"
        for pid in ids:
            if pid != op.pid:
                assert _visible(disk.get(pid, DEFAULT_STATE)) == model[pid], f"trial {i}"
        now = _visible(disk.get(op.pid, DEFAULT_STATE))
        if acked:
            assert now == op.after, f"trial {i}: acknowledged {op.argv} but it is not on disk"
        else:
            assert now in (model[op.pid], op.after), f"trial {i}: {op.argv} left {now}"
            outcome.unacked_landed += now == op.after and now != model[op.pid]
            outcome.unacked_lost += now != op.after
        model[op.pid] = now
        outcome.trials += 1
        outcome.acked += acked
        outcome.temps_left += bool(temps)
    return outcome


def test_sigkill_of_the_cli_in_the_middle_of_writes(capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_trials(capsys, trials=20, seed=6)
    assert outcome.trials == 20
    print(outcome)


@pytest.mark.slow
def test_sigkill_of_the_cli_200_trials(capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_trials(capsys, trials=200, seed=7)
    print(outcome)
    assert outcome.trials == 200
    # Kills must really land mid-write sometimes (a temp file left, or an unacknowledged
    # change on disk), or the loop proves nothing.
    assert outcome.temps_left + outcome.unacked_landed > 0
    assert outcome.acked > 0 and outcome.unacked_lost > 0
