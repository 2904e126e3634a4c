"""A line that is only a venue and its year, said of the title beside it.

Two shapes keep a paper's venue on a line of its own:

* a numbered title with its venue on the first bullet under it, ``1. WiscKey: Separating
  Keys from Values in SSD-conscious Storage`` / ``   - Fast 16`` (notes and links follow);
* a heading naming a paper by a short name, with the venue and then the full title on the two
  lines under it, ``### Foreshadow`` / ``USENIX'18`` / ``Foreshadow: Extracting the Keys ...``.

A careful reader takes the venue line for the paper's venue and year; the title is the item's
own text, or the line after the venue under the heading. Only a line that is wholly a venue
with a year counts: ``Fast 16``, ``USENIX ATC 20``, ``IEEE Transactions on Parallel and
Distributed Systems 22``.
"""

from __future__ import annotations

import re

from papershelf.catalog import fields
from papershelf.catalog.candidate import Candidate
from papershelf.catalog.citation import names_like
from papershelf.catalog.heading_cites import HeadingCite
from papershelf.catalog.reference_lines import cited_venue
from papershelf.catalog.spans import split_lines, text_of
from papershelf.catalog.venue_text import VenueGuess, parse_venue

_MIN_TITLE_WORDS = 3
_MAX_TITLE_WORDS = 30
_MAX_VENUE_LINE = 120
"""A venue line is short: ``IEEE Transactions on Parallel and Distributed Systems, 21``."""


def venue_line(text: str) -> VenueGuess | None:
    """``Fast 16`` -> FAST 2016: the whole line as a venue with its year, else None.

    A venue's full name may come with its short one and the volume: ``International
    Symposium on Computer Architecture (ISCA) 2021`` is ISCA 2021, ``ACM Computing Surveys
    (CSUR) Volume 50 Issue 1 (2017)`` CSUR 2017, ``IEEE Communications Surveys & Tutorials
    20(1) 2018`` the journal in 2018. ``2021 Ph.D. Dissertation`` dates a thesis (no venue).
    """
    text = text.strip()
    if not text or len(text) > _MAX_VENUE_LINE or (text[-1] not in _LAST and text[0] not in _LAST):
        return None  # cheap: a venue line ends in its year ("ATC 21", "USENIX'18", "(2017)")
    found = parse_venue(text, need_year=True) if text[-1].isdigit() else None
    if found is None and text[:1].isdigit() and (m := _YEAR_FIRST.fullmatch(text)) is not None:
        found = parse_venue(f"{m['rest']} {m['year']}", need_year=True)  # "2021 PhD Thesis"
    elif found is None and (m := _SHORT_NAMED.fullmatch(text)) is not None:
        found = parse_venue(f"{m['short']} {m['year']}", need_year=True)
    elif found is None and (m := _VOLUME.fullmatch(text)) is not None:
        found = parse_venue(f"{m['name']} {m['year']}", need_year=True)
    return found if found is not None and found.year is not None else None


_LAST = frozenset("0123456789)")
# "2021 Ph.D. Dissertation", "2015 Master's Thesis": the year first; a thesis names no venue
_YEAR_FIRST = re.compile(r"(?P<year>(?:19|20)\d{2})\s+(?P<rest>[^\d]{3,40})")
# "Full Name (SHORT) 2021", "Full Name (SHORT) Volume 50 Issue 1 (2017)": the short name
_SHORT_NAMED = re.compile(
    r"[^()]{6,}\((?P<short>[A-Z][\w&/.-]{1,15})\)[\w ,.:]{0,30}?\s\(?(?P<year>(?:19|20)\d{2})\)?"
)
# "Journal of Cryptographic Engineering 8 (1) 2018": the name, its volume and number, the year
_VOLUME = re.compile(r"(?P<name>[^()\d]{6,}?)\s+\d{1,4}\s?\(\d{1,3}\)\s+(?P<year>(?:19|20)\d{2})")


