"""Links and the clipboard: o, O, y, Y; only http(s) ever reaches a browser."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import OptionList, Static, TextArea

from papershelf import export
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.display import openable_url
from papershelf.tui.screens import paper_actions
from papershelf.tui.screens.dialogs import CopyDialog, LinkPicker
from papershelf.tui.widgets.status_line import StatusLine
from tests.conftest import run_cli

from .conftest import SIZE, highlighted, make_app, ready, wait_for


def top(app: PapershelfApp) -> Screen[object]:
    return app.screen


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """URLs handed to a browser that starts."""
    urls: list[str] = []

    def launch(url: str) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(paper_actions, "launch_browser", launch)
    return urls


@pytest.fixture
def notes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Feedback shown in the status line, in order."""
    said: list[str] = []
    original = StatusLine.flash

    def flash(self: StatusLine, message: str, *seconds: float | None) -> None:
        said.append(message)
        original(self, message, *seconds)

    monkeypatch.setattr(StatusLine, "flash", flash)
    return said


@pytest.fixture
def xclip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A system clipboard tool on PATH that keeps what it is given in a file."""
    kept = tmp_path / "clipboard.txt"
    tools = tmp_path / "bin"
    tools.mkdir()
    script = tools / "xclip"
    script.write_text(f'#!/bin/sh\ncat > "{kept}"\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return kept


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


def test_o_opens_the_main_link(app: PapershelfApp, opened: list[str], notes: list[str]) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            assert paper.main_link is not None
            url = paper.main_link.url
            await pilot.press("o")
            await wait_for(pilot, lambda: opened == [url])
            await wait_for(pilot, lambda: f"opened {url}" in notes)

    asyncio.run(run())


def test_no_browser_says_so_and_shows_the_link(
    app: PapershelfApp, notes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paper_actions, "launch_browser", lambda url: False)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            link = highlighted(screen).main_link
            assert link is not None
            await pilot.press("o")
            await wait_for(pilot, lambda: isinstance(top(app), CopyDialog))
            assert f"could not open {link.url}: no browser found" in notes
            assert not any(n.startswith("opened") for n in notes)
            assert top(app).query_one(TextArea).text == link.url
            sentence = str(top(app).query_one(Static).visual)
            assert sentence.startswith("No browser could be started to open this link: select")
            assert "clipboard" not in sentence  # nothing was copied: it is not about that

    asyncio.run(run())


def test_unsafe_links_are_refused_with_a_message(
    app: PapershelfApp, opened: list[str], notes: list[str]
) -> None:  # said in the status line and as a warning
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
            screen.shelf_view.show_paper(target.id)
            await pilot.press("O")
            assert isinstance(top(app), LinkPicker)
            await pilot.press("down", "enter")
            assert opened == [target.links[1].url]
            assert top(app) is screen
            await pilot.press("O", "escape")
            assert top(app) is screen
            assert len(opened) == 1

    asyncio.run(run())


def test_y_and_Y_copy(app: PapershelfApp, xclip: Path, notes: list[str]) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            await pilot.press("y")
            await wait_for(pilot, lambda: "copied title and link" in notes)
            assert paper.main_link is not None
            assert xclip.read_text(encoding="utf-8") == f"{paper.title}\n{paper.main_link.url}"
            assert paper.main_link is not None
            assert app.clipboard == f"{paper.title}\n{paper.main_link.url}"
            await pilot.press("Y")
            await wait_for(pilot, lambda: app.clipboard.startswith("@"))  # keys off the UI thread
            assert "title" in app.clipboard
            assert paper.title.split(":")[0] in app.clipboard

    asyncio.run(run())


def test_an_unconfirmed_copy_is_shown_to_copy_by_hand(
    app: PapershelfApp, notes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paper_actions, "system_copy", lambda text: None)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            await pilot.press("y")
            await wait_for(pilot, lambda: isinstance(top(app), CopyDialog))
            assert paper.title in top(app).query_one(TextArea).text
            assert not any(n.startswith("copied") for n in notes)  # nothing claims a copy
            await pilot.press("escape")
            assert top(app) is screen

    asyncio.run(run())


def test_Y_copies_the_entry_a_filtered_export_writes(
    app: PapershelfApp,
    library: Library,
    xclip: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two papers share a base key: the copy has the catalog's key, as every export has.

    The keys are the whole catalog's (half a second at 50,000 papers): worked out on a
    thread at the first ``Y``, never on the one that draws and takes keys.
    """
    threads: list[str] = []
    keys_of = export.citation_keys

    def citation_keys(*args: Any) -> dict[str, str]:
        threads.append(threading.current_thread().name)
        return keys_of(*args)

    monkeypatch.setattr(export, "citation_keys", citation_keys)
    library.add_paper("Forecasting of X", "OSDI 2024", authors=["Ann Lee"])
    target = library.add_paper("Forecasting of Y", "OSDI 2024", authors=["Bo Lee"])
    code, exported, _ = run_cli(capsys, "export", "--format", "bibtex", "--search", "of Y")
    assert code == 0 and "@inproceedings{lee2024forecastingb," in exported

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            screen.shelf_view.show_paper(target.id)
            threads.clear()  # the command line's export above worked them out too
            await pilot.press("Y")
            await wait_for(pilot, lambda: app.clipboard.startswith("@"))
            assert len(threads) == 1 and threads[0] != threading.main_thread().name
            assert app.clipboard.startswith("@inproceedings{lee2024forecastingb,\n")
            assert app.clipboard in exported
            threads.clear()
            await pilot.press("k", "Y")  # the keys are kept: the next copy is at once
            assert app.clipboard.startswith("@") and target.title not in app.clipboard
            assert threads == []

    asyncio.run(run())


def test_O_offers_the_notes_links_after_the_papers(
    library: Library, paths: Paths, opened: list[str], notes: list[str]
) -> None:
    target = next(p for p in library.papers() if len(p.links) >= 2)
    bare = library.add_paper("A Paper Known by Its Title Alone", "OSDI 2024")
    note = (
        f"Read with [the talk](https://talks.example.org/{target.id}) and "
        f"<{target.links[0].url}> (already a link of the paper), then https://x.example.net/y."
    )
    library.set_note(target.id, note)
    library.set_note(bare.id, "nothing to open here")
    app = make_app(library, paths)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            screen.shelf_view.show_paper(target.id)
            await pilot.press("O")
            picker = top(app)
            assert isinstance(picker, LinkPicker)
            options = picker.query_one(OptionList).options
            offered = [str(option.prompt).split() for option in options]
            assert offered == [
                *([link.kind, link.url] for link in target.links),
                ["note", f"https://talks.example.org/{target.id}"],
                ["note", "https://x.example.net/y"],
            ]
            await pilot.press(*["down"] * len(target.links), "enter")
            assert opened == [f"https://talks.example.org/{target.id}"]
            screen.shelf_view.show_paper(bare.id)
            await pilot.press("O")
            assert top(app) is screen
            await wait_for(pilot, lambda: any("nor its note" in n for n in notes))

    asyncio.run(run())
