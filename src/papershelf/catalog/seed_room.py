"""When a seed family's reading can stop: it can no longer be the reading a list keeps.

A list the general reader must read anyway (its first blocks hold no tagged entry) was read
whole by both seed families too, though a seed reading is kept only when it finds at least as
many entries as the general one, or when it accounts for every bullet with every entry named
(``reading_choice``). Given the general reader's count, a seed reading stops as soon as its
entries so far plus the most the blocks left could hold fall short of it, and a block already
read shows it cannot be kept for covering the list. The answer is the same; the work is not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from papershelf.catalog.blocks import Block, Heading, Item, Paragraph
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


@dataclass(frozen=True, slots=True)
class Need:
    """What a seed reading must reach to matter: ``entries`` (the general reader's count)."""

    entries: int
    coverable: bool
    """False when the list has a table or HTML list: no seed reading can cover it."""


class Room:
    """A seed reading's progress against ``Need``, asked before each top-level block."""

    __slots__ = ("_blocks", "_checked", "_left", "_need", "_seen", "_taken", "_unkept")

    def __init__(
        self, blocks: list[Block], need: Need, holds: Callable[[Item | Paragraph], bool]
    ) -> None:
        self._blocks = blocks
        self._need = need.entries
        self._unkept = not need.coverable
        self._seen: set[int] = set()
        self._taken = [0, 0]  # entries and skips already looked at
        self._checked = 0
        left = [0] * (len(blocks) + 1)
        for i in range(len(blocks) - 1, -1, -1):
            left[i] = left[i + 1] + _capacity(blocks[i], holds)
        self._left = left

    def short(self, at: int, found: Found) -> bool:
        """Whether the reading, at block ``at``, surely ends short and cannot be kept."""
        if len(found.entries) + self._left[at] >= self._need:
            return False
        if not self._unkept:
            entries, skipped = found.entries[self._taken[0] :], found.skipped[self._taken[1] :]
            self._taken = [len(found.entries), len(found.skipped)]
            if any(entry.venue is None for entry in entries):
                self._unkept = True  # kept for covering only with every entry named
            self._seen.update(entry.line for entry in entries)
            self._seen.update(line for line, _ in skipped)
            # Blocks read before ``at`` gain no entry later: their lines are theirs alone.
            if not covered(self._blocks[self._checked : at], self._seen):
                self._unkept = True
            self._checked = at
        return self._unkept


def _capacity(block: Block, holds: Callable[[Item | Paragraph], bool]) -> int:
    """The most entries a seed reading can find in ``block``: one per bullet that may hold one."""
    if isinstance(block, Heading):
        return 0
    if isinstance(block, Paragraph):
        return int(holds(block))
    count = 0
    stack = [block]
    while stack:
        item = stack.pop()
        count += holds(item)
        stack.extend(item.children)
    return count
