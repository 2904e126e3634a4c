"""The note: editor pane with autosave, $EDITOR, saving on leave and on quit."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from papershelf.domain.notes import CONFLICT_MARK
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.detail_pane import DetailPane
from papershelf.tui.widgets.note_editor import NoteEditor
from papershelf.tui.widgets.paper_list import PaperList
from papershelf.tui.widgets.status_line import StatusLine

from .conftest import SIZE, highlighted, ready, screen_text, settle, wait_for


def test_n_opens_the_editor_and_binding_letters_type(app: PapershelfApp, library: Library) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            await pilot.press("n")
            assert isinstance(app.focused, NoteEditor)
            await pilot.press(*"trixsuUq?T", "space", *"p1/nOyYVe", "space", "enter", "G")
            editor = screen.query_one(NoteEditor)
            assert editor.text == "trixsuUq?T p1/nOyYVe \nG"
            assert library.state(paper.id).status.value == "unread"
            assert app.is_running
            assert screen.paper_list.cursor == 0

    asyncio.run(run())


def test_autosave_after_a_pause(app: PapershelfApp, library: Library) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            editor = screen.query_one(NoteEditor)
            editor.autosave_seconds = 60  # a pause that cannot pass during the test
            await pilot.press("n", *"goo")
            assert editor.dirty
            await pilot.pause(0.3)
            assert library.state(paper.id).note == ""  # typing alone writes nothing
            editor.autosave_seconds = 0.2
            await pilot.press("d")  # then a short pause after the last key saves
            await wait_for(pilot, lambda: library.state(paper.id).note == "good", timeout=10)
            assert not editor.dirty
            assert editor.has_focus  # still editing

    asyncio.run(run())


def test_escape_saves_and_renders_the_note(app: PapershelfApp, library: Library) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            await pilot.press("n", *"ok", "escape")
            assert isinstance(app.focused, PaperList)
            await settle(pilot, screen)
            assert library.state(paper.id).note == "ok"
            detail = screen.query_one(DetailPane)
            assert not detail.editing
            assert detail._note_shown == "ok"

    asyncio.run(run())


def test_load_text_is_not_a_change(app: PapershelfApp, library: Library) -> None:
    paper = library.papers()[0]
    library.set_note(paper.id, "kept as is")

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("n")
            editor = screen.query_one(NoteEditor)
            assert editor.text == "kept as is"
            assert not editor.dirty
            await pilot.press("escape")
            await settle(pilot, screen)
            history = library.state(paper.id)
            assert history.note == "kept as is"
            assert not screen.live.unconfirmed

    asyncio.run(run())


def test_quit_saves_unsaved_note_text(app: PapershelfApp, library: Library) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            screen.query_one(NoteEditor).autosave_seconds = 60  # no autosave before quitting
            await pilot.press("n", *"last words")
            assert library.state(paper.id).note == ""
            await pilot.press("ctrl+q")
            await wait_for(pilot, lambda: not app.is_running)
            assert library.state(paper.id).note == "last words"

    asyncio.run(run())
    assert app.return_code == 0


def test_moving_away_saves_the_note(app: PapershelfApp, library: Library) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            screen.query_one(NoteEditor).autosave_seconds = 60
            await pilot.press("n", *"abc")
            await pilot.click(PaperList)  # the mouse moves the focus away
            assert isinstance(app.focused, PaperList)
            await settle(pilot, screen)
            assert library.state(paper.id).note == "abc"

    asyncio.run(run())


def test_external_editor(
    app: PapershelfApp, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "fake-editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text() + 'from the editor\\n')\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.setenv("VISUAL", "")

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            await pilot.press("e")
            await settle(pilot, screen)
            assert library.state(paper.id).note == "from the editor"
            assert screen.query_one(DetailPane)._note_shown == "from the editor"

    asyncio.run(run())


def test_failing_editor_keeps_the_note(
    app: PapershelfApp, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    paper = library.papers()[0]
    library.set_note(paper.id, "precious")
    crash = "import sys; open(sys.argv[1], 'w'); sys.exit(3)"  # empties the file, then fails
    monkeypatch.setenv("VISUAL", f'{sys.executable} -c "{crash}"')

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("e")
            await settle(pilot, screen)
            assert library.state(paper.id).note == "precious"

    asyncio.run(run())


def test_note_markup_shows_literally(app: PapershelfApp, library: Library) -> None:
    paper = library.papers()[0]
    library.set_note(paper.id, "[bold]not bold[/bold] and [@click=app.quit]x[/]")

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            assert "[bold]not bold[/bold]" in screen_text(app)
            assert app.is_running

    asyncio.run(run())


def test_n_pressed_while_the_app_starts_opens_the_editor_once(
    app: PapershelfApp, library: Library
) -> None:
    """The editor is mounted after the first frame; a held ``n`` mounts it first, once."""

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n", *"ab")  # before the catalog shows: held, then replayed
            screen = await ready(pilot)
            await wait_for(pilot, lambda: isinstance(app.focused, NoteEditor))
            await pilot.pause(0.2)  # past the note views' mount, which must not add another
            editors = screen.query(NoteEditor)
            assert len(editors) == 1
            assert editors.first().text == "ab"
            assert editors.first().paper_id == highlighted(screen).id

    asyncio.run(run())


def test_tab_and_shift_tab_stay_in_the_note(app: PapershelfApp, library: Library) -> None:
    """Tab types a tab (notes keep tabs); only escape leaves the editor, and saves."""

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            detail = screen.query_one(DetailPane)
            view = screen.shelf.view
            await pilot.press("n", *"abc", "tab", *"def", "shift+tab", *"jkhd")
            editor = screen.query_one(NoteEditor)
            assert app.focused is editor
            assert editor.text == "abc\tdefjkhd"
            assert detail.display
            assert screen.shelf.view == view
            await pilot.press("escape")
            assert isinstance(app.focused, PaperList)
            await settle(pilot, screen)
            assert library.state(paper.id).note == "abc\tdefjkhd"

    asyncio.run(run())


def test_the_footer_shows_only_the_editors_keys_while_a_note_is_typed(
    app: PapershelfApp,
) -> None:
    """``/`` types a slash in the note: the footer must not offer it as Search."""

    async def run() -> tuple[set[str], set[str]]:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            before = {b.binding.action for b in screen.active_bindings.values() if b.enabled}
            await pilot.press("n", "slash")
            editor = screen.query_one(NoteEditor)
            assert app.focused is editor and editor.text == "/"
            during = {b.binding.action for b in screen.active_bindings.values() if b.enabled}
            return before, during

    before, during = asyncio.run(run())
    assert "focus_search" in before
    assert "focus_search" not in during and "set_status('read')" not in during


def test_a_note_merged_with_one_written_elsewhere_shows_as_stored(
    app: PapershelfApp, library: Library
) -> None:
    """The command line appends while the note is typed: the view shows both, as stored."""

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            screen.query_one(NoteEditor).autosave_seconds = 60
            await pilot.press("n", *"typed more")
            Library(library.paths).append_note(paper.id, "CLILINE")  # another process
            # The app reads the appended line before it saves the typed text.
            await wait_for(pilot, lambda: screen.shelf.state(paper.id).note == "CLILINE")
            await pilot.press("escape")  # saves: merged with the line appended
            await settle(pilot, screen)
            stored = library.state(paper.id).note
            assert "typed more" in stored and "CLILINE" in stored
            assert screen.shelf.state(paper.id).note == stored
            await pilot.press("j", "k")
            assert "CLILINE" in screen_text(app)
            await pilot.press("n")
            assert screen.query_one(NoteEditor).text == stored

    asyncio.run(run())


def test_escape_says_the_note_was_saved_only_when_it_changed(
    app: PapershelfApp, library: Library
) -> None:
    """The editor's own "saved" goes with it: the status line says what escape did."""

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            status = screen.query_one("#status")
            await pilot.press("n", "escape")  # opened and left as it was
            await settle(pilot, screen)
            assert "note saved" not in str(status.render())
            await pilot.press("n", *"kept", "escape")
            await settle(pilot, screen)
            assert library.state(paper.id).note == "kept"
            assert f"note saved: {paper.title}"[:30] in str(status.render())

    asyncio.run(run())


