"""Triage at 80 columns: every key a triage needs is on screen, in the footer or the line
under the card (the footer was cut after ``n Note``: no ``o``, ``u`` nor ``?``)."""

from __future__ import annotations

import asyncio

from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.triage import TriageScreen
from papershelf.tui.widgets.triage_card import TriageCard

from .conftest import ready, screen_text, wait_for

NEEDED = ("t To read", "i Reading", "r Read", "space Skip", "u Undo", "esc End", "? Keys")
IN_LINE = "s star · n note · o opens the link"


def test_at_80_columns_every_triage_key_shows(app: PapershelfApp) -> None:
    async def run() -> tuple[str, str, bool]:
        async with app.run_test(size=(80, 24)) as pilot:
            await ready(pilot)
            await pilot.press("T")
            await wait_for(pilot, lambda: isinstance(app.screen, TriageScreen))
            triage = app.screen
            assert isinstance(triage, TriageScreen)
            await pilot.pause()
            narrow = screen_text(app)
            await pilot.press("s")  # out of the footer, still a key: it stars the card
            await pilot.pause()
            starred = triage.query_one("#triage-card").has_class("-starred")
            await pilot.resize_terminal(160, 45)
            await pilot.pause()
            return narrow, screen_text(app), starred

    narrow, wide, starred = asyncio.run(run())
    lines = narrow.rstrip("\n").splitlines()
    footer = next(line for line in reversed(lines) if "Palette" in line)
    for key in NEEDED:
        assert key in footer, (key, footer)
    assert IN_LINE in narrow
    assert starred
    wide_footer = next(line for line in reversed(wide.splitlines()) if "Palette" in line)
    for key in (*NEEDED, "s Star", "n Note", "o Open"):
        assert key in wide_footer, (key, wide_footer)
    assert IN_LINE not in wide  # the footer holds them all: no line says them twice


def test_at_80_by_24_a_long_note_leaves_the_counter_the_card_and_the_key_line_whole(
    app: PapershelfApp, library: Library
) -> None:
    """The lines above and below the card were added to its 100%: with a long note the
    card's bottom edge and the key line under it fell off the screen."""
    library.set_note(library.papers()[0].id, "\n".join(f"line {i} of a note" for i in range(40)))

    async def run() -> tuple[str, int, int, int]:
        async with app.run_test(size=(80, 24)) as pilot:
            await ready(pilot)
            await pilot.press("T")
            await wait_for(pilot, lambda: isinstance(app.screen, TriageScreen))
            await pilot.pause()
            card = app.screen.query_one("#triage-card").region
            keys = app.screen.query_one("#triage-keys").region
            return screen_text(app), card.bottom, keys.y, keys.bottom

    text, card_bottom, keys_top, keys_bottom = asyncio.run(run())
    assert "76 of 76 left in All papers" in text  # the counter, not covered by the last line
    assert "line 0 of a note" in text
    assert card_bottom <= keys_top and keys_bottom <= 23  # above the footer's row
    assert IN_LINE in text


def test_j_and_k_scroll_a_long_card_and_j_on_the_summary_still_moves_the_list(
    app: PapershelfApp, library: Library
) -> None:
    """The card showed a scroll bar that only a mouse could move: the rest of a long note or
    abstract was out of a keyboard's reach."""
    papers = library.papers()
    library.set_note(papers[0].id, "\n".join(f"line {i} of a note" for i in range(40)))

    async def run() -> tuple[list[float], str]:
        async with app.run_test(size=(80, 24)) as pilot:
            main = await ready(pilot)
            await pilot.press("T")
            await wait_for(pilot, lambda: isinstance(app.screen, TriageScreen))
            await pilot.pause()
            card = app.screen.query_one(TriageCard)
            seen = [card.scroll_y]
            for key in ("j", "j", "down", "k"):
                await pilot.press(key)
                await pilot.pause()
                seen.append(card.scroll_y)
            await pilot.press("escape")  # the summary
            await pilot.pause()
            await pilot.press("j")  # closes it and moves the list, as the summary says
            await wait_for(pilot, lambda: app.screen is main)
            await pilot.pause()
            return seen, main.paper_list.highlighted.id if main.paper_list.highlighted else ""

    seen, highlighted = asyncio.run(run())
    assert seen == [0, 1, 2, 3, 2]
    assert highlighted == papers[1].id
