"""Pure state operations (domain/state_ops): status history, triage time, star, note."""

from __future__ import annotations

from papershelf.domain.models import DEFAULT_STATE, PaperState, Status, StatusChange
from papershelf.domain.state_ops import with_note, with_star, with_status

T1, T2, T3 = "2026-11-25T09:00:00Z", "2026-11-25T10:00:00Z", "2026-11-26T08:00:00Z"


def test_first_status_change_records_history_and_triage_time() -> None:
    state = with_status(DEFAULT_STATE, Status.TO_READ, T1)
    assert state.status is Status.TO_READ
    assert state.history == (StatusChange(Status.TO_READ, T1),)
    assert state.first_triaged == T1
    assert state.status_changed == T1


def test_later_changes_append_and_keep_first_triage() -> None:
    state = with_status(with_status(DEFAULT_STATE, Status.TO_READ, T1), Status.READ, T2)
    state = with_status(state, Status.UNREAD, T3)
    assert [c.status for c in state.history] == [Status.TO_READ, Status.READ, Status.UNREAD]
    assert state.first_triaged == T1
    assert state.status is Status.UNREAD
    assert state.status_changed == T3


def test_back_to_unread_before_triage_does_not_set_triage_time() -> None:
    state = with_status(DEFAULT_STATE, Status.UNREAD, T1)
    assert state is DEFAULT_STATE  # same status: no-op
    read_then_unread = with_status(with_status(DEFAULT_STATE, Status.READ, T1), Status.UNREAD, T2)
    assert read_then_unread.first_triaged == T1
    assert read_then_unread.is_default  # unread, no star, no note ...
    assert read_then_unread != DEFAULT_STATE  # ... but its history must be kept


def test_same_status_is_a_no_op_without_history_entry() -> None:
    state = with_status(DEFAULT_STATE, Status.READING, T1)
    assert with_status(state, Status.READING, T2) is state


def test_star_and_unstar() -> None:
    starred = with_star(DEFAULT_STATE, True)
    assert starred.starred
    assert with_star(starred, True) is starred
    assert with_star(starred, False) == DEFAULT_STATE
    assert with_star(DEFAULT_STATE, False) is DEFAULT_STATE


def test_note_sets_text_and_time_and_same_text_is_a_no_op() -> None:
    state = with_note(DEFAULT_STATE, "# Notes\n\nfast path", T1)
    assert state.note == "# Notes\n\nfast path"
    assert state.note_changed == T1
    assert with_note(state, "# Notes\n\nfast path", T2) is state
    cleared = with_note(state, "", T2)
    assert cleared.note == ""
    assert cleared.note_changed == T2
    assert cleared != DEFAULT_STATE  # the timestamp says a note existed


def test_ops_leave_other_fields_alone() -> None:
    base = PaperState(
        status=Status.READ,
        starred=True,
        note="n",
        first_triaged=T1,
        history=(StatusChange(Status.READ, T1),),
        note_changed=T1,
    )
    assert with_star(base, False).note == "n"
    assert with_note(base, "m", T2).history == base.history
    assert with_status(base, Status.READING, T2).starred
