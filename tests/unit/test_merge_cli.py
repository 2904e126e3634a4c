"""``papershelf merge``, ``merge --conflicts`` and the git merge driver, end to end in temp dirs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli as run

SRC = str(Path(__file__).resolve().parents[2] / "src")


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return out


def ids(capsys: pytest.CaptureFixture[str], data: Path) -> list[str]:
    papers = json.loads(ok(capsys, "--data-dir", str(data), "list", "--format", "json"))
    return [str(p["id"]) for p in papers[:3]]


def state(capsys: pytest.CaptureFixture[str], data: Path, pid: str) -> dict[str, object]:
    out = ok(capsys, "--data-dir", str(data), "list", "--format", "json", "--all")
    [paper] = [p for p in json.loads(out) if p["id"] == pid]
    return dict(paper)


@pytest.fixture
def two_copies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, list[str]]:
    a, b = tmp_path / "a", tmp_path / "b"
    p1, p2, p3 = ids(capsys, a)
    ok(capsys, "--data-dir", str(a), "mark", p1, "to-read")
    ok(capsys, "--data-dir", str(a), "note", p1, "--set", "one\ntwo\nthree")
    shutil.copytree(a, b)
    ok(capsys, "--data-dir", str(a), "mark", p1, "read")
    ok(capsys, "--data-dir", str(a), "note", p1, "--set", "one A\ntwo\nthree")
    ok(capsys, "--data-dir", str(a), "tag", p2, "survey")
    ok(capsys, "--data-dir", str(b), "star", p1)
    ok(capsys, "--data-dir", str(b), "note", p1, "--set", "one\ntwo\nthree B")
    ok(capsys, "--data-dir", str(b), "mark", p3, "reading")
    return a, b, [p1, p2, p3]


def test_merge_brings_both_sides_in_as_one_undoable_change(
    two_copies: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, (p1, p2, p3) = two_copies
    before = (a / "library.json").read_bytes()
    out = ok(capsys, "--data-dir", str(a), "merge", str(b / "library.json"), "--dry-run")
    assert "would change 2 papers" in out and "the last change both copies share" in out
    assert (a / "library.json").read_bytes() == before
    ok(capsys, "--data-dir", str(a), "merge", str(b / "library.json"))
    first = state(capsys, a, p1)
    assert (first["status"], first["starred"], first["note"]) == (
        "read",
        True,
        "one A\ntwo\nthree B",
    )
    assert state(capsys, a, p3)["status"] == "reading"
    assert state(capsys, a, p2)["tags"] == ["survey"]
    merged = (a / "library.json").read_bytes()
    out = ok(capsys, "--data-dir", str(a), "merge", str(b / "library.json"))
    assert "changed 0 papers" in out and (a / "library.json").read_bytes() == merged
    ok(capsys, "--data-dir", str(b), "merge", str(a / "library.json"))
    for pid in (p1, p2, p3):
        assert state(capsys, b, pid) == state(capsys, a, pid)
    ok(capsys, "--data-dir", str(a), "undo")
    assert state(capsys, a, p1)["note"] == "one A\ntwo\nthree"
    assert state(capsys, a, p3)["status"] == "unread"


def test_merge_json_names_the_conflicting_note(
    two_copies: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, (p1, _, _) = two_copies
    ok(capsys, "--data-dir", str(b), "note", p1, "--set", "one B\ntwo\nthree")
    out = ok(capsys, "--data-dir", str(a), "merge", str(b / "library.json"), "--format", "json")
    report = json.loads(out)
    assert report["note_conflicts"] == [p1] and isinstance(report["change"], int)
    note = str(state(capsys, a, p1)["note"])
    assert "one A" in note and "one B" in note and "<<<<<<< papershelf" in note


def test_merge_says_one_note_in_the_singular(
    two_copies: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, (p1, _, _) = two_copies
    ok(capsys, "--data-dir", str(b), "note", p1, "--set", "one B\ntwo\nthree")
    out = ok(capsys, "--data-dir", str(a), "merge", str(b / "library.json"))
    said = "1 note changed on both sides keeps both versions between '<<<<<<< papershelf'"
    assert f"{said} markers: {p1}" in out


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b'{"name": "x", "version": "1"}', "not a papershelf library"),
        (b'{"schema": 99, "states": {}}', "newer papershelf (schema 99)"),
        (b'{"schema": 3, "states": {', "not a papershelf library"),
        (b'{"a": {"b": 1}}', "not a papershelf library"),
    ],
)
def test_bad_copies_are_one_line_exit_2_and_nothing_written(
    two_copies: tuple[Path, Path, list[str]],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: bytes,
    says: str,
) -> None:
    a, _, _ = two_copies
    other = tmp_path / "other.json"
    other.write_bytes(content)
    before = (a / "library.json").read_bytes()
    code, _, err = run(capsys, "--data-dir", str(a), "merge", str(other))
    assert code == 2 and says in err and len(err.strip().splitlines()) == 1
    assert (a / "library.json").read_bytes() == before


def test_conflict_copies_are_listed_merged_and_moved_to_backups(
    two_copies: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, (p1, _, p3) = two_copies
    syncthing = a / "library.sync-conflict-20260101-101010-ABCDEFG.json"
    dropbox = a / "library (laptop's conflicted copy 2026-01-01).json"
    shutil.copy(b / "library.json", syncthing)
    shutil.copy(b / "library.json", dropbox)
    code, out, _ = run(capsys, "--data-dir", str(a), "doctor")
    assert code == 1 and syncthing.name in out and dropbox.name in out
    out = ok(capsys, "--data-dir", str(a), "merge", "--conflicts")
    assert out.count("moved the copy to") == 2
    assert not syncthing.exists() and not dropbox.exists()
    assert (a / "backups" / syncthing.name).exists() and (a / "backups" / dropbox.name).exists()
    assert state(capsys, a, p3)["status"] == "reading" and state(capsys, a, p1)["starred"]
    code, out, err = run(capsys, "--data-dir", str(a), "merge", "--conflicts")
    assert (code, out) == (0, "") and "no conflict copies" in err  # stdout holds results only
    assert run(capsys, "--data-dir", str(a), "doctor")[0] == 0


def test_a_bad_conflict_copy_is_said_and_the_others_are_merged_and_said(
    two_copies: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged copy that sorts first stopped the merge of the good one after it."""
    a, b, (p1, _, p3) = two_copies
    bad = a / "library.sync-conflict-20260101-101010-AAAAAAA.json"
    good = a / "library.sync-conflict-20260101-101011-BBBBBBB.json"
    bad.write_text("{not json")
    shutil.copy(b / "library.json", good)
    code, out, err = run(capsys, "--data-dir", str(a), "merge", "--conflicts", "--format", "json")
    assert code == 2
    first, second = json.loads(out)
    assert first["other"] == str(bad) and "not a papershelf library" in first["error"]
    assert second["other"] == str(good) and second["error"] is None and second["changed"]
    assert err.splitlines()[-1] == "papershelf: 1 of 2 conflict copies could not be merged"
    assert bad.exists() and not good.exists()
    assert state(capsys, a, p3)["status"] == "reading" and state(capsys, a, p1)["starred"]
    code, out, err = run(capsys, "--data-dir", str(a), "merge", "--conflicts")
    assert (code, out) == (2, "") and f"{bad}: not a papershelf library" in err


