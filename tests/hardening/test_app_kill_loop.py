"""The app killed with SIGKILL at random moments while status and star keys are pressed.

Only what a user and a script can observe is used: the real app on a pseudo-terminal, keys
typed into it, and ``library.json`` read from outside (as ``papershelf list`` would). After
every kill the file must parse, the ballast papers must be as they were, and each touched
paper must hold a state the app had shown, never older than one already seen on disk. In
the trials that wait for the app to settle before the kill, every key pressed must be on
disk. The default run does a few trials; ``-m slow`` does 200.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sys
import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from benchmarks.ptyterm import PtyProcess

from papershelf.domain.models import PaperState, Status
from papershelf.paths import Paths, resolve_paths
from papershelf.storage.atomic import atomic_write
from papershelf.storage.change_record import state_to_json
from papershelf.storage.schema import dump_document, load_document
from tests.hardening.helpers import CHILD, child_env, run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

Capsys = pytest.CaptureFixture[str]
Shown = tuple[str, bool]
"""(status, starred): what the list shows of a paper."""
TRACKED = 3
BALLAST = 1_000
"""Annotated orphan papers, so each write is large enough for a kill to land inside it."""
KEYS = {"t": "to-read", "i": "reading", "r": "read", "x": "unread"}


@dataclass
class Trial:
    """The states the app showed for each tracked paper, in order, and the disk's floor."""

    ids: list[str]
    shown: dict[str, list[Shown]]
    floor: dict[str, int] = field(default_factory=dict)

    def press(self, rng: random.Random, cursor: int) -> tuple[str, int]:
        """A random key for the paper under ``cursor``; the key and the new cursor."""
        roll = rng.random()
        if roll < 0.2 and cursor < TRACKED - 1:
            return "j", cursor + 1
        if roll < 0.35 and cursor > 0:
            return "k", cursor - 1
        pid = self.ids[cursor]
        status, starred = self.shown[pid][-1]
        if roll < 0.5:
            self.shown[pid].append((status, not starred))
            return "s", cursor
        key = rng.choice(sorted(KEYS))
        if KEYS[key] != status:
            self.shown[pid].append((KEYS[key], starred))
        return key, cursor

    def see(self, states: dict[str, Shown]) -> None:
        """What the disk shows now must be a state the app showed, not older than before."""
        for pid in self.ids:
            seq, start = self.shown[pid], self.floor.get(pid, 0)
            later = [n for n in range(start, len(seq)) if seq[n] == states[pid]]
            assert later, f"{pid}: disk shows {states[pid]}, app showed {seq[start:]}"
            self.floor[pid] = later[0]


def _disk(paths: Paths, ids: list[str]) -> tuple[dict[str, Shown], dict[str, Any]]:
    """Tracked papers as shown, and the raw states (raises if the file does not parse)."""
    tables, _ = load_document(paths.library.read_bytes())
    states = tables.get("states", {})
    shown = {}
    for pid in ids:
        state = PaperState.from_json(states.get(pid, {}))
        shown[pid] = (state.status.value, state.starred)
    return shown, states


def _setup(capsys: Capsys) -> tuple[Paths, list[str], str, dict[str, Any]]:
    paths = resolve_paths()
    result = run(capsys, "list", "--format", "json")
    assert result.code == 0, result.err
    ids = [str(p["id"]) for p in json.loads(result.out)[:TRACKED]]
    ballast = PaperState(status=Status.READ, starred=True, note="ballast note " * 20)
    states = {f"ballast-{i:05d}": state_to_json(ballast) for i in range(BALLAST)}
    atomic_write(paths.library, dump_document({"states": states}))
    paths.config.write_text(
        "[ui]\nadvance_after_triage = false\nautosave_seconds = 0.3\n", encoding="utf-8"
    )
    total = len(json.loads(result.out))
    return paths, ids, f"{total} of {total}", states


def _trial(paths: Paths, ids: list[str], ready: str, ballast: dict[str, Any], seed: int) -> bool:
    rng = random.Random(seed)
    start, _ = _disk(paths, ids)
    trial = Trial(ids, {pid: [start[pid]] for pid in ids})
    env = child_env(paths.data_dir, TERM="xterm-256color", COLUMNS="120", LINES="40")
    env.pop("NO_COLOR", None)
    settle = seed % 3 == 0  # a third of the trials, the first one included
    with PtyProcess([sys.executable, str(CHILD)], env) as app:
        # The status line's "<shown> of <total>" shows once the states are loaded: keys typed
        # before that find no list to act on.
        assert app.wait_for_text(ready, 0, 60) is not None, app.text_since(0)[-500:]
        app.settle(0.2, 5)
        cursor = 0
        sent: list[str] = []
        for _ in range(rng.randint(1, 12)):
            key, cursor = trial.press(rng, cursor)
            sent.append(key)
            app.send(key)
            app.pump(rng.uniform(0, 0.12))
            if rng.random() < 0.3:
                trial.see(_disk(paths, ids)[0])
        if settle:  # everything the app shows is written within a few seconds
            want = {pid: trial.shown[pid][-1] for pid in ids}
            deadline = time.monotonic() + 20
            while _disk(paths, ids)[0] != want and time.monotonic() < deadline:
                app.pump(0.05)
        else:
            app.pump(rng.uniform(0, 0.3))
        with contextlib.suppress(ProcessLookupError):
            os.kill(app.pid, signal.SIGKILL)  # no chance to save anything on the way out
        app.finish(keys=(), timeout=10)
    after, states = _disk(paths, ids)  # parses, or this raises
    trial.see(after)
    assert {k: v for k, v in states.items() if k.startswith("ballast-")} == ballast
    if settle:
        want = {pid: trial.shown[pid][-1] for pid in ids}
        assert after == want, f"trial {seed}: keys {sent} were shown, not all saved: {after}"
    return settle


def _loop(capsys: Capsys, trials: int) -> None:
    paths, ids, ready, ballast = _setup(capsys)
    settled = sum(_trial(paths, ids, ready, ballast, seed) for seed in range(trials))
    assert settled == (trials + 2) // 3
    assert run(capsys, "doctor").code == 0


def test_the_app_killed_at_random_moments_keeps_what_it_showed(capsys: Capsys) -> None:
    _loop(capsys, 3)


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_two_hundred_kills_of_the_app(capsys: Capsys) -> None:
    _loop(capsys, 200)
