"""A merge after one copy's undo log was cut by a bulk change still finds the shared base.

The log keeps at most ``UNDO_STATE_BUDGET`` paper states: one bulk change over that drops
every earlier record. Their keys stay (``storage.ancestry``), so the merge uses the change
both copies share instead of an empty base, which brought back a star and a tag removed on
the other copy and doubled a note's lines.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from papershelf.domain.models import Status
from papershelf.domain.state_ops import (
    with_note,
    with_star,
    with_status,
    with_tags_added,
    with_tags_removed,
)
from papershelf.services.merging import merge_into
from papershelf.storage import ancestry, state_store
from papershelf.storage.library_copy import read_copy

from .test_merge_history import change, store

NOTE = "line one\nline two\nline three"
BULK = [f"bulk{i:03d}" for i in range(40)]


@pytest.fixture(autouse=True)
def small_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """40 papers stand for 12,000: the budget is scaled down with them."""
    monkeypatch.setattr(state_store, "UNDO_STATE_BUDGET", 60)


def _parted(tmp_path: Path) -> tuple[state_store.StateStore, state_store.StateStore]:
    """Two copies of a library with a starred, tagged, annotated paper, then their changes."""
    a = store(tmp_path / "x", 0)
    change(a, "p1", lambda s: with_star(s, True), "star")
    change(a, "p1", lambda s: with_tags_added(s, ["sharedtag"]), "tag")
    change(a, "p2", lambda s: with_note(s, NOTE, "2026-01-01T00:00:05Z"), "note")
    shutil.copytree(tmp_path / "x", tmp_path / "y")
    x, y = a, store(tmp_path / "y", 1001)
    change(x, "p1", lambda s: with_star(s, False), "unstar")
    change(x, "p1", lambda s: with_tags_removed(s, ["sharedtag"]), "untag")
    edited_x = NOTE.replace("line one", "line one EDITED ON X")
    change(x, "p2", lambda s: with_note(s, edited_x, "2026-01-01T01:00:00Z"), "note")
    edited_y = NOTE.replace("line three", "line three EDITED ON Y")
    change(y, "p2", lambda s: with_note(s, edited_y, "2026-01-01T02:00:00Z"), "note")
    at = "2026-01-01T03:00:00Z"
    y.update(BULK, lambda _pid, s: with_status(s, Status.READ, at), label="bulk")
    return x, y


def test_a_bulk_change_cuts_the_log_but_keeps_the_keys_of_what_it_dropped(tmp_path: Path) -> None:
    _, y = _parted(tmp_path)
    assert [r.label for r in y.history()] == ["bulk"]  # 80 states: alone over the budget
    copy = read_copy(tmp_path / "y" / "library.json")
    assert [key[1] for key in copy.ancestors] == ["star", "tag", "note", "note"]
    assert set(copy.ancestors) <= copy.held


def test_the_merge_uses_the_shared_change_and_keeps_both_sides_edits(tmp_path: Path) -> None:
    x, _ = _parted(tmp_path)
    report = merge_into(x, tmp_path / "y" / "library.json")
    assert report.base.startswith("the last change both copies share (#3 note")
    p1, p2 = x.get("p1"), x.get("p2")
    assert (p1.starred, p1.tags) == (False, ())  # removed on x, untouched on y: removed
    assert p2.note == "line one EDITED ON X\nline two\nline three EDITED ON Y"
    assert all(x.get(pid).status is Status.READ for pid in BULK)
    assert report.conflicts == ()


def test_the_other_way_round_too(tmp_path: Path) -> None:
    _, y = _parted(tmp_path)
    report = merge_into(y, tmp_path / "x" / "library.json")
    assert report.base.startswith("the last change both copies share (#3 note")
    assert (y.get("p1").starred, y.get("p1").tags) == (False, ())
    assert y.get("p2").note == "line one EDITED ON X\nline two\nline three EDITED ON Y"


def test_two_copies_cut_after_the_same_change_merge_from_it(tmp_path: Path) -> None:
    a = store(tmp_path / "x", 0)
    change(a, "p1", lambda s: with_star(s, True), "star")
    shutil.copytree(tmp_path / "x", tmp_path / "y")
    b = store(tmp_path / "y", 1001)
    a.update(BULK, lambda _pid, s: with_status(s, Status.READ, "t1"), label="bulk x")
    b.update(BULK[:35], lambda _pid, s: with_status(s, Status.TO_READ, "t2"), label="bulk y")
    change(b, "p1", lambda s: with_star(s, False), "unstar")  # the bulk record leaves y's log
    report = merge_into(a, tmp_path / "y" / "library.json")
    assert report.base.startswith("the last change both copies share (#1 star")
    assert a.get("p1").starred is False


def test_the_kept_keys_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ancestry, "CAP", 3)
    record = {"seq": 1, "label": "l", "at": "t", "changes": {}}
    entry = ancestry.remember(None, [dict(record, seq=n) for n in range(1, 6)])
    assert [key[0] for key in ancestry.held(entry)] == [3, 4, 5]
    damaged = {"keys": [[1, "l", "t"], "x", [2, "l", "t", "d"]]}
    assert ancestry.held(damaged) == ((2, "l", "t", "d"),)


def test_a_merge_carries_what_the_other_copy_held_unlisted_to_a_third_copy(tmp_path: Path) -> None:
    """A merges B after B's log was cut; C, an older copy of B, then merges with A.

    A must hold B's dropped changes too, or the base with C is older than it should be and
    the note B wrote comes back beside A's edit of it.
    """
    b = store(tmp_path / "b", 0)
    change(b, "p0", lambda s: with_star(s, True), "x")
    shutil.copytree(tmp_path / "b", tmp_path / "a")
    a = store(tmp_path / "a", 3001)
    change(b, "p2", lambda s: with_note(s, "alpha line", "2026-01-01T00:00:09Z"), "note")
    shutil.copytree(tmp_path / "b", tmp_path / "c")  # holds x and the note, uncut
    at = "2026-01-01T03:00:00Z"
    b.update(BULK, lambda _pid, s: with_status(s, Status.READ, at), label="bulk")
    change(b, "p1", lambda s: with_star(s, True), "star")  # the bulk record leaves b's log
    assert [r.label for r in b.history()] == ["star"]
    merge_into(a, tmp_path / "b" / "library.json")
    change(a, "p2", lambda s: with_note(s, "edited alpha line", "2026-01-01T04:00:00Z"), "edit")
    c = store(tmp_path / "c", 6001)
    report = merge_into(c, tmp_path / "a" / "library.json")
    assert report.base.startswith("the last change both copies share (#2 note")
    assert c.get("p2").note == "edited alpha line"
    report = merge_into(a, tmp_path / "c" / "library.json")
    assert a.get("p2").note == "edited alpha line"
