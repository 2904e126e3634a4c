"""The tree's counts are never cut: digits grow with the catalog, bars give way first.

At 80x24 with 1,103 papers the tree read ``All papers 2/1`` and ``Unread 1``: the labels
assumed three digits and the pane clipped what did not fit.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from papershelf.tui.shelf import ALL, NavKey
from papershelf.tui.widgets.nav_tree import (
    BAR_CELLS,
    NAME_LEAST,
    figures_width,
    label_shape,
    node_label,
)


def _label(key: NavKey, read: int, total: int, width: int, largest: int, depth: int = 0) -> Text:
    name_width, digits, bar_cells = label_shape(width, largest)
    return node_label(key, read, total, depth, False, name_width, None, digits, bar_cells)


def test_four_digit_counts_show_whole() -> None:
    label = _label(ALL, 2, 1103, 30, 1103)
    assert "2/1103" in label.plain and "▱" in label.plain
    assert label.cell_len <= 30


def test_a_narrow_pane_drops_the_bar_not_the_digits() -> None:
    assert label_shape(20, 1103) == (20 - figures_width(4, 0), 4, 0)
    label = _label(NavKey("venue", "ASPLOS 2025"), 0, 87, 20, 1103)
    assert label.plain.rstrip().endswith("0/87")
    assert "▱" not in label.plain and label.cell_len <= 20
    unread = _label(NavKey("status", "unread"), 0, 1099, 20, 1103)
    assert unread.plain.rstrip().endswith("1099")


@given(
    width=st.integers(min_value=8, max_value=120),
    largest=st.integers(min_value=0, max_value=10**6),
    data=st.data(),
)
def test_every_count_fits_whole(width: int, largest: int, data: st.DataObject) -> None:
    total = data.draw(st.integers(min_value=0, max_value=largest))
    read = data.draw(st.integers(min_value=0, max_value=total))
    name_width, digits, bar_cells = label_shape(width, largest)
    assert bar_cells in (0, BAR_CELLS)
    assert bar_cells == 0 or name_width >= NAME_LEAST
    label = _label(NavKey("venue", "A Venue With A Long Name 2025"), read, total, width, largest)
    assert f"{read}/{total}" in label.plain
    # The name takes what the figures leave (one cell of slack for the scrollbar).
    assert label.cell_len == name_width + figures_width(digits, bar_cells) - 1


def test_unknown_venue_keeps_its_start_and_its_count_in_a_narrow_pane() -> None:
    for width, largest in ((21, 78), (23, 1103), (30, 78)):
        label = _label(NavKey("venue", "Unknown venue"), 0, 2, width, largest)
        name = label.plain.split("  0/2")[0].rstrip()
        assert "Unknown venue".startswith(name.rstrip("…")), name
        assert "0/2" in label.plain
