"""Bullets written too far in to be list items: ``  100. Candidates`` then ``    - SoCC ...``.

Markdown reads a line indented four spaces or more past its list as the text above it
continued, so ``- SoCC 2016 -- [ReStream](...)`` under ``100. Candidates`` joins that item's
text. A reader sees a bullet on each line: each is an item of its own under the one above.
"""

from __future__ import annotations

import re

from papershelf.catalog.spans import Span, split_lines

_BULLET = re.compile(r"^\s*[-*+]\s+(?=\S)")
_JOINED = re.compile(r"\n\s*[-*+]\s")
"""A line of the block's source that opens with a bullet: a cheap test before the spans."""


def lazy_bullets(content: str, spans: list[Span]) -> list[tuple[int, list[Span]]] | None:
    """(line offset, spans) of the first line, then of each bullet line; None if none.

    The bullet's marker is dropped; a line that is no bullet stays with the one above it.
    """
    if "\n" not in content or _JOINED.search(content) is None:
        return None
    lines = split_lines(spans)
    out: list[tuple[int, list[Span]]] = []
    for offset, line in enumerate(lines):
        first = line[0]
        mark = None if first.is_link or first.badge else _BULLET.match(first.text)
        if mark is None and out:
            out[-1][1].extend([Span("\n", brk=True), *line])
            continue
        if mark is not None:
            rest = first.text[mark.end() :]
            line = (
                [Span(rest, first.href, first.strong, first.emph), *line[1:]] if rest else line[1:]
            )
        out.append((offset, list(line)))
    return out if len(out) > 1 else None
