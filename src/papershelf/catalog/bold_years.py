"""A venue in bold and its year in a bold run of its own: ``**arxiv**, **2023**``.

Reading logs generated from a reference manager write ``**Title**. Names et.al. **FAST**,
**2025**, ([pdf](...))``: the venue and the year are two fields side by side, each in bold.
A careful reader dates the venue by the year beside it; a venue that carries its own year
(``**ASPLOS25**, **2024**``: the preprint's date after it) keeps its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from papershelf.catalog.spans import Span
from papershelf.catalog.venue_text import VenueGuess

_DATE = re.compile(r"\s*((?:19|20)\d{2})(?:[-/.]\d{1,2}){0,2}\s*")
"""``2023``, ``2024-2-20``: a year, maybe with its month and day."""
_BETWEEN = re.compile(r"[\s,;]*")


def dated_by_next(found: VenueGuess, after: list[Span]) -> VenueGuess:
    """``found`` with the year of the next bold or code run, when only a comma stands between."""
    if found.year is not None:
        return found
    for span in after:
        if span.is_link:
            return found
        if span.strong or span.code:
            m = _DATE.fullmatch(span.text)
            return replace(found, year=int(m.group(1))) if m else found
        if not _BETWEEN.fullmatch(span.text):
            return found
    return found
