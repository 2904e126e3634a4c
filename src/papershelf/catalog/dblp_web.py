"""DBLP's web listing copied line by line: ``Names: Title. Venue Year: pages``.

``Jeffrey Dean, Sanjay Ghemawat: MapReduce: Simplified Data Processing on Large Clusters.
OSDI 2004: 137-150`` and, for a journal, ``E. F. Codd: A Relational Model of Data for Large
Shared Data Banks.Commun. ACM 26(1): 64-69 (1983)``: the names end at the first colon, the
title at the stop before the venue (copied text often loses the space after it), and the
venue closes the line with its year and pages (a journal's volume and issue, the year in
brackets last). DBLP calls SIGMOD's proceedings ``SIGMOD Conference`` and numbers the
volumes of a series (``DASFAA (2) 2011``): a reader writes SIGMOD 2011, DASFAA 2011.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation, names_like
from papershelf.catalog.fields import word_count

_CONFERENCE = re.compile(
    r"(?P<venue>[A-Z][^:,]{0,60}?)(?:\s+Conference)?(?:\s*\(\d{1,2}\))?\s+"
    r"(?P<year>(?:19|20)\d{2})(?P<pages>:\s*[\d:–-]+)?\s*\.?"
)
_JOURNAL = re.compile(
    r"(?P<venue>[A-Z][^:,]{0,60}?)\s+\d{1,4}(?:\(\d{1,4}\))?:\s*[\d:–-]+\s*"
    r"\((?P<year>(?:19|20)\d{2})\)\s*\.?"
)
_SHORT = re.compile(r"[A-Z]\S*[A-Z]|\.")
"""A DBLP conference's short name (``OSDI``, ``EuroSys``, ``Commun. ACM``): without pages,
a place or season beside a year (``Google 2023``, ``Spring 2022``) names no venue."""
_STOP = re.compile(r"\.(?!\d)")
_JOINED = re.compile(r"\s(?:and|&)\s")
"""``Traps and Pitfalls``: DBLP separates its names by commas only."""
_MAX_VENUE_WORDS = 6
_MAX_NAME_WORDS = 5
_MIN_TITLE_WORDS = 2


def dblp_web_cited(text: str) -> Citation | None:
    """The citation of a line in DBLP's web style, else None."""
    if ":" not in text or text.rstrip(" .")[-1:] not in "0123456789)":
        return None  # cheap: most lines do not close with a year or pages
    text = " ".join(text.split())
    names, _, body = text.partition(":")
    if not _names(names):
        return None
    for stop in _STOP.finditer(body):
        title, tail = body[: stop.start()].strip(), body[stop.end() :].strip()
        m = _CONFERENCE.fullmatch(tail) or _JOURNAL.fullmatch(tail)
        if m is None or word_count(m.group("venue")) > _MAX_VENUE_WORDS:
            continue
        if m.re is _CONFERENCE and not m.group("pages") and not _SHORT.search(m.group("venue")):
            continue  # "Invited Talk: ... Google 2023", "... Spring 2022": no DBLP venue
        if word_count(title) >= _MIN_TITLE_WORDS:
            venue = f"{m.group('venue').strip()} {m.group('year')}"
            return Citation(names.strip(), title, venue, int(m.group("year")))
    return None


def _stop_after_word(word: str) -> bool:
    """``Reed.`` in ``B. Reed. ZooKeeper``, ``等.``: a sentence's stop, not an initial's."""
    return word.endswith(".") and not (len(word) == 2 and word[0].isupper())


def _names(text: str) -> bool:
    """``Jeffrey Dean, Sanjay Ghemawat``, ``E. F. Codd``: full names and commas, no digits."""
    if not text.strip() or any(ch.isdigit() for ch in text) or _JOINED.search(text):
        return False
    if any(_stop_after_word(word) for word in text.replace(".", ". ").split()):
        return False
    if not names_like(text):
        return False
    return all(2 <= len(name.split()) <= _MAX_NAME_WORDS for name in text.split(","))
