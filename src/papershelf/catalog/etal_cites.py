"""``Surname et al., Title, VENUE'YY.``: a course's reading list names the first author only.

Reading lists copied from a syllabus write each paper as the first author's surname and
``et al.``, a comma, the title, and after its last comma the venue and year (``SIGMOD'20``)
or the year alone (``2009``). The names are no part of the title; the tail is no part of it
either. A title may hold commas of its own (``One Step Forward, Two Steps Back``): only the
last comma group is the tail, and only when it reads as a venue or a year.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation, last_year
from papershelf.catalog.fields import word_count
from papershelf.catalog.venue_text import parse_venue

# "Armbrust et al., ", "Lagar-Cavilla et al., ", "Van Aken et al., "; "*Name et al." (a mark).
_ETAL = re.compile(
    r"\*?(?P<names>[A-Z][\w'’-]{0,30}(?:\s+[A-Z][\w'’-]{0,30})?)\s+et\s+al\.?,\s+"
    r"(?P<body>\S.*)$"
)
_YEAR = re.compile(r"(?:19|20)\d{2}")
_LOOK = 48
"""How far into the text ``et al`` may be: a cheap test before the pattern."""


def etal_cited(text: str) -> Citation | None:
    """The citation in ``Surname et al., Title, Venue'YY.``, else None."""
    if " et al" not in text[:_LOOK]:
        return None
    m = _ETAL.match(text.strip())
    if m is None:
        return None
    body = m.group("body").rstrip(" .")
    head, comma, tail = body.rpartition(", ")
    tail = tail.strip()
    venue = parse_venue(tail, need_year=True) if comma else None
    year = venue.year if venue is not None else last_year(tail) if comma else None
    if year is None or (venue is None and _YEAR.fullmatch(tail) is None):
        return Citation(m.group("names"), body, "", None) if word_count(body) >= 2 else None
    if word_count(head) < 2:
        return None
    named = tail if venue is None else f"{venue.name} {year}"  # "CIDR'19": CIDR 2019
    return Citation(m.group("names"), head, named, year)


# "Title, Mahmood et al": the first author after the title, before its year.
_ETAL_TAIL = re.compile(r",\s+(?P<name>[A-Z][\w'’-]{1,30})\s+et\s+al\.?\s*$")


def etal_tail(head: str) -> tuple[str, tuple[str, ...]]:
    """``Title, Mahmood et al`` -> (``Title``, (``Mahmood et al``,)); else (head, ())."""
    if "et al" not in head:
        return head, ()  # cheap: most titles credit no one
    m = _ETAL_TAIL.search(head)
    if m is None or word_count(head[: m.start()]) < _TAIL_TITLE_WORDS:
        return head, ()
    return head[: m.start()], (f"{m.group('name')} et al",)


_TAIL_TITLE_WORDS = 3
