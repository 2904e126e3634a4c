"""A group after a linked title that dates it: ``(Science, 2011)``, ``(2026, Journal Name)``.

``[Title](url) (Nature, 2024)``, ``(IEEE ToQE, 2025)``, ``(Computer, 2006)``: a journal's name
and the year, the way a reading list gives where a paper appeared. A careful reader tells a
journal from an author in ``(Lamport, 1978)`` by the name: a journal named by a word of its
own (``Nature``, ``Science``), a short name in capitals (``QC``, ``TQE``), or a publication
word (``Computer``, ``Review``) is no person. ``(2026, Future Generation Computer Systems)``
gives the two the other way round.

``(2025, by IBM)``, ``(2025, MQSS)`` and ``(2025) (By IBM)`` date the paper and name who made
it: the year is the paper's, the rest no venue. So do ``(DP Reed 1978)`` and ``(JM Faleiro, DJ
Abadi 2015)``: names written initials first, then the year; ``DP Reed`` is no venue.
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


# "DP Reed", "MJ Cahill", "U Röhm", "A. Adya": initials, then the family name
_INITIALED = r"[A-Z]{1,3}\.?\s[^\W\d_][\w'’-]*"
_INITIALS = re.compile(r"[A-Z]{1,3}\.?")
_NAMES_YEAR = re.compile(
    rf"\s*\(({_INITIALED}(?:,\s*{_INITIALED}){{0,12}}(?:\s+et\s+al\.?)?),?\s+((?:19|20)\d{{2}})\)"
)


def names_year(rest: str) -> tuple[int, int] | None:
    """(the year, where the group ends) for ``(DP Reed 1978)`` opening the rest, else None."""
    m = _NAMES_YEAR.match(rest) if rest[:4].lstrip().startswith("(") else None
    if m is None:
        return None
    words = m.group(1).replace(",", " ").split()
    families = [w for w in words if not _INITIALS.fullmatch(w) and w not in ("et", "al", "al.")]
    if any(journal_named(w) for w in families):
        return None  # "(ACM Queue 2018)": a journal's name, not a person's
    return int(m.group(2)), m.end()


def after_names(rest: str) -> str:
    """The rest after a names-and-year group that opens it (no venue there)."""
    found = names_year(rest)
    return rest[found[1] :] if found is not None else rest


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
    """The year of a group that opens the rest after a title, with a note or names."""
    m = _DATED.match(rest) if rest[:4].lstrip().startswith("(") else None
    if m is not None:
        return int(m.group(1))
    found = names_year(rest)
    return found[0] if found is not None else None
