"""What a seed family's reading accounts for, and what no seed reading can account for.

A seed reading is kept without the general reader's parse when it covers the list: every
bullet with text and every paragraph with a link gave an entry or a skip, and the list has
no table or HTML list (which only the general reader reads).
"""

from __future__ import annotations

import re

from papershelf.catalog.blocks import Block, Heading, Item
from papershelf.catalog.entry import Found

# An HTML list or table, or a table's delimiter row (first line or after a "\n": not ^ in re.M).
_HTML_SHAPES = re.compile(r"<(?:li|td|tr)\b", re.I)
_ROW, _LATER_ROW = (re.compile(at + r"[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|") for at in ("", "\n"))


def has_tables(text: str) -> bool:
    """Whether ``text`` holds a table or an HTML list, which only the general reader reads."""
    return bool(_HTML_SHAPES.search(text) or _ROW.match(text) or _LATER_ROW.search(text))


def covered(blocks: list[Block], seen: set[int]) -> bool:
    """Whether every bullet with text and every paragraph with a link is at a ``seen`` line."""
    stack: list[Block] = list(reversed(blocks))
    while stack:
        block = stack.pop()
        if isinstance(block, Heading) or block.line in seen:
            continue
        inline = block.inline
        if isinstance(block, Item):
            if block.children:
                stack.extend(reversed(block.children))
            elif inline is not None and inline.content.strip():
                return False
        elif inline is not None and (
            "://" in inline.content or any(t.type == "link_open" for t in inline.children or ())
        ):
            return False
    return True


def lines_of(found: Found) -> set[int]:
    """The lines a reading gave an entry or a skip: what it accounts for."""
    seen = {entry.line for entry in found.entries}
    seen.update(line for line, _ in found.skipped)
    return seen
