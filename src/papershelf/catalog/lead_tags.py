"""A mark written before a linked title and joined to it by a dash: ``**ASPLOS'17**-[Title]``.

Lists that say where each entry appeared write the mark, a dash, then the title:
``arxiv'25-[...]``, ``Euro-Par'25 (LNCS)-[...]``, ``Technical report, Sakana AI, 02 2025-[...]``,
``blog-[...]``. The mark is the entry's venue (or its kind), never its authors.
"""

from __future__ import annotations

import re

from papershelf.catalog.fields import Title, word_count
from papershelf.catalog.venue_text import VenueGuess, looks_like_venue, parse_venue, year_in
from papershelf.catalog.year_tag import named_year_tag

_MAX_WORDS = 8
# The dash glued to the link: "ISCA'16-[", "arxiv'25=[" (a typo for the dash).
_GLUED = re.compile(r"^\s*(?P<tag>[^\s\[\]][^\[\]]{0,78}?)\s*[-–=]$")
# A spaced dash: "arxiv'26 - [": a mark only when it names a venue and year.
_SPACED = re.compile(r"^\s*(?P<tag>[^\s\[\]][^\[\]]{0,78}?)\s+[-–]\s+$")
_NOTE = re.compile(r"\s*\([^()]{1,40}\)\s*$")  # "(LNCS)", "(special for CUDA)"


def dashed_tag(lead: str) -> str | None:
    """The mark of ``MARK-[Title](url)`` (``lead``: the text before the link), else None."""
    last = lead[-1:]
    if last not in ("-", "–", "=", " "):
        return None  # most leads: settled without a pattern
    if last != " ":
        m = _GLUED.match(lead)
        tag = m.group("tag") if m is not None else None
        if tag is None or tag.endswith(("-", "–")):
            return None
        return tag if len(tag.split()) <= _MAX_WORDS else None
    m = _SPACED.match(lead)
    if m is None or len(m.group("tag").split()) > _MAX_WORDS:
        return None
    tag = m.group("tag")
    found = tag_venue(tag)
    return tag if found is not None and found.year is not None else None


def tag_venue(tag: str) -> VenueGuess | None:
    """The venue and year a mark names: ``Euro-Par'25 (LNCS)`` -> Euro-Par 2025.

    A mark that names no venue but a year (``Technical report, Sakana AI, 02 2025``) dates the
    paper: a venue without a name.
    """
    core = _NOTE.sub("", tag) if tag.endswith(")") else tag
    found = parse_venue(core) or named_year_tag(core)
    if found is not None:
        return found
    year = year_in(core)
    return VenueGuess("", year) if year is not None else None


# "ASPLOS / Title", "OSDI '20 / Title", "journal / Title": one mark, a spaced slash, the title.
_SLASHED = re.compile(
    r"^\s*(?P<tag>[^\W\d_][\w&.+-]{1,15}(?:\s*['’]\s*\d{2}|\s+(?:19|20)\d{2})?)\s+/\s+(?=\S)"
)


def take_slashed(title: Title | None) -> Title | None:
    """A plain title after a mark and a slash (``ATC / SOCK: Rapid ...``): the mark goes.

    The mark is the entry's venue (or its kind, ``journal``), no part of its title. Only a
    mark that reads as a venue or a kind of publication counts: ``Input / Output
    Scheduling`` keeps its words.
    """
    if title is None or title.link is not None or " / " not in title.text:
        return title
    m = _SLASHED.match(title.text)
    if m is None or word_count(title.text[m.end() :]) < 3:
        return title
    tag = m.group("tag")
    if slash_venue(tag) is None and not looks_like_venue(tag, with_year=False):
        return title
    title.text, title.slashed = title.text[m.end() :], tag
    return title


def slash_venue(tag: str) -> VenueGuess | None:
    """The venue a slash mark names: a known series (``OSDI '20``, ``SYSTOR``), or None.

    Not any name in capitals: ``TCP / IP Illustrated`` and ``HTTP / 2 in practice`` are
    titles; ``journal`` names a kind, no venue.
    """
    return parse_venue(tag)
