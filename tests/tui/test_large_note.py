"""A note of a megabyte: the detail pane renders a bounded part of it, and keys keep working."""

from __future__ import annotations

import asyncio

from textual.widgets import Markdown

from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.detail_pane import (
    RENDERED_NOTE_LIMIT,
    RENDERED_NOTE_LINES,
    note_markdown,
)

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


def test_a_note_of_many_short_lines_is_cut_after_so_many_lines() -> None:
    """Each line of a list is a block (a widget or more): lines bound the work, not bytes."""
    lines = [f"- point {i}" for i in range(RENDERED_NOTE_LINES * 3)]
    shown = note_markdown("\n".join(lines))
    kept, _, tail = shown.partition("\n\n---\n\n")
    assert kept.split("\n") == lines[:RENDERED_NOTE_LINES]
    assert "more characters not shown here" in tail
    exactly = "\n".join(lines[:RENDERED_NOTE_LINES])
    assert note_markdown(exactly) == exactly  # as many lines as are shown: nothing cut


def test_a_code_block_cut_open_is_closed_before_the_cut_line() -> None:
    code = ["```python", *(f"x = {i}" for i in range(RENDERED_NOTE_LINES * 2)), "```"]
    shown = note_markdown("\n".join(["Notes:", *code]))
    kept, _, tail = shown.partition("\n\n---\n\n")
    assert kept.split("\n")[-1] == "```" and kept.count("```") == 2
    assert tail.startswith("*") and "more characters" in tail
    closed = ["~~~", "a", "~~~", *(f"line {i}" for i in range(RENDERED_NOTE_LINES * 2))]
    kept = note_markdown("\n".join(closed)).partition("\n\n---\n\n")[0]
    assert kept.count("~~~") == 2  # a block closed before the cut gets no second close


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
            # 25,000 bullets in the note, RENDERED_NOTE_LINES shown, a few widgets each
            assert len(view.query("*")) < 8 * RENDERED_NOTE_LINES, len(view.query("*"))
            await pilot.press("j")
            await wait_for(pilot, lambda: highlighted(screen).id != first)

    asyncio.run(run())
