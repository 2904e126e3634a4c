"""The detail pane's fields: rendered once per paper and width, and shown as rendered."""

from __future__ import annotations

import asyncio
from typing import cast

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Markdown

from papershelf.domain.models import Paper, PaperState
from papershelf.tui.widgets.detail_pane import DetailBody, DetailPane


class Counting:
    """A renderable that counts how often it is laid out (a grid costs milliseconds)."""

    def __init__(self, lines: int) -> None:
        self.lines = lines
        self.renders = 0

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        self.renders += 1
        for i in range(self.lines):
            yield Text(f"field {i} " + "x" * (options.max_width - 9))


class BodyApp(App[None]):
    def compose(self) -> ComposeResult:
        yield DetailBody(id="body")


def test_a_new_paper_is_laid_out_once_and_drawn_as_laid_out() -> None:
    async def run() -> None:
        app = BodyApp()
        async with app.run_test(size=(40, 20)) as pilot:
            body = app.query_one(DetailBody)
            for lines in (3, 5, 5):  # a taller paper (a layout), then one as tall (none)
                content = Counting(lines)
                body.update(content)
                await pilot.pause()
                await pilot.pause()
                assert content.renders == 1
                assert body.size.height == lines
                shown = [body.render_line(y).text for y in range(lines)]
                assert [s.rstrip() for s in shown] == [
                    f"field {i} " + "x" * (body.size.width - 9) for i in range(lines)
                ]

    asyncio.run(run())


class PaneApp(App[None]):
    def compose(self) -> ComposeResult:
        yield DetailPane(id="pane")


def test_no_paper_hides_the_note_and_a_paper_shows_its_own_again() -> None:
    """Without a paper neither the last note nor the placeholder shows (the note view keeps
    its text, hidden); the next paper shows its own note, or the placeholder."""

    async def run() -> None:
        app = PaneApp()
        async with app.run_test(size=(60, 30)) as pilot:
            pane = app.query_one(DetailPane)
            pane.mount_note_views()
            await pilot.pause()
            note, placeholder = pane.query_one("#note-view"), pane.query_one("#no-note")
            paper = Paper("p1", "Zebra paper", "V 2024")
            shown: list[tuple[str | None, bool, bool]] = []
            for state in (PaperState(note="zebra stripes"), None, PaperState(), None):
                if state is None:
                    pane.show(None, PaperState())
                else:
                    pane.show(paper, state)
                await pilot.pause()
                shown.append(
                    (None if state is None else state.note, note.display, placeholder.display)
                )
            assert shown == [
                ("zebra stripes", True, False),
                (None, False, False),
                ("", False, True),
                (None, False, False),
            ]
            pane.show(paper, PaperState(note="zebra stripes"))
            await pilot.pause()
            assert note.display and not placeholder.display
            assert "zebra stripes" in cast("Markdown", note).source

    asyncio.run(run())
