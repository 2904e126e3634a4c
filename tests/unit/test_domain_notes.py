from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from papershelf.domain.models import PaperState
from papershelf.domain.notes import CONFLICT_MARK, keeps_both, merge_notes
from papershelf.domain.text import clean_note
from papershelf.paths import Paths
from papershelf.services.commands import SetNote
from papershelf.services.library import Library


def test_only_one_side_changed() -> None:
    assert merge_notes("a", "a", "a b") == "a b"
    assert merge_notes("a", "a c", "a") == "a c"


def test_both_appended_keeps_both_additions() -> None:
    merged = merge_notes("start", "start\nfrom cli", "start typed here")
    assert merged == "start typed here\nfrom cli"


def test_real_conflict_keeps_both_texts() -> None:
    merged = merge_notes("old", "rewritten elsewhere", "rewritten here")
    assert merged.startswith("rewritten here") and merged.endswith("rewritten elsewhere")
    assert CONFLICT_MARK in merged


@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=30))
def test_merge_never_loses_either_side(base: str, theirs: str, mine: str) -> None:
    merged = merge_notes(base, theirs, mine)
    assert mine in merged or (merged == theirs and mine == base)
    if theirs != base:
        both_appended = theirs.startswith(base) and mine.startswith(base)
        added = theirs[len(base) :] if both_appended else theirs
        assert added in merged


def test_set_note_with_base_merges_a_concurrent_append(paths: Paths) -> None:
    app_side, cli_side = Library(paths), Library(paths)
    pid = app_side.papers()[0].id
    app_side.set_note(pid, "start")
    cli_side.append_note(pid, "added by the CLI")
    app_side.set_note(pid, "start typed in the app", base="start")
    note = Library(paths).state(pid).note
    assert "typed in the app" in note and "added by the CLI" in note


@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=30))
def test_keeps_both_says_when_the_merge_keeps_two_whole_texts(
    base: str, theirs: str, mine: str
) -> None:
    merged = merge_notes(base, theirs, mine)
    sep = "" if mine.endswith("\n") else "\n"
    both = f"{mine}{sep}\n{CONFLICT_MARK}\n{theirs}"
    assert keeps_both(base, theirs, mine) == (merged == both)


def test_the_library_says_when_a_note_keeps_both_versions(paths: Paths) -> None:
    app_side, cli_side = Library(paths), Library(paths)
    pid = app_side.papers()[0].id
    app_side.set_note(pid, "line1\nline2")
    cli_side.set_note(pid, "line1\nCLI CHANGED")
    change = app_side.set_note(pid, "line1\nline2 typed", base="line1\nline2")
    assert change.kept_both and CONFLICT_MARK in Library(paths).state(pid).note
    cli_side.append_note(pid, "more from the CLI")
    note = Library(paths).state(pid).note
    assert not app_side.set_note(pid, note + " and typed", base=note).kept_both
    assert not app_side.set_note(pid, "plain").kept_both  # no base: a plain replace


NOTE_TEXT = st.text(alphabet=st.sampled_from("ab \n\r\t\x1b\x00é"), max_size=12)


@given(NOTE_TEXT, NOTE_TEXT, NOTE_TEXT)
def test_the_apps_preview_of_a_note_is_what_the_library_stores(
    base: str, theirs: str, mine: str
) -> None:
    """The app shows a saved note at once from ``SetNote.preview``: it must be the stored one
    (it showed the typed text alone where the library had merged in a line added elsewhere)."""
    stored = PaperState(note=clean_note(theirs))
    shown = SetNote("p", mine, base).preview(stored, "2026-01-01T00:00:00Z")
    assert shown.note == merge_notes(clean_note(base), clean_note(theirs), clean_note(mine))
    assert SetNote("p", mine).preview(stored, "2026-01-01T00:00:00Z").note == clean_note(mine)
