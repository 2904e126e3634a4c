"""A plain title followed by its venue and year, then its links: ``Title ICDM2018 [Paper](url)``.

Lists written in a hurry put the venue straight after the title, with no bracket, comma or
stop between them, and often no space before the year. Only a venue series the reader knows
(``SIGIR``, ``arXiv``) or an acronym that reads as a venue (``ICDM``) is taken: a title may
well end in a word and a year of its own.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue import SERIES_CASE
from papershelf.catalog.venue_text import KNOWN, parse_venue

_TAIL = re.compile(r"\s+(?P<name>[A-Za-z][A-Za-z-]{1,15}?)\s?'?(?P<year>(?:19|20)\d{2})\s*$")
_ACRONYM = re.compile(r"[A-Z]{3,8}")
_MIN_TITLE_WORDS = 3


def title_then_venue(text: str) -> tuple[str, str] | None:
    """(title, venue) when ``text`` ends in a known venue and a year; None otherwise."""
    if not text[-1:].isdigit():
        return None
    m = _TAIL.search(text)
    if m is None:
        return None
    name = SERIES_CASE.get(m.group("name").casefold(), m.group("name"))  # "Arxiv2022"
    venue = f"{name} {m.group('year')}"
    if name.casefold() not in KNOWN and not (_ACRONYM.fullmatch(name) and parse_venue(venue)):
        return None
    title = text[: m.start()].rstrip(" ,-–")
    if len(title.split()) < _MIN_TITLE_WORDS:
        return None
    return title, venue
