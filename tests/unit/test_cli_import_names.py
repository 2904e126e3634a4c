"""Every import failure names the file as the user gave it, in the CLI and in the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.errors import ListError
from papershelf.services.commands import Import
from papershelf.services.library import Library
from tests.conftest import run_cli as run

GOOD = "# OSDI 2024\n\n- [Naming Files As Given](https://example.org/a.pdf)\n"
PROSE = "# Nothing here\n\nJust prose.\n"


@pytest.fixture
def imp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder ``imp`` in the current directory, so paths are given relative, as typed."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "imp"
    folder.mkdir()
    (folder / "empty.md").write_text(PROSE)
    (folder / "bin.md").write_bytes(b"\x00\x01binary")
    (folder / "good.md").write_text(GOOD)
    return folder


def test_every_failure_of_an_import_names_the_path_given(
    imp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "import", "imp/empty.md", "imp/bin.md", "imp/good.md")
    assert code == 2
    empty, binary, summary = err.splitlines()
    assert empty.startswith("papershelf: imp/empty.md: no papers found")
    assert binary.startswith("papershelf: imp/bin.md: binary file")
    assert summary.startswith("papershelf: 2 of 3 files could not be imported")
    assert out.startswith("imported imp/good.md: ")


def test_a_dry_run_names_the_path_given_too(imp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", "--dry-run", "imp/empty.md")
    assert code == 2
    assert err.startswith("papershelf: imp/empty.md: no papers found")


def test_the_papers_keep_their_file_name_as_source(
    imp: Path, capsys: pytest.CaptureFixture[str], library: Library
) -> None:
    assert run(capsys, "import", "imp/good.md")[0] == 0
    [paper] = [p for p in library.papers() if p.title == "Naming Files As Given"]
    assert paper.source == "good.md"


def test_the_apps_import_names_the_path_given(imp: Path, library: Library) -> None:
    # The app hands the dialog's path to the session's Import command.
    with pytest.raises(ListError) as caught:
        Import((Path("imp/empty.md"), Path("imp/good.md"))).run(library)
    assert str(caught.value).startswith("imp/empty.md: no papers found")
    assert "imported all the same: good" in str(caught.value)


@pytest.mark.parametrize(
    ("reason", "name", "given", "said"),
    [
        ("x.md: no papers found", "x.md", "imp/x.md", "imp/x.md: no papers found"),
        ("x.md: no papers found", "x.md", "x.md", "x.md: no papers found"),
        ("imp/x.md: empty file", "x.md", "imp/x.md", "imp/x.md: empty file"),
        ("x.mdx: no papers found", "x.md", "imp/x.md", "x.mdx: no papers found"),
        ("R.md: no papers found", "R.md", "https://h/o/r", "https://h/o/r: no papers found"),
    ],
)
def test_named_as_renames_only_the_parsers_file_name(
    reason: str, name: str, given: str, said: str
) -> None:
    from papershelf.services.import_batch import named_as

    assert named_as(reason, name, given) == said


@pytest.mark.parametrize("venue", ["", "  "])
def test_an_empty_venue_is_refused_not_taken_as_none(
    imp: Path, capsys: pytest.CaptureFixture[str], venue: str
) -> None:
    code, out, err = run(capsys, "import", "--venue", venue, "imp/good.md")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "--venue: an empty venue names none" in err
    assert run(capsys, "lists", "--format", "json")[1].count('"name"') == 2  # the seeds alone
