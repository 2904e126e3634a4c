"""A venue mark written before a title and joined to it: ``ICSE20' Title``, ``SOSP'03-Title``.

Reading logs and conference lists name each paper's venue and year first, in a short mark
glued to the title: the acronym, the year's two digits and an apostrophe on either side of
them, then a space or a dash. The mark is the entry's venue, no part of its title.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue_text import VenueGuess, parse_venue

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


_DASHES = re.compile(r"\s+--\s+")
"""A spaced double dash between an entry's fields: ``SoCC 2016 -- Title -- a note``."""
_DASH_LOOK = 48
_DASH_TITLE_WORDS = 3


def dash_marked(text: str) -> tuple[str, str, list[str]] | None:
    """(venue, title, notes) of ``Eurosys 2017 -- Pado: A Data ... -- not released yet``.

    The venue leads, the fields after it are the title and notes on it: the title is the
    longest (``` `Cloud + AI` -- Proteus: agile ML elasticity ...``` puts a topic first). Only
    a lead that names a venue counts (with its year, or arXiv), and a title of three words.
    """
    if "--" not in text[:_DASH_LOOK]:
        return None  # cheap: most titles have no double dash near their start
    fields = [f.strip() for f in _DASHES.split(text)]
    if (
        len(fields) < 2
        or not fields[0]
        or (fields[0].casefold() != "arxiv" and field_venue(fields[0]) is None)
    ):
        return None
    title = max(fields[1:], key=lambda f: len(f.split()))
    if len(title.split()) < _DASH_TITLE_WORDS:
        return None
    return fields[0], title, [f for f in fields[1:] if f is not title and f.strip(" .,")]


def field_venue(field: str) -> VenueGuess | None:
    """The venue and year one field of an entry names, a note in parentheses left out.

    ``Mobidata 2015 (Workshop)`` is Mobidata 2015; the field before a title, or before its
    other fields (``dash_marked``, ``entry_venue.lead_venue``).
    """
    return parse_venue(field.partition("(")[0].strip(), need_year=True)
