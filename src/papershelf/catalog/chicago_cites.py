"""Where a paper appeared, cited the Chicago way after its quoted title.

A journal: ``Journal Name 34, no. 2 (2006): 16-28.`` (the journal, its volume, the issue
after ``no.``, the year in parentheses, the pages after a colon). A careful reader takes the
journal and the year in parentheses; the volume (``34``) is no year, though it sits where a
short-year tag would.

A conference: ``In Proceedings of the fourth annual ACM symposium on ..., pp. 272-285. IEEE,
1992.`` The proceedings' name is the venue, without ``Proceedings of the``, its ordinal and
its year; the publisher before the year (``IEEE``, ``IOP Publishing``) is none.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue_text import VenueGuess, parse_venue

_ISSUE = re.compile(
    r"\s*(?P<journal>[A-Z][^()\d]{2,120}?)(?:\s+\((?P<short>[A-Z][A-Za-z]{1,10})\))?"
    r"\s+\d{1,4}(?:\s*,\s*no\.\s*[\d.]{1,9})?\s*"
    r"\(\s*(?P<year>(?:19|20)\d{2})\s*\)\s*:\s*[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?[\s.]*"
)
_IN_PAGES = re.compile(
    r"\s*In\s+(?P<name>[^()]{6,200}?),\s+(?:vol\.\s*\d+,\s*no\.\s*\d+,\s*)?pp?\.\s*"
    r"[A-Za-z]?\d+(?:\s*[-–]\s*\d+)?\.\s*(?:[A-Z][^.,\d]{1,40},\s*)?"
    r"(?P<year>(?:19|20)\d{2})[\s.]*"
)
_PROCEEDINGS = re.compile(r"^(?:the\s+)?proceedings\s+of\s+(?:the\s+)?|^the\s+", re.I)
_ORDINAL = re.compile(
    r"\b(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth)\s+(?:annual\s+)?",
    re.I,
)
_YEAR_WORD = re.compile(r"(?:^|\s)(?:19|20)\d{2}(?=\s)")
_HELD = re.compile(r"\s*[:,]\s*held\s+in\s+conjunction\b.*$", re.I)


def chicago_venue(rest: str) -> VenueGuess | None:
    """The journal or proceedings a Chicago citation names after its title, else None."""
    if rest.lstrip()[:3] == "In " and (m := _IN_PAGES.fullmatch(rest)) is not None:
        return _proceedings(m.group("name"), int(m.group("year")))
    if "):" not in rest and ") :" not in rest:
        return None  # cheap: most entries have no year in parentheses before pages
    m = _ISSUE.fullmatch(rest)
    if m is None:
        return None
    return VenueGuess(m.group("journal").strip(" ,"), int(m.group("year")))


def _proceedings(name: str, year: int) -> VenueGuess | None:
    """``Proceedings of the 2nd international workshop on X: held in ...`` -> Workshop on X."""
    name = _HELD.sub("", name)
    if "," in name and ". " in name.split(",", 1)[1]:
        # "... Cluster Computing and the Grid, 2004. CCGrid 2004.": the short name given too
        return parse_venue(name.rsplit(". ", 1)[1].rstrip(" ."), need_year=True)
    name = _ORDINAL.sub("", _YEAR_WORD.sub(" ", _PROCEEDINGS.sub("", name.strip())))
    name = " ".join(name.split())
    if len(name.split()) < 2:
        return None
    return VenueGuess(name[:1].upper() + name[1:], year)
