"""Reading a short excerpt of a real list the way the unseen-list tests check it."""

from __future__ import annotations

from papershelf.catalog.markdown_list import parse_list
from papershelf.catalog.skips import kind_of

Papers = dict[int, tuple[str, str, int | None]]
"""Line -> (title, venue, year) of each paper read."""


def read_excerpt(text: str) -> tuple[Papers, dict[int, str]]:
    """The papers by line, and the kind of each skip by line."""
    parsed = parse_list(text, source="excerpt.md")
    papers = {p.line: (p.title, p.venue, p.year) for p in parsed.papers}
    return papers, {line: kind_of(why) for line, why in parsed.skipped}
