"""Issue 16, defect 9: the undo log costs what changed, not two copies of a long note."""

from __future__ import annotations

import io

import pytest

from papershelf.paths import Paths
from papershelf.services.library import Library
from tests.hardening.helpers import first_paper_ids, run

Capsys = pytest.CaptureFixture[str]
NOTE = "".join(
    f"{i:07d} lorem ipsum dolor sit amet, consectetur adipiscing\n" for i in range(18_000)
)


def test_a_megabyte_note_then_marks_and_appends_grow_the_file_by_kilobytes(
    capsys: Capsys, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each mark used to add 2 MB (the note before and after), each append 2 MB more."""
    pid, other = first_paper_ids(capsys, 2)
    monkeypatch.setattr("sys.stdin", io.StringIO(NOTE))
    assert run(capsys, "note", pid, "--set", "-").code == 0
    after_note = paths.library.stat().st_size
    assert after_note < 2.5 * len(NOTE)  # the note, and once more as the log's first hunk
    for status in ["read", "reading"] * 5:
        assert run(capsys, "mark", pid, status).code == 0
    for i in range(3):
        assert run(capsys, "note", pid, "--append", f"append {i}").code == 0
    growth = paths.library.stat().st_size - after_note
    assert growth < 50_000, f"13 small changes grew library.json by {growth:,} bytes"
    assert run(capsys, "mark", other, "read").code == 0
    for _ in range(14):
        assert run(capsys, "undo").code == 0
    library = Library(paths)
    assert library.state(pid).note == NOTE
    assert library.state(other).status.value == "unread"
    for _ in range(14):
        assert run(capsys, "redo").code == 0
    state = Library(paths).state(pid)
    assert state.note == NOTE + "append 0\nappend 1\nappend 2"
    assert state.status.value == "reading"
