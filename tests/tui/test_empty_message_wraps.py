"""An empty list's message wraps to the list's width: the key that changes it stays in sight.

At 80x24 with the tree beside the list, "No paper matches “…” here: escape clears the
search." was one line cut at the list's edge (``escape clears the sea``).
"""

from __future__ import annotations

import asyncio

from papershelf.tui.app import PapershelfApp

from .conftest import ready, type_text, wait_for


def test_a_search_that_matches_nothing_says_how_to_clear_it_at_80_columns(
    app: PapershelfApp,
) -> None:
    query = '"no such words in any title at all"'

    async def run() -> list[str]:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash")
            await type_text(pilot, query)
            await wait_for(pilot, lambda: not screen.paper_list.papers)
            await pilot.pause()
            rows = range(screen.paper_list.size.height)
            return [screen.paper_list.render_line(y).text.strip() for y in rows]

    shown = " ".join(line for line in asyncio.run(run()) if line)
    assert shown.endswith("escape clears the search."), shown
    assert query in shown
