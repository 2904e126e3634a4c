"""A config.toml that went wrong while the app ran: ``E`` shows each of its mistakes."""

from __future__ import annotations

import asyncio

import pytest

from papershelf.paths import Paths
from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.status_line import StatusLine, first_line

from .conftest import ready, wait_for

BROKEN = '[enrich]\ntimeout = "x"\nretries = -4\narxiv = 5\n'


def test_first_line_says_how_many_lines_follow() -> None:
    assert first_line("one\ntwo\n\nthree\n") == "one (+2 more)"
    assert first_line("just one") == "just one"
    assert first_line("") == ""


def test_E_with_a_broken_enrich_table_toasts_every_mistake(
    app: PapershelfApp, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    toasts: list[tuple[str, str]] = []
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: toasts.append((message, kw["severity"]))
    )

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            paths.config.write_text(BROKEN, encoding="utf-8")  # after the start's check
            await pilot.press("E")
            await wait_for(pilot, lambda: bool(toasts))
            status = screen.query_one(StatusLine)
            assert "(+2 more)" in status.render_line(0).text

    asyncio.run(run())
    [(message, severity)] = toasts
    assert severity == "error"
    for mistake in ("timeout must be", "retries must be", "arxiv must be"):
        assert mistake in message, message
    assert message.count("\n") == 2  # a line each, as the start says them
