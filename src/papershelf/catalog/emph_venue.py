"""A venue set in italics between a title and the year closing the entry.

``R. Wang et al., [Title](url), _Proc. VLDB Endowment_, 16(12):3894–3897, 2023.``: the
citation styles of databases and systems courses italicise where the paper appeared and
close with its volume, pages and year. The italic run is the venue's name and the closing
year its year, whatever stands between them; an italic run that reads as no venue (a
book's title, a note) gives nothing.
"""

from __future__ import annotations

import re

from papershelf.catalog.spans import Span
from papershelf.catalog.venue_text import VenueGuess, parse_venue

_CLOSING_YEAR = re.compile(r"(?:^|[\s,(])((?:19|20)\d{2})[\s.)]*$")
_IN = re.compile(r"^\s*in\s+", re.IGNORECASE)
_MAX_NAME = 120


def emphasized_venue(rest: list[Span], rest_text: str) -> VenueGuess | None:
    """The venue an italic run after the title names, dated by the year closing the entry."""
    m = _CLOSING_YEAR.search(rest_text.rstrip())
    if m is None:
        return None
    for span in rest:
        if not span.emph or span.strong or span.is_link:
            continue
        name = _IN.sub("", span.text).strip(" ,.;:")
        if not name or len(name) > _MAX_NAME:
            continue
        found = parse_venue(f"{name} {m.group(1)}", need_year=True)
        if found is not None and found.name:
            return found
    return None
