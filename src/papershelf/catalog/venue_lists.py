"""A label over the names of venues, no paper.

``**Security Big 4:** CCS, S&P. Security, and NDSS.``: a reading group's page says which
venues it reads papers from; a careful reader sees a label and a list of series (no title, no
year), not a paper titled by the label.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue_text import KNOWN, parse_venue

_PARTS = re.compile(r"\s*(?:[,;]|\.\s|\band\s)\s*")
_MAX_TEXT = 120
_SHORT = re.compile(r"[A-Z][A-Z&]{1,5}")
"""``S&P``, ``CCS``: a series' short name, all capitals."""


def names_venues(text: str) -> bool:
    """Whether a text only names series: ``OSDI, SOSP, ATC, and EuroSys.``, ``FAST.``.

    Two in three of its parts at least are series (a known name or a venue's shape), and it
    gives no year: ``OSDI 2020`` after a label is that entry's venue.
    """
    text = text.strip()
    if not text or len(text) > _MAX_TEXT or any(ch.isdigit() for ch in text):
        return False
    parts = [p.strip(" .") for p in _PARTS.split(text) if p.strip(" .")]
    if not parts or any(len(p.split()) > 3 for p in parts):
        return False
    known = sum(1 for p in parts if _SHORT.fullmatch(p) or p.casefold() in KNOWN or parse_venue(p))
    return known * 3 >= len(parts) * 2