def _git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@x", GIT_COMMITTER_NAME="t")
    env.update(GIT_COMMITTER_EMAIL="t@x", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_pull_merges_two_clones_with_the_driver(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    origin, one, two = tmp_path / "origin.git", tmp_path / "one", tmp_path / "two"
    _git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    _git(tmp_path, "clone", "-q", str(origin), str(one))
    p1, p2, p3 = ids(capsys, one)
    ok(capsys, "--data-dir", str(one), "note", p1, "--set", "one\ntwo\nthree")
    (one / ".gitattributes").write_text("library.json merge=papershelf\n")
    _git(one, "add", "library.json", ".gitattributes")
    _git(one, "commit", "-qm", "library")
    _git(one, "push", "-q", "origin", "HEAD:main")
    _git(tmp_path, "clone", "-q", str(origin), str(two))
    driver = f"env PYTHONPATH={SRC} {sys.executable} -m papershelf merge-driver %O %A %B"
    for clone in (one, two):
        _git(clone, "config", "merge.papershelf.driver", driver)
        _git(clone, "config", "pull.rebase", "false")
    ok(capsys, "--data-dir", str(one), "mark", p2, "read")
    ok(capsys, "--data-dir", str(one), "note", p1, "--set", "one\ntwo\nthree\nfour")
    _git(one, "commit", "-qam", "one")
    _git(one, "push", "-q", "origin", "HEAD:main")
    ok(capsys, "--data-dir", str(two), "star", p3)
    ok(capsys, "--data-dir", str(two), "note", p1, "--set", "zero\none\ntwo\nthree")
    _git(two, "commit", "-qam", "two")
    _git(two, "pull", "-q", "--no-edit", "origin", "main")
    text = (two / "library.json").read_text()
    assert "<<<<<<<" not in text and "=======" not in text
    json.loads(text)
    assert state(capsys, two, p2)["status"] == "read"
    assert state(capsys, two, p3)["starred"] is True
    assert state(capsys, two, p1)["note"] == "zero\none\ntwo\nthree\nfour"
    ok(capsys, "--data-dir", str(two), "undo")
    assert state(capsys, two, p2)["status"] == "unread"


def test_conflict_copies_are_only_the_sync_folders_names(tmp_path: Path) -> None:
    from papershelf.paths import Paths
    from papershelf.services.library import Library

    lib = Library(Paths(tmp_path / "data"))
    folder = tmp_path / "data"
    folder.mkdir()
    names = [
        "library.sync-conflict-20260101-101010-ABCDEFG.json",
        "library (desktop's conflicted copy 2026-01-02).json",
        "library.json",
        "library.json.lock",
        "library-20260101.json",
        "catalog.sync-conflict-20260101-101010-ABCDEFG.json",
        "library.sync-conflict-20260101-101010-ABCDEFG.json.tmp",
    ]
    for name in names:
        (folder / name).write_text("{}")
    assert [p.name for p in lib.conflict_copies()] == sorted(names[:2])


def test_history_lists_the_other_copys_changes_under_the_merge(
    two_copies: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, _ids = two_copies
    ok(capsys, "--data-dir", str(a), "merge", str(b / "library.json"))
    [top, *_rest] = json.loads(ok(capsys, "--data-dir", str(a), "history", "--format", "json"))
    assert top["label"] == "merge library.json"
    assert [step["label"] for step in top["brought_in"]] == ["mark reading", "note", "star"]
    text = ok(capsys, "--data-dir", str(a), "history", "--limit", "1")
    assert "brought in from the other copy (3 changes):" in text and "mark reading" in text
    code, _out, err = run(capsys, "--data-dir", str(a), "history", "--limit", "0")
    assert code == 2 and err.count("\n") == 1


def test_history_numbers_the_brought_in_changes_under_the_merge(
    two_copies: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """The other copy's changes were listed with the numbers they had there (#3, #4, #5,
    oldest first), the same numbers as this copy's own changes below the merge."""
    a, b, _ids = two_copies
    ok(capsys, "--data-dir", str(a), "merge", str(b / "library.json"))
    lines = ok(capsys, "--data-dir", str(a), "history").splitlines()
    numbers = [line.split()[0] for line in lines if line.lstrip().startswith("#")]
    assert numbers == ["#6", "#6.3", "#6.2", "#6.1", "#5", "#4", "#3", "#2", "#1"]
    steps = [line.split("  ")[-2] for line in lines if line.lstrip().startswith("#6.")]
    assert steps == ["mark reading", "note", "star"]  # newest first, as the list is
    [top, *_rest] = json.loads(ok(capsys, "--data-dir", str(a), "history", "--format", "json"))
    assert [(s["change"], s["label"]) for s in top["brought_in"]] == [
        ("6.3", "mark reading"),
        ("6.2", "note"),
        ("6.1", "star"),
    ]
    assert [s["change_in_other_copy"] for s in top["brought_in"]] == [5, 4, 3]


@pytest.mark.usefixtures("one_second_clock")
def test_notes_changed_in_one_second_on_two_copies_name_their_own_times(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A note's change time was kept to the second: two copies that changed the same line in
    one second got two markers naming the same time."""
    a, b = tmp_path / "a", tmp_path / "b"
    p1, _p2, _p3 = ids(capsys, a)
    ok(capsys, "--data-dir", str(a), "note", p1, "--set", "idea")
    shutil.copytree(a, b)
    ok(capsys, "--data-dir", str(a), "note", p1, "--set", "idea A")
    ok(capsys, "--data-dir", str(b), "note", p1, "--set", "idea B")
    ok(capsys, "--data-dir", str(a), "merge", str(b / "library.json"))
    start, first, split, second, _end = str(state(capsys, a, p1)["note"]).splitlines()
    assert (first, second) == ("idea A", "idea B")
    assert "10:00:00.00" in start and "10:00:00.00" in split
    assert start.split("written ")[-1] != split.split("written ")[-1]


def test_a_merge_that_changes_one_paper_says_so_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    (p1, *_) = ids(capsys, a)
    ok(capsys, "--data-dir", str(a), "mark", p1, "to-read")
    shutil.copytree(a, b)
    ok(capsys, "--data-dir", str(b), "star", p1)
    out = ok(capsys, "--data-dir", str(a), "merge", str(b / "library.json"))
    assert "changed 1 paper\n" in out
