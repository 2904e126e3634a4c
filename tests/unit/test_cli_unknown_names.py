"""A name nothing has is an error in every command; a filter that selects nothing is not.

``list --tag nosuch`` exited 0 with "no papers match" where ``list --venue nosuch`` exited
2; ``update`` and ``forget`` said "no such list" in two ways, and ``update`` took only a
list's whole name where ``forget`` took a start of it in any case.
"""

from __future__ import annotations

import json
import sys

import pytest

from papershelf.services.known_names import close_matches
from tests.conftest import corpus_file
from tests.conftest import run_cli as run

Capsys = pytest.CaptureFixture[str]


def _tagged(capsys: Capsys) -> str:
    """A library where one paper has the tag "survey"; that paper's id."""
    _, out, _ = run(capsys, "list", "--format", "json", "--search", "flashinfer")
    pid = str(json.loads(out)[0]["id"])
    assert run(capsys, "tag", pid, "survey")[0] == 0
    return pid


FILTERS = [
    ("--tag", "nosuch", "no tag 'nosuch' (see `papershelf tags`)"),
    ("--tag", "survy", "no tag 'survy' (did you mean 'survey'?)"),
    ("--venue", "nosuch", "no venue 'nosuch' (see `papershelf venues`)"),
    ("--venue", "mlsys-205", "no venue 'mlsys-205' (did you mean 'MLSys 2025' or 'MLSys'?)"),
    ("--topic", "nosuch", "no topic 'nosuch' (see `papershelf stats --by topic`)"),
    ("--topic", "LLM servng", "no topic 'LLM servng' (did you mean 'LLM serving'"),
    ("--venue", "", "no venue '' (see `papershelf venues`)"),  # not every paper
    ("--topic", " ", "no topic ' ' (see `papershelf stats --by topic`)"),
]


@pytest.mark.parametrize("command", [["list"], ["list", "--format", "json"], ["export"]])
@pytest.mark.parametrize(("flag", "value", "said"), FILTERS)
def test_a_filter_naming_what_nothing_has_exits_2_in_one_line(
    capsys: Capsys, command: list[str], flag: str, value: str, said: str
) -> None:
    _tagged(capsys)
    argv = [*command, "--format", "csv"] if command == ["export"] else command
    code, out, err = run(capsys, *argv, flag, value)
    assert (code, out) == (2, "")
    assert err.startswith(f"papershelf: {said}"), err
    assert len(err.splitlines()) == 1


def test_enrich_names_an_unknown_venue_as_list_does(capsys: Capsys) -> None:
    code, out, err = run(capsys, "enrich", "--offline", "--venue", "mlsys-205")
    assert (code, out) == (2, "")
    assert err == "papershelf: no venue 'mlsys-205' (did you mean 'MLSys 2025' or 'MLSys'?)\n"


@pytest.mark.parametrize(
    "filters",
    [
        ["--tag", "SURVEY", "--status", "reading"],  # the tag is there (any case): none reading
        ["--venue", "mlsys 2025", "--starred"],
        ["--topic", "llm serving", "--has-note"],
        ["--search", "no-such-words"],
    ],
)
@pytest.mark.parametrize("terminal", [True, False])
def test_a_filter_that_selects_nothing_is_an_empty_result(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch, filters: list[str], terminal: bool
) -> None:
    _tagged(capsys)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: terminal)
    code, out, err = run(capsys, "list", *filters)
    assert (code, out) == (0, "")
    assert err == ("no papers match\n" if terminal else "")  # for a person, not a pipe
    code, out, err = run(capsys, "list", "--format", "json", *filters)
    assert (code, json.loads(out), err) == (0, [], "")  # JSON stays JSON, on a terminal too
    code, out, err = run(capsys, "export", "--format", "json", *filters)
    assert (code, json.loads(out)["papers"], err) == (0, [], "")


def test_a_tag_only_an_orphan_has_is_known(capsys: Capsys) -> None:
    """The tag is still the user's: ``export --orphans`` finds the paper, ``list`` none."""
    pid = _tagged(capsys)
    assert run(capsys, "forget", "mlsys-2025")[0] == 0
    code, out, _ = run(capsys, "list", "--format", "json", "--tag", "survey")
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run(capsys, "export", "--format", "json", "--orphans", "--tag", "survey")
    assert [p["id"] for p in json.loads(out)["papers"]] == [pid]


@pytest.mark.parametrize("venue", ["MLSys 2025", "mlsys'25", "MLSys"])
def test_a_venue_only_orphans_have_is_known_to_export_orphans(capsys: Capsys, venue: str) -> None:
    """Its list forgotten, the venue is the orphans' alone: ``export --orphans`` exports them."""
    pid = _tagged(capsys)
    assert run(capsys, "forget", "mlsys-2025")[0] == 0
    code, out, err = run(capsys, "export", "--format", "json", "--orphans", "--venue", venue)
    assert code == 0, err
    assert [p["id"] for p in json.loads(out)["papers"]] == [pid]
    code, out, err = run(capsys, "export", "--format", "json", "--venue", venue)  # no orphans
    assert (code, out) == (2, "") and err.startswith(f"papershelf: no venue {venue!r}"), err
    code, _, err = run(capsys, "export", "--format", "csv", "--orphans", "--venue", "MLSys 2024")
    assert code == 2 and "did you mean 'MLSys 2025'" in err, err


@pytest.mark.parametrize("command", ["forget", "update"])
@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("nosuch", "no list 'nosuch' (see `papershelf lists`)"),
        ("asplso", "no list 'asplso' (did you mean 'asplos-2025'?)"),
        ("", "no list '' (see `papershelf lists`)"),
    ],
)
def test_every_command_that_names_a_list_says_no_list_alike(
    capsys: Capsys, command: str, name: str, said: str
) -> None:
    code, out, err = run(capsys, command, name)
    assert (code, out, err) == (2, "", f"papershelf: {said}\n")


def test_update_finds_a_list_as_forget_does(capsys: Capsys) -> None:
    """A unique start in any case names the list (here one imported from a file)."""
    assert run(capsys, "import", "-q", str(corpus_file("A03")), str(corpus_file("A04")))[0] == 0
    code, _, err = run(capsys, "update", "MLSYS")
    assert code == 2
    assert err == "papershelf: mlsys-2025 was imported from a file, not a URL; import it again\n"
    for command in ("update", "forget"):
        code, _, err = run(capsys, command, "a0")
        assert code == 2 and err.startswith("papershelf: list name 'a0' is ambiguous: A03_"), err


def test_close_matches_are_like_spellings_or_names_that_hold_the_text() -> None:
    names = ["asplos-2025", "mlsys-2025", "LLM > Serving", "survey"]
    assert close_matches("SURVY", names) == ["survey"]
    assert close_matches("asplso", names) == ["asplos-2025"]  # a start, mistyped
    assert close_matches("serving", names) == ["LLM > Serving"]
    assert close_matches("zzz", names) == []
    assert close_matches("", names) == []
