"""A conflict copy another merger took meanwhile is "already merged elsewhere", never an error.

Two mergers (``merge --conflicts`` and a second app window) may meet at one copy: the one
that moved it second raised ``FileNotFoundError``, which lost the report of the copy merged
before it and left the copies after it unmerged; a copy gone before it was read was a
"merge failed".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services import merging
from papershelf.services.library import Library
from papershelf.services.merging import CopyFailure, MergeReport
from tests.conftest import run_cli


def _copies(library: Library, paths: Paths, tmp_path: Path) -> tuple[list[Path], list[str]]:
    """Two conflict copies next to ``library``, each marking a paper read that it does not."""
    first, second = (p.id for p in library.papers()[:2])
    library.set_status([first], Status.TO_READ)  # a change both sides share
    other = Paths(tmp_path / "other")
    other.data_dir.mkdir(parents=True)
    shutil.copy(paths.library, other.library)
    laptop = Library(other, lock_timeout=2.0)
    laptop.set_status([first], Status.READ)
    laptop.set_status([second], Status.READ)
    names = ("library.sync-conflict-20260101-101010-AAAAAAA.json", "library.sync-conflict-B.json")
    copies = [paths.data_dir / name for name in names]
    for copy in copies:
        shutil.copy(other.library, copy)
    assert library.conflict_copies() == copies
    return copies, [first, second]


def test_a_copy_moved_away_at_the_move_is_merged_elsewhere_and_the_run_goes_on(
    library: Library, paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copies, (first, second) = _copies(library, paths, tmp_path)
    move = merging.move_to_backups

    def raced(copy: Path, backups: Path) -> Path:
        if copy == copies[0]:  # another merger moved it just before this one
            copy.unlink()
        return move(copy, backups)

    monkeypatch.setattr(merging, "move_to_backups", raced)
    done = library.merge_copies(library.conflict_copies())
    assert [type(d) for d in done] == [MergeReport, MergeReport]
    taken, moved = done
    assert isinstance(taken, MergeReport) and isinstance(moved, MergeReport)
    assert taken.merged_elsewhere and taken.moved_to is None and taken.changes
    assert not moved.merged_elsewhere and moved.moved_to is not None
    assert library.state(first).status is Status.READ
    assert library.state(second).status is Status.READ
    assert not any(copy.exists() for copy in copies)


def test_a_copy_gone_before_it_is_read_is_merged_elsewhere_not_a_failure(
    library: Library, paths: Paths, tmp_path: Path
) -> None:
    copies, (first, _) = _copies(library, paths, tmp_path)
    copies[0].unlink()  # found, then taken by another merger before this one read it
    done = library.merge_copies(copies)
    assert not any(isinstance(d, CopyFailure) for d in done)
    gone, merged = done
    assert isinstance(gone, MergeReport) and isinstance(merged, MergeReport)
    assert gone.merged_elsewhere and gone.seq is None and not gone.changes
    assert merged.moved_to is not None and not merged.merged_elsewhere
    assert library.state(first).status is Status.READ


def test_the_command_line_says_a_copy_gone_before_it_was_read_was_merged_elsewhere(
    library: Library,
    paths: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    copies, _ = _copies(library, paths, tmp_path)
    copies[0].unlink()
    monkeypatch.setattr(Library, "conflict_copies", lambda self: copies)  # found, then taken
    code, out, err = run_cli(capsys, "--data-dir", str(paths.data_dir), "merge", "--conflicts")
    assert code == 0, err
    assert f"{copies[0]}: already merged elsewhere (another merge moved it away)" in out
    assert "moved the copy to" in out and "no such file" not in err
