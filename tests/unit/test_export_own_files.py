"""An export never replaces a file papershelf keeps its data in, not even with --force."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from papershelf.paths import ENV_DATA_DIR, Paths
from tests.conftest import run_cli as run


def test_export_force_onto_the_library_is_refused_and_the_library_kept(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = Path(os.environ[ENV_DATA_DIR])
    first = json.loads(run(capsys, "list", "--format", "json")[1])[0]["id"]
    assert run(capsys, "mark", first, "read", "-q")[0] == 0
    before = (data / "library.json").read_bytes()
    for target in ("library.json", "catalog.json", "lists/a.md", "config.toml"):
        code, out, err = run(
            capsys, "export", "--format", "json", "-o", str(data / target), "--force"
        )
        assert (code, out) == (2, ""), target
        assert err == (
            f"papershelf: {data / target}: papershelf keeps its data in this file; "
            "nothing was exported\n"
        )
    assert (data / "library.json").read_bytes() == before
    assert not (data / "lists" / "a.md").exists() and not (data / "config.toml").exists()
    code, _, _ = run(capsys, "export", "--format", "json", "-o", str(data / "mine.json"))
    assert code == 0 and (data / "mine.json").exists()  # a file of the user's own is fine


def test_keeps_sees_through_links_and_dots(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "data")
    (tmp_path / "data").mkdir()
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "library.json").write_text("{}")
    paths.library.symlink_to(tmp_path / "repo" / "library.json")
    assert paths.keeps(tmp_path / "repo" / "library.json")
    assert paths.keeps(tmp_path / "data" / ".." / "data" / "library.json")
    assert paths.keeps(paths.backups / "library-1.json")
    assert not paths.keeps(tmp_path / "data" / "read.bib")
    assert not paths.keeps(tmp_path / "library.json")


def test_keeps_a_conflict_copy_and_the_library_under_another_name(tmp_path: Path) -> None:
    """A sync folder's conflict copy holds the other device's changes; a name that is the
    same file (another case on a disk that ignores it; here a hard link) is the library."""
    paths = Paths(tmp_path / "data")
    paths.data_dir.mkdir()
    paths.library.write_text("{}")
    for name in (
        "library.sync-conflict-20261207-ABCDEF.json",
        "library (laptop's conflicted copy 2026-12-07).json",
        "LIBRARY.sync-conflict-20261207-ABCDEF.json",
    ):
        assert paths.keeps(paths.data_dir / name), name
    assert not paths.keeps(tmp_path / "library.sync-conflict-20261207-ABCDEF.json")  # elsewhere
    os.link(paths.library, paths.data_dir / "Library.json")
    assert paths.keeps(paths.data_dir / "Library.json")
    paths.lists.mkdir()
    (tmp_path / "lists-again").symlink_to(paths.lists)
    assert paths.keeps(tmp_path / "lists-again" / "new.md")


def test_export_force_onto_a_conflict_copy_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    data = Path(os.environ[ENV_DATA_DIR])
    first = json.loads(run(capsys, "list", "--format", "json")[1])[0]["id"]
    assert run(capsys, "mark", first, "read", "-q")[0] == 0  # the library exists
    copy = data / "library.sync-conflict-20261207-ABCDEF.json"
    copy.write_bytes((data / "library.json").read_bytes())
    before = copy.read_bytes()
    code, _, err = run(capsys, "export", "--format", "json", "-o", str(copy), "--force")
    assert code == 2 and "papershelf keeps its data in this file" in err
    assert copy.read_bytes() == before
