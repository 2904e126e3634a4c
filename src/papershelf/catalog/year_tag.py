"""Years written beside a title: a ``[Name'YY]`` tag, a ``(1997)`` right after the title.

``[Electronics'24] [Title](url)`` beside ``[ISCA'24] [Title](url)``: the apostrophe and two
digits are how the list writes a venue and its year, whatever the name; the year is kept
with the name as written rather than lost (a ``Preprints'23`` tag keeps only its year).
``[Title](url) (1997): why read it``: the year in parentheses right after the title.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue import full_year
from papershelf.catalog.venue_text import VenueGuess, parse_venue

# "Electronics'24", "Euro-Par'15", "Berkeley TechRpts'16": a name of one or two words.
_NAME_YY = re.compile(
    r"^(?P<name>[A-Z][A-Za-z]{2,24}(?:-[A-Z][A-Za-z]{1,24}|\s[A-Z][A-Za-z]{1,24})?)"
    r"\s?['’](?P<yy>\d{2})$"
)


def named_year_tag(tag: str) -> VenueGuess | None:
    """``Electronics'24`` -> Electronics 2024; ``Preprints’23`` -> Preprints 2023; else None."""
    m = _NAME_YY.match(tag.strip())
    if m is None:
        return None
    if (doc := parse_venue(f"{m.group('name')} {m.group('yy')}")) is not None and not doc.name:
        return doc  # "Preprints'23": what the paper is, not a venue
    return VenueGuess(m.group("name"), full_year(m.group("yy")))


_LEAD_YEAR = re.compile(r"\s*\(\s*((?:19|20)\d{2})\s*\)(?=\s*(?:$|[:,.;\-–—]|and\b))")


_COMMA_YEAR = re.compile(r"\s*,\s*((?:19|20)\d{2})(?:\s*/\s*(?:19|20)\d{2})?(?=\s*(?:$|[:.;]))")


def lead_year(rest: str) -> int | None:
    """The year that opens the rest after a title: ``(1997): This paper ...``, ``, 1964:``.

    ``Peter J. Landin, [The Next 700 Programming Languages][3], 1966: ISWIM family ...``;
    ``, 1972 / 1998:`` (a reprint's year second) is the first.
    """
    head = rest[:4]
    if "(" in head:
        m = _LEAD_YEAR.match(rest)
    elif "," in head:
        m = _COMMA_YEAR.match(rest)
    else:
        return None
    return int(m.group(1)) if m else None


_TITLE_YEAR = re.compile(r"\s*\(\s*((?:19|20)\d{2})\s*\)\s*$")


def title_year(title: str) -> tuple[str, int | None]:
    """``Everything You Always Wanted to Know ... (2017)``: the title and the year it ends with."""
    if not title.rstrip().endswith(")"):
        return title, None
    m = _TITLE_YEAR.search(title)
    return (title[: m.start()], int(m.group(1))) if m else (title, None)


_TRAILING = re.compile(r"(?:^|[\s,(])((?:19|20)\d{2})[\s.)*_]*$")


def trailing_year(rest: str) -> int | None:
    """``[Title](notes.md), 2014``: a year closing the entry, where it names no venue."""
    end = rest.rstrip(" .)*_\t\n")
    if not end[-1:].isdigit():
        return None
    m = _TRAILING.search(end)
    return int(m.group(1)) if m else None
