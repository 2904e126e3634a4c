"""A heading's body lines the general reader asks about: key lines and a shared venue.

``### Title`` then ``* **Source:** OSDI'22`` is a paper with its details; ``Source: PMLR22 &
ICS23`` under two headings in a row names each one's venue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from papershelf.catalog.decide import is_scholarly
from papershelf.catalog.field_keys import AUTHOR_KEYS, LINK_KEYS, VENUE_KEYS
from papershelf.catalog.fields import authors_in, is_paper_label, word_count
from papershelf.catalog.spans import Span, text_of
from papershelf.catalog.venue_text import VenueGuess, parse_venue
from papershelf.domain.text import one_line

_META_LINE = re.compile(
    r"^\s*(?:(?:source|conference|venue|published|publication)(?:\s*[+/&＋]\s*(?:years?|年份))?|"
    r"link|paper\s*link|paper|pdf|arxiv|authors?|url|code|institution|affiliation|year|"
    rf"{VENUE_KEYS}|{'|'.join(AUTHOR_KEYS)}|{LINK_KEYS})\s*[:：]",
    re.IGNORECASE,
)
_VENUE_KEY = re.compile(
    r"^\s*(?:source|conference|venue|published|publication|"
    rf"{VENUE_KEYS})(?:\s*[+/&＋]\s*(?:years?|年份))?\s*[:：]\s*",
    re.IGNORECASE,
)
_YEAR_KEY = re.compile(r"\s*year\s*[:：]", re.IGNORECASE)
_SHARED_BREAKS = re.compile(r"\s*(?:&|\band\b|,|;|/)\s*")
_SHARED_MARKS = ("&", "and", ",", ";", "/")
"""What ``_SHARED_BREAKS`` needs to find in a line to split it."""


def is_venue_line(line: list[Span]) -> bool:
    return bool(_VENUE_KEY.match(text_of(line)))


def shared_venues(meta: list[list[Span]], count: int) -> list[VenueGuess | None] | None:
    """``Source: PMLR22 & ICS23`` under two headings in a row: one venue for each, in order."""
    for line in meta:
        text = text_of(line)
        m = _VENUE_KEY.match(text)
        if m is None:
            continue
        rest = text[m.end() :]
        if not any(mark in rest for mark in _SHARED_MARKS):
            continue  # one venue (most lines): nothing to split
        parts = [p for p in _SHARED_BREAKS.split(rest) if p]
        if len(parts) < 2:  # one venue: its own heading's, read with the entry
            continue
        venues = [parse_venue(p) for p in parts]
        if all(venues):
            return [*([None] * max(0, count - len(venues))), *venues[-count:]]
    return None


def keyed_venue(lines: list[list[Span]]) -> VenueGuess | None:
    """The venue of the first key line naming one: ``Venue: NeurIPS 2017``, ``会议：NAACL 2019``."""
    for line in lines:
        text = text_of(line)
        if (m := _VENUE_KEY.match(text)) is not None and (venue := parse_venue(text[m.end() :])):
            return venue
    return None


def describes_paper(meta: list[list[Span]], heading: Sequence[Span] = ()) -> bool:
    """Whether a heading's key lines give a paper something: a link, an address, a date.

    ``> - Paper: paper title (linked)`` / ``> - Source: arXiv / Conference / Blog`` under a
    list's title is a legend of how its entries are written; the title is no paper, nor is
    a heading whose ``Source:`` links the repository's own files (``[web/](web/)``). A
    ``heading`` that links a paper's page (``### [Title](arxiv.org/abs/...)``) is a paper
    whatever its key lines say (``Source: YouTube lecture``).
    """
    if any(s.is_link and is_scholarly(s.href or "") for s in heading):
        return True
    for line in meta:
        if _YEAR_KEY.match(line[0].text if line else ""):
            continue  # "**Year:** 2022": a date says nothing of what the heading names
        if _DIGIT.search("".join([s.text for s in line])) or any(_web(s) for s in line):
            return True  # most key lines: "Source: OSDI'22", "Link: [paper](...)"
        text = text_of(line)
        if (m := _VENUE_KEY.match(text)) is not None and parse_venue(text[m.end() :]):
            return True  # "Source: arxiv"
        if (m := _AUTHORS_KEY.match(text)) is not None and authors_in(text[m.end() :]):
            return True
    return False


def _web(span: Span) -> bool:
    """A link out of the list: ``Source: [web/](web/)`` points at the repository's own files."""
    return (
        span.is_link
        and not (span.href or "").startswith(("#", "/", "."))
        and (":" in (span.href or "") or (span.href or "").startswith("www."))
    )


_DIGIT = re.compile(r"\d")
_AUTHORS_KEY = re.compile(r"^\s*authors?\s*[:：]\s*", re.I)


def is_meta(line: list[Span]) -> bool:
    """``Source: arxiv``, ``**Link:** [...]``: a key in plain or bold text, then its value.

    ``line``: one line of ``split_lines`` (no break spans in it).
    """
    raw = "".join([s.text for s in line])  # a key needs its colon: most lines have none
    if ":" not in raw and "：" not in raw:
        return False
    first = next((s for s in line if s.text.strip()), None)
    if first is None or first.is_link:
        return False
    if not _META_LINE.match(text := one_line(raw)):  # ``text_of``: a line has no break spans
        return False
    return not (_LINK_KEY.match(text) and any(map(_titled_link, line)))


_LINK_KEY = re.compile(rf"^\s*(?:paper\s*link|paper|link|pdf|url|{LINK_KEYS})\s*[:：]", re.I)
_TITLE_WORDS = 3


def _titled_link(span: Span) -> bool:
    """A link naming a paper by its title: an entry of its own, not the heading's link.

    ``Paper: [Bigtable: A Distributed Storage System](...)`` under ``# Notes``; the heading's
    own link is a label (``Paper: [pdf](...)``).
    """
    return span.is_link and word_count(span.text) >= _TITLE_WORDS and not is_paper_label(span.text)


# "Papers:", "Blogs:", "Related work:": a short phrase and a colon, alone in its paragraph.
_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_][\w&/' -]{0,40}?)\s*[:：]\s*$")
_LABEL_WORDS = 4
_PAPERS_LABEL = re.compile(r"^(?:research\s+|selected\s+|key\s+|related\s+)?papers?$", re.I)


def list_label(text: str) -> str | None:
    """``Blogs:`` alone in a paragraph names what the list below it holds; None otherwise."""
    m = _LABEL.match(text)
    if m is None or len(m.group("label").split()) > _LABEL_WORDS:
        return None
    return m.group("label").strip()


def is_papers_label(label: str) -> bool:
    """``Papers:`` over a list: its plain titles are papers too."""
    return bool(_PAPERS_LABEL.match(label))
