"""What triage says after a key: ``u`` takes back a skip, ``o`` says when no browser opened,
and the line about the last decision ends a title it cuts with an ellipsis."""

from __future__ import annotations

import asyncio
import re

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from papershelf.services.library import Library
from papershelf.tui.screens import paper_actions
from papershelf.tui.screens.dialogs import CopyDialog
from papershelf.tui.screens.triage import TriageScreen

from .conftest import wait_for
from .test_triage import VENUE, TriageApp, card_title, counter, run, settle, venue_ids


def last_line(screen: TriageScreen) -> str:
    """The line about the last decision, as the screen shows it."""
    line = screen.query_one("#triage-last", Static)
    return "".join(s.text for s in line.render_line(0)).rstrip()


def test_u_after_a_skip_brings_the_skipped_paper_back(library: Library) -> None:
    ids = venue_ids(library)

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("s")  # a star on the first paper, before the skip
        await pilot.press("space")
        await settle(pilot, screen)
        assert counter(screen) == f"43 of 44 left in {VENUE}"
        await pilot.press("u")
        await settle(pilot, screen)
        assert counter(screen) == f"44 of 44 left in {VENUE}"
        assert card_title(screen) == library.paper(ids[0]).title
        assert library.state(ids[0]).starred  # the skip was taken back, not the star
        assert last_line(screen).startswith("Skip undone:")
        await pilot.press("u")  # then the star
        await settle(pilot, screen)
        assert not library.state(ids[0]).starred
        await pilot.press("space", "escape")  # skipped again, then ended
        counts = str(screen.query_one(".triage-summary--counts", Static).visual)
        assert re.search(r"^skipped\s+1$", counts, flags=re.MULTILINE), counts

    asyncio.run(run(library, ids, body))


def test_u_with_nothing_to_undo_says_so(library: Library) -> None:
    """Before any decision, and again once every decision is taken back, ``u`` says why not."""
    ids = venue_ids(library)

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("u")
        assert last_line(screen) == "nothing to undo in this triage"
        assert counter(screen) == f"44 of 44 left in {VENUE}"  # nothing moved
        await pilot.press("space", "u")
        assert last_line(screen).startswith("Skip undone:")
        await pilot.press("u")
        assert last_line(screen) == "nothing to undo in this triage"
        assert card_title(screen) == library.paper(ids[0]).title

    asyncio.run(run(library, ids, body))


def test_o_without_a_browser_says_so_in_triage(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paper_actions, "launch_browser", lambda url: False)
    ids = venue_ids(library)
    link = library.paper(ids[0]).main_link
    assert link is not None

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, CopyDialog))
        said = f"could not open {link.url}: no browser found"
        assert ("warning", said) in app.notes
        assert said in last_line(screen) or last_line(screen).startswith("could not open")

    asyncio.run(run(library, ids, body))


def test_a_long_title_is_cut_with_an_ellipsis(library: Library) -> None:
    """At 80 columns the longest title of the venue does not fit beside the verb and hint."""
    ids = venue_ids(library)
    longest = max(ids, key=lambda pid: len(library.paper(pid).title))
    title = library.paper(longest).title
    assert len(title) > 80
    at = ids.index(longest)  # triage starts there: dozens of skips drew a card each to reach it

    async def run_narrow() -> None:
        app = TriageApp(library, [*ids[at:], *ids[:at]])
        screen = app.triage
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: app.screen is screen)
            assert screen.current_id == longest
            await pilot.press("t")
            line = last_line(screen)
            assert line.startswith("Marked to read: ")
            assert line.endswith("(u undoes)") and "…" in line  # cut, the hint kept
            assert title[:20] in line

    asyncio.run(run_narrow())
