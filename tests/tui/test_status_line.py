"""The status line is one line; what does not fit ends in an ellipsis, never cut silently."""

from __future__ import annotations

import asyncio

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult

from papershelf.tui.widgets.status_line import StatusLine, fit_hint, status_text


class _Line(App[None]):
    def compose(self) -> ComposeResult:
        yield StatusLine()


def _shown(width: int, message: str) -> str:
    out: list[str] = []

    async def run() -> None:
        app = _Line()
        async with app.run_test(size=(width, 3)) as pilot:
            line = app.query_one(StatusLine)
            line.show("all papers", 76, 76)
            line.flash(message, None)
            await pilot.pause()
            out.append(line.render_line(0).text)

    asyncio.run(run())
    return out[0]


def test_a_long_message_ends_in_an_ellipsis() -> None:
    said = "looked up 1 paper: 0 found, 0 unchanged, 0 not found, 1 failed"
    assert _shown(40, said) == " all papers   76 of 76   looked up 1 pa…"


@settings(max_examples=10, deadline=None)
@given(st.integers(30, 120), st.text(alphabet="abc xyz", min_size=1, max_size=150))
def test_the_line_fits_and_says_when_it_does_not(width: int, message: str) -> None:
    shown = _shown(width, message)
    assert len(shown) <= width
    full = " all papers   76 of 76   " + " ".join(message.split())  # shown on one line
    if len(full.rstrip()) > width:
        assert shown.rstrip().endswith("…")


def _described(width: int, describe: str, hint: str) -> str:
    out: list[str] = []

    async def run() -> None:
        app = _Line()
        async with app.run_test(size=(width, 3)) as pilot:
            line = app.query_one(StatusLine)
            line.show(describe, 0, 76, hint=hint)
            await pilot.pause()
            out.append(line.render_line(0).text)

    asyncio.run(run())
    return out[0]


def test_a_long_view_gives_way_to_the_count_and_the_hint() -> None:
    """At 80 columns a topic and a search took the whole line: ``0 of 76`` and ``narrow: b tree``
    were cut off."""
    describe = "venue: ASPLOS 2025 · topic: parallel approach in AI compiler · search: llm"
    shown = _described(80, describe, "narrow: b tree")
    assert len(shown) <= 80
    assert shown.startswith(" venue: ASPLOS 2025 · topic: para") and "…" in shown
    assert shown.rstrip().endswith("   0 of 76   narrow: b tree")
    assert _described(160, describe, "narrow: b tree").rstrip() == (
        f" {describe}   0 of 76   narrow: b tree"
    )


@settings(max_examples=10, deadline=None)
@given(st.integers(30, 120), st.text(alphabet="abc xyz·:", min_size=30, max_size=150))
def test_the_count_shows_whatever_the_view(width: int, describe: str) -> None:
    shown = _described(width, describe, "")
    assert len(shown) <= width
    assert "0 of 76" in shown


def test_feedback_does_not_shorten_the_view() -> None:
    """A long ``marked read: Title`` is cut at its end; the view stays whole while it fits."""
    out: list[str] = []

    async def run() -> None:
        app = _Line()
        async with app.run_test(size=(100, 3)) as pilot:
            line = app.query_one(StatusLine)
            line.show("venue: MLSys 2025 · topic: Large Language Models · status: unread", 34, 76)
            line.flash("marked read: Lumos: Efficient Performance Modeling and Estimation", None)
            await pilot.pause()
            out.append(line.render_line(0).text)

    asyncio.run(run())
    assert out[0].startswith(" venue: MLSys 2025 · topic: Large Language Models · status: unread")
    assert "34 of 76   marked read: Lumos" in out[0] and out[0].rstrip().endswith("…")


_KEY = st.text(alphabet="abcdefgh ?/", min_size=1, max_size=12).filter(lambda k: "·" not in k)


@given(keys=st.lists(_KEY, min_size=1, max_size=8), room=st.integers(min_value=0, max_value=120))
def test_a_hint_gives_up_keys_before_its_last_never_half_a_key(keys: list[str], room: int) -> None:
    hint = " · ".join(keys)
    fitted = fit_hint(hint, room).split(" · ")
    assert fitted[-1] == keys[-1]  # the last (``? help``) stays
    assert fitted[: len(fitted) - 1] == keys[: len(fitted) - 1]  # a start of them, in order
    assert len(" · ".join(fitted)) <= room or len(fitted) <= 2  # fits, or is down to two
    if len(hint) <= room:
        assert fitted == keys  # nothing given up when it fits


def test_at_80_columns_the_first_run_hint_keeps_help() -> None:
    hint = "narrow: d details · t to-read · r read · / search · ? help"
    line = status_text("all papers", 76, 76, hint=hint, width=80).plain
    assert len(line) <= 80 and line.endswith("r read · ? help"), line
    wide = status_text("all papers", 76, 76, hint=hint, width=160).plain
    assert wide.endswith(hint)


def test_at_80_columns_the_filter_and_the_search_stay_in_sight() -> None:
    """``… topic: Large Language Models (L…   1 of 76``: what hid 34 of 35 papers was cut off."""
    describe = "venue: MLSys 2025 · topic: Large Language Models (LLMs) · status: to-read"
    shown = _described(80, f"{describe} · search: pipe", "narrow: b tree")
    assert len(shown) <= 80
    assert "status: to-read · search: pipe   0 of 76" in shown
    assert shown.startswith(" venue: MLSys 2025 · topic: Large") and "…" in shown
    sorted_too = _described(80, f"{describe} · sorted by venue", "narrow: b tree")
    assert "status: to-read" in sorted_too and "0 of 76" in sorted_too


def test_with_every_part_set_the_sort_and_then_the_scope_give_way() -> None:
    """Cut to 10 cells each, the scope and sort still ate the search (``searc…``)."""
    describe = (
        "venue: MLSys 2025 · topic: Large Language Models (LLMs) · status: reading, to-read"
        " · starred · search: serving · sorted by venue"
    )
    line = status_text(describe, 1, 76, width=80).plain
    assert len(line) <= 80
    assert "status: reading, to-read · starred · search: serving   1 of 76" in line, line
    assert "sorted" not in line and "venue" not in line  # the tree shows the scope
    shorter = status_text(describe.replace("reading, ", ""), 1, 76, width=80).plain
    assert "topic: " in shorter and "sorted" not in shorter  # only what must go goes
