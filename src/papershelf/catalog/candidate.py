"""One candidate entry of a list, before anything decides whether it is a paper."""

from __future__ import annotations

from dataclasses import dataclass, field

from papershelf.catalog.spans import Span


@dataclass(slots=True)
class Candidate:
    """Something a list may hold a paper in, with what surrounds it."""

    kind: str
    """``item``, ``row``, ``paragraph``, ``heading`` or ``html``."""
    line: int
    spans: list[Span]
    headings: tuple[tuple[int, str], ...] = ()
    """Enclosing headings as (level, text), outermost first."""
    details: list[tuple[int, list[Span]]] = field(default_factory=list)
    """(line, spans) of what belongs to it: an item's further paragraphs, a heading's body."""
    children: list[Candidate] = field(default_factory=list)
    """Nested list items; for a heading, the candidates of its body."""
    row: list[tuple[str, list[Span]]] = field(default_factory=list)
    """A table row's cells as (column header, spans)."""
    level: int = 0
    """A heading's level."""
    quoted: bool = False
    """A paragraph inside a quote (``> IoT Security``: a session's name, an aside)."""
