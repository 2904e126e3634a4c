"""The venue tree groups the years of one series: OSDI ▸ 2024, 2022."""

from __future__ import annotations

import asyncio

import pytest

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.shelf import NavKey
from papershelf.tui.widgets.nav_tree import NavTree
from tests.conftest import corpus_file

from .conftest import make_app, ready, settle, wait_for


def test_a_series_node_holds_its_years_newest_first_with_counts(library: Library) -> None:
    library.import_lists([corpus_file("B01"), corpus_file("B12")])  # OSDI 2022, OSDI 2024
    shown = [p for p in library.papers() if not p.withdrawn]
    years = {v: sum(p.venue == v for p in shown) for v in ("OSDI 2022", "OSDI 2024")}
    assert all(years.values())
    app: PapershelfApp = make_app(library, library.paths)

    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            tree = screen.nav
            await pilot.press("shift+tab")
            assert isinstance(app.focused, NavTree)
            label = str(tree.get_node_at_line(8).label)  # type: ignore[union-attr]
            assert label.startswith("ASPLOS 2025")  # a series with one year: one node
            await pilot.press(*"jjjjjjjjjj")  # past All, New, the statuses, ASPLOS, MLSys
            await wait_for(
                pilot, lambda: screen.view.scope == NavKey("series", "OSDI")
            )  # the tree's message first
            assert len(screen.paper_list.papers) == sum(years.values())
            assert {p.venue for p in screen.paper_list.papers} == set(years)
            series = tree.cursor_node
            assert series is not None and not series.is_expanded
            assert f"0/{sum(years.values())}" in str(series.label)
            await pilot.press("l", "l")  # open, then into the newest year
            await wait_for(
                pilot, lambda: screen.view.scope == NavKey("venue", "OSDI 2024")
            )  # the tree's message first
            node = tree.cursor_node
            assert node is not None and str(node.label).split()[:2] == [
                "2024",
                f"0/{years['OSDI 2024']}",
            ]
            await pilot.press("enter", "r")  # a read paper counts in its year and its series
            await settle(pilot, screen)
            assert f"1/{sum(years.values())}" in str(series.label)
            assert f"1/{years['OSDI 2024']}" in str(node.label)
            await pilot.press("shift+tab", "j")  # the year below: 2022
            await wait_for(
                pilot, lambda: screen.view.scope == NavKey("venue", "OSDI 2022")
            )  # the tree's message first
            await pilot.press("h")  # a closed node: back to its series
            await wait_for(
                pilot, lambda: screen.view.scope == NavKey("series", "OSDI")
            )  # the tree's message first
            await pilot.press("h")
            assert not series.is_expanded
        read = [p for p in library.papers() if library.state(p.id).status is Status.READ]
        assert [p.venue for p in read] == ["OSDI 2024"]

    asyncio.run(run())


def test_a_bad_venue_alias_is_a_warning_at_start(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.config.write_text('[venue_aliases]\nNIPS = 2018\nPVLDB = "VLDB"\n', encoding="utf-8")
    app = make_app(Library(paths), paths)
    toasts: list[tuple[str, str]] = []
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: toasts.append((message, kw["severity"]))
    )

    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            await ready(pilot)
            said = f"{paths.config}: [venue_aliases] 'NIPS' ignored: write it as NIPS = \"Name\""
            assert toasts == [(said, "warning")]

    asyncio.run(run())


def test_a_new_library_in_a_folder_that_did_not_exist_is_said_at_start(
    library: Library, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(library, paths)
    app.notices.append(paths.new_folder_notice())
    toasts: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: toasts.append(message))

    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            await ready(pilot)
            assert toasts == [
                f"a new, empty library in {paths.data_dir} (that folder did not exist)"
            ]

    asyncio.run(run())
