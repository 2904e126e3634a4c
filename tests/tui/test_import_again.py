"""An import that failed: the dialog offers its address again, so it need not be typed anew."""

from __future__ import annotations

import asyncio

from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.status_line import StatusLine
from tests.list_site import Site

from .conftest import SIZE, open_import_dialog, ready, view_titles, wait_for

LIST = "# Reading\n\n- [OSDI'24] [First Paper About Things](https://x.org/1)\n"


def test_a_failed_address_is_offered_again_and_a_good_import_clears_it(
    app: PapershelfApp, site: Site
) -> None:
    url = f"{site.base}/reading.md"  # not served yet: 404

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            field = await open_import_dialog(pilot, screen)
            assert field.value == ""
            field.value = url
            await pilot.press("enter")
            status = screen.query_one(StatusLine)
            await wait_for(pilot, lambda: status.message.startswith("import failed"))
            assert "404" in status.message
            field = await open_import_dialog(pilot, screen)
            assert field.value == url
            assert field.cursor_position == len(url)  # typing goes on at its end
            site.put("/reading.md", LIST)
            await pilot.press("enter")
            await wait_for(pilot, lambda: "First Paper About Things" in view_titles(screen))
            await wait_for(pilot, lambda: status.message.startswith("imported"))
            field = await open_import_dialog(pilot, screen)
            assert field.value == ""

    asyncio.run(run())
