"""A merged conflict copy that cannot be moved to the backups is said, and the run goes on.

A folder that refused the move (permission denied) raised out of the merge of every copy:
``merge --conflicts`` and the app's merge at start stopped, the copies after it unmerged.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services import merging
from papershelf.services.library import Library
from papershelf.services.merging import MergeReport
from tests.conftest import run_cli
from tests.unit.test_merge_copies_gone import _copies


@pytest.fixture
def refused_first(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """``move_to_backups`` refuses the first copy it is given, as a read-only folder does."""
    move, refused = merging.move_to_backups, list[Path]()

    def refuse(copy: Path, backups: Path) -> Path:
        if not refused:
            refused.append(copy)
            raise PermissionError(errno.EACCES, "Permission denied", str(copy))
        return move(copy, backups)

    monkeypatch.setattr(merging, "move_to_backups", refuse)
    return refused


def test_the_copy_is_merged_said_not_moved_and_the_next_one_merged_and_moved(
    library: Library, paths: Paths, tmp_path: Path, refused_first: list[Path]
) -> None:
    copies, (first, second) = _copies(library, paths, tmp_path)
    done = library.merge_copies(library.conflict_copies())
    stuck, moved = done
    assert isinstance(stuck, MergeReport) and isinstance(moved, MergeReport)
    assert stuck.changes and stuck.moved_to is None and not stuck.merged_elsewhere
    assert stuck.not_moved == f"not moved to {paths.backups}: permission denied"
    assert stuck.to_json()["not_moved"] == stuck.not_moved
    assert moved.moved_to is not None and moved.not_moved is None
    assert copies[0].exists() and not copies[1].exists()  # it stays where it was
    assert library.state(first).status is Status.READ
    assert library.state(second).status is Status.READ


def test_the_command_line_says_where_the_copy_stays_and_fails(
    library: Library,
    paths: Paths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    refused_first: list[Path],
) -> None:
    copies, (first, _) = _copies(library, paths, tmp_path)
    code, out, err = run_cli(capsys, "--data-dir", str(paths.data_dir), "merge", "--conflicts")
    assert code == 2, err
    assert (
        f"papershelf: {copies[0]}: merged, but not moved to {paths.backups}: permission denied; "
        "it stays there"
    ) in err
    assert "1 of 2 conflict copies merged but not moved to the backups" in err
    assert out.count("merge of ") == 2 and "moved the copy to" in out
    assert Library(paths).state(first).status is Status.READ


def test_a_copy_merged_but_not_moved_is_not_offered_again_until_it_changes(
    library: Library, paths: Paths, tmp_path: Path, refused_first: list[Path]
) -> None:
    """It was offered and merged again at every start, since it was still there."""
    copies, _ = _copies(library, paths, tmp_path)
    assert library.copies_to_offer() == copies
    library.merge_copies(copies)
    assert copies[0].exists()
    assert library.copies_to_offer() == []  # merged here: not offered, though still there
    assert library.conflict_copies() == [copies[0]]  # doctor still sees it
    copies[0].write_text(copies[0].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert library.copies_to_offer() == [copies[0]]  # changed since (synced anew): offered


def test_doctor_says_a_copy_merged_but_not_moved_needs_moving_not_merging(
    library: Library,
    paths: Paths,
    tmp_path: Path,
    refused_first: list[Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    copies, _ = _copies(library, paths, tmp_path)
    library.merge_copies(copies)
    code, out, _ = run_cli(capsys, "--data-dir", str(paths.data_dir), "doctor")
    assert code == 1
    assert f"problem: conflict copy merged already but still here: {copies[0]}" in out
    assert "merge --conflicts" not in out
