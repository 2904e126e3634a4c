"""Triage keys that mean what they mean on the list: n writes a note, o opens the link."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import TextArea

from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens import paper_actions
from papershelf.tui.screens.dialogs import NoteDialog
from papershelf.tui.widgets.triage_card import TriageCard

from .conftest import SIZE, open_triage, ready, wait_for


def test_n_writes_a_note_in_triage_and_u_takes_it_back(
    app: PapershelfApp, library: Library
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            triage, paper_id = await open_triage(pilot)
            await pilot.press("n")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteDialog))
            await pilot.press(*"[b]worth it[/b]", "escape")
            await wait_for(pilot, lambda: app.screen is triage)
            assert triage.current_id == paper_id  # a note does not decide the paper
            note = triage.query_one(".triage-card--value.-note")
            assert "[b]worth it[/b]" in str(note.render())  # text, never markup
            await wait_for(pilot, lambda: library.state(paper_id).note == "[b]worth it[/b]")
            await pilot.press("u")
            await wait_for(pilot, lambda: library.state(paper_id).note == "")
            assert isinstance(triage.query_one(TriageCard), TriageCard)

    asyncio.run(run())


def test_o_opens_the_link_in_triage(app: PapershelfApp, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def launch(url: str) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(paper_actions, "launch_browser", launch)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            triage, paper_id = await open_triage(pilot)
            await pilot.press("o")
            await wait_for(pilot, lambda: bool(opened))
            assert triage.current_id == paper_id

    asyncio.run(run())


def test_the_note_dialog_escape_keeps_the_text(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            kept: list[str | None] = []
            app.push_screen(NoteDialog("A paper", "old line"), kept.append)
            await pilot.pause()
            assert app.screen.query_one(TextArea).text == "old line\n"  # typing starts below
            await pilot.press("home", "backspace", "end", *" and more", "ctrl+s")
            await wait_for(pilot, lambda: bool(kept))
            assert kept == ["old line and more"]

    asyncio.run(run())


@pytest.mark.parametrize(
    ("old", "typed", "written"),
    [
        ("first thought", "second", "first thought\nsecond"),
        ("first thought", "", "first thought"),  # nothing typed: the note as it was
        ("ends in a line\n", "more", "ends in a line\nmore"),
        ("", "new", "new"),
    ],
)
def test_a_note_written_again_goes_on_below_what_it_says(
    app: PapershelfApp, old: str, typed: str, written: str
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            kept: list[str | None] = []
            app.push_screen(NoteDialog("A paper", old), kept.append)
            await pilot.pause()
            await pilot.press(*typed, "escape")
            await wait_for(pilot, lambda: bool(kept))
            assert kept == [written]

    asyncio.run(run())


def test_a_note_written_in_triage_while_rewritten_elsewhere_says_both_were_kept(
    app: PapershelfApp, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from papershelf.tui.screens.triage_steps import KEPT_BOTH

    toasts: list[tuple[str, str]] = []
    monkeypatch.setattr(app, "notify", lambda text, **kw: toasts.append((text, kw["severity"])))

    first = library.catalog.papers[0].id
    library.set_note(first, "line1\nline2")  # before the app: the card shows it

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            triage, paper_id = await open_triage(pilot)
            assert paper_id == first
            await pilot.press("n")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteDialog))
            await wait_for(pilot, lambda: "line2" in app.screen.query_one(TextArea).text)
            Library(library.paths).set_note(paper_id, "line1\nCHANGED")  # elsewhere
            app.screen.query_one(TextArea).move_cursor((1, 5))
            await pilot.press(*" mine", "escape")
            await wait_for(pilot, lambda: app.screen is triage)
            await wait_for(pilot, lambda: (KEPT_BOTH, "warning") in toasts)
            note = library.state(paper_id).note
            assert note.startswith("line1\nline2 mine") and note.endswith("line1\nCHANGED")

    asyncio.run(run())
