"""The tag commands of the CLI: tag, untag, tags, and --tag on list and export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run


def ids(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    code, out, err = run(capsys, "list", "--format", "json", *argv)
    assert code == 0, err
    return [str(p["id"]) for p in json.loads(out)]


def test_tag_untag_tags_and_list_by_tag(capsys: pytest.CaptureFixture[str]) -> None:
    first, second, third = ids(capsys)[:3]
    code, out, _ = run(capsys, "tag", first, second[:20], "Survey")
    assert code == 0 and out.startswith("tag Survey: ")
    assert run(capsys, "tag", third, "SURVEY")[0] == 0
    assert run(capsys, "tag", first, "group meeting")[0] == 0
    assert run(capsys, "mark", first, "read")[0] == 0
    assert ids(capsys, "--tag", "survey") == [first, second, third]
    assert ids(capsys, "--tag", "survey", "--tag", "Group Meeting") == [first]
    assert ids(capsys, "--tag", "survey", "--status", "reading") == []  # there, none match
    code, out, err = run(capsys, "list", "--tag", "nothing")  # no paper has it: a typo
    assert (code, out, err) == (2, "", "papershelf: no tag 'nothing' (see `papershelf tags`)\n")
    code, out, _ = run(capsys, "tags", "--format", "json")
    assert json.loads(out) == [
        {"tag": "group meeting", "papers": 1, "read": 1},
        {"tag": "Survey", "papers": 3, "read": 1},
    ]
    code, out, _ = run(capsys, "tags")
    lines = out.splitlines()
    assert lines[0].split() == ["TAG", "PAPERS", "READ"]
    assert lines[2].split() == ["Survey", "3", "1/3"]
    [paper] = [
        p for p in json.loads(run(capsys, "list", "--format", "json")[1]) if p["id"] == first
    ]
    assert paper["tags"] == ["Survey", "group meeting"]
    code, out, _ = run(capsys, "untag", first, "survey")
    assert code == 0 and out.startswith("untag Survey: ")
    assert ids(capsys, "--tag", "survey") == [second, third]
    assert run(capsys, "untag", first, "survey")[1].startswith("untag Survey (no change)")
    assert run(capsys, "undo")[1].startswith("undo untag Survey")
    assert ids(capsys, "--tag", "survey") == [first, second, third]


def test_no_tags_yet_says_how_to_add_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "tags")
    assert code == 0 and out == "" and "papershelf tag" in err
    assert json.loads(run(capsys, "tags", "--format", "json")[1]) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["tag", "nope-no-such-id", "x"], "no paper id starts with 'nope-no-such-id'"),
        (["tag", "PID", " , "], "is not a tag"),
        (["tag", "PID", "x" * 41], "longer than 40 characters"),
        (["untag", "PID", "\n"], "is not a tag"),
        (["tag", "PID"], "the following arguments are required"),
        (["list", "--tag", "  "], "is not a tag"),
        (["tags", "--format", "xml"], "invalid choice"),
    ],
)
def test_bad_tag_input_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    pid = ids(capsys)[0]
    code, _out, err = run(capsys, *(pid if a == "PID" else a for a in argv))
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err


def test_exports_by_tag_carry_tags_and_import_state_restores_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second = ids(capsys)[:2]
    run(capsys, "tag", first, second, "reread")
    run(capsys, "tag", first, "survey")
    dump = tmp_path / "state.json"
    assert run(capsys, "export", "--format", "json", "--tag", "survey", "-o", str(dump))[0] == 0
    papers = json.loads(dump.read_text())["papers"]
    assert [(p["id"], p["tags"]) for p in papers] == [(first, ["reread", "survey"])]
    bib = tmp_path / "papers.bib"
    assert run(capsys, "export", "--format", "bibtex", "--tag", "REREAD", "-o", str(bib))[0] == 0
    text = bib.read_text()
    assert text.count("@inproceedings{") == 2
    assert "reread, survey}" in text
    csv_file = tmp_path / "papers.csv"
    assert run(capsys, "export", "--format", "csv", "--tag", "survey", "-o", str(csv_file))[0] == 0
    assert "reread; survey" in csv_file.read_text()
    run(capsys, "untag", first, second, "reread")
    run(capsys, "untag", first, "survey")
    assert run(capsys, "list", "--tag", "reread")[0] == 2  # no paper has it any more
    assert run(capsys, "import-state", str(dump))[0] == 0
    assert ids(capsys, "--tag", "survey", "--tag", "reread") == [first]


def test_show_lists_the_tags(capsys: pytest.CaptureFixture[str]) -> None:
    pid = ids(capsys)[0]
    run(capsys, "tag", pid, "survey")
    run(capsys, "tag", pid, "Group Meeting")
    code, out, _ = run(capsys, "show", pid)
    assert code == 0
    assert "tags         survey, Group Meeting  (library)" in out.splitlines()
    code, out, _ = run(capsys, "show", pid, "--format", "json")
    assert json.loads(out)["tags"] == ["survey", "Group Meeting"]


def test_a_comma_separates_tags_as_in_the_app(capsys: pytest.CaptureFixture[str]) -> None:
    pid = ids(capsys)[0]
    assert run(capsys, "tag", pid, "group meeting, Survey")[0] == 0
    code, out, _ = run(capsys, "tags", "--format", "json")
    assert code == 0 and {t["tag"] for t in json.loads(out)} == {"group meeting", "Survey"}
    assert run(capsys, "untag", pid, "survey,group meeting")[0] == 0
    assert json.loads(run(capsys, "tags", "--format", "json")[1]) == []


def test_import_state_into_a_new_library_keeps_the_titles_it_gives(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A state restored where the lists are not imported yet names its papers, not
    ``(title unknown)``; a re-import of the list then brings each paper back."""
    mine, fresh = tmp_path / "mine", tmp_path / "fresh"
    pid = ids(capsys, "--data-dir", str(mine))[0]
    assert run(capsys, "--data-dir", str(mine), "mark", pid, "read", "-q")[0] == 0
    title = json.loads(run(capsys, "--data-dir", str(mine), "show", pid, "--format", "json")[1])
    export = tmp_path / "state.json"
    assert (
        run(capsys, "--data-dir", str(mine), "export", "--format", "json", "-o", str(export))[0]
        == 0
    )
    # A library without the bundled lists' papers: forget them first.
    for name in ("asplos-2025", "mlsys-2025"):
        assert run(capsys, "--data-dir", str(fresh), "forget", name, "-q")[0] == 0
    code, out, _ = run(capsys, "--data-dir", str(fresh), "import-state", str(export))
    assert code == 0 and "restored the state of 1 paper from" in out
    code, out, _ = run(capsys, "--data-dir", str(fresh), "orphans", "--format", "json")
    (orphan,) = json.loads(out)
    assert (orphan["id"], orphan["title"], orphan["status"]) == (pid, title["title"], "read")


