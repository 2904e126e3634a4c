"""Two copies of a library edited apart from one base must merge the same way in both orders.

Random sequences of mark, star, tag, note edits and undos run on each copy (each copy keeps
its own undo stack, as the library's log does); the merge must be symmetric, idempotent and
must keep every line of note text either side wrote.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from papershelf.domain.merge_rules import merge_states
from papershelf.domain.models import DEFAULT_STATE, PaperState, Status
from papershelf.domain.state_ops import (
    with_note,
    with_star,
    with_status,
    with_tags_added,
    with_tags_removed,
)

PIDS = ["p1", "p2", "p3"]
LINES = ["alpha", "beta", "gamma", "delta", "ünï ✓", ""]
States = dict[str, PaperState]
Edits = list[tuple[str, str, object]]

edit = st.one_of(
    st.tuples(st.just("status"), st.sampled_from(PIDS), st.sampled_from(list(Status))),
    st.tuples(st.just("star"), st.sampled_from(PIDS), st.booleans()),
    st.tuples(st.just("tag+"), st.sampled_from(PIDS), st.sampled_from(["ml", "ML", "os", "db"])),
    st.tuples(st.just("tag-"), st.sampled_from(PIDS), st.sampled_from(["ml", "os", "db"])),
    st.tuples(st.just("append"), st.sampled_from(PIDS), st.sampled_from(LINES)),
    st.tuples(st.just("rewrite"), st.sampled_from(PIDS), st.integers(0, 5)),
    st.tuples(st.just("drop"), st.sampled_from(PIDS), st.integers(0, 5)),
    st.tuples(st.just("undo"), st.just(""), st.none()),
)


def _note_edit(note: str, kind: str, arg: object, tag: str) -> str:
    lines = note.split("\n") if note else []
    if kind == "append":
        return "\n".join([*lines, f"{arg} {tag}"])
    if not lines:
        return note
    i = int(str(arg)) % len(lines)
    if kind == "rewrite":
        lines[i] = f"{lines[i]} edited {tag}"
    else:
        del lines[i]
    return "\n".join(lines)


def run(states: States, edits: list[tuple[str, str, object]], side: str, t0: int) -> States:
    """Apply edits at increasing times; ``side`` makes each copy's times and text its own."""
    states = dict(states)
    undo: list[tuple[str, PaperState]] = []
    for n, (kind, pid, arg) in enumerate(edits):
        at = f"2026-01-01T00:{(t0 + 2 * n) // 60:02d}:{(t0 + 2 * n) % 60:02d}Z"
        if kind == "undo":
            if undo:
                old_pid, old = undo.pop()
                states[old_pid] = old
            continue
        old = states.get(pid, DEFAULT_STATE)
        if kind == "status":
            new = with_status(old, Status(str(arg)), at)
        elif kind == "star":
            new = with_star(old, bool(arg))
        elif kind == "tag+":
            new = with_tags_added(old, [str(arg)])
        elif kind == "tag-":
            new = with_tags_removed(old, [str(arg)])
        else:
            new = with_note(old, _note_edit(old.note, kind, arg, f"{side}{n}"), at)
        if new != old:
            undo.append((pid, old))
            states[pid] = new
    return states


def _lines(states: Mapping[str, PaperState], pid: str) -> set[str]:
    return {line for line in states.get(pid, DEFAULT_STATE).note.split("\n") if line}


def check(base_edits: Edits, a_edits: Edits, b_edits: Edits) -> None:
    base = run({}, base_edits, "o", 0)
    a = run(base, a_edits, "a", 1000)
    b = run(base, b_edits, "b", 1001)
    ab = merge_states(base, a, b)
    ba = merge_states(base, b, a)
    assert ab.states == ba.states
    assert ab.conflicts == ba.conflicts
    assert ab.seen == ba.seen
    # Merging again, either way round, changes nothing.
    assert merge_states(base, ab.states, b, a_seen=ab.seen).states == ab.states
    assert merge_states(base, a, ab.states, b_seen=ab.seen).states == ab.states
    for pid in PIDS:
        o, x, y = (s.get(pid, DEFAULT_STATE) for s in (base, a, b))
        got = ab.states.get(pid, DEFAULT_STATE)
        # A change made on one side only is in the result.
        for mine, other in ((x, y), (y, x)):
            if other.status == o.status:
                assert got.status == mine.status
            if other.starred == o.starred:
                assert got.starred == mine.starred
            fold = {t.casefold() for t in got.tags}
            assert {t.casefold() for t in mine.tags} - {t.casefold() for t in o.tags} <= fold
        merged = _lines(ab.states, pid)
        for side in (a, b):
            added = _lines(side, pid) - _lines(base, pid)
            assert added <= merged, (pid, added - merged)


edits = st.lists(edit, max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits, edits, edits)
def test_merge_is_symmetric_idempotent_and_keeps_note_text(
    base_edits: Edits, a_edits: Edits, b_edits: Edits
) -> None:
    check(base_edits, a_edits, b_edits)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edit, max_size=30), st.lists(edit, max_size=40), st.lists(edit, max_size=40))
def test_merge_properties_long(base_edits: Edits, a_edits: Edits, b_edits: Edits) -> None:
    check(base_edits, a_edits, b_edits)
