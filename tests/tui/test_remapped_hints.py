"""Every sentence that names a key names the one ``[keys]`` binds: the search box's and the
details' hints, the triage's line and summary, the dialogs' "escape closes"."""

from __future__ import annotations

import asyncio

from textual.widgets import Label, Static

from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.settings import Config, UiOptions
from papershelf.tui.screens.dialogs import NoteDialog, TagDialog
from papershelf.tui.screens.help import HelpScreen
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.screens.triage import TriageScreen

from .conftest import make_app, ready, screen_text, wait_for

KEYMAP = {
    "search-clear": "ctrl+g",
    "search-done": "ctrl+o",
    "detail-down": "ctrl+d",
    "detail-up": "ctrl+u",
    "detail-back": "backspace",
    "open-link": "w",
    "dialog-close": "f9",
    "triage-end": "ctrl+x,Q",
    "triage-close": "z",
    "triage-undo": "backspace",
    "progress": "P",
    "cursor-down": "J,down",
    "toggle-detail": "D",
    "note-done": "f8",
}


def line(screen: MainScreen) -> str:
    return str(screen.query_one("#status").render())


def texts(screen: object, kind: type[Static]) -> str:
    return " | ".join(str(w.visual) for w in screen.query(kind))  # type: ignore[attr-defined]


def test_hints_name_the_remapped_keys(library: Library, paths: Paths) -> None:
    config = Config(keys=KEYMAP, ui=UiOptions(autosave_seconds=0.2))
    app = make_app(library, paths, config=config)

    async def run() -> dict[str, str]:
        seen: dict[str, str] = {}
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash")
            await wait_for(pilot, lambda: screen.shelf_view.search_bar.has_focus)
            seen["search"] = line(screen)
            await pilot.press("ctrl+g", "enter")
            await wait_for(pilot, lambda: screen.detail.scroller.has_focus)
            seen["details"] = line(screen)
            await pilot.press("backspace", "number_sign")
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await pilot.pause()
            seen["dialog"] = texts(app.screen, Label)
            await pilot.press("f9", "question_mark")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
            seen["help"] = str(app.screen.query_one("#help-narrow", Static).visual)
            await pilot.press("f9", "T")
            await wait_for(pilot, lambda: isinstance(app.screen, TriageScreen))
            triage = app.screen
            await pilot.press("r")
            await pilot.pause()
            seen["decided"] = str(triage.query_one("#triage-last", Static).visual)
            await pilot.press("n")
            await wait_for(pilot, lambda: isinstance(app.screen, NoteDialog))
            seen["note"] = texts(app.screen, Label)
            await pilot.press("f8")
            await wait_for(pilot, lambda: app.screen is triage)
            await pilot.press("Q")
            await wait_for(pilot, lambda: triage.has_class("-summary"))
            seen["summary"] = str(triage.query_one(".triage-summary--hint", Static).visual)
        return seen

    seen = asyncio.run(run())
    assert seen["search"].endswith("typing searches · ctrl+o: the list · ctrl+g clears")
    details = "details: ctrl+d/ctrl+u scroll · w open link · backspace back"
    assert seen["details"].endswith(details)
    assert "f9 closes" in seen["dialog"] and "escape" not in seen["dialog"]
    assert "(D, enter, n)" in seen["help"]
    assert "f8 or ctrl+s saves" in seen["note"]
    assert seen["decided"].endswith("(backspace undoes)")
    assert seen["summary"].startswith("z, ctrl+x or Q: back to the list.")
    assert seen["summary"].endswith("(P: progress, J: next paper).")


def test_the_palette_names_the_remapped_key(library: Library, paths: Paths) -> None:
    """Each action's line in the palette said ``key r · mark-read`` after ``mark-read = "R"``."""
    config = Config(keys={"mark-read": "R"}, ui=UiOptions(autosave_seconds=0.2))
    app = make_app(library, paths, config=config)

    async def run() -> str:
        async with app.run_test(size=(160, 45)) as pilot:
            await ready(pilot)
            await pilot.press("ctrl+p", *"mark read")
            await wait_for(pilot, lambda: "mark-read" in screen_text(app))
            return screen_text(app)

    shown = asyncio.run(run())
    assert "key R · mark-read" in shown and "key r · mark-read" not in shown
