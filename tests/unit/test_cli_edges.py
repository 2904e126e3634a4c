from __future__ import annotations

import gc
import io
import json
from pathlib import Path

import pytest

from papershelf.cli.parser import app_args
from tests.conftest import corpus_file, python_c
from tests.conftest import run_cli as run

from .test_cli import listed


def test_the_process_entry_sets_the_collector_threshold(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        code, _, err = run(capsys, "stats")
        assert code == 0, err
        assert gc.get_threshold()[0] >= 10_000
    finally:
        gc.set_threshold(*before)


@pytest.mark.parametrize(
    ("argv", "opens_app"),
    [
        ([], True),
        (["--data-dir", "/tmp/x"], True),
        (["--data-dir=/tmp/x", "-q"], True),
        (["list"], False),
        (["--data-dir", "/tmp/x", "stats"], False),
        (["--version"], False),
        (["-h"], False),
        (["--data-dir"], False),  # the full parser says what is missing
        (["--bogus"], False),
    ],
)
def test_only_a_bare_start_skips_the_commands_parsers(argv: list[str], opens_app: bool) -> None:
    args = app_args(argv)
    assert (args is not None) == opens_app
    if args is not None:
        assert args.command is None


def test_opening_the_app_imports_no_command_module(tmp_path: Path) -> None:
    """The app's start does not pay for every command's parser (and what they import)."""
    code = (
        "import sys\n"
        "import papershelf.tui.app\n"
        "papershelf.tui.app.run_app = lambda paths, **_: 0\n"
        "from papershelf.cli.main import main\n"
        f"assert main(['--data-dir', {str(tmp_path)!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith('papershelf.cli.')))\n"
    )
    out = python_c(code)
    # ``cli.early`` is the glance at an import's arguments (``run`` makes it at every start).
    want = "['papershelf.cli.early', 'papershelf.cli.main', 'papershelf.cli.parser']"
    assert out.strip() == want


def test_importing_a_file_loads_no_http_module(tmp_path: Path) -> None:
    """Only a URL to fetch pays for the HTTP modules (about 10 ms of every import)."""
    seed = Path(__file__).resolve().parents[2] / "seeds" / "mlsys-2025.md"
    code = (
        "import sys\n"
        "from papershelf.cli.main import main\n"
        f"assert main(['--data-dir', {str(tmp_path)!r}, 'import', '-q', {str(seed)!r}]) == 0\n"
        "print([m for m in ('http.client', 'urllib.request') if m in sys.modules])\n"
    )
    out = python_c(code)
    assert out.strip() == "[]"


NO_VENUE_LIST = (
    "# Reading\n\n"
    "* [Paper One: A Venue-less Study](https://example.org/one). Ann Lee.\n"
    "* [Paper Two: Another Venue-less Study](https://example.org/two). Bo Li.\n"
)


def test_papers_of_no_venue_are_the_unknown_venue_and_can_be_selected(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # a narrow terminal may cut the venue's name
    source = tmp_path / "reading.md"
    source.write_text(NO_VENUE_LIST)
    code, out, _ = run(capsys, "import", str(source))
    assert code == 0 and ": Unknown venue: 2 papers" in out
    venues = run(capsys, "venues")[1].splitlines()
    assert [line.split("  ")[0] for line in venues if not line[0].isalnum()] == []  # no blank name
    assert any(line.startswith("Unknown venue  ") for line in venues)
    stats = run(capsys, "stats")[1].splitlines()
    assert any(line.startswith("Unknown venue ") and " 2 " in line for line in stats)
    for name in ("Unknown venue", "unknown", "UNKNOWN  VENUE"):
        papers = listed(capsys, "--venue", name)
        assert sorted(str(p["title"]).split(":")[0] for p in papers) == ["Paper One", "Paper Two"]
        assert {p["venue"] for p in papers} == {None}  # the JSON keeps saying "no venue"
    code, out, _ = run(capsys, "export", "--format", "csv", "--venue", "unknown venue")
    assert code == 0 and out.count("\n") == 3  # the header and the two papers


def test_unknown_venue_names_nothing_when_every_paper_has_a_venue(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "list", "--venue", "unknown venue")
    assert code == 2 and "no venue 'unknown venue'" in err


def test_the_readme_command_table_names_each_command_once() -> None:
    import re

    from papershelf.cli.parser import build_parser

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `papershelf ")]
    cells = [row.split(" | ")[0] for row in rows]
    named = [m for cell in cells for m in dict.fromkeys(re.findall(r"`papershelf ([a-z-]+)", cell))]
    assert [m for m in set(named) if named.count(m) > 1] == [], "a command has two rows"
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert commands is not None
    assert set(named) == set(commands)


@pytest.mark.parametrize(
    "argv", [["--data-dir", "", "lists"], ["lists", "--data-dir", " "], ["--data-dir="]]
)
def test_an_empty_data_dir_is_refused_not_the_current_folder(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--data-dir: an empty path is no folder" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["list"], ["mark", "x", "read"], []])
def test_a_data_dir_that_is_a_file_is_said_so_in_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    """It said "FILE/lists/index.json: cannot read the list index" (the app, config.toml)."""
    monkeypatch.delenv("PAPERSHELF_DATA_DIR", raising=False)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine\n", encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", str(a_file), *command)
    assert (code, out) == (2, "")
    assert err == f"papershelf: --data-dir {a_file}: a file, not a folder\n"
    assert a_file.read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_an_address_papershelf_does_not_fetch_is_one_line_and_the_rest_imports(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "import", "ftp://example.com/x.md", str(corpus_file("B12")), "-q")
    assert code == 2
    assert err.splitlines() == [
        "papershelf: ftp://example.com/x.md: papershelf fetches https:// and http:// addresses"
        " only",
        "papershelf: 1 of 2 files could not be imported; the other file was imported",
    ]
    assert any(p.startswith("osdi2024") for p in _ids(capsys))


def _ids(capsys: pytest.CaptureFixture[str]) -> list[str]:
    code, out, _ = run(capsys, "list", "--format", "json")
    assert code == 0
    return [p["id"] for p in json.loads(out)]


def test_import_state_names_what_it_could_not_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "gone.json"
    assert run(capsys, "import-state", str(missing))[2] == (
        f"papershelf: {missing}: no such file\n"
    )
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"{")))
    code, _, err = run(capsys, "import-state", "-")
    assert code == 2 and err.startswith(
        "papershelf: standard input: line 1 column 2: not valid JSON"
    )


def test_an_editor_that_fails_is_one_line_with_the_usage_exit_code(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = _ids(capsys)[0]
    monkeypatch.setenv("EDITOR", "false")
    code, out, err = run(capsys, "note", pid, "--edit")
    assert (code, out) == (2, "")
    assert err == "papershelf: the editor exited with an error; note left unchanged\n"


@pytest.mark.parametrize("weeks", ["0", "-1", "521", "100000000"])
def test_stats_refuses_a_week_count_out_of_range(
    capsys: pytest.CaptureFixture[str], weeks: str
) -> None:
    code, out, err = run(capsys, "stats", "--weeks", weeks)
    assert code == 2 and out == ""
    assert err == f"papershelf: --weeks must be between 1 and 520, not {int(weeks)}\n"


def test_stats_takes_ten_years_of_weeks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", "--weeks", "520", "--format", "json")
    assert code == 0 and len(json.loads(out)["read_per_week"]) == 520
