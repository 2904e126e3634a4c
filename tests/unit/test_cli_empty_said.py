"""A command with nothing to show says so on stderr: its standard output holds results only.

``history``, ``update``, ``enrich`` and ``merge --conflicts`` printed "no changes to undo",
"nothing to enrich" and the like on stdout, where ``list``, ``tags``, ``orphans``, ``new``,
``duplicates`` and ``note`` say it on stderr: ``papershelf history | wc -l`` counted it.
"""

from __future__ import annotations

import json
import sys

import pytest

from tests.conftest import run_cli as run

Capsys = pytest.CaptureFixture[str]


def _asplos_id(capsys: Capsys) -> str:
    return str(json.loads(run(capsys, "list", "--format", "json", "--venue", "ASPLOS")[1])[0]["id"])


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["history"], "no changes to undo"),
        (["undo"], "nothing to undo"),
        (["redo"], "nothing to redo"),
        (["update"], "no list follows a URL"),
        (["enrich", "--offline", "ID", "--venue", "MLSys"], "nothing to enrich"),
        (["enrich", "--review"], "no doubtful matches to review"),
        (["merge", "--conflicts"], "no conflict copies next to the library"),
        (["tags"], "no tags yet"),
        (["duplicates"], "no possible duplicates"),
    ],
)
def test_nothing_to_show_is_said_on_stderr(capsys: Capsys, argv: list[str], said: str) -> None:
    pid = _asplos_id(capsys)  # not of MLSys
    argv = [pid if a == "ID" else a for a in argv]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (0, "")
    assert err.startswith(said), err
    assert run(capsys, *argv, "-q") == (0, "", "")  # -q: as `orphans` and `new`, not a word


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--search", "no-such-words"],
        ["export", "--format", "csv", "--search", "no-such-words"],
        ["note", "ID"],
    ],
)
def test_quiet_silences_an_empty_result_on_a_terminal_too(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    argv = [_asplos_id(capsys) if a == "ID" else a for a in argv]
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, err = run(capsys, *argv)
    assert code == 0 and err.startswith(("no papers match", "no note on")), err
    assert run(capsys, *argv, "-q") == (0, out, "")


def test_an_unknown_source_is_quoted_as_an_unknown_status_is(capsys: Capsys) -> None:
    code, out, err = run(capsys, "enrich", "--all", "--offline", "--source", "arxiv,nosuch")
    assert (code, out) == (2, "")
    assert err.startswith("papershelf: unknown source 'nosuch': choose from arxiv, "), err
    code, _, err = run(capsys, "list", "--status", "nosuch")
    assert err.startswith("papershelf: unknown status 'nosuch': use "), err
