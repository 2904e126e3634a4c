"""markdown-it's GFM table rule, making the same tokens with less work per row.

markdown-it-py splits every row with a loop over its characters (``escapedSplit``) and asks
six block rules whether the row ends the table; for a 10,000-row table that was a tenth of
an import. Here a row without a backslash is split at every pipe by ``str.split`` (what the
loop does when nothing is escaped), and a row whose first character can start none of those
blocks is not asked. Whether a table starts at a line is still the library's own answer
(its rule in silent mode); a property test checks the tokens agree with the library's.
"""

from __future__ import annotations

from markdown_it.common.utils import mdTrim
from markdown_it.rules_block import blockquote, fence, heading, hr, html_block, list_block
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_block.table import MAX_AUTOCOMPLETED_CELLS, escapedSplit, getLine
from markdown_it.rules_block.table import table as library_table
from markdown_it.token import Token

from papershelf.catalog.tokens import make_token

_STARTS = {
    fence: "`~",
    blockquote: ">",
    hr: "*-_",
    list_block: "*-+0123456789",
    html_block: "<",
    heading: "#",
}
"""The characters a line must start with for each rule that can end a table to take it."""


def split_row(line: str) -> list[str]:
    """``escapedSplit``: a row's cells, split at the pipes no backslash escapes."""
    return escapedSplit(line) if "\\" in line else line.split("|")


def _cells(line: str) -> list[str]:
    cells = split_row(line)
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _aligns(delimiters: str) -> list[str]:
    """Each column's alignment from a delimiter row the library has checked."""
    aligns = []
    columns = delimiters.split("|")
    for i, column in enumerate(columns):
        mark = mdTrim(column)
        if not mark and i in (0, len(columns) - 1):
            continue
        if mark.endswith(":"):
            aligns.append("center" if mark.startswith(":") else "right")
        else:
            aligns.append("left" if mark.startswith(":") else "")
    return aligns


def table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A table at line ``start``: the tokens markdown-it's ``table`` rule pushes for it."""
    if not library_table(state, start, end, True):
        return False
    if silent:
        return True
    aligns = _aligns(getLine(state, start + 1))
    header = _cells(mdTrim(getLine(state, start)))
    rules = state.md.block.ruler.getRules("blockquote")
    starts = "".join(_STARTS.get(rule, "") for rule in rules)
    if any(rule not in _STARTS for rule in rules):
        starts = ""  # a rule not known here: every row is asked, as the library asks
    old_parent, state.parentType = state.parentType, "table"
    out, level = state.tokens, state.level
    opened = open_table(out, level, start, header, aligns)
    body: Token | None = None
    filled = 0
    line = start + 2
    src, begins, shifts, ends = state.src, state.bMarks, state.tShift, state.eMarks
    while line < end:
        if state.sCount[line] < state.blkIndent:
            break
        at = begins[line] + shifts[line]
        first = src[at] if at < ends[line] else ""
        asked = not starts or (first and first in starts)
        if asked and any(rule(state, line, end, True) for rule in rules):
            break
        text = mdTrim(src[at : ends[line]])
        if not text:
            break
        cells = _cells(text)
        filled += len(header) - len(cells)  # the library's cap on the cells it makes up
        if filled > MAX_AUTOCOMPLETED_CELLS:
            break
        if body is None:
            body = make_token("tbody_open", "tbody", 1, level + 1, map_=[start + 2, 0], block=True)
            out.append(body)
        add_row(out, level + 2, line, "td", cells, aligns)
        line += 1
    if body is not None:
        out.append(make_token("tbody_close", "tbody", -1, level + 1, block=True))
        body.map = [start + 2, line]
    out.append(make_token("table_close", "table", -1, level, block=True))
    opened.map = [start, line]
    state.parentType = old_parent
    state.line = line
    return True


def open_table(
    out: list[Token], level: int, start: int, header: list[str], aligns: list[str]
) -> Token:
    """A table's opening and its header row (what both table rules make first); the opening."""
    opened = make_token("table_open", "table", 1, level, map_=[start, 0], block=True)
    out.append(opened)
    out.append(make_token("thead_open", "thead", 1, level + 1, map_=[start, start + 1], block=True))
    add_row(out, level + 2, start, "th", header, aligns)
    out.append(make_token("thead_close", "thead", -1, level + 1, block=True))
    return opened


def add_row(
    out: list[Token],
    level: int,
    line: int,
    tag: str,
    cells: list[str],
    aligns: list[str],
) -> None:
    """One row's tokens: as many cells as the header has, made up (empty) or cut."""
    out.append(make_token("tr_open", "tr", 1, level, map_=[line, line + 1], block=True))
    opening, closing = f"{tag}_open", f"{tag}_close"
    for i, align in enumerate(aligns):
        style: dict[str, str | int | float] | None = (
            {"style": "text-align:" + align} if align else None
        )
        out.append(make_token(opening, tag, 1, level + 1, attrs=style, block=True))
        cell = cells[i] if i < len(cells) else ""
        inline = make_token(
            "inline",
            "",
            0,
            level + 2,
            map_=[line, line + 1],
            content=mdTrim(cell) if cell else "",
            block=True,
        )
        inline.children = []
        out.append(inline)
        out.append(make_token(closing, tag, -1, level + 1, block=True))
    out.append(make_token("tr_close", "tr", -1, level, block=True))
