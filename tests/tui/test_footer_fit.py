"""The main screen's footer at 80 columns: the keys that matter show (it was cut after
``n Note``: no ``T Triage`` nor ``p Progress``), as the user mapped them."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.app import ComposeResult
from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.settings import Config, UiOptions
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.dialogs import TagDialog
from papershelf.tui.widgets.fitted_footer import FittedFooter, SteadyFooter, cells, fit

from .conftest import SIZE, make_app, open_triage, ready, screen_text, wait_for

MATTER = ("? Keys", "T Triage", "p Progress")
ALL = ("q Quit", *MATTER, "t To read", "r Read", "s Star", "u Undo", "/ Search", "n Note")


async def visible_keys(pilot: Pilot[int], width: int) -> str:
    """The footer's keys drawn whole left of the palette, once it is fitted to ``width``."""
    footer = pilot.app.screen.query_one(Footer)
    await wait_for(pilot, lambda: footer.size.width == width and bool(footer.children))
    await pilot.pause()
    keys = list(footer.query(FooterKey))
    palette = next(k for k in keys if k.has_class("-command-palette"))
    whole = [k for k in keys if k is not palette and k.region.right <= palette.region.x]
    return "  ".join(f"{k.key_display} {k.description}" for k in whole if k.region.width)


def test_at_80_columns_the_footer_shows_triage_progress_and_help(app: PapershelfApp) -> None:
    async def run() -> dict[str, tuple[str, bool]]:
        seen = {}
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            footer = screen.query_one(Footer)
            for width, focus in ((80, "list"), (80, "details"), (160, "list"), (80, "tree")):
                await pilot.resize_terminal(width, 24)
                if focus == "details":
                    await pilot.press("enter")
                    await wait_for(pilot, lambda: screen.detail.scroller.has_focus)
                elif focus == "tree":
                    # The details asked for keep the one side pane at 80: the tree is shown
                    # the reader's way (focusing it hidden raced the resize on a busy machine).
                    await wait_for(pilot, lambda: not screen.nav.display)
                    await pilot.press("b")
                    await wait_for(pilot, lambda: screen.nav.display)
                    screen.nav.focus()
                    await wait_for(pilot, lambda: screen.nav.has_focus)
                else:
                    screen.paper_list.focus()
                await pilot.pause()
                seen[f"{width} {focus}"] = (await visible_keys(pilot, width), footer.compact)
        return seen

    seen = asyncio.run(run())
    for place in ("80 list", "80 details", "80 tree"):
        for key in MATTER:
            assert key in seen[place][0], (key, seen[place])
    assert "esc Back" in seen["80 details"][0]  # the focused pane's own keys stay
    assert "To list" in seen["80 tree"][0]
    assert seen["80 list"][1], "narrow: compact"
    wide, compact = seen["160 list"]
    assert not compact
    for key in ALL:  # wide, every key in full again
        assert key in wide, (key, wide)


def test_a_remapped_key_shows_as_mapped_at_80_columns(library: Library, paths: Paths) -> None:
    keymap = {"triage": "ctrl+t", "progress": "P", "show-help": "f1"}
    app = make_app(library, paths, config=Config(keys=keymap, ui=UiOptions(autosave_seconds=0.2)))

    async def run() -> str:
        async with app.run_test(size=(80, 24)) as pilot:
            await ready(pilot)
            return await visible_keys(pilot, 80)

    footer = asyncio.run(run())
    for key in ("^t Triage", "P Progress", "f1 Keys"):
        assert key in footer, (key, footer)
    assert "T Triage" not in footer and "p Progress" not in footer


keys_shown = st.lists(
    st.tuples(
        st.sampled_from("abcdefghij"),
        st.text("xy^", min_size=1, max_size=6),
        st.text("Abc ", max_size=12),
    ),
    max_size=10,
    unique_by=lambda k: k[0],
)