def test_untag_of_a_tag_no_paper_has_says_so_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = ids(capsys)[:2]
    assert run(capsys, "tag", first, "survey", "-q")[0] == 0
    changes = run(capsys, "history", "--format", "json")[1]
    code, out, err = run(capsys, "untag", second, "survey")
    assert code == 0 and err == ""
    assert out.startswith(f"untag survey (no change): {second} (")
    assert out.endswith(") did not have that tag\n")
    code, out, _ = run(capsys, "untag", first, second, "reread, Group meeting")
    assert (code, out) == (
        0,
        "untag reread, Group meeting (no change): none of the 2 papers had any of these tags\n",
    )
    assert run(capsys, "history", "--format", "json")[1] == changes
    assert ids(capsys, "--tag", "survey") == [first]
    # One paper of two had it: that one is named, as for any change.
    code, out, _ = run(capsys, "untag", second, first, "SURVEY")
    assert code == 0 and out.startswith(f"untag survey: {first} (")


def test_tag_a_paper_already_has_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    first, second = ids(capsys)[:2]
    assert run(capsys, "tag", first, second, "survey", "-q")[0] == 0
    code, out, _ = run(capsys, "tag", first, "Survey")
    assert code == 0 and out.startswith(f"tag survey (no change): {first} (")
    assert out.endswith(") already had that tag\n")
    code, out, _ = run(capsys, "tag", first, second, "survey, survey")
    assert (code, out) == (0, "tag survey (no change): both papers already had that tag\n")
    third = ids(capsys)[2]
    assert run(capsys, "tag", first, second, third, "a, b", "-q")[0] == 0
    assert run(capsys, "tag", first, second, third, "A,B")[1] == (
        "tag a, b (no change): all 3 papers already had these tags\n"
    )


@pytest.mark.parametrize(
    ("argv", "advice"),
    [
        (["tag", "PID", "-survey"], "papershelf untag ID... survey"),
        (["tag", "PID", "PID2", "-survey"], "papershelf untag ID... survey"),
        (["tag", "PID", "--data-dir", "DIR", "-survey"], "papershelf untag ID... survey"),
        (["untag", "PID", "-survey"], "papershelf untag ID... survey"),
    ],
)
def test_a_tag_read_as_an_option_is_one_line_naming_untag_and_double_dash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], advice: str
) -> None:
    """``tag ID -survey``: argparse took ``-survey`` for an option ("TAG is required")."""
    pid, pid2 = ids(capsys)[:2]
    given = {"PID": pid, "PID2": pid2, "DIR": str(tmp_path)}
    code, out, err = run(capsys, *(given.get(a, a) for a in argv))
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"papershelf {argv[0]}: '-survey' reads as an option")
    assert advice in err and "--" in err
    assert "required" not in err and "unrecognized" not in err


def test_after_double_dash_a_leading_minus_takes_the_tag_off_as_in_the_app(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``tag ID -- -survey`` and ``tag ID "new, -old"``: the app's tag dialog reads them so.

    The CLI stored ``-survey`` as a tag of its own, which the app then showed as ``#-survey``.
    """
    first, second = ids(capsys)[:2]
    assert run(capsys, "tag", first, second, "survey, old", "-q")[0] == 0
    code, out, err = run(capsys, "tag", first, "--", "-survey")
    assert (code, err) == (0, "")
    assert out.startswith(f"untag survey: {first} (")
    code, out, _ = run(capsys, "tag", second, "new, -OLD")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith(f"tag new: {second} (")
    assert lines[1].startswith(f"untag old: {second} (")
    assert ids(capsys, "--tag", "survey") == [second]
    assert ids(capsys, "--tag", "new") == [second]
    assert ids(capsys, "--tag", "old") == [first]
    tags = json.loads(run(capsys, "tags", "--format", "json")[1])
    assert all(not t["tag"].startswith("-") for t in tags)
    # -q is papershelf's own flag wherever it stands, not a tag to take off.
    assert run(capsys, "tag", first, "-q", "quiet") == (0, "", "")
    assert run(capsys, "tag", first, "-qq", "--qui", "quieter") == (0, "", "")


@pytest.mark.parametrize("typed", ["-", "new, - ", "-  ,"])
def test_a_minus_with_no_tag_is_refused_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    first = ids(capsys)[0]
    changes = run(capsys, "history", "--format", "json")[1]
    code, out, err = run(capsys, "tag", first, "--", typed)
    assert (code, out) == (2, "")
    assert "names no tag to take off" in err and len(err.strip().splitlines()) == 1
    assert run(capsys, "history", "--format", "json")[1] == changes
