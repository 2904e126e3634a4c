"""The header: the paper counts stay whole; the library's path gives way first."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.widgets import Static

from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.widgets.header import fit_sub_title

from .conftest import make_app, ready

SUMMARY = "432 papers (+1 withdrawn) · 0 read"


paths_text = st.text(st.characters(categories=("L", "N", "P", "Zs")), min_size=1, max_size=80)


@given(paths_text, st.integers(0, 200))
def test_the_summary_is_never_cut(path: str, room: int) -> None:
    text = fit_sub_title(path, SUMMARY, room)
    assert text.endswith(SUMMARY)
    assert cell_len(text) <= max(room, cell_len(SUMMARY))
    if cell_len(path) + 3 + cell_len(SUMMARY) <= room:
        assert text == f"{path} · {SUMMARY}"


def test_the_path_is_shortened_from_the_left() -> None:
    path = "/tmp/tmpabcdefgh/data/library.json"
    assert fit_sub_title(path, SUMMARY, 60) == f"…{path[-22:]} · {SUMMARY}"
    assert fit_sub_title(path, SUMMARY, 45) == SUMMARY  # too little of the path to tell


@pytest.mark.parametrize("width", [80, 56, 160])
def test_at_80_columns_the_counts_show_whole(library: Library, paths: Paths, width: int) -> None:
    app = make_app(library, paths)
    app.library_label = "/tmp/tmpk2x9v0ab/a/long/folder/of/the/user/library.json"

    async def run() -> None:
        async with app.run_test(size=(width, 24)) as pilot:
            await ready(pilot)
            title = app.screen.query_one("HeaderTitle", Static)
            shown = str(title.render())
            assert cell_len(shown) <= title.size.width
            assert shown.endswith("76 papers (+1 withdrawn) · 0 read"), shown
            assert "…" not in shown.rsplit("·", 2)[-2]
            assert (app.library_label in shown) is (width == 160)

    asyncio.run(run())
