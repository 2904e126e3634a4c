"""A group after a linked title that dates it: ``(Science, 2011)``, ``(2026, Journal Name)``.

``[Title](url) (Nature, 2024)``, ``(IEEE ToQE, 2025)``, ``(Computer, 2006)``: a journal's name
and the year, the way a reading list gives where a paper appeared. A careful reader tells a
journal from an author in ``(Lamport, 1978)`` by the name: a journal named by a word of its
own (``Nature``, ``Science``), a short name in capitals (``QC``, ``TQE``), or a publication
word (``Computer``, ``Review``) is no person. ``(2026, Future Generation Computer Systems)``
gives the two the other way round.

``(2025, by IBM)``, ``(2025, MQSS)`` and ``(2025) (By IBM)`` date the paper and name who made
it: the year is the paper's, the rest no venue.
"""

from __future__ import annotations

import re

from papershelf.catalog.venue_text import KNOWN, WORD_JOURNALS, VenueGuess, looks_like_venue

_PUBLICATION = re.compile(
    r"\b(?:transactions|journal|proceedings|conference|symposium|workshop|letters|review|"
    r"magazine|communications|computers?|computing|systems|rev|phys|lett)\b",
    re.IGNORECASE,
)
_CAPITALS = re.compile(r"\b[A-Za-z]*[A-Z][a-z]*[A-Z][A-Za-z]*\b")  # QC, ToQE, IEEE
_YEAR_FIRST = re.compile(r"\s*\(\s*((?:19|20)\d{2}),\s*([^()]{2,80}?)\s*\)")
# "(2025)", "(2025, by IBM)", "(2025, MQSS)", "(2025) (By IBM)": the year first, then a note
_DATED = re.compile(r"\s*\(\s*((?:19|20)\d{2})\s*(?:,\s*[^()]{1,80})?\)(?=\s*(?:$|\(|[,.;:]))")


def journal_named(name: str) -> bool:
    """Whether a lone name before a year reads as a journal's, not a person's."""
    name = " ".join(name.split()).strip(" .,")
    if not name or "," in name:
        return False
    folded = name.casefold()
    if folded in WORD_JOURNALS or folded in KNOWN:
        return True
    return bool(_CAPITALS.search(name) or _PUBLICATION.search(name))


def year_first_venue(rest: str) -> VenueGuess | None:
    """``(2026, Future Generation Computer Systems)`` right after a title: its venue and year."""
    m = _YEAR_FIRST.match(rest)
    if m is None or m.group(2).casefold().startswith("by "):
        return None
    name = m.group(2).strip(" .")
    named = name.casefold() in WORD_JOURNALS or _PUBLICATION.search(name) is not None
    if not (named and looks_like_venue(name, with_year=True)):
        return None  # "(2025, MQSS)": the title's own short name, a project's, no venue
    return VenueGuess(name, int(m.group(1)))


def dated_year(rest: str) -> int | None:
    """The year of a group that opens the rest after a title, with or without a note."""
    m = _DATED.match(rest) if rest[:4].lstrip().startswith("(") else None
    return int(m.group(1)) if m else None
