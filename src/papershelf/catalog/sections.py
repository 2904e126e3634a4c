"""What the headings above an entry tell a reader: its topics, its venue, a section to pass by.

``## OSDI 2024`` names the venue of everything under it; ``#### 2025`` over ``##### USENIX
Security`` does too, between them; other headings are topics. ``## Contributing`` and the
sections under it say how to add entries: their examples are no entries.
"""

from __future__ import annotations

import functools
import re

from papershelf.catalog.candidate import Candidate
from papershelf.catalog.honoured_years import honoured_edition
from papershelf.catalog.spans import text_of
from papershelf.catalog.venue_headings import (
    DATE_HEADING,
    YEAR_HEADING,
    dated,
    glued_year,
    heading_series,
    series_name,
)
from papershelf.catalog.venue_named import venue_named_in
from papershelf.catalog.venue_text import VenueGuess, parse_venue

Headings = tuple[tuple[int, str], ...]


def heading_venue(text: str) -> VenueGuess | None:
    """A heading or document title naming a venue: ``MLSys 2025``, ``... in SIGCOMM 22``.

    ``26th USENIX Security Symposium 2017: Vancouver, BC, Canada``: an edition's number
    before a name and a year says the name is a venue's, its place after them no part of it.
    """
    found = parse_venue(text, need_year=True) or venue_named_in(text)
    if found is None and (m := _EDITION.search(text)) is not None:
        found = parse_venue(f"{m.group('name')} {m.group('year')}", need_year=True)
    return found if found is None else honoured_edition(text, found)


_EDITION = re.compile(
    r"\b\d{1,3}(?:st|nd|rd|th)\s+(?P<name>[^\s:|,()][^:|,()]{0,60}?)\s+(?P<year>(?:19|20)\d{2})\b"
)
"""``28th USENIX Security Symposium 2019``, ``40th S&P 2019``: the edition, series and year."""


def section_of(
    headings: Headings, title_venue: VenueGuess | None
) -> tuple[tuple[str, ...], VenueGuess | None]:
    """Topics and venue from the headings above an entry (outermost first)."""
    venue = title_venue
    topics: list[str] = []
    named = False
    series: tuple[str, str] | None = None  # the name a heading gives, and the heading's text
    year: int | None = None
    for level, text in headings:
        found = heading_venue(text) if text else None
        if found is not None:
            venue, named = found, True
            continue
        if YEAR_HEADING.fullmatch(text):
            year = int(text)
        elif series is not None and (glued := glued_year(text, series[0])) is not None:
            year = glued  # "## S&P" over "### sp2024": the series' letters and the year
        elif text and (name := series_name(text)) is not None:
            series = (name, text)
        if text and level > 1:
            topics.append(text)
    # "#### 2025" over "##### USENIX Security": the venue of the papers under both
    if series is not None and year is not None and not named and (on := dated(series[0], year)):
        venue = on
        topics = [t for t in topics if t != series[1]]
    return tuple(topics), venue


def under_items(
    section: tuple[tuple[str, ...], VenueGuess | None], path: tuple[str, ...]
) -> tuple[tuple[str, ...], VenueGuess | None]:
    """Topics and venue of an item under category items as well as headings.

    ``- **ISSTA 2022**`` over nested titles names their venue as ``## ISSTA 2022`` would;
    the innermost category naming one wins, and its name stays a topic as written.
    """
    topics, venue = section
    if not path:
        return topics, venue
    for name in path:
        if (found := _item_venue(name)) is not None:
            venue = found
    return (*topics, *path), venue


@functools.lru_cache(maxsize=256)
def _item_venue(name: str) -> VenueGuess | None:
    """A category item's whole text naming a venue and year (``ISSTA 2022``), else None."""
    return parse_venue(name, need_year=True) if len(name) <= 40 else None


_PUBLISHERS = frozenset({"acm", "ieee", "usenix"})
"""Who prints many series: ``# ACM`` over a table names no venue of its own."""


def row_series(
    headings: Headings, year: int | None, section: VenueGuess | None
) -> VenueGuess | None:
    """``# CCS`` over a table whose rows give the year (``| Title | ... | 2017 |``): CCS 2017.

    The innermost heading names the series, each row its year; a section whose headings
    already name a venue, a row without a year or a publisher alone (``# ACM``) give none.
    """
    if year is None or section is not None or not headings:
        return None
    name = series_name(headings[-1][1])
    if name is None or name.casefold() in _PUBLISHERS:
        return None
    return dated(name, year)


_HOUSEKEEPING = re.compile(
    r"\W*(?:contributing|contributions?|how\s+to\s+contribute|contributors?|"
    r"commit\s+message\s+format|licen[cs]e|changelog)\W*",
    re.IGNORECASE,
)
"""Sections on keeping the list, not of it: their examples name no papers."""


def is_housekeeping(c: Candidate) -> bool:
    """A heading of a section on keeping the list (``## Contributing``), or one under it."""
    return _HOUSEKEEPING.fullmatch(text_of(c.spans)) is not None or _kept_under(c.headings)


@functools.lru_cache(maxsize=4096)
def _kept_under(headings: tuple[tuple[int, str], ...]) -> bool:
    """Whether a heading above is housekeeping: asked once per heading path, not per heading."""
    return any(_HOUSEKEEPING.fullmatch(t) for _, t in headings)


def below(c: Candidate) -> list[Candidate]:
    """Every candidate under ``c``, in list order."""
    out: list[Candidate] = []
    stack = list(reversed(c.children))
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(reversed(child.children))
    return out


@functools.lru_cache(maxsize=4096)
def heading_year(headings: tuple[tuple[int, str], ...]) -> int | None:
    """The year a heading of only a year or a date (``## 2023``, ``### 2025-05-06``) gives.

    A feed that groups what it lists by day (``### 2025-05-06`` over arXiv links) dates its
    papers by the heading as a year heading does.
    """
    for _, text in reversed(headings):
        if YEAR_HEADING.fullmatch(text):
            return int(text)
        if text[:1].isdigit() and (date := DATE_HEADING.fullmatch(text)):
            return int(date.group(1))
    return None


def innermost_series(headings: Headings) -> str | None:
    """The series the innermost heading names without a year (``### USENIX Security``)."""
    return heading_series(headings[-1][1]) if headings else None
