"""A bracket tag that gives the year before the venue: ``[1991 SOSP] **Title**``.

Lists kept in year order write each entry's mark year first (``[2016 ATC]``, ``[2015
HotStorage]``); a paper that appeared twice names both (``[1987 SOSP & 1988 TOCS]``), and a
careful reader takes the first, where it first appeared. The tag is a venue only when what
follows the year reads as one: ``[2007 Ph.D. thesis@UCSC]`` names none.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue_text import VenueGuess, parse_venue

_YEAR_LED = re.compile(r"((?:19|20)\d{2})\s+([A-Za-z][^&]{0,40}?)\s*(?:&.*)?")


def year_led_tag(tag: str) -> VenueGuess | None:
    """``1991 SOSP`` -> SOSP 1991; ``1987 SOSP & 1988 TOCS`` -> SOSP 1987; else None."""
    if not tag[:1].isdigit():
        return None  # most tags: settled without a pattern
    m = _YEAR_LED.fullmatch(tag.strip())
    if m is None:
        return None
    return parse_venue(f"{m.group(2)} {m.group(1)}", need_year=True)
