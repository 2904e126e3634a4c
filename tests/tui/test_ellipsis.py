"""One-line labels cut by a narrow terminal end in "…": dialog titles and hints, triage's line.

Textual ignores a Rich ``Text(overflow="ellipsis")`` in a Label or Static; the CSS
``text-wrap: nowrap; text-overflow: ellipsis`` does it. Each test runs a narrow app.
"""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens import paper_actions
from papershelf.tui.screens.dialogs import CopyDialog, NoteDialog, TagDialog
from papershelf.tui.screens.triage import TriageScreen

from .conftest import highlighted, ready, wait_for
from .test_triage import TriageApp, venue_ids

LONG_TITLE = "Sparse Attention Acceleration with Dynamic X:M Fine-Grained Structured Pruning " * 2


def shown(widget: Widget) -> str:
    """The first line of ``widget`` as the screen shows it."""
    return widget.render_line(0).text.rstrip()


def labels(app: App[int]) -> list[str]:
    return [shown(label) for label in app.screen.query(Label)]


def test_the_note_dialog_cuts_its_title_with_an_ellipsis_and_keeps_its_hint(
    app: PapershelfApp,
) -> None:
    async def run() -> list[str]:
        async with app.run_test(size=(80, 24)) as pilot:
            await ready(pilot)
            app.push_screen(NoteDialog(LONG_TITLE, "a note"))
            await wait_for(pilot, lambda: isinstance(app.screen, NoteDialog))
            await pilot.pause()
            hint = app.screen.query(Label).last()
            assert hint.region.bottom <= app.screen.query_one(".dialog").content_region.bottom
            return labels(app)

    title, hint = asyncio.run(run())
    assert title.endswith("…") and LONG_TITLE.startswith(title[:-1])
    assert hint == "escape or ctrl+s saves"


def test_the_tag_dialog_cuts_its_title_with_an_ellipsis(
    app: PapershelfApp, library: Library
) -> None:
    async def run() -> tuple[str, list[str]]:
        async with app.run_test(size=(60, 24)) as pilot:
            screen = await ready(pilot)
            title = highlighted(screen).title
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: bool(app.screen.query(Input)))
            assert isinstance(app.screen, TagDialog)
            return title, labels(app)

    title, shown_labels = asyncio.run(run())
    assert len(title) > 60
    assert shown_labels[0].endswith("…") and f"Tags of {title}".startswith(shown_labels[0][:-1])
    assert shown_labels[-1].endswith("…")  # the keys' hint, wider than 60 columns less borders


def test_what_triage_says_is_cut_with_an_ellipsis(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``o`` with no browser names the link: at 50 columns the line ends in "…"."""
    monkeypatch.setattr(paper_actions, "launch_browser", lambda url: False)
    ids = venue_ids(library)

    async def run() -> str:
        triage_app = TriageApp(library, ids)
        async with triage_app.run_test(size=(50, 24)) as pilot:
            await wait_for(pilot, lambda: triage_app.screen is triage_app.triage)
            await pilot.press("o")
            await wait_for(pilot, lambda: isinstance(triage_app.screen, CopyDialog))
            screen = triage_app.triage
            assert isinstance(screen, TriageScreen)
            return shown(screen.query_one("#triage-last", Static))

    line = asyncio.run(run())
    assert line.startswith("could not open ") and line.endswith("…")
