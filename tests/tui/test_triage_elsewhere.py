"""A paper another window or ``papershelf mark`` triages while a triage runs is not asked again."""

from __future__ import annotations

import asyncio

from textual.pilot import Pilot
from textual.widgets import Static

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.screens.triage import TriageScreen

from .conftest import wait_for
from .test_triage import VENUE, TriageApp, card_title, counter, run, settle, venue_ids


def test_papers_triaged_elsewhere_leave_the_queue(library: Library, paths: Paths) -> None:
    ids = venue_ids(library)
    elsewhere = Library(paths, lock_timeout=2.0)

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("space")  # on to the second paper
        assert card_title(screen) == library.paper(ids[1]).title
        elsewhere.set_status([ids[1], ids[2]], Status.READ)  # the card's and the next
        elsewhere.set_starred([ids[3]], True)  # still unread: it stays
        await wait_for(pilot, lambda: card_title(screen) == library.paper(ids[3]).title)
        assert counter(screen) == f"41 of 42 left in {VENUE}"
        said = str(screen.query_one("#triage-last", Static).visual)
        assert said == f"Triaged elsewhere: {library.paper(ids[1]).title}"
        await pilot.press("t")  # decides the fourth paper, not the one read elsewhere
        await settle(pilot, screen)

    asyncio.run(run(library, ids, body))
    assert library.state(ids[1]).status is Status.READ  # not overwritten by "t"
    assert library.state(ids[2]).status is Status.READ
    assert library.state(ids[3]).status is Status.TO_READ and library.state(ids[3]).starred
