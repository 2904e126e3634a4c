"""The note editor highlights markdown (the grammar is a declared dependency)."""

from __future__ import annotations

import asyncio

from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.note_editor import NoteEditor

from .conftest import SIZE, ready


def test_note_editor_uses_the_markdown_grammar(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("n")
            await pilot.pause()
            editor = app.screen.query_one(NoteEditor)
            assert "markdown" in editor.available_languages
            assert editor.language == "markdown"

    asyncio.run(run())
