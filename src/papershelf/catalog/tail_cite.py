"""A short citation closing a title: ``Title (Lamport, CACM 1978)``.

Course schedules name a reading by its title and, in parentheses, its first author's surname
with the venue and year; the venue and year are the paper's, the surname is not part of it.
Paper lists write the venue and year with a note (``VLDB 2021 from Tim Kraska``, a
workshop's host venue) or the year first.
"""

from __future__ import annotations

import re
from dataclasses import replace

from papershelf.catalog.fields import authors_in, word_count
from papershelf.catalog.venue_text import VenueGuess, looks_like_venue, parse_venue

_SURNAME_THEN_VENUE = re.compile(r"^\s*[A-Z][\w'’-]+(?:\s+et\s+al\.?)?\s*,\s*(?P<venue>.+)$")


def surname_venue(inner: str) -> VenueGuess | None:
    """``Lamport, CACM 1978`` -> CACM 1978; ``Castro, OSDI 1999`` -> OSDI 1999; else None."""
    m = _SURNAME_THEN_VENUE.match(inner)
    return parse_venue(m.group("venue"), need_year=True) if m else None


# "VLDB 2021 from Tim Kraska": the venue and year, then whose paper it is.
_VENUE_THEN_NOTE = re.compile(r"^\s*(?P<venue>.+?(?:19|20)\d{2})\s+(?P<note>(?:from|by)\s+.+?)\s*$")
# "2018 ArXiv": the year first.
_YEAR_THEN_VENUE = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})\s*,?\s+(?P<venue>[^\d].*?)\s*$")
# "Phd@PVLDB 2018": a track or workshop at the venue.
_AT_VENUE = re.compile(r"^\s*(?P<note>[^\W\d][\w -]{0,30}?)\s*@\s*(?P<venue>.+?)\s*$")


def noted_venue(inner: str) -> VenueGuess | None:
    """``VLDB 2021 from Tim Kraska``, ``2018 ArXiv``, ``Phd@PVLDB 2018`` -> the venue and year.

    The note (``from Tim Kraska``, ``Phd``) becomes the venue's remark.
    """
    if m := _VENUE_THEN_NOTE.match(inner):
        found = parse_venue(m.group("venue"), need_year=True)
        return replace(found, remark=found.remark or m.group("note")) if found else None
    if m := _YEAR_THEN_VENUE.match(inner):
        if "," in inner[: m.start("venue")] and not looks_like_venue(
            m.group("venue"), with_year=False
        ):
            return None  # "2025, ShangHai AI Lab": when, then who made it (``dated_note``)
        return parse_venue(f"{m.group('venue')} {m.group('year')}", need_year=True)
    if m := _AT_VENUE.match(inner):
        found = parse_venue(m.group("venue"), need_year=True)
        return replace(found, remark=found.remark or m.group("note")) if found else None
    return None


# "Distributed and Parallel Databases 2020", "Big Data Research 2021": a journal's name in
# title case, then the year.
_TITLED_VENUE = re.compile(
    r"^\s*(?P<name>(?-i:[A-Z])[\w-]+(?:\s+(?:(?-i:[A-Z])[\w-]+|and|of|on|for|in|the|&)){1,5})"
    r"\s*,?\s+(?P<year>(?:19|20)\d{2})\s*$"
)
# What opens a note on the paper itself, not a venue: "Extended Version 2020".
_NOTE_WORDS = frozenset(
    {"extended", "full", "long", "short", "technical", "version", "draft", "revised", "updated"}
)


def titled_venue(inner: str) -> VenueGuess | None:
    """``Distributed and Parallel Databases 2020`` -> that journal, 2020: a name in title case.

    Only for a group closing a plain title, where lists put the venue; a name opening with
    a note's word (``Extended Version 2020``) is no venue.
    """
    m = _TITLED_VENUE.match(inner)
    if m is None or m.group("name").split()[0].casefold() in _NOTE_WORDS:
        return None
    return VenueGuess(" ".join(m.group("name").split()), int(m.group("year")))


# "(2024)", "(2024, Meta)", "(2024， FangJiarui)", "(2024, NV, Together AI)": a year, then who.
_DATED = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})\s*(?:[,，]\s*(?P<who>[^\d\s].{0,60}?))?\s*$")


def dated_note(inner: str) -> tuple[int, tuple[str, ...]] | None:
    """The year a group closing a title gives, and who made the work: ``(2024, Meta)``.

    Lists of plain titles date each entry so, with the lab or company behind it; a reader
    takes that for the paper's year and its organisations, never for its venue.
    """
    m = _DATED.match(inner)
    if m is None:
        return None
    who = m.group("who") or ""
    return int(m.group("year")), tuple(w.strip() for w in re.split(r"[,，]", who) if w.strip())


_SURNAME = r"[A-Z](?:[a-z]+|['’][A-Z][a-z]+)(?:-[A-Z]?[a-z]+)?"
"""``Ongaro``, ``O'Neil``, ``Lamy-Poirier``: one capitalised word, no capital inside."""
_SURNAMES = re.compile(rf"{_SURNAME}(?:, {_SURNAME})*,? (?:and|&) {_SURNAME}")
_SURNAME_BREAKS = re.compile(r",\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_CREDITED_WORDS = 5
"""Words a plain title credited to surnames needs: ``Stream processors (Spark and Flink)``
names systems, ``In search of an understandable consensus algorithm (Ongaro and
Ousterhout)`` a paper."""


def credited_names(inner: str, title: str) -> tuple[str, ...] | None:
    """The surnames a group closing a long plain title credits it to: ``(Shin and Kim)``.

    Two surnames at least, the last joined by ``and`` or ``&``, each one capitalised word
    (``OpenTelemetry`` is a product's name); a reader takes them for the paper's authors.
    """
    if " and " not in inner and "&" not in inner:
        return None  # cheap: most groups closing a title are no names
    if len(title.split()) < _CREDITED_WORDS or not _SURNAMES.fullmatch(inner.strip()):
        return None
    return tuple(n for n in _SURNAME_BREAKS.split(inner.strip()) if n)


_TILDE = re.compile(r"\s~\s+(?=[A-Z])")
_TILDE_WORDS = 2


def tilde_byline(raw: str) -> tuple[str, tuple[str, ...]] | None:
    """``Title ~ Mike Burrows``, ``Title ~ Sreekanti et al.``: the title and its authors.

    A tilde then names is how some lists credit a paper they list with no link; the names
    make it a paper's entry, as ``by`` does. None unless names follow and a title precedes.
    """
    if "~" not in raw:
        return None  # cheap: most entries have no tilde
    parts = _TILDE.split(raw, maxsplit=1)
    if len(parts) < 2 or word_count(parts[0]) < _TILDE_WORDS:
        return None
    names = authors_in(parts[1])
    return (parts[0].rstrip(), names) if names else None
