"""Random sequences of mark, star, note, undo and redo, through two stores on one file.

Each sequence must leave the same states as a plain in-memory model, and a fresh store that
reloads the file must see exactly those states and be able to continue the undo log.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from papershelf.domain.models import DEFAULT_STATE, PaperState, Status
from papershelf.domain.state_ops import with_note, with_star, with_status
from papershelf.storage.state_store import StateStore

PIDS = ["asplos2025-a", "asplos2025-b", "mlsys2025-c", "mlsys2025-d"]
Op = tuple[str, int, tuple[str, ...], object]

ops = st.one_of(
    st.tuples(
        st.just("status"),
        st.integers(0, 1),
        st.lists(st.sampled_from(PIDS), min_size=1, max_size=3).map(tuple),
        st.sampled_from(list(Status)),
    ),
    st.tuples(
        st.just("star"), st.integers(0, 1), st.sampled_from(PIDS).map(lambda p: (p,)), st.booleans()
    ),
    st.tuples(
        st.just("note"),
        st.integers(0, 1),
        st.sampled_from(PIDS).map(lambda p: (p,)),
        st.sampled_from(["", "short", "# Title\n\n- point [x]", "ünïcode ✓", "short"]),
    ),
    st.tuples(st.just("undo"), st.integers(0, 1), st.just(()), st.none()),
    st.tuples(st.just("redo"), st.integers(0, 1), st.just(()), st.none()),
)


@dataclass
class Model:
    states: dict[str, PaperState] = field(default_factory=dict)
    undo: list[tuple[dict[str, PaperState], dict[str, PaperState]]] = field(default_factory=list)
    redo: list[tuple[dict[str, PaperState], dict[str, PaperState]]] = field(default_factory=list)

    def _set(self, states: dict[str, PaperState]) -> None:
        for pid, state in states.items():
            if state == DEFAULT_STATE:
                self.states.pop(pid, None)
            else:
                self.states[pid] = state

    def change(self, after: dict[str, PaperState]) -> None:
        before = {pid: self.states.get(pid, DEFAULT_STATE) for pid in after}
        changed = {pid: s for pid, s in after.items() if s != before[pid]}
        if changed:
            self.undo.append(({pid: before[pid] for pid in changed}, changed))
            self.redo.clear()
            self._set(changed)

    def step_back(self) -> None:
        if self.undo:
            before, after = self.undo.pop()
            self._set(before)
            self.redo.append((before, after))

    def step_forward(self) -> None:
        if self.redo:
            before, after = self.redo.pop()
            self._set(after)
            self.undo.append((before, after))


def _fn(op: Op, at: str) -> Callable[[str, PaperState], PaperState]:
    kind, _, _, arg = op
    if kind == "status":
        status = Status(str(arg))
        return lambda _p, s: with_status(s, status, at)
    if kind == "star":
        return lambda _p, s: with_star(s, bool(arg))
    return lambda _p, s: with_note(s, str(arg), at)


def _store(folder: Path) -> StateStore:
    return StateStore(
        folder / "library.json",
        lock_path=folder / "library.json.lock",
        backups_dir=folder / "backups",
        clock=lambda: "2026-11-25T09:00:00Z",
    )


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(ops, max_size=25))
def test_random_sequences_match_the_model_and_survive_a_reload(sequence: list[Op]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        stores = [_store(folder), _store(folder)]  # e.g. the app and a CLI command
        model = Model()
        for n, op in enumerate(sequence):
            kind, which, pids, _ = op
            store = stores[which]
            at = f"2026-11-25T10:{n // 60:02d}:{n % 60:02d}Z"
            if kind == "undo":
                store.undo()
                model.step_back()
            elif kind == "redo":
                store.redo()
                model.step_forward()
            else:
                fn = _fn(op, at)
                store.update(pids, fn, label=kind)
                model.change({pid: fn(pid, model.states.get(pid, DEFAULT_STATE)) for pid in pids})
            assert dict(store.states()) == model.states
        assert dict(stores[1 - sequence[-1][1] if sequence else 0].states()) == model.states
        fresh = _store(folder)
        assert dict(fresh.states()) == model.states
        assert [(r.before, r.after) for r in fresh.history()] == model.undo[-1000:]
        assert [(r.before, r.after) for r in reversed(fresh.redo_log())] == model.redo
        fresh.undo()
        model.step_back()
        assert dict(_store(folder).states()) == model.states
        for store in [*stores, fresh]:
            store.close()