def sub_bullet_venue(item: Candidate) -> VenueGuess | None:
    """The venue on the first bullet under a plain title, when no other bullet is a venue.

    ``1. HashKV: Enabling Efficient Updates in KV Storage via Hashing`` / ``- ATC 18``. An
    item over several venue bullets (``Conferences`` / ``- OSDI 2020`` / ``- SOSP 2021``)
    lists venues, and an item of fewer than three words names a topic, not a paper. The names
    may come first (``- Q. Ge, Y. Yarom, D. Cock, and G. Heiser`` / ``- TIFS 2018``). The
    bullets under such a title are its fields (``作者: ...`` / ``链接: [...]`` alike), not
    entries of their own, however long the names or notes on them.
    """
    if not item.children or item.kind != "item":
        return None
    first = item.children[0]
    if first.kind != "item" or any(s.is_link for s in first.spans):
        return None
    line, at = text_of(first.spans), 0
    found = None if first.children else cited_venue(line) or venue_line(line)  # "- Fast 16"
    found = found or (None if first.children else _closing_venue(line))  # "- Names (OSDI 2018)"
    if found is None and len(item.children) > 1 and names_like(_PLACES.sub("", line)):
        at, second = 1, item.children[1]  # "- Q. Ge, Y. Yarom, and G. Heiser" / "- TIFS 2018"
        if second.kind == "item" and not any(s.is_link for s in second.spans):
            found = _second_venue(text_of(second.spans))
    if found is None:
        return None
    if fields.word_count(text_of(item.spans)) < _MIN_TITLE_WORDS:
        return None
    others = item.children[at + 1 :]
    if any(venue_line(text_of(k.spans)) is not None for k in others if k.kind == "item"):
        return None
    return found


def _second_venue(text: str) -> VenueGuess | None:
    """The venue on the bullet after the names, else None.

    ``TIFS 2018``, ``In Proceedings of the 18th ... Middleware Conference, pp. 109-120. 2017.``,
    ``arXiv preprint arXiv:2007.05832 (2020).``, ``INFOCOM'22 DEMO`` (a short venue with its
    year and a word on the kind of paper).
    """
    found = venue_line(text) or cited_venue(text)
    if found is None and len(text.split()) <= _SHORT_VENUE_WORDS:
        found = parse_venue(text, need_year=True)
    if found is None and _ARXIV_ALONE.fullmatch(text):
        return VenueGuess("arXiv", None)  # "- Names" / "- arXiv": a preprint, no year given
    return found if found is not None and found.year is not None else None


def _closing_venue(line: str) -> VenueGuess | None:
    """The venue closing a line of names in brackets, else None.

    ``J Soifer, et al. (*OptML2019*)``, ``Lee, Y., ..., 2018. (*OSDI 2018*)``.
    """
    if not line.rstrip(" .").endswith(")"):
        return None  # cheap: most bullets end otherwise
    m = _NAMES_THEN_VENUE.fullmatch(line)
    if m is None or not names_like(_PLACES.sub("", m.group("names"))):
        return None
    return venue_line(m.group("venue"))


_SHORT_VENUE_WORDS = 4
_ARXIV_ALONE = re.compile(r"\s*arxiv(?:\s+preprint)?\s*\.?\s*", re.IGNORECASE)
_PLACES = re.compile(r"\([^()]*\)")
"""``Hong Zhang (University of Waterloo), Yupeng Tang``: a name's affiliation, not part of it."""
_NAMES_THEN_VENUE = re.compile(r"(?P<names>[^()]+?)[\s.,]*\((?P<venue>[^()]{2,40})\)[\s.]*")


def heading_venue_title(heading: Candidate) -> HeadingCite | None:
    """``### Foreshadow`` / ``USENIX'18`` / ``Foreshadow: Extracting ...``: the title below.

    The paragraph right under the heading must be two lines, the venue with its year and then
    a title (three words or more, no link, not a sentence ending in a stop).
    """
    if not heading.children or any(s.is_link for s in heading.spans):
        return None
    first = heading.children[0]
    if first.kind != "paragraph" or first.line != heading.line + 1:
        return None
    lines = [line for line in split_lines(first.spans) if text_of(line).strip()]
    if len(lines) != 2 or any(s.is_link for line in lines for s in line):
        return None
    found = venue_line(text_of(lines[0]))
    if found is None:
        return None
    title = text_of(lines[1]).strip()
    words = fields.word_count(title)
    if not _MIN_TITLE_WORDS <= words <= _MAX_TITLE_WORDS or title.endswith("."):
        return None
    return HeadingCite((), found, found.year, False, (), (first,), title=lines[1])
