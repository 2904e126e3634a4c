"""Every way out keeps the note typed just before it, in full.

Keys read together wait their turn (``KeyOrder``), but ``ctrl+q`` acts at once, and a signal
or the palette's Quit does not go through the keys at all: the app left with the first
letters in the editor and the rest still waiting, and saved only those letters.
"""

from __future__ import annotations

import asyncio
import os
import signal

import pytest
from textual.command import CommandPalette
from textual.widgets import OptionList

from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.leaving import LEAVE_SIGNALS
from papershelf.tui.widgets.note_editor import NoteEditor

from .conftest import SIZE, highlighted, open_triage, ready, wait_for
from .test_key_order import burst

TYPED = "ZZZ second test of quitting"

WAYS_OUT = ["ctrl+q", "palette"] + [s.name for s in LEAVE_SIGNALS]


@pytest.mark.parametrize("way", WAYS_OUT)
def test_leaving_right_after_typing_saves_every_letter(
    app: PapershelfApp, library: Library, way: str
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("j", "n")
            paper = highlighted(screen)
            screen.query_one(NoteEditor).autosave_seconds = 60  # no autosave before it
            if way == "ctrl+q":
                burst(app, [*TYPED, "ctrl+q"])  # one read: the letters, then ctrl+q
            elif way == "palette":
                burst(app, [*TYPED, "ctrl+p"])
                await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
                await pilot.press(*"quit")
                await wait_for(pilot, lambda: "Quit" in palette_options(app))
                await pilot.press("enter")
            else:
                burst(app, list(TYPED))  # the letters wait their turn when the signal comes
                os.kill(os.getpid(), getattr(signal, way))
            await wait_for(pilot, lambda: not app.is_running)
            assert library.state(paper.id).note == TYPED

    asyncio.run(run())
    assert app.return_code == (128 + signal.Signals[way] if way.startswith("SIG") else 0)


def palette_options(app: PapershelfApp) -> str:
    """The palette's options as text (empty while it searches)."""
    return " ".join(str(o.prompt) for o in app.screen.query_one(OptionList).options)


def test_quitting_with_triage_note_dialog_open_keeps_its_text(
    app: PapershelfApp, library: Library
) -> None:
    """Only the main screen's note was handed over: a note typed in triage's dialog was lost."""
    from papershelf.tui.screens.dialogs import NoteDialog

    async def run() -> str:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            _, paper_id = await open_triage(pilot)
            await pilot.press("n")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteDialog))
            await pilot.press(*"[b]in triage[/b]", "ctrl+q")
            await wait_for(pilot, lambda: not app.is_running)
            return paper_id

    paper_id = asyncio.run(run())
    assert library.state(paper_id).note == "[b]in triage[/b]"
    assert app.return_code == 0
