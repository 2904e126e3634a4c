"""Links and the clipboard: o, O, y, Y; only http(s) ever reaches a browser."""

from __future__ import annotations

import asyncio

import pytest
from textual.screen import Screen

from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.display import openable_url
from papershelf.tui.screens import paper_actions
from papershelf.tui.screens.dialogs import LinkPicker

from .conftest import SIZE, highlighted, ready


def top(app: PapershelfApp) -> Screen[object]:
    return app.screen


@pytest.fixture
def opened(app: PapershelfApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: urls.append(url))
    return urls


@pytest.fixture
def notes(app: PapershelfApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    original = app.notify

    def notify(message: str, **kwargs: object) -> None:
        said.append(message)
        original(message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", notify)
    return said


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("http://example.org", "http://example.org"),
        ("doi:10.1145/1234", "https://doi.org/10.1145/1234"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("data:text/html,hi", None),
        ("/relative/path", None),
        ("https://exa mple.org", None),
        ("https:///no-host", None),
    ],
)
def test_only_http_links_are_openable(url: str, expected: str | None) -> None:
    assert openable_url(url) == expected


def test_o_opens_the_main_link(app: PapershelfApp, opened: list[str]) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            await pilot.press("o")
            assert paper.main_link is not None
            assert opened == [paper.main_link.url]

    asyncio.run(run())


def test_unsafe_links_are_refused_with_a_message(
    app: PapershelfApp, opened: list[str], notes: list[str]
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper_actions.open_url(app, "javascript:alert(1)", screen._say)
            paper_actions.open_url(app, "file:///etc/passwd", screen._say)
            await pilot.pause()
            assert opened == []
            assert notes == [
                "not opening javascript:alert(1): only http and https links are opened",
                "not opening file:///etc/passwd: only http and https links are opened",
            ]

    asyncio.run(run())


def test_O_picks_among_links(app: PapershelfApp, library: Library, opened: list[str]) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            target = next(p for p in library.papers() if len(p.links) >= 3)
            screen.jump_to(target.id)
            await pilot.press("O")
            assert isinstance(top(app), LinkPicker)
            await pilot.press("down", "enter")
            assert opened == [target.links[1].url]
            assert top(app) is screen
            await pilot.press("O", "escape")
            assert top(app) is screen
            assert len(opened) == 1

    asyncio.run(run())


def test_y_and_Y_copy(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            await pilot.press("y")
            assert paper.main_link is not None
            assert app.clipboard == f"{paper.title}\n{paper.main_link.url}"
            await pilot.press("Y")
            assert app.clipboard.startswith("@")
            assert "title" in app.clipboard
            assert paper.title.split(":")[0] in app.clipboard

    asyncio.run(run())
