"""The read part of a progress bar stands out from the background in 16 colours, every theme.

In 16 colours a light theme's read part (``$success``) became bright green on bright white
(textual-light 1.8, atom-one-light 1.3; solarized-dark 1.4 on its dark background): the part
a reader looks for all but vanished, in the table and in the weeks' chart. The bars now
take the theme's text colours.
"""

from __future__ import annotations

import asyncio

import pytest
from rich.color import ColorSystem

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.screens.progress import ProgressScreen
from papershelf.tui.widgets.progress_bars import ProgressTable, WeeklyBars

from .conftest import SIZE, make_app, ready, wait_for
from .test_muted_contrast import THEMES, colours, lowest  # noqa: F401 (a fixture)

READ = "█"
LEAST = 3.0
"""WCAG's 3:1 for the parts of a graphic that carry meaning."""


@pytest.mark.usefixtures("colours")
def test_the_read_part_keeps_three_to_one_against_the_background_in_16_colours(
    library: Library, paths: Paths
) -> None:
    papers = library.papers()
    library.set_status([p.id for p in papers[-6:-4]], Status.READ)  # rows below the cursor's
    library.set_status([p.id for p in papers[-4:-2]], Status.READING)
    library.set_status([p.id for p in papers[-2:]], Status.TO_READ)
    poor: list[str] = []

    async def run() -> None:
        app = make_app(library, paths)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("p")
            await wait_for(pilot, lambda: isinstance(app.screen, ProgressScreen))
            table = app.screen.query_one(ProgressTable)
            await wait_for(pilot, lambda: table.row_count > 1)
            table.move_cursor(row=0)
            weeks = app.screen.query_one(WeeklyBars)  # what was read each week
            for theme in THEMES:
                app.theme = theme
                await pilot.pause()
                for widget in (table, weeks):
                    measured, _ = lowest(widget, (READ,), ColorSystem.STANDARD)
                    if measured < LEAST:
                        poor.append(f"{theme} {type(widget).__name__}: {measured:.1f}")

    asyncio.run(run())
    assert not poor, "\n".join(poor)
