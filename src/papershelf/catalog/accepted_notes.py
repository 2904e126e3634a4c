"""Where a preprint was accepted, as its comment says: ``Accepted to Journal of Systems ...``.

A digest of new arXiv papers copies each paper's comment beside it (``6 pages, 1 figure, to
be published in ACMSE 2025``, ``Accepted in the MLSys'22 Workshop on Cloud Intelligence``,
``This paper has been accepted for publication by 20th IEEE International Conference on ...
(ICMLA 2021)``). A careful reader files the paper under the venue that accepted it; a paper
only submitted somewhere (``Submitted to IEEE TPDS``) has no venue yet.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue_text import VenueGuess, parse_venue

_ACCEPTED = re.compile(
    r"\b(?:accepted|published|to\s+appear)(?:\s+for\s+publication)?\s+(?:at|in|by|to|on)\s+"
    r"(?:the\s+)?(?:\d{1,3}(?:st|nd|rd|th)\s+)?(?P<venue>[^.;,]{2,120})",
    re.IGNORECASE,
)
_GROUP = re.compile(r"\(([^()]{2,40})\)")
_NAME_YY_WORKSHOP = re.compile(r"(\S+?['’]\d{2})\s+(workshops?)\b", re.IGNORECASE)
_NAMED = re.compile(r"[A-Z][\w&-]*(?:\s+(?:[A-Z][\w&-]*|on|of|and|for|in|&)){1,9}", re.UNICODE)
_VENUE_WORD = re.compile(r"\b(?:journal|transactions|conference|symposium|proceedings)\b", re.I)
_HINTS = ("ccept", "ublish", "ppear")


def accepted_venue(text: str) -> VenueGuess | None:
    """The venue a comment says accepted (or published) the paper, else None."""
    if not any(hint in text for hint in _HINTS):
        return None  # most comments: pages and figures
    found = _ACCEPTED.search(text)
    if found is None:
        return None
    said = found["venue"].strip()
    for inner in _GROUP.findall(said):  # "... Applications (ICMLA 2021)"
        if (short := parse_venue(inner, need_year=True)) is not None:
            return short
    if (direct := parse_venue(said)) is not None:
        return direct
    if (workshop := _NAME_YY_WORKSHOP.match(said)) is not None:  # "MLSys'22 Workshop on ..."
        held = parse_venue(workshop[1], need_year=True)
        return VenueGuess(held.name, held.year, workshop[2]) if held else None
    named = _NAMED.match(said)
    if named is not None and _VENUE_WORD.search(named[0]):
        return VenueGuess(named[0].strip(), None)  # "Journal of Systems Architecture"
    return None
