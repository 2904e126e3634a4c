"""A line that is a citation's venue part, on a line of its own under or beside a title.

Survey companions and lab lists put each paper's reference on lines of its own:

* ``- Dapple: A pipelined data parallel approach ... [[pdf](...)]`` with the bullets
  ``- Proceedings of the 26th ACM SIGPLAN Symposium on Principles and Practice of Parallel
  Programming, 2021, pp. 431–445.`` and ``- Shiqing Fan, Yi Rong, ...`` under it;
* ``* Universal Packet Scheduling`` / ``Radhika Mittal, Rachit Agarwal, ...`` / ``NSDI 2016``
  / ``22 pages [ pdf ](...)``: title, names, venue and links on the lines of one item.

A careful reader takes such a line for the paper's venue: the series as the line names it (its
short name in parentheses when it gives one, ``(NSDI 24)``), the proceedings' ordinal and
``Proceedings of the`` dropped, a series written out in full read as its short name
(``European Conference on Computer Systems`` is EuroSys), and the line's year.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation, citation_venue, last_year
from papershelf.catalog.series_names import short_name
from papershelf.catalog.venue_text import VenueGuess, parse_venue

_VENUE_WORDS = (
    "Conference",
    "Symposium",
    "Proceedings",
    "Journal",
    "Transactions",
    "Workshop",
    "Review",
    "Advances in",
    "arXiv",
    "arxiv",
)
"""What a citation's venue part names: a line with none of them is no venue line."""
_MAX_LINE = 240
# "(NSDI 24)", "(USENIX ATC 23)", "(SC '20)": the short name the line gives its series.
_PAREN_SHORT = re.compile(
    r"\((?P<name>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)\s*['’]?\s*(?P<yy>(?:19|20)\d{2}|\d{2})\)"
)
_LEAD_SHORT = re.compile(r"(?P<name>[A-Z][A-Za-z]+)['’]?(?P<yy>\d{2}):\s")
"""``SC20: International Conference for High Performance Computing, ...``."""
_ORDINAL = re.compile(
    r"^(?:the\s+)?(?:(?:19|20)\d{2}\s+)?(?:(?:first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
    r"seventeenth|eighteenth|nineteenth|twentieth|\d+(?:st|nd|rd|th))\s+)?(?:annual\s+)?",
    re.IGNORECASE,
)
_PROCEEDINGS = re.compile(r"^(?:in\s+)?(?:proceedings\s+of\s+)?", re.IGNORECASE)
_IN = re.compile(r"^in\s+(?=[A-Z])", re.IGNORECASE)
_SHORT_YEAR = re.compile(r"[A-Za-z][\w&]*(?: [A-Z][\w&]*){0,2} ?['’] ?\d{2}\b")
"""``HotNets' 15, Philadelphia, PA``, ``SOSR '15 Proceedings of the ...``: a series, 'YY."""


def cited_venue(text: str) -> VenueGuess | None:
    """The venue a line names as a reference's venue part, with its year; else None.

    ``Proceedings of the Nineteenth European Conference on Computer Systems, 2024, pp. 542–559.``
    -> EuroSys 2024; ``arXiv preprint arXiv:2406.03488, 2024.`` -> arXiv 2024;
    ``2023 USENIX Annual Technical Conference (USENIX ATC 23), 2023, pp. 945–959.`` -> USENIX
    ATC 2023. A line without a year names no venue here: a title's own words may read as one.
    """
    text = _IN.sub("", text.strip().rstrip("."))
    if len(text) > _MAX_LINE or not any(w in text for w in _VENUE_WORDS):
        return None  # cheap: most lines name no series
    year = last_year(text)
    if year is None:
        return _undated(text)
    for m in (_PAREN_SHORT.search(text), _LEAD_SHORT.match(text)):
        if m is not None and (short := parse_venue(f"{m['name']} {m['yy']}", need_year=True)):
            return short
    found = citation_venue(Citation("", "", _ORDINAL.sub("", text), year))
    if found is None or not found.name:
        return None
    name = _ORDINAL.sub("", found.name.split(". ", 1)[0]).strip(" ,")
    if not name:
        return None
    return VenueGuess(short_name(name), found.year or year, found.remark)


_ARXIV_ID = re.compile(r"arXiv:(\d{2})(?:0[1-9]|1[0-2])\.\d{4,5}", re.IGNORECASE)
"""``arXiv preprint arXiv:1802.05799``: the number's first digits are its year (2018)."""


def _undated(text: str) -> VenueGuess | None:
    """A venue line without its year: an arXiv number's year, or a series written out in full.

    ``Advances in neural information processing systems`` is NeurIPS, of no year the line says.
    """
    if (m := _ARXIV_ID.search(text)) is not None:
        return VenueGuess("arXiv", 2000 + int(m[1]))
    name = _ORDINAL.sub("", _PROCEEDINGS.sub("", text))
    short = short_name(name)
    return VenueGuess(short, None) if short != name else None


def line_venue(text: str) -> VenueGuess | None:
    """A line of an item that names its venue, with its year; else None.

    ``NSDI 2016``, ``IN ACM SIGCOMM 2016``, ``HotNets' 15, Philadelphia, PA``, ``ACM SIGCOMM,
    August 2016`` or a reference's venue part.
    """
    text = _IN.sub("", text.strip().rstrip("."))
    if not text or len(text) > _MAX_LINE or not any(ch.isdigit() for ch in text):
        return None  # cheap: a venue line has its year
    if (m := _SHORT_YEAR.match(text)) and (found := parse_venue(m[0], need_year=True)):
        return found
    head = text.partition(",")[0]
    if (found := parse_venue(head, need_year=True)) is not None and found.year is not None:
        return found
    year = last_year(text)
    if year is not None and head != text and len(head.split()) <= 3:
        found = parse_venue(f"{head} {year}", need_year=True)  # "ACM SIGCOMM, August 2016"
        if found is not None and found.year == year:
            return found
    return cited_venue(text)
