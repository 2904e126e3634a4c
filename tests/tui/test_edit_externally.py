"""``edit_externally`` always gives the terminal back to the app, whatever the editor does.

Textual's ``App.suspend`` resumes the screen only when its block ends normally: an error
raised inside it left a blank app that no key could reach. These tests stand in a suspend
with the same rule and check the screen comes back and the user hears why.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import pytest
from textual.app import App

from papershelf.tui.screens.paper_actions import edit_externally


class _Suspending:
    """Just what ``edit_externally`` uses of an app, with Textual's resume rule."""

    is_headless = False

    def __init__(self) -> None:
        self.resumed = 0

    @contextmanager
    def suspend(self) -> Iterator[None]:
        yield
        self.resumed += 1  # as in Textual: not reached when the block raised


def _run(note: str) -> tuple[str | None, _Suspending, list[tuple[str, str]]]:
    app, said = _Suspending(), []
    new = edit_externally(cast(App[Any], app), note, lambda text, level: said.append((text, level)))
    return new, app, said


def test_an_editor_that_cannot_start_gives_the_screen_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VISUAL", "papershelf-no-such-editor-here")
    new, app, said = _run("kept")
    assert new is None
    assert app.resumed == 1
    assert len(said) == 1 and said[0][1] == "error"
    assert "papershelf-no-such-editor-here" in said[0][0]


def test_an_editor_that_writes_gives_the_new_note(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    script = tmp_path / "editor.py"
    script.write_text("import sys, pathlib\npathlib.Path(sys.argv[1]).write_text('new text')\n")
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    new, app, said = _run("old text")
    assert (new, app.resumed, said) == ("new text", 1, [])


def test_an_editor_that_fails_is_said_in_the_words_of_note_edit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The app said "the editor failed: the note is unchanged", the command line otherwise."""
    monkeypatch.setenv("VISUAL", "false")
    new, app, said = _run("kept")
    assert (new, app.resumed) == (None, 1)
    assert said == [("the editor exited with an error; note left unchanged", "warning")]
