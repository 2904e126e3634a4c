"""A short citation closing a title: ``Title (Lamport, CACM 1978)``.

Course schedules name a reading by its title and, in parentheses, its first author's surname
with the venue and year; the venue and year are the paper's, the surname is not part of it.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue_text import VenueGuess, parse_venue

_SURNAME_THEN_VENUE = re.compile(r"^\s*[A-Z][\w'’-]+(?:\s+et\s+al\.?)?\s*,\s*(?P<venue>.+)$")


def surname_venue(inner: str) -> VenueGuess | None:
    """``Lamport, CACM 1978`` -> CACM 1978; ``Castro, OSDI 1999`` -> OSDI 1999; else None."""
    m = _SURNAME_THEN_VENUE.match(inner)
    return parse_venue(m.group("venue"), need_year=True) if m else None
