"""Counts read as English: "1 paper", "1 note keeps", never "1 papers"."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Label

from papershelf.domain.text import plural
from papershelf.export import FORMATS
from papershelf.services import events
from papershelf.services.commands import Export, MergeCopies, Outcome
from papershelf.services.enrich.report import EnrichReport
from papershelf.services.merging import MergeReport
from papershelf.tui.live_shelf import LiveShelf
from papershelf.tui.screens.export_dialog import ExportDialog

_PLURALS = [(0, "paper", "0 papers"), (1, "paper", "1 paper"), (2, "copy", "2 copies")]


@pytest.mark.parametrize(("count", "word", "text"), [*_PLURALS, (1, "copy", "1 copy")])
def test_plural(count: int, word: str, text: str) -> None:
    assert plural(count, word) == text


def _said(command: object, outcome: Outcome) -> list[str]:
    live = LiveShelf()
    ticket = events.Ticket(1, command, "2025-01-01T00:00:00Z")  # type: ignore[arg-type]
    live.submitted(ticket)
    return [message for message, _ in live.handle(events.Applied(ticket, outcome)).notes]


@pytest.mark.parametrize(("count", "text"), [(1, "1 paper"), (3, "3 papers"), (0, "0 papers")])
def test_the_app_says_how_many_papers_it_exported(count: int, text: str) -> None:
    export = Export("csv", Path("out.csv"), ())
    assert _said(export, Outcome(exported=count)) == [f"exported {text} as csv to out.csv"]


@pytest.mark.parametrize(("kept", "text"), [(1, "1 note keeps"), (2, "2 notes keep")])
def test_a_merge_says_how_many_notes_keep_both_versions(kept: int, text: str) -> None:
    report = MergeReport("other", "base", (), ("x",) * kept, None, False)
    said = _said(MergeCopies(()), Outcome(merged=(report,)))
    assert said == [f"merged 1 copy: 0 papers changed, {text} both versions"]


def test_a_copy_another_merger_took_is_said_as_merged_elsewhere_not_as_merged() -> None:
    gone = MergeReport("gone", "", (), (), None, False, merged_elsewhere=True)
    raced = MergeReport("raced", "base", (), (), 3, False, merged_elsewhere=True)  # moved there
    said = _said(MergeCopies(()), Outcome(merged=(gone, raced)))
    assert said == ["merged 1 copy: 0 papers changed", "1 copy already merged elsewhere"]


def test_one_request_not_in_the_cache() -> None:
    assert "; 1 request not in the cache" in EnrichReport(not_cached=1).summary()


class _Host(App[None]):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def on_mount(self) -> None:
        self.push_screen(ExportDialog(FORMATS, self.count, Path.cwd()))


@pytest.mark.parametrize(("count", "text"), [(1, "1 paper"), (76, "76 papers")])
def test_the_export_dialog_counts_the_papers_in_view(count: int, text: str) -> None:
    async def run() -> str:
        app = _Host(count)
        async with app.run_test() as pilot:
            await pilot.pause()
            return str(app.screen.query(Label).first().render())

    assert asyncio.run(run()) == f"Export the {text} in view as:"
