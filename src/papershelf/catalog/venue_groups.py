"""A venue whose qualifier stands in parentheses before its year: ``EMNLP (Findings) 2023``.

The parentheses set the qualifier apart as a remark after the year would be: the venue is
EMNLP 2023, Findings a remark on it.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue_text import VenueGuess, parse_venue

_MIDDLE_GROUP = re.compile(r"([^()]{2,60}?)\s*\(([^()]{2,40})\)\s*([^()]{2,12})")


def grouped_venue(text: str) -> VenueGuess | None:
    """The venue of ``Name (Qualifier) Year``, else None (the group must read as a qualifier)."""
    if "(" not in text or len(text) > _LONGEST:
        return None
    found = _MIDDLE_GROUP.fullmatch(text.strip())
    if found is None:
        return None
    venue = parse_venue(f"{found[1]} {found[3]} {found[2]}", need_year=True)
    return venue if venue is not None and venue.remark else None


_LONGEST = 120
