"""A table pasted from a spreadsheet: rows of tab-separated cells under a row of column names.

``name<TAB>conference<TAB>year`` then one paper a line: copied from a sheet into a README,
it has no pipes and no delimiter row, yet a reader sees the table at once. The block rule
here makes the same tokens a pipe table makes (one row per line, the header's cells as the
column names), so the table reader takes it from there. It only starts where a paragraph
could: a first line of at least three tab-separated cells, each short enough to name a
column, one naming the title column, and a next line with a tab as well.
"""

from __future__ import annotations

import re

from markdown_it.rules_block.state_block import StateBlock

from papershelf.catalog.columns import title_columns
from papershelf.catalog.table_rule import add_row, open_table
from papershelf.catalog.tokens import make_token

MIN_CELLS = 3
"""Fewer tab-separated cells are a line with a stray tab, not a table."""

_HEADER_CELL = re.compile(r"[^\W\d_][\w &/().'-]{0,29}")
"""A column name: a word or a few, no number, no link, not a sentence."""


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.rstrip("\n").split("\t")]


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _header(text: str) -> list[str] | None:
    """The column names of a tab-separated header line, or None when it is no header."""
    if text.count("\t") < MIN_CELLS - 1:
        return None
    cells = _cells(text)
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) < MIN_CELLS or not all(_HEADER_CELL.fullmatch(cell) for cell in cells):
        return None
    return cells if title_columns(cells) else None


def tab_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A tab-separated table at line ``start``: the tokens of the pipe table it would be."""
    if state.sCount[start] - state.blkIndent >= 4 or start + 1 >= end:
        return False
    first = _line(state, start)
    if "\t" not in first or "\t" not in _line(state, start + 1):
        return False
    header = _header(first)
    if header is None:
        return False
    if silent:
        return True
    aligns = [""] * len(header)
    out, level = state.tokens, state.level
    opened = open_table(out, level, start, header, aligns)
    body = make_token("tbody_open", "tbody", 1, level + 1, map_=[start + 1, 0], block=True)
    out.append(body)
    line = start + 1
    while line < end and state.sCount[line] >= state.blkIndent:
        text = _line(state, line)
        if "\t" not in text:
            break
        add_row(out, level + 2, line, "td", _cells(text), aligns)
        line += 1
    out.append(make_token("tbody_close", "tbody", -1, level + 1, block=True))
    body.map = [start + 1, line]
    out.append(make_token("table_close", "table", -1, level, block=True))
    opened.map = [start, line]
    state.line = line
    return True
