"""A venue mark written before a title and joined to it: ``ICSE20' Title``, ``SOSP'03-Title``.

Reading logs and conference lists name each paper's venue and year first, in a short mark
glued to the title: the acronym, the year's two digits and an apostrophe on either side of
them, then a space or a dash. The mark is the entry's venue, no part of its title.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue_text import parse_venue

# "ICSE20' Ankou: ...", "OSDI'22-XRP: ...", "PVLDB'23 - An Empirical ...".
_MARK = re.compile(
    r"(?P<name>[A-Za-z][A-Za-z&+]{1,11})\s?(?:['’](?P<y1>\d{2})|(?P<y2>\d{2})['’])"
    r"(?:\s*[-–]\s*|\s+)(?=\S)"
)
_LOOK = 16
"""How far into the title the mark's apostrophe may be: a cheap test before the pattern."""


def venue_mark(text: str) -> tuple[str, str] | None:
    """(mark, title) when ``text`` opens with a venue mark (``ICSE '20``), else None.

    Only a mark that names a venue counts: ``Rock'n Roll`` has no year, ``Gbps'10`` no venue.
    """
    head = text[:_LOOK]
    if "'" not in head and "’" not in head:
        return None
    m = _MARK.match(text)
    if m is None:
        return None
    mark = f"{m.group('name')} '{m.group('y1') or m.group('y2')}"
    if parse_venue(mark, need_year=True) is None:
        return None
    rest = text[m.end() :]
    return (mark, rest) if rest[:1].isalnum() or rest[:1] in '"“' else None