@given(keys_shown, st.integers(20, 200), st.lists(st.sampled_from("abcdefghijz"), unique=True))
def test_fit_leaves_out_only_what_it_must_in_order(
    shown: list[tuple[str, str, str]], width: int, drop_first: list[str]
) -> None:
    palette = ("command_palette", "^p", "Palette")
    compact, out = fit(shown, palette, width, drop_first)

    def needed(compact: bool) -> int:
        keys = sum(cells(k, d, compact=compact) for a, k, d in shown if a not in out)
        return keys + cells("^p", "Palette", compact=compact, palette=True)

    actions = [a for a, _, _ in shown]
    droppable = [a for a in drop_first if a in actions]
    others = [a for a in actions if a not in droppable]
    extra = [a for a in others if a in out]  # left out once drop_first was all out
    assert out - set(extra) == frozenset(droppable[: len(out) - len(extra)])  # in order
    if extra:  # the last keys shown, and only when nothing of drop_first was left
        assert set(droppable) <= out and extra == others[len(others) - len(extra) :]
    if not compact:
        assert not out and needed(False) <= width
    else:
        assert needed(False) > width or out  # compact only when full size did not fit
        assert needed(True) <= width or out == frozenset(actions)
        if out:  # one fewer left out would not have fit
            last = extra[0] if extra else droppable[len(out) - 1]
            back = next(cells(k, d, compact=True) for a, k, d in shown if a == last)
            assert needed(True) + back > width


def test_a_tiny_terminal_shows_no_half_key_beside_the_palette(app: PapershelfApp) -> None:
    """At 12x5 an ``i`` (of ``T Triage``) stood beside ``^p Palette``."""

    async def run() -> str:
        async with app.run_test(size=(12, 5)) as pilot:
            await ready(pilot)
            footer = pilot.app.screen.query_one(Footer)
            await wait_for(pilot, lambda: footer.size.width == 12 and bool(footer.children))
            await pilot.pause()
            return next(row for row in screen_text(app).splitlines() if "Palette" in row)

    last_row = asyncio.run(run())
    assert last_row.strip() == "▏^p Palette", last_row


def test_a_toast_leaves_the_status_line_and_the_footer_readable(app: PapershelfApp) -> None:
    """At 80x24 a toast covered the status line (what a key just did) for seconds."""
    from textual.widgets._toast import Toast

    from papershelf.tui.widgets.status_line import StatusLine

    async def run() -> None:
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            screen = await ready(pilot)
            app.notify("a long message " * 8, title="Something happened", timeout=30)
            await wait_for(pilot, lambda: bool(screen.query(Toast)))
            toast = screen.query_one(Toast)
            await wait_for(pilot, lambda: toast.region.height > 0)
            status = screen.query_one(StatusLine).region
            footer = screen.query_one(Footer).region
            assert toast.region.bottom <= status.y < footer.y, (toast.region, status)

    asyncio.run(run())


def composes_of(kind: type[SteadyFooter], monkeypatch: pytest.MonkeyPatch) -> list[SteadyFooter]:
    """Each footer of ``kind`` (or a kind below it) as it is made, once per making."""
    made: list[SteadyFooter] = []
    compose = kind.compose

    def counted(self: SteadyFooter) -> ComposeResult:
        if type(self) is kind:
            made.append(self)
        return compose(self)

    monkeypatch.setattr(kind, "compose", counted)
    return made


def test_the_footer_is_made_again_only_when_its_keys_change(
    app: PapershelfApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dialog closed over the list gives back the list's keys: the same footer stays.

    Moving the focus to the tree changes the keys: the footer is made again for them.
    """
    made = composes_of(FittedFooter, monkeypatch)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            main = await ready(pilot)
            footer = main.query_one(FittedFooter)
            await wait_for(pilot, lambda: bool(footer.query(FooterKey)))
            await pilot.pause(0.1)
            before = len(made)
            for _ in range(3):
                await pilot.press("#")
                await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
                await pilot.press("escape")
                await wait_for(pilot, lambda: app.screen is main)
                await pilot.pause(0.1)
            assert len(made) == before
            shown = {k.description for k in footer.query(FooterKey)}
            await pilot.press("shift+tab")  # the tree: its own keys
            await wait_for(pilot, lambda: len(made) > before)
            await pilot.pause(0.1)
            assert {k.description for k in footer.query(FooterKey)} != shown

    asyncio.run(run())


def test_triage_decisions_keep_the_footer_they_do_not_change(
    app: PapershelfApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each decision refreshes the keys (undo, star), but after the first they stay the same."""
    made = composes_of(SteadyFooter, monkeypatch)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            triage, first = await open_triage(pilot)

            async def decide(current: str | None) -> None:
                await pilot.press("t")
                await wait_for(pilot, lambda: triage.current_id != current)
                await pilot.pause(0.1)

            await pilot.press("t")
            await wait_for(pilot, lambda: triage.current_id != first)
            await pilot.pause(0.1)
            before = len(made)
            for _ in range(3):
                await decide(triage.current_id)
            assert len(made) == before
            assert "To read" in {k.description for k in triage.query(FooterKey)}

    asyncio.run(run())
