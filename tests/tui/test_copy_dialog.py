"""The copy dialog's sentence wraps whole at any width."""

from __future__ import annotations

import asyncio

import pytest

from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.dialogs import CopyDialog

from .conftest import ready, screen_text

SENTENCE = (
    "Could not confirm the clipboard has the title and link: select it below with the mouse"
    " (shift+drag in most terminals) and copy it."
)


@pytest.mark.parametrize("size", [(160, 45), (80, 24), (50, 20)])
def test_the_whole_sentence_shows(app: PapershelfApp, size: tuple[int, int]) -> None:
    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            app.push_screen(CopyDialog("Title\nhttps://example.org/x", "the title and link"))
            await pilot.pause()
            # The dialog's lines, its border and what shows beside it left out.
            rows = [line.split("│")[1] for line in screen_text(app).splitlines() if "│" in line]
            text = " ".join(" ".join(rows).split())
            assert SENTENCE in text, text
            assert "escape closes" in text  # the text area gives way in 24 rows, not the hint

    asyncio.run(run())
