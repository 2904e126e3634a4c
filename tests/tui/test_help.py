"""The key help: it scrolls with the list's keys, and every key shows whole."""

from __future__ import annotations

import asyncio

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Footer

from papershelf.tui import keys
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.help import HelpScreen, help_text
from papershelf.tui.screens.progress import ProgressScreen
from papershelf.tui.widgets.progress_bars import ProgressTable

from .conftest import ready, screen_text, wait_for


@pytest.mark.parametrize("width", [160, 80])
def test_j_k_g_and_shift_g_scroll_the_help(app: PapershelfApp, width: int) -> None:
    async def run() -> None:
        async with app.run_test(size=(width, 30)) as pilot:
            await ready(pilot)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            scroll = app.screen.query_one("#help-scroll", VerticalScroll)
            await pilot.press("j", "j", "j")
            await pilot.wait_for_scheduled_animations()  # the scroll is animated
            assert scroll.scroll_y == 3
            await pilot.press("k")
            await pilot.wait_for_scheduled_animations()
            assert scroll.scroll_y == 2
            await pilot.press("G")
            await pilot.wait_for_scheduled_animations()
            assert scroll.scroll_y == scroll.max_scroll_y > 0
            await pilot.press("g")
            await pilot.wait_for_scheduled_animations()
            assert scroll.scroll_y == 0
            assert isinstance(app.screen, HelpScreen)

    asyncio.run(run())


@pytest.mark.parametrize("width", [160, 100, 60])
def test_every_key_and_place_shows_whole(width: int) -> None:
    text = help_text({"mark-read": "ctrl+shift+r,R"}, width=width).plain
    assert max(map(len, text.splitlines())) <= max(width, 60)  # none wider than the line
    for place, binding in keys.all_bindings():
        if binding.id != "mark-read":
            assert keys.display_key(binding.key) in text, binding.key
        assert place.capitalize() in text
    assert "ctrl+shift+r / R" in text
    assert "…" not in "".join(line[:16] for line in text.splitlines())


def test_the_help_and_a_dialog_show_their_own_keys_at_the_bottom(app: PapershelfApp) -> None:
    """The main screen's footer stayed in view beneath them, offering keys that did nothing."""

    async def run() -> None:
        async with app.run_test(size=(120, 30)) as pilot:
            screen = await ready(pilot)
            for opener in ("question_mark", "number_sign"):
                await pilot.press(opener)
                await wait_for(pilot, lambda: app.screen is not screen)
                await wait_for(pilot, lambda: any(f.region for f in app.screen.query(Footer)))
                footer = app.screen.query_one(Footer)
                shown = {b.binding.description for b in app.screen.active_bindings.values()}
                assert footer.region.y == 29  # the last line, over the main screen's footer
                assert "Close" in shown and "To read" not in shown
                await pilot.press("escape")
                await wait_for(pilot, lambda: app.screen is screen)

    asyncio.run(run())


def test_the_progress_screens_keys_are_in_the_help(app: PapershelfApp) -> None:
    """Its footer offered h, l, enter and * that neither help nor the README listed."""

    async def run() -> list[tuple[str | None, str]]:
        async with app.run_test(size=(120, 30)) as pilot:
            await ready(pilot)
            await pilot.press("p")
            await wait_for(pilot, lambda: isinstance(app.screen, ProgressScreen))
            await wait_for(pilot, lambda: app.screen.query_one(ProgressTable).row_count > 0)
            active = app.screen.active_bindings.values()
            return [(b.binding.id, b.binding.description) for b in active if b.binding.show]

    shown = asyncio.run(run())
    assert {"Show in list", "Topics", "Venues", "All topics", "Close"} <= {d for _, d in shown}
    listed = {b.id: b for _, b in keys.all_bindings() if b.id}
    text = " ".join(help_text({}, width=120).plain.split())
    for binding_id, description in shown:
        assert binding_id in listed, description
        assert keys.explain(listed[binding_id]) in text, description


def test_the_palette_offers_one_keys_command_the_one_question_mark_opens(
    app: PapershelfApp,
) -> None:
    async def run() -> list[str]:
        async with app.run_test() as pilot:
            await ready(pilot)
            return [command.title for command in app.get_system_commands(app.screen)]

    titles = asyncio.run(run())
    # Textual's "Keys" was a side panel that neither escape nor ? closed.
    assert "Keys" not in titles
    assert {"Theme", "Quit", "Screenshot"} <= set(titles)


def test_at_80_columns_the_help_takes_the_width_for_its_descriptions(app: PapershelfApp) -> None:
    """The dialog kept 80% of 80 columns: with the keys and ids whole, each description had
    some 20 columns and wrapped over three or four lines."""

    async def run() -> int:
        async with app.run_test(size=(80, 24)) as pilot:
            await ready(pilot)
            await pilot.press("question_mark")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
            await pilot.pause()
            return app.screen.query_one("#help-table").content_size.width

    assert asyncio.run(run()) >= 70


@pytest.mark.parametrize(
    ("opener", "place"), [("T", "Triage mode"), ("p", "Progress screen"), ("", "Main screen")]
)
def test_help_shows_the_keys_of_the_screen_it_is_asked_on_first(
    app: PapershelfApp, opener: str, place: str
) -> None:
    """Asked in triage, its keys were the last section, some 130 lines below the first view."""

    async def run() -> str:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await ready(pilot)
            if opener:
                await pilot.press(opener)
                await wait_for(pilot, lambda: app.screen is not screen)
            await pilot.press("question_mark")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
            await pilot.pause()
            return screen_text(app)

    text = asyncio.run(run())
    after_everywhere = text[text.index("Everywhere") :]
    shown = [p for p in ("Main screen", "Triage mode", "Progress screen") if p in after_everywhere]
    assert shown[0] == place
    assert len(shown) == 1  # the other screens' keys are further down, out of view


def test_the_palettes_line_in_help_names_every_command_it_adds_to_the_keys() -> None:
    """Forgetting a list and enriching the view are only in the palette: help did not say so."""
    row = next(line for line in help_text({}, width=160).plain.splitlines() if "palette" in line)
    for word in ("import", "export", "forget a list", "enrich", "jump", "theme"):
        assert word in row, word
