"""Text drawn muted (labels, counts, hints, ids) stays readable in every theme and colour system.

Textual drew Rich's ``dim`` as the text colour blended into the background; in 16 colours a
light theme's blend became ANSI white, light grey on white (contrast 2.3). The colours are
measured as the terminal gets them: each segment's colour and background, after Textual's
own filters, downgraded the way Rich downgrades for a 16- or 256-colour terminal.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

import pytest
from rich._palettes import STANDARD_PALETTE
from rich.color import Color, ColorSystem
from rich.color_triplet import ColorTriplet
from textual.command import CommandList, CommandPalette
from textual.geometry import Region
from textual.pilot import Pilot
from textual.theme import BUILTIN_THEMES
from textual.widget import Widget
from textual.widgets import Label

from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.help import HelpScreen
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.widgets.muted import undim

from .conftest import SIZE, make_app, open_import_dialog, ready, wait_for

LEAST = {ColorSystem.STANDARD: 3.0, ColorSystem.EIGHT_BIT: 2.5, ColorSystem.TRUECOLOR: 2.5}
"""The contrast muted text keeps at least: WCAG's 3:1 for 16 colours, where the fault was."""


def _luminance(rgb: ColorTriplet) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(rgb.red) + 0.7152 * channel(rgb.green) + 0.0722 * channel(rgb.blue)


def _shown(color: Color, system: ColorSystem) -> ColorTriplet:
    """The colour a terminal of ``system`` shows (Rich's standard palette for 16 colours)."""
    if system is ColorSystem.TRUECOLOR:
        return color.get_truecolor()
    down = color.downgrade(system)
    if system is ColorSystem.STANDARD:
        assert down.number is not None
        return ColorTriplet(*STANDARD_PALETTE[down.number])
    return down.get_truecolor()


def contrast(fg: Color, bg: Color, system: ColorSystem) -> float:
    lighter, darker = sorted((_luminance(_shown(c, system)) for c in (fg, bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def lowest(widget: Widget, words: Iterable[str], system: ColorSystem) -> tuple[float, str]:
    """The lowest contrast of the segments of ``widget`` that hold one of ``words``."""
    found: list[tuple[float, str]] = []
    for strip in widget.render_lines(Region(0, 0, widget.size.width, widget.size.height)):
        for segment in strip:
            style = segment.style
            if style is None or not any(word in segment.text for word in words):
                continue
            assert style.color is not None and style.bgcolor is not None, segment
            found.append((contrast(style.color, style.bgcolor, system), segment.text))
    assert found, f"none of {words} in {widget}"
    return min(found)


THEMES = sorted(name for name in BUILTIN_THEMES if not name.startswith("ansi"))
"""Every theme the palette offers (the ANSI ones draw in the terminal's own colours)."""


def _check(app: PapershelfApp, where: dict[str, tuple[Widget, tuple[str, ...]]]) -> list[str]:
    poor = []
    for name, (widget, words) in where.items():
        for system, least in LEAST.items():
            measured, text = lowest(widget, words, system)
            if measured < least:
                poor.append(f"{app.theme} {system.name} {name} {text!r}: {measured:.1f}")
    return poor


@pytest.fixture
def colours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")  # the suite's default: the app would draw in monochrome


@pytest.mark.usefixtures("colours")
def test_main_screen_labels_counts_and_header(library: Library, paths: Paths) -> None:
    poor: list[str] = []

    async def run() -> None:
        app = make_app(library, paths)
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            for theme in THEMES:
                app.theme = theme
                await pilot.pause()
                poor.extend(
                    _check(
                        app,
                        {
                            "label": (screen.query_one("#detail-body"), ("Authors", "Venue")),
                            "tree count": (screen.nav, ("/32", "/44")),  # not the cursor row
                            "count": (screen.query_one("#status"), ("of 76",)),
                            "header": (screen.query_one("HeaderTitle"), ("library.json",)),
                        },
                    )
                )

    asyncio.run(run())
    assert not poor, "\n".join(poor)


async def _open_help(pilot: Pilot[int], app: PapershelfApp, screen: MainScreen) -> Widget:
    await pilot.press("question_mark")
    await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
    return app.screen.query_one("#help-table")


async def _open_import(pilot: Pilot[int], app: PapershelfApp, screen: MainScreen) -> Widget:
    await open_import_dialog(pilot, screen)
    return app.screen.query(Label).last()  # the key hint under the path


async def _open_palette(pilot: Pilot[int], app: PapershelfApp, screen: MainScreen) -> Widget:
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
    palette = app.screen
    await wait_for(pilot, lambda: palette.has_class("-ready"))
    return palette.query_one(CommandList)


OPENED = {
    "help id": (_open_help, ("show-help",)),
    "hint": (_open_import, ("completes",)),
    "palette help": (_open_palette, ("key ",)),
}
"""Where muted text is on a screen over the main one: how to open it, and its words.

One test each (a theme cycle per screen): together they took 19 s alone and once ran out
of the suite's two minutes on a machine loaded twelvefold."""


@pytest.mark.usefixtures("colours")
@pytest.mark.parametrize("name", sorted(OPENED))
def test_help_ids_dialog_hints_and_palette(library: Library, paths: Paths, name: str) -> None:
    poor: list[str] = []
    opener, words = OPENED[name]

    async def run() -> None:
        app = make_app(library, paths)
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            widget = await opener(pilot, app, screen)
            await pilot.pause()
            for theme in THEMES:
                app.theme = theme
                await pilot.pause()
                poor.extend(_check(app, {name: (widget, words)}))

    asyncio.run(run())
    assert not poor, "\n".join(poor)


def test_undim_leaves_other_spans_and_text() -> None:
    from rich.style import Style
    from rich.text import Text

    text = Text("Id  x", end="")
    text.append(" 3/4", "dim")
    text.append(" bold", "bold")
    muted = Style(color="#808080")
    drawn = undim(text, muted)
    assert drawn.plain == text.plain
    assert [str(span.style) for span in drawn.spans] == [str(muted + Style(dim=False)), "bold"]
    assert undim(text, Style.null()) is text  # styles not known yet: left as it was
