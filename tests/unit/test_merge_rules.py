"""The merge rules on hand-picked cases: status by time, tags, notes by lines."""

from __future__ import annotations

from dataclasses import replace

from papershelf.domain.merge_rules import (
    CONFLICT_END,
    merge_note_text,
    merge_state,
    merge_states,
)
from papershelf.domain.models import DEFAULT_STATE, PaperState, Status, StatusChange

T1, T2, T3 = "2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z", "2026-01-03T10:00:00Z"


def marked(status: Status, at: str, base: PaperState = DEFAULT_STATE) -> PaperState:
    return replace(base, status=status, history=(*base.history, StatusChange(status, at)))


def test_the_later_status_change_wins_whichever_side_it_is_on() -> None:
    base = marked(Status.TO_READ, T1)
    early, late = marked(Status.READING, T2, base), marked(Status.READ, T3, base)
    for a, b in ((early, late), (late, early)):
        merged = merge_state(base, a, b).state
        assert merged.status is Status.READ
        assert [c.status for c in merged.history] == [Status.TO_READ, Status.READING, Status.READ]


def test_a_change_on_one_side_only_is_taken_even_if_older() -> None:
    base = PaperState(starred=True, tags=("ml",))
    a = PaperState(starred=False, tags=("ml",))
    b = marked(Status.READ, T3, PaperState(starred=True, tags=("ml", "os")))
    merged = merge_state(base, a, b).state
    assert (merged.starred, merged.status, merged.tags) == (False, Status.READ, ("ml", "os"))


def test_tags_removed_on_one_side_go_added_on_either_stay() -> None:
    base = PaperState(tags=("ml", "os"))
    a = PaperState(tags=("os", "db"))
    b = PaperState(tags=("ml", "os", "gpu"))
    assert merge_state(base, a, b).state.tags == ("db", "gpu", "os")


def test_note_lines_changed_on_one_side_each_are_both_taken() -> None:
    base = "one\ntwo\nthree\n"
    merged = merge_note_text(base, "ONE\ntwo\nthree\n", "one\ntwo\nTHREE\nfour\n")
    assert merged.text == "ONE\ntwo\nTHREE\nfour\n"
    assert merged.conflicts == 0


def test_the_same_lines_changed_on_both_sides_keep_both_with_markers() -> None:
    merged = merge_note_text("idea\n", "idea A\n", "idea B\n", a_changed=T2, b_changed=T1)
    assert merged.conflicts == 1
    lines = merged.text.splitlines()
    assert lines[1:2] == ["idea B"] and lines[3:4] == ["idea A"]  # earlier change first
    assert T1 in lines[0] and T2 in lines[2] and lines[4] == CONFLICT_END
    swapped = merge_note_text("idea\n", "idea B\n", "idea A\n", a_changed=T1, b_changed=T2)
    assert swapped == merged


def test_papers_known_to_one_side_keep_their_state_and_conflicts_are_named() -> None:
    only_a = PaperState(note="mine")
    a = {"x": only_a, "n": PaperState(note="A", note_changed=T2)}
    b = {"y": PaperState(starred=True), "n": PaperState(note="B", note_changed=T1)}
    merged = merge_states({"n": PaperState(note="o")}, a, b)
    assert merged.states["x"] == only_a and merged.states["y"].starred
    assert merged.conflicts == ("n",)
    assert "A" in merged.states["n"].note.splitlines()
    assert "B" in merged.states["n"].note.splitlines()