BOTH_KEPT = "note saved: changed elsewhere meanwhile, both versions kept, yours first: "


def _watch_messages(
    app: PapershelfApp, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[str], list[tuple[str, str]]]:
    """What the status line flashed and what toasted, kept to read after the flash is gone."""
    flashed: list[str] = []
    toasts: list[tuple[str, str]] = []
    real_flash = StatusLine.flash

    def flash(self: StatusLine, message: str, seconds: float | None = 6.0) -> None:
        flashed.append(message)
        real_flash(self, message, seconds)

    monkeypatch.setattr(StatusLine, "flash", flash)
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: toasts.append((message, kw["severity"]))
    )
    return flashed, toasts


def test_a_note_changed_in_two_places_says_both_versions_were_kept(
    app: PapershelfApp, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed text and a whole new text from the command line: both kept, and the user told."""
    flashed, toasts = _watch_messages(app, monkeypatch)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            Library(library.paths).set_note(paper.id, "line1\nline2\nline3")
            await wait_for(pilot, lambda: screen.shelf.state(paper.id).note.endswith("line3"))
            screen.query_one(NoteEditor).autosave_seconds = 60
            await pilot.press("n", *" APPTEXT")
            Library(library.paths).set_note(paper.id, "line1\nCLI CHANGED\nline3")  # elsewhere
            await wait_for(pilot, lambda: "CLI" in screen.shelf.state(paper.id).note)
            await pilot.press(*" more", "escape")
            await settle(pilot, screen)
            stored = library.state(paper.id).note
            assert stored == (
                f"line1\nline2\nline3 APPTEXT more\n\n{CONFLICT_MARK}\nline1\nCLI CHANGED\nline3"
            )
            said = BOTH_KEPT + paper.title
            await wait_for(pilot, lambda: said in flashed)
            assert flashed[-1] == said  # after escape's own "note saved"
            assert (said, "warning") in toasts

    asyncio.run(run())


def test_a_note_only_added_to_in_two_places_says_nothing_more(
    app: PapershelfApp, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both sides appended: the merge keeps one text, yours then theirs, as before."""
    flashed, toasts = _watch_messages(app, monkeypatch)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            screen.query_one(NoteEditor).autosave_seconds = 60
            await pilot.press("n", *"typed")
            Library(library.paths).append_note(paper.id, "CLILINE")
            await wait_for(pilot, lambda: screen.shelf.state(paper.id).note == "CLILINE")
            await pilot.press("escape")
            await settle(pilot, screen)
            assert library.state(paper.id).note == "typed\nCLILINE"
            assert flashed[-1] == f"note saved: {paper.title}"
            assert not any("both versions" in m for m in flashed) and toasts == []

    asyncio.run(run())
