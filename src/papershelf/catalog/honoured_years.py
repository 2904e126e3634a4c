"""A test-of-time award honours papers of an earlier edition: their year is not the award's.

``NeurIPS 2023 Test of Time Award (Papers from 2013)``: the papers listed under it are NeurIPS
papers of 2013. When the heading does not say which edition's papers it honours, their year is
not known (the award's year would be wrong for every one of them).
"""

from __future__ import annotations

import re
from dataclasses import replace

from papershelf.catalog.venue_text import VenueGuess

_TEST_OF_TIME = re.compile(r"test[\s-]+of[\s-]+time", re.IGNORECASE)
_FROM = re.compile(
    r"\bpapers?\s+(?:published\s+)?(?:from|of|in)\s+(?:the\s+)?((?:19|20)\d{2})\b", re.IGNORECASE
)


def honoured_edition(text: str, found: VenueGuess) -> VenueGuess:
    """``found`` with the honoured papers' year when ``text`` names a test-of-time award."""
    if "ime" not in text or _TEST_OF_TIME.search(text) is None:
        return found  # cheap: most headings name no such award
    m = _FROM.search(text)
    return replace(found, year=int(m.group(1)) if m else None)
