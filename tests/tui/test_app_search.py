"""Incremental search: every keystroke narrows, escape clears, binding letters only type."""

from __future__ import annotations

import asyncio

import pytest

from papershelf.domain.filtering import SearchIndex
from papershelf.domain.models import Status
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.paper_list import PaperList
from papershelf.tui.widgets.search_bar import SearchBar

from .conftest import SIZE, ready, settle, view_titles


def test_each_keystroke_narrows_and_escape_clears(
    app: PapershelfApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    withins: list[object] = []
    original = SearchIndex.search

    def spy(
        self: SearchIndex, query: str, within: object = None, among: object = None
    ) -> list[int]:
        withins.append(within)
        return original(self, query, within, among)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchIndex, "search", spy)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            total = len(screen.paper_list.papers)
            await pilot.press("slash")
            assert isinstance(app.focused, SearchBar)
            counts = []
            for letter in "pipe":
                await pilot.press(letter)
                counts.append(len(screen.paper_list.papers))
            assert counts == sorted(counts, reverse=True)
            assert counts[-1] < total
            for paper in screen.paper_list.papers:
                text = " ".join((paper.title, *paper.topics, *paper.authors, *paper.affiliations))
                assert "pipe" in text.lower()
            # The first letter scans the listed papers; each next one only the previous hits.
            sizes = [len(w) for w in withins]  # type: ignore[arg-type]
            assert sizes == [total, *counts[:-1]]
            assert "search: pipe" in str(screen.query_one("#status").render())
            await pilot.press("escape")
            assert isinstance(app.focused, PaperList)
            assert len(screen.paper_list.papers) == total
            assert not screen.query_one(SearchBar).display

    asyncio.run(run())


def test_enter_keeps_the_search_and_returns_to_the_list(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash", *"xgrammar", "enter")
            assert isinstance(app.focused, PaperList)
            assert [t.split(":")[0] for t in view_titles(screen)] == ["XGrammar"]
            await pilot.press("escape")  # escape on the list clears the search too
            assert len(screen.paper_list.papers) > 1

    asyncio.run(run())


def test_binding_letters_type_into_the_search_box(app: PapershelfApp, library: Library) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash")
            letters = "trixsuUnoOyYTpSbdgGjkVq?12345"
            await pilot.press(*letters)
            await settle(pilot, screen)
            bar = screen.query_one(SearchBar)
            assert bar.value == letters
            assert app.is_running
            assert isinstance(app.screen, type(screen))
            assert library.states() == {}
            assert screen.shelf is not None and screen.shelf.states == {}
            assert screen.paper_list.selected_ids == []

    asyncio.run(run())


def test_search_covers_authors_topics_affiliations_and_notes(
    app: PapershelfApp, library: Library
) -> None:
    paper = library.papers()[5]
    library.set_note(paper.id, "zebra-crossing idea")

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash", *"zebra")
            assert [p.id for p in screen.paper_list.papers] == [paper.id]
            await pilot.press("escape", "slash", *"shengg")  # an author
            assert len(screen.paper_list.papers) == 1
            await pilot.press("escape", "slash", *"cornel")  # an affiliation
            assert screen.paper_list.papers
            for shown in screen.paper_list.papers:
                assert any("Cornell" in a for a in shown.affiliations)

    asyncio.run(run())


def test_search_and_status_filter_combine(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash", *"llm", "enter")
            hits = len(screen.paper_list.papers)
            await pilot.press("r", "4")
            assert len(screen.paper_list.papers) == 1
            assert screen.shelf is not None
            assert screen.shelf.state(screen.paper_list.papers[0].id).status is Status.READ
            await pilot.press("1")
            assert len(screen.paper_list.papers) == hits

    asyncio.run(run())
