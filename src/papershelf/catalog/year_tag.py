"""A leading tag written ``[Name'YY]``: a venue the lists of known names may not hold.

``[Electronics'24] [Title](url)`` beside ``[ISCA'24] [Title](url)``: the apostrophe and two
digits are how the list writes a venue and its year, whatever the name; the year is kept
with the name as written rather than lost.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue import full_year
from papershelf.catalog.venue_text import VenueGuess

_NAME_YY = re.compile(r"^(?P<name>[A-Z][A-Za-z]{2,24})\s?['’](?P<yy>\d{2})$")


def named_year_tag(tag: str) -> VenueGuess | None:
    """``Electronics'24`` -> Electronics 2024; ``Preprints’23`` -> Preprints 2023; else None."""
    m = _NAME_YY.match(tag.strip())
    if m is None:
        return None
    return VenueGuess(m.group("name"), full_year(m.group("yy")))
