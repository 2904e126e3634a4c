"""``note --set -`` reads the note from standard input: an empty input loses no note."""

from __future__ import annotations

import io
import json

import pytest

from tests.conftest import run_cli as run


def _first_id(capsys: pytest.CaptureFixture[str]) -> str:
    code, out, _ = run(capsys, "list", "--format", "json")
    assert code == 0
    return str(json.loads(out)[0]["id"])


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode()), newline=""))


@pytest.mark.parametrize("empty", ["", "\n", "  \n\t"])
def test_an_empty_standard_input_leaves_the_note(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, empty: str
) -> None:
    """A producer that failed in a pipe (``make-notes | papershelf note ID --set -``)."""
    pid = _first_id(capsys)
    assert run(capsys, "note", pid, "--set", "kept words")[0] == 0
    _stdin(monkeypatch, empty)
    code, out, err = run(capsys, "note", pid, "--set", "-")
    assert code == 2 and out == ""
    assert (
        err == "papershelf: standard input was empty; the note is unchanged (--set '' empties it)\n"
    )
    assert run(capsys, "note", pid)[1] == "kept words\n"


def test_standard_input_with_text_replaces_and_set_empty_still_empties(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = _first_id(capsys)
    assert run(capsys, "note", pid, "--set", "old")[0] == 0
    _stdin(monkeypatch, "new text\n")
    assert run(capsys, "note", pid, "--set", "-")[0] == 0
    assert run(capsys, "note", pid)[1] == "new text\n"
    assert run(capsys, "note", pid, "--set", "")[0] == 0
    assert run(capsys, "note", pid)[1] == ""
    _stdin(monkeypatch, "")  # nothing to keep: an empty input on no note changes nothing
    assert run(capsys, "note", pid, "--set", "-")[0] == 0
