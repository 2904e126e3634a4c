"""StateStore: update, no-ops, defaults, undo/redo, bulk restore, caching between instances."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from papershelf.domain.models import DEFAULT_STATE, PaperState, Status
from papershelf.domain.state_ops import with_note, with_star, with_status
from papershelf.storage import state_store
from papershelf.storage.schema import SCHEMA
from papershelf.storage.state_store import StateStore


class Clock:
    def __init__(self) -> None:
        self.tick = 0

    def __call__(self) -> str:
        self.tick += 1
        return f"2026-11-25T09:{self.tick // 60 % 60:02d}:{self.tick % 60:02d}Z"


def make_store(folder: Path) -> StateStore:
    return StateStore(
        folder / "library.json",
        lock_path=folder / "library.json.lock",
        backups_dir=folder / "backups",
        clock=Clock(),
    )


def mark(
    status: Status, at: str = "2026-11-25T09:00:00Z"
) -> Callable[[str, PaperState], PaperState]:
    return lambda _pid, state: with_status(state, status, at)


def _on_disk(folder: Path) -> Any:
    return orjson.loads((folder / "library.json").read_bytes())


def test_empty_store_has_default_state_everywhere(tmp_path: Path) -> None:
    store = make_store(tmp_path / "data")
    assert dict(store.states()) == {}
    assert store.get("anything") == DEFAULT_STATE
    assert store.history() == []
    assert store.undo() is None
    assert store.redo() is None
    assert store.path == tmp_path / "data" / "library.json"


def test_update_returns_record_and_persists(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    record = store.update(["a", "b", "a"], mark(Status.READ), label="mark read")
    assert record is not None
    assert record.seq == 1
    assert record.label == "mark read"
    assert record.at == "2026-11-25T09:00:01Z"
    assert set(record.before) == set(record.after) == {"a", "b"}
    assert record.before["a"] == DEFAULT_STATE
    assert record.after["a"].status is Status.READ
    assert store.get("a").status is Status.READ
    disk = _on_disk(tmp_path)
    assert disk["schema"] == SCHEMA
    assert set(disk["states"]) == {"a", "b"}
    assert list(disk["undo"]) == ["00000001"]
    assert dict(make_store(tmp_path).states()) == dict(store.states())


def test_no_op_writes_nothing(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    store.update(["a"], mark(Status.READ), label="mark read")
    before = (tmp_path / "library.json").read_bytes()
    mtime = (tmp_path / "library.json").stat().st_mtime_ns
    assert store.update(["a"], mark(Status.READ), label="again") is None
    assert store.update([], mark(Status.READ), label="nothing") is None
    assert (tmp_path / "library.json").read_bytes() == before
    assert (tmp_path / "library.json").stat().st_mtime_ns == mtime
    assert len(store.history()) == 1


def test_only_changed_papers_are_in_the_record(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    store.update(["a"], mark(Status.READ), label="mark read")
    record = store.update(["a", "b"], mark(Status.READ), label="mark read")
    assert record is not None
    assert set(record.after) == {"b"}


def test_default_states_leave_the_file_but_history_is_kept(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    store.update(["s"], lambda _p, s: with_star(s, True), label="star")
    store.update(["s"], lambda _p, s: with_star(s, False), label="unstar")
    assert "s" not in store.states()
    assert "s" not in _on_disk(tmp_path)["states"]
    store.update(["h"], mark(Status.READ), label="mark read")
    store.update(["h"], mark(Status.UNREAD), label="mark unread")
    kept = store.states()["h"]
    assert kept.is_default
    assert [c.status for c in kept.history] == [Status.READ, Status.UNREAD]
    assert "h" in _on_disk(tmp_path)["states"]


def test_stored_states_omit_default_fields(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    store.update(["s"], lambda _p, s: with_star(s, True), label="star")
    assert _on_disk(tmp_path)["states"] == {"s": {"starred": True}}


def test_undo_and_redo_walk_the_log(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    first = store.update(["a"], mark(Status.TO_READ), label="mark to-read")
    second = store.update(["a"], lambda _p, s: with_note(s, "n", "t"), label="note")
    assert first is not None and second is not None
    assert store.undo() == second
    assert store.get("a") == first.after["a"]
    assert store.undo() == first
    assert store.get("a") == DEFAULT_STATE
    assert "a" not in store.states()
    assert store.undo() is None
    assert [r.seq for r in store.redo_log()] == [1, 2]
    assert store.redo() == first
    assert store.redo() == second
    assert store.get("a").note == "n"
    assert store.redo() is None
    assert [r.seq for r in store.history()] == [1, 2]


def test_new_change_clears_redo_and_seq_keeps_growing(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    store.update(["a"], mark(Status.READ), label="one")
    store.undo()
    third = store.update(["b"], mark(Status.READ), label="two")
    assert third is not None
    assert third.seq == 2  # never reuses a number, even after the log emptied
    assert store.redo() is None
    assert store.redo_log() == []


def test_undo_works_across_instances_and_restarts(tmp_path: Path) -> None:
    make_store(tmp_path).update(["a"], mark(Status.READ), label="mark read")
    other = make_store(tmp_path)
    undone = other.undo()
    assert undone is not None and undone.label == "mark read"
    assert make_store(tmp_path).get("a") == DEFAULT_STATE


def test_undo_log_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(state_store, "UNDO_CAP", 5)
    store = make_store(tmp_path)
    for i in range(8):
        store.update([f"p{i}"], mark(Status.READ), label=f"mark {i}")
    assert [r.seq for r in store.history()] == [4, 5, 6, 7, 8]
    for _ in range(5):
        assert store.undo() is not None
    assert store.undo() is None
    assert sorted(store.states()) == ["p0", "p1", "p2"]


def test_undo_log_state_budget_keeps_at_least_the_newest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(state_store, "UNDO_STATE_BUDGET", 10)
    store = make_store(tmp_path)
    store.update(["x"], mark(Status.READ), label="small")
    bulk = [f"p{i}" for i in range(20)]
    store.update(bulk, mark(Status.READ), label="bulk")
    assert [r.label for r in store.history()] == ["bulk"]
    store.update(["y"], mark(Status.READ), label="small again")
    assert [r.label for r in store.history()] == ["small again"]
    store.undo()
    store.update(["z"], mark(Status.READ), label="z")
    assert [r.label for r in store.history()] == ["z"]


def test_other_instances_see_changes_and_refresh_reports_them(tmp_path: Path) -> None:
    app = make_store(tmp_path)
    cli = make_store(tmp_path)
    assert app.refresh() == 0  # first load is not a change
    cli.update(["a"], mark(Status.READ), label="mark read")
    assert app.refresh() == 1
    assert app.refresh() == 1
    cli.update(["c"], mark(Status.READ), label="mark read")
    assert app.get("c").status is Status.READ  # a read notices the change first...
    assert app.refresh() == 2  # ...and refresh still counts it
    assert app.get("a").status is Status.READ
    # the app's next change starts from the file, not from its stale view
    app.update(["b"], mark(Status.READ), label="mark read")
    assert sorted(cli.states()) == ["a", "b", "c"]


def test_states_snapshot_does_not_change_under_the_caller(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    store.update(["a"], mark(Status.READ), label="one")
    snapshot = store.states()
    store.update(["b"], mark(Status.READ), label="two")
    assert list(snapshot) == ["a"]
    with pytest.raises(TypeError):
        snapshot["c"] = DEFAULT_STATE  # type: ignore[index]


def test_function_errors_write_nothing(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    store.update(["a"], mark(Status.READ), label="one")
    before = (tmp_path / "library.json").read_bytes()

    def boom(_pid: str, _state: PaperState) -> PaperState:
        raise ValueError("bad")

    with pytest.raises(ValueError):
        store.update(["a"], boom, label="boom")
    assert (tmp_path / "library.json").read_bytes() == before
    assert store.update(["b"], mark(Status.READ), label="after") is not None  # lock released


def test_threads_share_one_store_safely(tmp_path: Path) -> None:
    store = make_store(tmp_path)

    def bump(_pid: str, state: PaperState) -> PaperState:
        return with_note(state, str(int(state.note or "0") + 1), "t")

    def work() -> None:
        for _ in range(25):
            store.update(["counter"], bump, label="bump")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.get("counter").note == "100"
    assert make_store(tmp_path).get("counter").note == "100"


def test_check_is_clean_for_a_good_or_missing_file(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    assert store.check() == []
    store.update(["a"], mark(Status.READ), label="one")
    assert store.check() == []


def test_first_write_sweeps_temp_files_a_killed_writer_left(tmp_path: Path) -> None:
    stale = tmp_path / ".library.json.k1ll3d.tmp"
    stale.write_bytes(b'{"schema": 1, "sta')
    unrelated = tmp_path / ".catalog.json.x.tmp"
    unrelated.write_bytes(b"")
    store = make_store(tmp_path)
    store.states()
    assert stale.exists()  # reading never deletes anything
    store.update(["a"], mark(Status.READ), label="mark read")
    assert not stale.exists()
    assert unrelated.exists()
