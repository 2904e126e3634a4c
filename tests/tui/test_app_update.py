"""The palette's "Update followed lists": `papershelf update` in the app, on a local server."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from papershelf.catalog import fetch
from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.url_lists import import_urls
from papershelf.tui import commands
from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.status_line import StatusLine
from tests.list_site import Site

from .conftest import SIZE, make_app, ready, recorded_toasts, view_titles, wait_for

LIST_V1 = (
    "# Reading\n\n"
    "- [OSDI'24] [First Paper About Things](https://x.org/1)\n"
    "- [NSDI'23] [Second Paper About Stuff](https://x.org/2)\n"
)
LIST_V2 = LIST_V1 + "- [SOSP'24] [Third Paper Just Added](https://x.org/3)\n"


def _errors(toasts: list[tuple[str, dict[str, Any]]]) -> list[str]:
    return [m for m, given in toasts if given.get("severity") == "error"]


def _following(library: Library, site: Site) -> str:
    url = site.put("/reading.md", LIST_V1)
    import_urls(library, [url], venue=None, dry_run=False).strict()
    return url


def test_update_takes_in_what_a_followed_list_added(
    library: Library, paths: Paths, site: Site
) -> None:
    url = _following(library, site)
    site.put("/reading.md", LIST_V2)
    app = make_app(library, paths)
    toasts = recorded_toasts(app)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            assert "Third Paper Just Added" not in view_titles(screen)
            commands.update_lists(screen)
            status = screen.query_one(StatusLine)
            assert status.message == "fetching the followed lists…"  # until the answer
            await wait_for(pilot, lambda: "Third Paper Just Added" in view_titles(screen))
            await wait_for(pilot, lambda: "updated" in status.message)
            assert "1 new, 0 updated, 2 unchanged" in status.message
            assert [m for m, _ in toasts if m.startswith("updated")] == [status.message]
            assert status.message.startswith(f"updated {url}: OSDI 2024, NSDI 2023, SOSP 2024")

    asyncio.run(run())
    assert site.hits.count("/reading.md") == 2  # the import, then the update's one fetch


def test_a_list_that_cannot_be_fetched_is_kept_and_said(
    library: Library, paths: Paths, site: Site
) -> None:
    _following(library, site)
    del site.pages["/reading.md"]  # the page is gone: 404
    app = make_app(library, paths)
    toasts = recorded_toasts(app)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            before = view_titles(screen)
            commands.update_lists(screen)
            await wait_for(pilot, lambda: bool(_errors(toasts)))
            (message,) = _errors(toasts)
            assert "404" in message and message.endswith("reading kept as it was")
            assert view_titles(screen) == before
            assert "First Paper About Things" in before

    asyncio.run(run())


def test_with_no_followed_list_it_says_how_to_follow_one(app: PapershelfApp, site: Site) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            commands.update_lists(screen)
            status = screen.query_one(StatusLine)
            await wait_for(pilot, lambda: "no list follows a URL" in status.message)

    asyncio.run(run())
    assert site.hits == []


def test_the_users_changes_are_written_while_a_list_is_fetched(
    library: Library, paths: Paths, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    _following(library, site)
    site.put("/reading.md", LIST_V2)
    answered, fetching, fetched = threading.Event(), threading.Event(), threading.Event()
    real = fetch.fetch_list

    def slow(url: str) -> fetch.Fetched:
        fetching.set()
        answered.wait(20)  # a guard against a hang, not a timing: the test lets it go
        got = real(url)
        fetched.set()
        return got

    monkeypatch.setattr(fetch, "fetch_list", slow)
    app = make_app(library, paths)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            first = screen.paper_list.papers[0].id
            commands.update_lists(screen)
            await wait_for(pilot, fetching.is_set)
            await pilot.press("r")  # marks the first paper read while the server is silent
            await wait_for(pilot, lambda: Library(paths).state(first).status is Status.READ)
            assert not fetched.is_set()  # written while the list was still on its way
            answered.set()
            await wait_for(pilot, lambda: "Third Paper Just Added" in view_titles(screen))

    asyncio.run(run())


def test_a_second_update_while_one_runs_says_so_and_fetches_nothing(
    library: Library, paths: Paths, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked again from the palette while the first was fetching, every list was fetched twice."""
    _following(library, site)
    site.put("/reading.md", LIST_V2)
    answered, fetching = threading.Event(), threading.Event()
    real = fetch.fetch_list

    def slow(url: str) -> fetch.Fetched:
        fetching.set()
        answered.wait(20)  # a guard against a hang, not a timing: the test lets it go
        return real(url)

    monkeypatch.setattr(fetch, "fetch_list", slow)
    app = make_app(library, paths)

    async def run() -> str:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            commands.update_lists(screen)
            await wait_for(pilot, fetching.is_set)
            commands.update_lists(screen)
            said = screen.query_one(StatusLine).message
            answered.set()
            await wait_for(pilot, lambda: "Third Paper Just Added" in view_titles(screen))
            await wait_for(pilot, lambda: screen.session.idle and not screen.live.unconfirmed)
            commands.update_lists(screen)  # once it is done, a new update runs
            status = screen.query_one(StatusLine)
            await wait_for(pilot, lambda: "unchanged" in status.message)
            return said

    try:
        said = asyncio.run(run())
    finally:
        answered.set()
    assert said == "already updating the followed lists…"
    assert site.hits.count("/reading.md") == 3  # the import, the update, the one after it
