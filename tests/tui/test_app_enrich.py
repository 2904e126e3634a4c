"""E in the app: the lookup runs beside the writer, the details show what was found, as text."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable

import pytest

from papershelf.domain.enrichment import Enrichment, Sourced
from papershelf.domain.models import Status
from papershelf.errors import UsageError
from papershelf.services.enrich.report import EnrichReport, PaperResult
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.status_line import StatusLine

from .conftest import SIZE, highlighted, ready, screen_text, wait_for

ABSTRACT = "We [bold]serve[/bold] zyxcove models \x1b[31mfast\x1b[0m."


class FakeSources:
    """Library.enrich without a network: finds an abstract for each paper asked about."""

    def __init__(self) -> None:
        self.found: dict[str, Enrichment] = {}
        self.release = threading.Event()
        """Held until the test lets the (slow) lookup finish."""

    def enrich(self, library: Library, ids: Iterable[str], **_: object) -> EnrichReport:
        self.release.wait(30)
        ids = list(ids)
        for pid in ids:
            self.found[pid] = Enrichment(
                abstract=Sourced(ABSTRACT, "arxiv", "2026-12-04T10:00:00Z"),
                citations=Sourced(42, "semantic_scholar", "2026-12-04T10:00:00Z"),
            )
        return EnrichReport(results=tuple(PaperResult(pid, "found") for pid in ids))


@pytest.fixture
def sources(monkeypatch: pytest.MonkeyPatch) -> FakeSources:
    fake = FakeSources()
    monkeypatch.setattr(Library, "enrich", lambda lib, ids, **kw: fake.enrich(lib, ids, **kw))
    monkeypatch.setattr(Library, "enrichments", lambda lib: dict(fake.found))
    return fake


def test_E_looks_up_in_the_background_and_shows_the_abstract_as_text(
    app: PapershelfApp, library: Library, sources: FakeSources
) -> None:
    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            await pilot.press("E")
            # The slow lookup does not hold the user's changes.
            await pilot.press("r")
            # Not ``settle``: it waits for every queued job, the held lookup too (30 s).
            await wait_for(pilot, lambda: library.state(paper.id).status is Status.READ)
            assert paper.id not in sources.found  # the lookup is still held
            sources.release.set()
            await wait_for(pilot, lambda: paper.id in sources.found)
            await pilot.press("k")  # back on the paper
            await wait_for(pilot, lambda: "models" in screen_text(app))
            text = screen_text(app)
            assert "[bold]serve[/bold]" in text  # shown as typed, never as markup
            assert "\x1b" not in text
            assert "Cited by" in text and "42" in text
            assert "looked up 1 paper: 1 found" in screen.query_one(StatusLine).message
            await pilot.press("slash", *"zyxcove", "enter")  # the abstract is searchable
            assert [p.id for p in screen.paper_list.papers] == [paper.id]
            await pilot.press("x", "escape", "T")  # unread again: the triage card shows it
            await wait_for(
                pilot, lambda: "serve" in screen_text(app) and "Abstract" in screen_text(app)
            )

    asyncio.run(run())


def test_a_failed_lookup_is_a_line_in_the_status_bar(
    app: PapershelfApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Library, ids: Iterable[str], **_: object) -> EnrichReport:
        raise UsageError("arxiv: cannot reach export.example (timed out)")

    monkeypatch.setattr(Library, "enrich", broken)
    toasts: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: toasts.append(message))

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("E")
            await wait_for(
                pilot, lambda: "enrich failed" in str(screen.query_one("#status").render())
            )
            assert not app._notifications  # no toast, no modal
            assert app.screen is screen

    asyncio.run(run())


def test_an_unreachable_source_is_said_and_looking_up_stays_until_then(
    app: PapershelfApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Offline, the lookup takes the sources' timeouts: the status line keeps saying why."""
    release = threading.Event()
    unreachable = "openalex: cannot connect (timed out)"

    def enrich(lib: Library, ids: Iterable[str], **_: object) -> EnrichReport:
        release.wait(30)
        failed = tuple(PaperResult(pid, "failed") for pid in ids)
        reason = (("openalex", "cannot connect (timed out)"),)
        return EnrichReport(results=failed, unreachable=reason, asked=("arxiv", "openalex"))

    monkeypatch.setattr(Library, "enrich", enrich)
    monkeypatch.setattr("papershelf.tui.screens.main.FLASH_SECONDS", 0.05)
    toasts: list[tuple[str, str]] = []
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: toasts.append((message, kw["severity"]))
    )

    flashed: list[str] = []
    real_flash = StatusLine.flash

    def flash(self: StatusLine, message: str, seconds: float | None = 6.0) -> None:
        flashed.append(message)  # the outcome shows for a flash (0.05 s here): kept to read
        real_flash(self, message, seconds)

    monkeypatch.setattr(StatusLine, "flash", flash)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            status = screen.query_one(StatusLine)
            await pilot.press("E")
            await pilot.pause(0.3)  # six flashes' time
            assert status.message == "looking up 1 paper…"
            release.set()
            await wait_for(pilot, lambda: any("failed" in m for m in flashed))
            said = f"looked up 1 paper: 0 found, 0 unchanged, 0 not found, 1 failed; {unreachable}"
            assert [m for m in flashed if "failed" in m] == [said]
            assert toasts == [(said, "warning")]

    asyncio.run(run())
