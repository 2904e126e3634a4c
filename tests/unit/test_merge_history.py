"""A merge keeps both copies' histories: the other copy's steps ride in the merge record.

Real library files on disk, changed through ``StateStore`` as the app and CLI change them,
with a clock per copy so each side's change times are its own.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from papershelf.domain.models import PaperState, Status
from papershelf.domain.state_ops import (
    with_note,
    with_star,
    with_status,
    with_tags_added,
    with_tags_removed,
)
from papershelf.services.merging import merge_into
from papershelf.storage.library_copy import read_copy
from papershelf.storage.state_store import StateStore


def clock(start: int) -> Callable[[], str]:
    """A clock that moves 2 s per reading from ``start`` (so two copies never share a time)."""
    ticks: Iterator[int] = iter(range(start, 10**6, 2))

    def now() -> str:
        t = next(ticks)
        return f"2026-01-01T{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}Z"

    return now


def store(folder: Path, start: int) -> StateStore:
    folder.mkdir(parents=True, exist_ok=True)
    return StateStore(
        folder / "library.json",
        lock_path=folder / "lock",
        backups_dir=folder / "backups",
        clock=clock(start),
    )


def change(s: StateStore, pid: str, fn: Callable[[PaperState], PaperState], label: str) -> None:
    s.update([pid], lambda _pid, old: fn(old), label=label)


def keys(folder: Path) -> set[tuple[int, str, str, str]]:
    return set(read_copy(folder / "library.json").held)


def two_copies(tmp_path: Path) -> tuple[StateStore, StateStore]:
    a = store(tmp_path / "a", 0)
    change(a, "p1", lambda s: with_status(s, Status.TO_READ, "2026-01-01T00:00:00Z"), "mark")
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    return a, store(tmp_path / "b", 1001)


def test_the_merge_record_keeps_the_other_copys_steps_and_undoes_as_one(tmp_path: Path) -> None:
    a, b = two_copies(tmp_path)
    change(a, "p1", lambda s: with_status(s, Status.READ, "t"), "mark read")
    change(b, "p2", lambda s: with_star(s, True), "star")
    change(b, "p3", lambda s: with_tags_added(s, ["survey"]), "tag survey")
    before_a = dict(a.states())
    report = merge_into(a, tmp_path / "b" / "library.json")
    assert report.seq is not None
    top = a.history()[-1]
    assert top.label.startswith("merge") and top.merged is not None
    assert [step["label"] for step in top.merged] == ["star", "tag survey"]
    # Every change either copy made is held by the merged copy.
    assert keys(tmp_path / "a") >= keys(tmp_path / "b")
    assert [r.label for r in a.history()[:-1]] == ["mark", "mark read"]
    assert a.get("p2").starred and a.get("p3").tags == ("survey",)
    a.undo()
    assert dict(a.states()) == before_a
    a.redo()
    again = a.history()[-1]
    assert again.merged == top.merged and a.get("p2").starred
    # A second merge of the same copy writes nothing.
    assert merge_into(a, tmp_path / "b" / "library.json").seq is None


def test_a_fast_forward_to_the_merged_file_keeps_the_other_machines_own_steps(
    tmp_path: Path,
) -> None:
    a, b = two_copies(tmp_path)
    change(b, "p2", lambda s: with_note(s, "b's note", "t"), "note")
    b_keys = keys(tmp_path / "b")
    change(a, "p1", lambda s: with_star(s, True), "star")
    merge_into(a, tmp_path / "b" / "library.json")
    # git pull on b only fast-forwards to the merged file: b's note step is still there.
    shutil.copy(tmp_path / "a" / "library.json", tmp_path / "b" / "library.json")
    assert keys(tmp_path / "b") >= b_keys


def test_a_later_merge_uses_the_times_the_changes_were_made_not_the_merge_time(
    tmp_path: Path,
) -> None:
    """Three machines: b's star reaches c through a; c's later unstar must win."""
    a = store(tmp_path / "a", 0)
    change(a, "p9", lambda s: with_status(s, Status.TO_READ, "t"), "mark")
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    shutil.copytree(tmp_path / "a", tmp_path / "c")
    b = store(tmp_path / "b", 100)  # b stars p at 00:01:40
    c = store(tmp_path / "c", 200)  # c stars p at 00:03:20 and unstars it at 00:03:22
    later = store(tmp_path / "a", 5000)  # a merges b at 01:23:20
    change(b, "p", lambda s: with_star(s, True), "star")
    change(c, "p", lambda s: with_star(s, True), "star")
    change(c, "p", lambda s: with_star(s, False), "unstar")
    merge_into(later, tmp_path / "b" / "library.json")
    assert later.get("p").starred
    merge_into(c, tmp_path / "a" / "library.json")
    assert not c.get("p").starred  # c's unstar (00:03:22) is later than b's star (00:01:40)
    merge_into(later, tmp_path / "c" / "library.json")
    assert not later.get("p").starred


def test_a_merge_back_finds_the_base_in_the_steps_it_brought_in(tmp_path: Path) -> None:
    a, b = two_copies(tmp_path)
    change(b, "p2", lambda s: with_note(s, "one\ntwo\nthree", "t"), "note")
    merge_into(a, tmp_path / "b" / "library.json")
    change(b, "p2", lambda s: with_note(s, "one\ntwo\nthree B", "t"), "note")
    change(a, "p2", lambda s: with_note(s, "one A\ntwo\nthree", "t"), "note")
    report = merge_into(b, tmp_path / "a" / "library.json")
    # Against the note both hold (not an empty base), the two edits merge cleanly.
    assert not report.conflicts, report.base
    assert b.get("p2").note == "one A\ntwo\nthree B"


PIDS = ["p1", "p2", "p3"]
op = st.one_of(
    st.tuples(st.just("status"), st.sampled_from(PIDS), st.sampled_from(list(Status))),
    st.tuples(st.just("star"), st.sampled_from(PIDS), st.booleans()),
    st.tuples(st.just("tag+"), st.sampled_from(PIDS), st.sampled_from(["ml", "os"])),
    st.tuples(st.just("tag-"), st.sampled_from(PIDS), st.sampled_from(["ml", "os"])),
    st.tuples(st.just("note"), st.sampled_from(PIDS), st.sampled_from(["x", "y", ""])),
    st.tuples(st.just("undo"), st.just(""), st.none()),
)
Ops = list[tuple[str, str, object]]


def edited(state: PaperState, kind: str, arg: object, stamp: str) -> PaperState:
    if kind == "status":
        return with_status(state, Status(str(arg)), stamp)
    if kind == "star":
        return with_star(state, bool(arg))
    if kind == "tag+":
        return with_tags_added(state, [str(arg)])
    if kind == "tag-":
        return with_tags_removed(state, [str(arg)])
    return with_note(state, f"{state.note}\n{arg} {stamp}".strip(), stamp)


def play(s: StateStore, ops: Ops, side: str) -> None:
    for n, (kind, pid, arg) in enumerate(ops):
        if kind == "undo":
            s.undo()
            continue

        def fn(
            _pid: str, old: PaperState, k: str = kind, a: object = arg, n: int = n
        ) -> PaperState:
            return edited(old, k, a, f"{side}{n}")

        s.update([pid], fn, label=kind)


def check_histories(tmp_path: Path, base_ops: Ops, a_ops: Ops, b_ops: Ops) -> None:
    shutil.rmtree(tmp_path, ignore_errors=True)
    a = store(tmp_path / "a", 0)
    change(a, "p0", lambda s: with_star(s, True), "star")
    play(a, base_ops, "o")
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    b = store(tmp_path / "b", 20001)
    a = store(tmp_path / "a", 20000)
    play(a, a_ops, "a")
    play(b, b_ops, "b")
    for side in ("a", "b"):
        shutil.copytree(tmp_path / side, tmp_path / f"{side}2")
    held = keys(tmp_path / "a") | keys(tmp_path / "b")
    a_into_b = store(tmp_path / "b2", 40001)
    b_into_a = store(tmp_path / "a2", 40000)
    one = merge_into(a_into_b, tmp_path / "a" / "library.json")
    other = merge_into(b_into_a, tmp_path / "b" / "library.json")
    states = {pid: a_into_b.get(pid) for pid in PIDS}
    assert states == {pid: b_into_a.get(pid) for pid in PIDS}
    # Both histories survive a merge that changed something, whichever way it went (one
    # that changed nothing writes nothing: the two copies already agreed).
    for report, side in ((one, "b2"), (other, "a2")):
        assert report.seq is None or keys(tmp_path / side) >= held
    # Merging again writes nothing, and the merged copies merge into each other as no-ops.
    assert merge_into(a_into_b, tmp_path / "a" / "library.json").seq is None
    merge_into(a_into_b, tmp_path / "a2" / "library.json")
    assert {pid: a_into_b.get(pid) for pid in PIDS} == states


FIXTURE_OK = [HealthCheck.function_scoped_fixture]


@settings(max_examples=25, deadline=None, suppress_health_check=FIXTURE_OK)
@given(st.lists(op, max_size=4), st.lists(op, max_size=6), st.lists(op, max_size=6))
def test_both_histories_survive_a_merge_either_way(
    tmp_path: Path, base_ops: Ops, a_ops: Ops, b_ops: Ops
) -> None:
    check_histories(tmp_path / "h", base_ops, a_ops, b_ops)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=FIXTURE_OK)
@given(st.lists(op, max_size=6), st.lists(op, max_size=12), st.lists(op, max_size=12))
def test_both_histories_survive_a_merge_either_way_long(
    tmp_path: Path, base_ops: Ops, a_ops: Ops, b_ops: Ops
) -> None:
    check_histories(tmp_path / "h", base_ops, a_ops, b_ops)
