"""A venue and year named inside a longer text: ``Papers of Interest in SIGCOMM 22``.

A section's heading or a title's commentary may name a known series with its year among
other words; only a known series counts, so a title's own words are no venue.
"""

from __future__ import annotations

from papershelf.catalog.venue_text import APOS, KNOWN, VenueGuess, parse_venue


def venue_named_in(text: str) -> VenueGuess | None:
    """A venue and year inside a longer title: ``Papers of Interest in SIGCOMM 22``."""
    words = text.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i].strip(APOS + ",.").casefold() in KNOWN and i + 1 < len(words):
            found = parse_venue(f"{words[i]} {words[i + 1]}", need_year=True)
            if found is not None:
                return found
        glued = parse_venue(words[i].replace("-", " "), need_year=True)  # "SC24", "Micro-2020"
        if glued is not None and glued.name.casefold() in KNOWN:
            return glued
    return None
