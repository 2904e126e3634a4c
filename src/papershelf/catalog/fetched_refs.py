"""A reference manager's additions to a citation: where to fetch it, a short name after a dash.

``Dreyer, D. (2005). Understanding ... (Carnegie Mellon University). Retrieved from https://...``:
``Retrieved from`` says where the text can be had, never where it appeared; ``Haskell Workshop.
Retrieved from ...`` appeared at the Haskell Workshop. ``Proceedings of the 38th ACM SIGPLAN
Conference on Programming Language Design and Implementation - PLDI 2017, 525–539``: the
proceedings' long name, then the short name and year a reader writes (PLDI 2017).
"""

from __future__ import annotations

import re

from papershelf.catalog.venue import full_year
from papershelf.catalog.venue_text import VenueGuess

_FETCHED = re.compile(
    r"[.,]?\s*\b(?:retrieved|available)\s+(?:online\s+)?(?:from|at)\b:?.*$", re.IGNORECASE
)
_DASHED_SHORT = re.compile(
    # "Vol 11", "No 12", "Chapter 12" after a dash: a volume, an issue, a chapter, no venue
    r"\s[-–]\s(?!(?i:vol|volume|no|nr|number|issue|chapter|ch|part|pages?|pp|article|art"
    r"|suppl|supplement|series|edition|ed|book|section|sec|vols?)\b)"
    r"(?P<name>[A-Z][A-Za-z]{1,11})"
    r"\s*['’]?\s*(?P<yy>(?:19|20)\d{2}|\d{2})\b"
)


def without_fetched(text: str) -> str:
    """``text`` without its closing ``Retrieved from ...`` (or ``Available at ...``)."""
    if "etrieved" not in text and "vailable" not in text:
        return text  # cheap: most citations say nothing of where to fetch them
    return _FETCHED.sub("", text)


def dashed_short(rest: str) -> VenueGuess | None:
    """``... Implementation - PLDI 2017, 525–539``, ``... - ICFP ’07``: the short name, dated."""
    if " - " not in rest and " – " not in rest:
        return None
    m = _DASHED_SHORT.search(rest)
    return VenueGuess(m.group("name"), full_year(m.group("yy"))) if m else None
