"""``Title. Z Wang, et al. USENIX Security 23``: the title first, then its authors, then the venue.

Notes kept while reading for a thesis name each paper by its title, a stop, the first
author as an initial and a surname (``et al.`` for the others), another stop and the venue
with its year, the link after it. A careful reader takes the names for the authors (no part
of the title) and the venue with its two-digit year for where and when it appeared. The
names must read as names: initials and a surname, two or more of them or the first with
``et al.``; ``Title. A Survey. OSDI 2020`` names nobody.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation
from papershelf.catalog.venue_text import parse_venue

_NAME = r"(?:[A-Z]\.?\s?){1,2}[A-Z][a-z][\w'’-]*"
"""``Z Wang``, ``J. Dileo``, ``JA Smith``: initials, then a capitalised surname."""
_CITE = re.compile(
    rf"(?P<title>\S.{{6,}}?[^\s.])\.\s+"
    rf"(?P<names>{_NAME}(?:(?:\s*,\s*{_NAME})+(?:\s*,?\s+et\s+al)?|\s*,?\s+et\s+al))\.\s+"
    r"(?P<venue>[^\s.].*?)[\s.]*$"
)
_QUICK = re.compile(r"\.\s+[A-Z]\.?\s?[A-Z]?\.?\s?[A-Z][a-z]")
"""A stop, then what may start a name: most texts have none and stop here."""


def title_names_venue(text: str) -> Citation | None:
    """The citation in ``Title. Z Wang, et al. USENIX Security 23``, else None."""
    if _QUICK.search(text) is None:
        return None
    m = _CITE.match(text.strip())
    if m is None:
        return None
    venue = parse_venue(m.group("venue"), need_year=True)
    if venue is None or venue.year is None:
        return None
    names = m.group("names")
    return Citation(names, m.group("title"), f"{venue.name} {venue.year}", venue.year)
