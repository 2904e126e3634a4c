"""A file the user names and papershelf cannot read is said in the same words by every command.

``import`` said ``X: no such file`` where ``import-state`` and ``merge`` said ``X: cannot
read (No such file or directory)``, and ``X: cannot read (Is a directory)`` for a folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.errors import cannot_read
from tests.conftest import run_cli as run

Capsys = pytest.CaptureFixture[str]

READERS = [["import"], ["import-state"], ["merge"]]


@pytest.mark.parametrize("command", READERS)
def test_a_missing_file_is_no_such_file(capsys: Capsys, tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "gone.md"
    code, out, err = run(capsys, *command, str(missing))
    assert (code, out) == (2, "")
    assert err.startswith(f"papershelf: {missing}: no such file\n"), err


@pytest.mark.parametrize("command", READERS)
def test_a_folder_is_a_directory(capsys: Capsys, tmp_path: Path, command: list[str]) -> None:
    code, out, err = run(capsys, *command, str(tmp_path))
    assert (code, out) == (2, "")
    assert err.startswith(f"papershelf: {tmp_path}: is a directory"), err


@pytest.mark.parametrize("command", READERS)
def test_a_file_without_permission_is_permission_denied(
    capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """As root, a mode of 000 reads all the same: the refusal is the system's, made here."""
    locked = tmp_path / "locked.md"
    locked.write_text("# x\n", "utf-8")
    real_open, real_read = Path.open, Path.read_bytes

    def refuse(path: Path) -> None:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))

    def opening(path: Path, *args: object, **kwargs: object) -> object:
        refuse(path)
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    def reading(path: Path) -> bytes:
        refuse(path)
        return real_read(path)

    monkeypatch.setattr(Path, "open", opening)
    monkeypatch.setattr(Path, "read_bytes", reading)
    code, out, err = run(capsys, *command, str(locked))
    assert (code, out) == (2, "")
    assert err.startswith(f"papershelf: {locked}: permission denied\n"), err


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize("text", ["", " \n\t\n"])
def test_an_empty_file_is_an_empty_file(
    capsys: Capsys, tmp_path: Path, command: list[str], text: str
) -> None:
    """``import-state`` said "line 1 column 1: not valid JSON", ``merge`` "not a papershelf
    library (the file is empty)"."""
    empty = tmp_path / "empty.json"
    empty.write_text(text, "utf-8")
    code, out, err = run(capsys, *command, str(empty))
    assert (code, out) == (2, "")
    assert err.startswith(f"papershelf: {empty}: empty file\n"), err


def test_other_failures_name_the_system_reason() -> None:
    assert (
        cannot_read("x", OSError(5, "Input/output error")) == "x: cannot read (Input/output error)"
    )
