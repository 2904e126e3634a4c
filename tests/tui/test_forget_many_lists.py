"""The list picker with many lists: it fits a short terminal and narrows to what is typed.

At 100x30 the sixteen rows of lists pushed the error and the key hint below the dialog's
edge; a greyed completion looked typed; the lists did not narrow; enter on a start that more
than one list has repeated an error nobody saw.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static

from papershelf.paths import Paths
from papershelf.services.counting import PaperCount
from papershelf.services.forgetting import ForgetReport
from papershelf.services.library import Library
from papershelf.services.results import ListInfo
from papershelf.tui.screens.dialogs import ConfirmDialog
from papershelf.tui.screens.forget_list import matching

from .conftest import make_app, ready, type_text, wait_for
from .test_forget_list import open_picker, texts

NAMES = [f"W{n:02}_list-{n}" for n in range(1, 13)]


@pytest.fixture
def many(library: Library, tmp_path: Path) -> Library:
    """The seeds and twelve small lists, W01_list-1 to W12_list-12."""
    files = []
    for n, name in enumerate(NAMES, start=1):
        path = tmp_path / f"{name}.md"
        venues = ", ".join(f"Venue{n} {2000 + k}" for k in range(6))  # options of two lines
        path.write_text(
            f"# {venues}\n\n* [Paper number {n} of a list](https://example.org/{n}). "
            f"Author One, Author Two. OSDI'2{n % 5}\n",
            encoding="utf-8",
        )
        files.append(path)
    library.import_lists(files)
    return library


def inside(widget: Widget, dialog: Widget) -> bool:
    """Drawn whole within the dialog's box, itself within the screen."""
    box, screen = dialog.content_region, widget.screen.region
    return box.contains_region(widget.region) and screen.contains_region(dialog.region)


def prompts(options: OptionList) -> list[str]:
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
def test_the_picker_fits_narrows_and_takes_the_highlighted_list(
    many: Library, paths: Paths, size: tuple[int, int]
) -> None:
    seen: dict[str, object] = {}

    async def run() -> None:
        app = make_app(many, paths)
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            picker = await open_picker(pilot, app)
            dialog = picker.query_one(".dialog", Vertical)
            hint = picker.query_one("#list-hint")
            options = picker.query_one(OptionList)
            await wait_for(pilot, lambda: options.option_count == 14)
            await pilot.pause()
            assert inside(hint, dialog), (hint.region, dialog.content_region)
            assert inside(options, dialog)
            await type_text(pilot, "w0")
            await wait_for(pilot, lambda: options.option_count == 9)
            assert all(p.startswith("W0") for p in prompts(options))
            assert picker.query_one(Input).value == "w0"
            await type_text(pilot, "zz")  # no list starts so: the close ones, seen
            await pilot.press("enter")
            error = picker.query_one("#list-error", Static)
            await wait_for(pilot, lambda: bool(error.display))
            await pilot.pause()
            seen["error"] = str(error.visual)
            assert inside(error, dialog) and inside(hint, dialog)
            await pilot.press("backspace", "backspace", "down", "down")  # within the nine
            assert picker.query_one(Input).value == "w0"
            await pilot.press("enter")  # the highlighted one of those the start names
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            seen["confirm"] = texts(app.screen)
            await pilot.press("n")

    asyncio.run(run())
    assert str(seen["error"]).startswith("no list 'w0zz'")
    assert "Forget the list W03_list-3?" in str(seen["confirm"])


def test_an_exact_name_comes_before_the_longer_names_it_starts() -> None:
    def report(name: str) -> ForgetReport:
        info = ListInfo(name, "", (), 1, "", bundled=False)
        return ForgetReport(info, PaperCount(1), PaperCount(), 0)

    reports = [report(n) for n in ("W1", "W10", "w1", "W2")]
    assert [r.info.name for r in matching(reports, "W1")] == ["W1", "w1", "W10"]
    assert [r.info.name for r in matching(reports, " w1 ")] == ["w1", "W1", "W10"]
    assert [r.info.name for r in matching(reports, "")] == ["W1", "W10", "w1", "W2"]
    assert matching(reports, "x") == []


def test_a_few_lists_take_only_their_rows(many: Library, paths: Paths) -> None:
    """The list shrinks to what it shows: no rows of nothing under one list."""

    async def run() -> None:
        app = make_app(many, paths)
        async with app.run_test(size=(100, 45)) as pilot:
            await ready(pilot)
            picker = await open_picker(pilot, app)
            options = picker.query_one(OptionList)
            await type_text(pilot, "W12")
            await wait_for(pilot, lambda: options.option_count == 1)
            await wait_for(pilot, lambda: options.size.height == options.virtual_size.height)
            assert options.virtual_size.height <= 3

    asyncio.run(run())
