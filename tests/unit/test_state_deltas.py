"""The undo log stores what changed: note hunks, exact undo/redo, size, migration of schema 1."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from papershelf.domain.models import DEFAULT_STATE, PaperState, Status, StatusChange
from papershelf.domain.state_ops import with_note, with_status
from papershelf.errors import LibraryError
from papershelf.storage import deltas
from papershelf.storage.deltas import DeltaMismatch, apply_delta, diff_text, patch, state_delta
from papershelf.storage.schema import SCHEMA, load_document
from papershelf.storage.state_store import StateStore

AT = "2026-11-25T09:00:00Z"
text = st.text(alphabet=st.sampled_from("ab \n✓é#-"), max_size=60)


Change = Callable[[str, PaperState], PaperState]


def _mark(status: Status) -> Change:
    return lambda _p, s: with_status(s, status, AT)


def _append(text: str) -> Change:
    return lambda _p, s: with_note(s, s.note + text, AT)


def _set_note(text: str) -> Change:
    return lambda _p, s: with_note(s, text, AT)


def _store(folder: Path) -> StateStore:
    return StateStore(
        folder / "library.json",
        lock_path=folder / "library.json.lock",
        backups_dir=folder / "backups",
        clock=lambda: AT,
    )


@given(text, text)
def test_hunks_turn_old_into_new_and_back(old: str, new: str) -> None:
    hunks = diff_text(old, new)
    assert patch(old, hunks) == new
    assert patch(new, hunks, reverse=True) == old


@pytest.mark.parametrize("monkey_min", [0, 2_000])
def test_long_texts_are_split_at_unchanged_lines(
    monkeypatch: pytest.MonkeyPatch, monkey_min: int
) -> None:
    monkeypatch.setattr(deltas, "_LINE_DIFF_MIN", monkey_min)
    old = "".join(f"line {i}\n" for i in range(2_000))
    new = old.replace("line 10\n", "line ten\n").replace("line 1900\n", "line 1900 edited\n")
    hunks = diff_text(old, new)
    assert patch(old, hunks) == new
    assert patch(new, hunks, reverse=True) == old
    assert sum(len(a) + len(b) for _, a, b in hunks) < 100  # not the 16 KB in between


def test_a_hunk_that_does_not_match_is_refused() -> None:
    hunks = diff_text("hello world", "hello there")
    with pytest.raises(DeltaMismatch):
        patch("goodbye world", hunks)


def test_a_status_change_stores_no_note_and_one_history_entry() -> None:
    before = PaperState(note="x" * 100_000, history=(StatusChange(Status.TO_READ, AT),) * 50)
    after = with_status(before, Status.READ, AT)
    delta = state_delta(before, after)
    assert "note" not in delta
    assert delta["history"] == [50, [], [{"status": "read", "at": AT}]]
    assert len(orjson.dumps(delta)) < 200
    assert apply_delta(before, delta) == after
    assert apply_delta(after, delta, reverse=True) == before


edits = st.lists(
    st.tuples(st.sampled_from(["set", "append", "mark", "undo", "redo"]), text), max_size=30
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from("ab \n"), min_size=0, max_size=3_000), edits)
def test_undo_and_redo_over_random_note_edits_restore_exact_texts(
    start: str, sequence: list[tuple[str, str]]
) -> None:
    """Every state along the way comes back exactly, through the file, as undo walks back."""
    with tempfile.TemporaryDirectory() as tmp:
        store = _store(Path(tmp))
        pid = "p"
        first = store.update([pid], lambda _p, s: with_note(s, start, AT), label="note")
        seen = [store.get(pid)] if first else []  # states the undo log returns to, oldest first
        redo: list[PaperState] = []
        for kind, arg in sequence:
            if kind == "undo":
                if store.undo() is not None:
                    redo.append(seen.pop())
                assert store.get(pid) == (seen[-1] if seen else DEFAULT_STATE)
                continue
            if kind == "redo":
                if store.redo() is not None:
                    seen.append(redo.pop())
                assert store.get(pid) == (seen[-1] if seen else DEFAULT_STATE)
                continue
            if kind == "set":
                # an edit in the middle of the note, as an editor would make it
                cut = len(store.get(pid).note) // 2
                note = store.get(pid).note
                change = _set_note(note[:cut] + arg + note[cut + 1 :])
            elif kind == "append":
                change = _append(arg)
            else:
                status = Status.READ if store.get(pid).status is not Status.READ else Status.UNREAD
                change = _mark(status)
            if store.update([pid], change, label=kind) is not None:
                seen.append(store.get(pid))
                redo.clear()
        fresh = _store(Path(tmp))  # everything again from the file alone
        assert [r.after[pid] for r in fresh.history()] == seen
        while fresh.undo() is not None:
            seen.pop()
            assert fresh.get(pid) == (seen[-1] if seen else DEFAULT_STATE)
        assert fresh.get(pid) == DEFAULT_STATE
        store.close()
        fresh.close()


def test_a_large_note_then_marks_grow_the_file_by_what_changed(tmp_path: Path) -> None:
    """Issue 16, defect 9: each change used to keep two copies of the whole note."""
    store = _store(tmp_path)
    note = "".join(
        f"{i:07d} lorem ipsum dolor sit amet, consectetur adipiscing\n" for i in range(18_000)
    )
    assert len(note) > 1_000_000
    store.update(["big"], lambda _p, s: with_note(s, note, AT), label="note")
    after_note = store.path.stat().st_size
    for i in range(10):
        status = (Status.READ, Status.READING)[i % 2]
        store.update(["big"], _mark(status), label="mark")
    for i in range(3):
        store.update(["big"], _append(f"append {i}\n"), label="n")
    growth = store.path.stat().st_size - after_note
    assert growth < 20_000, f"13 small changes grew the file by {growth} bytes"
    for _ in range(13):
        store.undo()
    assert store.get("big").note == note
    store.undo()
    assert store.get("big") == DEFAULT_STATE
    store.close()


def test_note_text_in_the_log_is_capped_newest_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from papershelf.storage import state_store

    monkeypatch.setattr(state_store, "UNDO_NOTE_BUDGET", 1_000)
    store = _store(tmp_path)
    for i in range(5):
        store.update(["p"], _set_note(str(i) * 400), label=f"n{i}")
    assert [r.label for r in store.history()] == ["n4"]  # 800 characters; one more is over
    store.undo()
    assert store.get("p").note == "3" * 400


def test_a_schema_1_log_migrates_to_deltas_and_still_undoes(tmp_path: Path) -> None:
    note = "line\n" * 1_000
    old_state = {"status": "read", "note": note, "history": [{"status": "read", "at": AT}]}
    first = {"note": note}
    v1 = {
        "schema": 1,
        "states": {"p": old_state},
        "undo": {
            "00000001": {
                "seq": 1,
                "label": "note",
                "at": AT,
                "before": {"p": {}},
                "after": {"p": first},
            },
            "00000002": {
                "seq": 2,
                "label": "mark read",
                "at": AT,
                "before": {"p": first},
                "after": {"p": old_state},
            },
        },
        "redo": {},
        "meta": {"counters": {"last_seq": 2}},
    }
    raw = orjson.dumps(v1)
    tables, found = load_document(raw)
    assert found == 1
    assert "note" not in tables["undo"]["00000002"]["changes"]["p"]
    (tmp_path / "library.json").write_bytes(raw)
    store = _store(tmp_path)
    assert store.undo() is not None
    assert store.get("p") == PaperState(note=note)
    assert orjson.loads(store.path.read_bytes())["schema"] == SCHEMA
    assert [p.name.endswith("-schema1.json") for p in store.backups.paths()] == [True]
    assert store.undo() is not None
    assert store.get("p") == DEFAULT_STATE
    assert store.redo() is not None and store.redo() is not None
    assert store.get("p").status is Status.READ and store.get("p").note == note


def test_a_log_that_no_longer_matches_the_note_is_refused_without_a_write(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.update(["p"], lambda _p, s: with_note(s, "hello world", AT), label="note")
    store.update(["p"], lambda _p, s: with_note(s, "hello there", AT), label="note")
    doc = orjson.loads(store.path.read_bytes())
    doc["states"]["p"]["note"] = "edited by hand"
    store.path.write_bytes(orjson.dumps(doc))
    before = store.path.read_bytes()
    with pytest.raises(LibraryError, match="edited by hand"):
        _store(tmp_path).undo()
    assert store.path.read_bytes() == before
