"""A note of a megabyte: the detail pane renders a bounded part of it, and keys keep working."""

from __future__ import annotations

import asyncio

from textual.widgets import Markdown

from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.detail_pane import RENDERED_NOTE_LIMIT, note_markdown

from .conftest import SIZE, highlighted, ready, wait_for

BIG = "".join(f"- point {i}: lorem ipsum dolor sit amet\n" for i in range(25_000))


def test_a_long_note_is_cut_at_a_line_end_and_says_how_much_is_left() -> None:
    shown = note_markdown(BIG)
    kept, _, tail = shown.partition("\n\n---\n\n")
    assert len(kept) <= RENDERED_NOTE_LIMIT and BIG.startswith(kept + "\n")
    assert f"{len(BIG.strip()) - len(kept):,} more characters not shown here" in tail
    assert note_markdown("short note\n") == "short note"
    assert "`n` edits the whole note, `e` opens it" in tail
    remapped = note_markdown(BIG, {"edit-note": "N,ctrl+n", "edit-note-external": "ctrl+e"})
    assert remapped.endswith("`N` edits the whole note, `ctrl+e` opens it in `$EDITOR`.*")


def test_a_megabyte_note_renders_a_bounded_number_of_blocks(
    app: PapershelfApp, library: Library
) -> None:
    """Issue 16, defect 9: the whole note was rendered, one widget per block (31 s)."""
    first = library.papers()[0].id
    library.set_note(first, BIG)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            assert highlighted(screen).id == first
            view = screen.query_one("#note-view", Markdown)
            await wait_for(pilot, lambda: len(view.query("*")) > 10, timeout=30)
            assert len(view.query("*")) < 5_000, len(view.query("*"))  # 25,000 bullets in the note
            await pilot.press("j")
            await wait_for(pilot, lambda: highlighted(screen).id != first)

    asyncio.run(run())
