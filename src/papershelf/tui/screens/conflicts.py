"""Conflict copies a sync folder left (another device's library): merge them now or later."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from papershelf.tui.screens.main import MainScreen
from papershelf.tui.screens.on_demand import cmd


def offer_merge(app: App[int], copies: tuple[Path, ...]) -> None:
    """Ask once; yes merges each copy as one undoable change (``papershelf merge`` later)."""
    from papershelf.tui.screens.dialogs import ConfirmDialog

    def answer(yes: bool | None) -> None:
        for screen in app.screen_stack:
            if yes and isinstance(screen, MainScreen):
                screen.submit(cmd.MergeCopies(copies))

    n = len(copies)
    question = f"{n} conflicting cop{'y' if n == 1 else 'ies'} from another device: merge?"
    names = ", ".join(copy.name for copy in copies)
    later = f"{names} (later: papershelf merge --conflicts)"
    app.push_screen(ConfirmDialog(question, later), answer)
