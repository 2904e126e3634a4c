"""The palette offers papershelf's commands first; Textual's own (theme, quit...) follow."""

from __future__ import annotations

import asyncio

from textual.command import CommandList, CommandPalette

from papershelf.tui.app import PapershelfApp

from .conftest import SIZE, ready, wait_for


def _prompts(palette: CommandPalette) -> list[str]:
    options = palette.query_one(CommandList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


def test_the_apps_commands_come_before_textuals(app: PapershelfApp) -> None:
    seen: dict[str, list[str]] = {}
    system: list[str] = []

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            commands = app.get_system_commands(app.screen)
            system.extend(sorted(c.title for c in commands if c.discover))
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
            palette = app.screen
            assert isinstance(palette, CommandPalette)
            await wait_for(pilot, lambda: palette.has_class("-ready"))
            seen["offered"] = _prompts(palette)
            await pilot.press(*"theme")
            await wait_for(pilot, lambda: any("theme" in p.lower() for p in _prompts(palette)))
            seen["theme"] = _prompts(palette)

    asyncio.run(run())
    offered = [p.split("\n")[0] for p in seen["offered"]]
    assert system and offered[-len(system) :] == system  # Textual's, in name order, last
    assert "Import a list…" in offered[: -len(system)]  # the app's before them
    assert len(offered) == len(set(offered))  # each once: no second provider offers them
    assert any("theme" in p.lower() for p in seen["theme"])  # typed, Textual's are found
