"""Closing the terminal (SIGHUP) or a polite kill (SIGTERM) leaves as ``q`` does.

A note typed less than the autosave pause before the terminal closed was lost: the
process died of the signal with the text still in the editor.
"""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.leaving import LEAVE_SIGNALS
from papershelf.tui.widgets.note_editor import NoteEditor

from .conftest import SIZE, highlighted, ready, wait_for

pytestmark = pytest.mark.skipif(not LEAVE_SIGNALS, reason="no SIGHUP/SIGTERM here")


@pytest.mark.parametrize("name", ["SIGHUP", "SIGTERM"])
def test_a_leave_signal_saves_the_note_being_typed(
    app: PapershelfApp, library: Library, name: str
) -> None:
    signum = getattr(signal, name)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            screen.query_one(NoteEditor).autosave_seconds = 60  # no autosave before it
            await pilot.press("n", *"typed just now")
            assert library.state(paper.id).note == ""
            os.kill(os.getpid(), signum)  # the app's own handler, on its event loop
            await wait_for(pilot, lambda: not app.is_running)
            assert library.state(paper.id).note == "typed just now"

    asyncio.run(run())
    assert app.return_code == 128 + signum
    # The handler goes with the app: the process's own default is back.
    assert signal.getsignal(signum) is signal.SIG_DFL
