"""The merge rules on hand-picked cases: status by time, tags, notes by lines."""

from __future__ import annotations

from dataclasses import replace

from papershelf.domain.merge_rules import merge_note_text, merge_state, merge_states
from papershelf.domain.models import DEFAULT_STATE, PaperState, Status, StatusChange
from papershelf.domain.notes import CONFLICT_END

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


def test_a_tag_removed_on_one_side_stays_when_the_other_added_it_again_later() -> None:
    from papershelf.domain.merge_rules import change_times, merge_state

    base = PaperState(tags=("survey",))
    removed = PaperState()
    readded = PaperState(tags=("survey",))
    # a removed the tag at 10:00; b removed it at 09:00 and added it again at 11:00.
    a_times = change_times([("2026-12-04T10:00:00Z", {"p": base}, {"p": removed})])
    b_times = change_times(
        [
            ("2026-12-04T09:00:00Z", {"p": base}, {"p": removed}),
            ("2026-12-04T11:00:00Z", {"p": removed}, {"p": readded}),
        ]
    )
    kept = merge_state(base, removed, readded, a_times["p"], b_times["p"]).state
    assert kept.tags == ("survey",)
    # Re-added before the other side's removal: the removal is the later change.
    early = change_times([("2026-12-04T08:00:00Z", {"p": removed}, {"p": readded})])
    gone = merge_state(base, removed, readded, a_times["p"], early["p"]).state
    assert gone.tags == ()
    # Without times the old rule holds: removed on one side, removed.
    assert merge_state(base, removed, readded).state.tags == ()


def test_the_later_star_change_wins() -> None:
    from papershelf.domain.merge_rules import change_times, merge_state

    base = PaperState(starred=True)
    unstarred, starred = PaperState(), PaperState(starred=True)
    a_times = change_times([("2026-12-04T10:00:00Z", {"p": base}, {"p": unstarred})])
    b_times = change_times(
        [
            ("2026-12-04T09:00:00Z", {"p": base}, {"p": unstarred}),
            ("2026-12-04T11:00:00Z", {"p": unstarred}, {"p": starred}),
        ]
    )
    assert merge_state(base, unstarred, starred, a_times["p"], b_times["p"]).state.starred
    assert merge_state(base, starred, unstarred, b_times["p"], a_times["p"]).state.starred


def test_two_versions_changed_in_one_second_read_apart() -> None:
    """Both markers said 'the version of the copy changed <that second>': nothing told the
    two versions apart. They are numbered, and each names its own time."""
    merged = merge_note_text("idea\n", "idea A\n", "idea B\n", a_changed=T1, b_changed=T1)
    start, first, split, second, end = merged.text.splitlines()
    assert (first, second, end) == ("idea A", "idea B", CONFLICT_END)
    about = [line.split("papershelf: ", 1)[1].split("; ")[-1] for line in (start, split)]
    assert about[0] != about[1] and all(T1 in text for text in about)
    assert "1 of 2" in about[0] and "2 of 2" in about[1]
    exact = ("2026-01-01T10:00:00.250000Z", "2026-01-01T10:00:00.750000Z")
    timed = merge_note_text(
        "idea\n", "idea B\n", "idea A\n", a_changed=exact[1], b_changed=exact[0]
    )
    lines = timed.text.splitlines()
    assert exact[0] in lines[0] and exact[1] in lines[2] and lines[1] == "idea A"
