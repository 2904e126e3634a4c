from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from papershelf.cli.main import main
from tests.conftest import corpus_file
from tests.conftest import run_cli as run

JSON_KEYS = {
    "id", "title", "authors", "venue", "year", "topics", "links", "affiliations",
    "awards", "remarks", "withdrawn", "status", "starred", "note", "status_changed",
}  # fmt: skip


def listed(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    code, out, err = run(capsys, "list", "--format", "json", *argv)
    assert code == 0, err
    data: list[dict[str, object]] = json.loads(out)
    return data


def test_list_json_shows_the_76_bundled_papers(capsys: pytest.CaptureFixture[str]) -> None:
    papers = listed(capsys)
    assert len(papers) == 76
    assert set(papers[0]) >= JSON_KEYS
    assert len(listed(capsys, "--all")) == 77
    assert len(listed(capsys, "--venue", "mlsys 2025")) == 44


def test_mark_star_note_undo_and_stats(capsys: pytest.CaptureFixture[str]) -> None:
    pid = str(listed(capsys, "--search", "flashinfer")[0]["id"])
    code, out, _ = run(capsys, "mark", pid[:16], "read")
    assert code == 0 and out.startswith("mark read: ")
    assert run(capsys, "star", pid)[0] == 0
    assert run(capsys, "note", pid, "--set", "fast attention")[0] == 0
    assert run(capsys, "note", pid, "--append", "second line")[0] == 0
    assert run(capsys, "note", pid)[1] == "fast attention\nsecond line\n"
    [paper] = listed(capsys, "--status", "read", "--starred", "--has-note")
    assert paper["id"] == pid and paper["status_changed"]
    code, out, _ = run(capsys, "stats", "--format", "json")
    stats = json.loads(out)
    assert stats["overall"]["read"] == 1 and stats["overall"]["starred"] == 1
    mlsys = next(g for g in stats["groups"] if g["label"] == "MLSys 2025")
    assert mlsys["total"] == 44 and mlsys["read"] == 1
    assert run(capsys, "undo")[1].startswith("undo note")
    assert run(capsys, "note", pid)[1] == "fast attention\n"
    assert run(capsys, "redo")[0] == 0
    code, out, _ = run(capsys, "stats")
    assert "MLSys 2025" in out and "read per week" in out


def test_note_of_a_paper_without_one_says_so_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """It printed nothing at all, where ``list`` and ``orphans`` say there is nothing."""
    pid = str(listed(capsys, "--search", "flashinfer")[0]["id"])
    code, out, err = run(capsys, "note", pid)
    assert (code, out) == (0, "")
    assert err == f"no note on {pid} yet (--set, --append or --edit writes one)\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["mark", "nope", "read"], "no paper id starts with 'nope'"),
        (["mark", "mlsys2025-", "read"], "ambiguous"),
        (["list", "--status", "done"], "unknown status 'done'"),
        (["mark", "read", "mlsys2025-flashinfer"], "the status comes last: papershelf mark ID..."),
        (["list", "--bogus"], "papershelf list: unrecognized arguments: --bogus (see --help)"),
        (["-q", "mark", "x", "read", "-z"], "papershelf mark: unrecognized arguments: -z"),
        (["--bogus", "list"], "unrecognized arguments: --bogus"),
        (["import", "/nonexistent/list.md"], "/nonexistent/list.md"),
        (["forget", "nothing"], "no list 'nothing' (see `papershelf lists`)"),
        (["list", "--venue", "NoSuchConf 1999"], "no venue"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse exits by itself
        code = int(exc.code or 0)
    _out, err = capsys.readouterr()
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err


def test_import_reports_and_dry_run_json(capsys: pytest.CaptureFixture[str]) -> None:
    path = corpus_file("B12")
    code, out, _ = run(capsys, "import", "--dry-run", "--format", "json", str(path))
    assert code == 0 and len(json.loads(out)) == 26
    assert all(p["venue"] != "OSDI 2024" for p in listed(capsys))
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0
    assert (
        "OSDI 2024: 26 papers: 26 new, 0 updated, 0 unchanged; 26 papers joined the catalog" in out
    )
    code, out, _ = run(capsys, "import", str(path))
    assert "26 papers: 0 new, 0 updated, 26 unchanged; 0 papers joined the catalog" in out
    code, out, _ = run(capsys, "lists", "--format", "json")
    assert [x["name"] for x in json.loads(out)][-1] == "B12_mental2008_osdi-2024"
    code, out, _ = run(capsys, "venues", "--format", "json")
    osdi = next(v for v in json.loads(out) if v["venue"] == "OSDI 2024")
    assert osdi["papers"] == 26


def test_export_refuses_to_overwrite_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "reading.json"
    assert run(capsys, "export", "--format", "json", "-o", str(out_file))[0] == 0
    before = out_file.read_bytes()
    code, _, err = run(capsys, "export", "--format", "csv", "-o", str(out_file))
    assert code == 2 and "--force" in err and out_file.read_bytes() == before
    assert run(capsys, "export", "--format", "csv", "-o", str(out_file), "--force")[0] == 0
    assert out_file.read_text().startswith("id,")


def test_export_into_a_missing_folder_is_refused_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "no" / "dir" / "x.csv"
    code, out, err = run(capsys, "export", "--format", "csv", "-o", str(out_file))
    assert code == 2 and out == ""
    assert (
        err == f"papershelf: {out_file}: no such folder: {out_file.parent}; nothing was exported\n"
    )
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_an_export_gets_the_mode_the_umask_gives_new_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, umask: int, mode: int
) -> None:
    import stat

    out_file = tmp_path / "out" / "reading.csv"
    out_file.parent.mkdir()
    old = os.umask(umask)
    try:
        assert run(capsys, "export", "--format", "csv", "-o", str(out_file))[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out_file.stat().st_mode) == mode
    assert [p.name for p in out_file.parent.iterdir()] == ["reading.csv"]  # no temp file left


def test_export_json_then_import_state_restores(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pid = str(listed(capsys, "--search", "lumos")[0]["id"])
    run(capsys, "mark", pid, "reading")
    run(capsys, "note", pid, "--set", "notes [bold] here")
    dump = tmp_path / "state.json"
    run(capsys, "export", "--format", "json", "-o", str(dump))
    run(capsys, "mark", pid, "unread")
    run(capsys, "note", pid, "--set", "")
    assert run(capsys, "import-state", str(dump))[0] == 0
    [paper] = listed(capsys, "--search", "lumos")
    assert paper["status"] == "reading" and paper["note"] == "notes [bold] here"


def test_paths_json_keys(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, "paths", "--format", "json")
    assert set(json.loads(out)) == {
        "data_dir",
        "catalog",
        "library",
        "backups",
        "config",
        "enrich",
        "log",
        "pending",
    }


def test_real_process_error_has_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PAPERSHELF_DATA_DIR": str(tmp_path / "d")}
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\xff\xfe\x00garbage\x00")
    result = subprocess.run(
        [sys.executable, "-m", "papershelf", "import", str(bad)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 2
    assert str(bad) in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
