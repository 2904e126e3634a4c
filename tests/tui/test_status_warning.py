"""A warning too long for the status line keeps its end, where it says why (80 columns)."""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App, ComposeResult

from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens import paper_actions
from papershelf.tui.widgets.status_line import StatusLine, status_text

from .conftest import highlighted, ready, wait_for

WARNING = "could not open https://dl.acm.org/doi/pdf/10.1145/3669940.3707239: no browser found"
VIEW = "all papers · sorted by venue"


def test_a_long_warning_loses_its_middle_not_its_end() -> None:
    line = status_text(VIEW, 76, 76, said=WARNING, width=80, said_end=True).plain
    assert len(line) <= 80
    assert line.startswith(" all papers") and "76 of 76   could not open" in line
    assert line.rstrip().endswith(": no browser found") and "…" in line


def test_a_long_view_gives_way_to_a_warning() -> None:
    view = "venue: ASPLOS 2025 · topic: parallel approach in AI compiler · search: llm"
    line = status_text(view, 3, 76, said=WARNING, width=80, said_end=True).plain
    assert len(line) <= 80
    assert line.rstrip().endswith("no browser found") and "could not" in line


def test_other_feedback_still_keeps_the_view_and_loses_its_end() -> None:
    said = "marked read: Lumos: Efficient Performance Modeling and Estimation for Training"
    line = status_text(VIEW, 76, 76, said=said, width=80).plain
    assert line == f" {VIEW}   76 of 76   {said}"  # the line's overflow cuts its end


class _Line(App[None]):
    def compose(self) -> ComposeResult:
        yield StatusLine()


def test_warn_keeps_the_end_and_the_next_flash_does_not() -> None:
    out: list[str] = []

    async def run() -> None:
        app = _Line()
        async with app.run_test(size=(80, 3)) as pilot:
            line = app.query_one(StatusLine)
            line.show(VIEW, 76, 76)
            line.warn(WARNING, None)
            await pilot.pause()
            out.append(line.render_line(0).text)
            line.flash(WARNING, None)
            await pilot.pause()
            out.append(line.render_line(0).text)

    asyncio.run(run())
    assert out[0].rstrip().endswith(": no browser found")
    assert out[1].rstrip().endswith("…")


def test_the_app_at_80_columns_shows_why_a_link_did_not_open(
    app: PapershelfApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paper_actions, "launch_browser", lambda url: False)

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            link = highlighted(screen).main_link
            assert link is not None
            status = screen.query_one(StatusLine)
            await pilot.press("o")
            await wait_for(pilot, lambda: status.message.startswith("could not open"))
            await pilot.pause()
            shown = status.render_line(0).text.rstrip()
            assert shown.endswith(": no browser found"), shown

    asyncio.run(run())


def test_a_warning_naming_a_paper_keeps_what_happened_and_loses_the_titles_end() -> None:
    """The undo's question ends in the paper's title: cut in the middle, it lost "mark read"."""
    said = (
        "undo again to take back a change made elsewhere: mark read: Dilu: Enabling GPU "
        "Resourcing-on-Demand for Serverless DL Serving via Introspective Elasticity"
    )
    line = status_text("all papers", 76, 76, said=said, width=120, said_end=True).plain
    assert line == f" all papers   76 of 76   {said}"  # whole: the line's overflow cuts its end


def test_a_long_path_and_the_mistakes_after_it() -> None:
    said = "enrich failed: /home/reader/.local/share/papershelf/config.toml: [enrich] timeout"
    line = status_text("all papers", 76, 76, said=said + " (+2 more)", width=80, said_end=True)
    assert len(line.plain) <= 80
    assert line.plain.startswith(" all papers   76 of 76   enrich failed: /home/")
    assert line.plain.endswith("(+2 more)")


@pytest.mark.parametrize("width", [10, 16, 20, 24, 30, 40])
def test_a_narrow_line_still_says_the_warning(width: int) -> None:
    """Under about 24 columns the view and the count took the line: ``…`` or nothing."""
    line = status_text(VIEW, 76, 76, said=WARNING, width=width, said_end=True).plain
    assert len(line) <= width
    said = line.strip()
    start = said.split("…")[0]
    assert len(start) >= 4 and WARNING.startswith(start), line  # its start, at least
    assert len(said) >= min(width - 1, 16), line  # the line's room is the warning's


def test_warn_on_a_narrow_line_shows_the_warning_then_the_view_again() -> None:
    out: list[str] = []

    async def run() -> None:
        app = _Line()
        async with app.run_test(size=(20, 3)) as pilot:
            line = app.query_one(StatusLine)
            line.show(VIEW, 76, 76)
            line.warn(WARNING, None)
            await pilot.pause()
            out.append(line.render_line(0).text)
            line.drop_feedback()
            line.flash("", None)
            await pilot.pause()
            out.append(line.render_line(0).text)

    asyncio.run(run())
    assert out[0].strip().startswith("could not"), out
    assert out[1].startswith(" all"), out
