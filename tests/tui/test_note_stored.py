"""The open note editor and the note as stored: news from elsewhere shows, its own echo not."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from papershelf.tui.widgets.note_editor import NoteEditor


class _OneEditor(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.saved: list[str] = []

    def compose(self) -> ComposeResult:
        yield NoteEditor(autosave_seconds=60)

    def on_note_editor_save_requested(self, message: NoteEditor.SaveRequested) -> None:
        self.saved.append(message.text)


def _scenario(steps: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """Runs (action, text) steps: type, save, or stored; gives the editor's text and saves."""
    app = _OneEditor()
    out: list[str] = []

    async def run() -> None:
        async with app.run_test() as pilot:
            editor = app.query_one(NoteEditor)
            editor.open_note("p", "a")
            editor.focus()
            for action, text in steps:
                if action == "type":
                    await pilot.press(*text)
                elif action == "save":
                    editor.save_now()
                else:
                    editor.stored("p", text)
                await pilot.pause()
            out.append(editor.text)

    asyncio.run(run())
    return out[0], app.saved


def test_a_change_made_elsewhere_shows_when_nothing_typed_waits() -> None:
    text, saved = _scenario([("stored", "a\nfrom the command line")])
    assert text == "a\nfrom the command line"
    assert saved == []


def test_typed_text_is_never_replaced_by_the_stored_note() -> None:
    text, saved = _scenario([("type", "b"), ("stored", "a\nfrom the command line"), ("save", "")])
    assert text == "ab"
    assert saved == ["ab"]  # the library merges it with the other change


def test_the_late_echo_of_an_earlier_save_changes_nothing() -> None:
    steps = [("type", "b"), ("save", ""), ("type", "c"), ("save", ""), ("stored", "ab")]
    text, saved = _scenario(steps)
    assert text == "abc"
    assert saved == ["ab", "abc"]


def test_another_papers_note_is_not_shown() -> None:
    app = _OneEditor()

    async def run() -> None:
        async with app.run_test() as pilot:
            editor = app.query_one(NoteEditor)
            editor.open_note("p", "a")
            editor.stored("q", "other")
            await pilot.pause()
            assert editor.text == "a"

    asyncio.run(run())


def test_an_undo_elsewhere_back_to_an_earlier_save_shows() -> None:
    """Each echo settles its save: a later return to that text is news (an undo elsewhere)."""
    steps = [
        ("type", "b"),
        ("save", ""),
        ("stored", "ab"),  # the echo of the first save
        ("type", "c"),
        ("save", ""),
        ("stored", "abc"),  # the echo of the second
        ("stored", "ab"),  # `papershelf undo` in another terminal
    ]
    text, saved = _scenario(steps)
    assert text == "ab"
    assert saved == ["ab", "abc"]


def test_a_writer_at_the_end_stays_at_the_end_of_the_new_text() -> None:
    """An empty note opened, a line added elsewhere: typing goes after it, not before."""
    app = _OneEditor()

    async def run() -> None:
        async with app.run_test() as pilot:
            editor = app.query_one(NoteEditor)
            editor.open_note("p", "")
            editor.focus()
            editor.stored("p", "from the command line")
            await pilot.press(*" typed")
            assert editor.text == "from the command line typed"

    asyncio.run(run())
