"""DBLP's plain lines: ``Jim Gray Goetz Graefe. The Five-Minute Rule ... .. SIGMOD Record, 1997``.

A list exported from DBLP writes each paper on a line of its own: the authors' full names one
after another with no commas, a stop, the title with its own stop and DBLP's second one
(``..``), then the venue, volume, year and pages. Lines that follow each other with no blank
line between them make one paragraph, yet each is a paper: a reader reads them line by line.

The names end at the first stop after a whole word (``Price.``), never after an initial
(``G.``); each name is its given names and initials, then one family name.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import VENUE_START, Citation, last_year, parse_citation
from papershelf.catalog.fields import word_count
from papershelf.catalog.spans import Span, split_lines

_NAME = r"[A-ZÀ-Þ][\w'’-]*"
# "Patricia G. Selinger ... Thomas G. Price. Access Path Selection ... System.. Proc. SIGMOD"
_LINE = re.compile(
    rf"(?P<names>(?:{_NAME}\.?\s+){{1,40}}?{_NAME}[a-zß-ÿ])\.\s+(?P<title>\S.*?)"
    r"(?:\.\.\s+(?P<venue>\S.*?)|\.)\s*$"
)
_INITIAL = re.compile(r"[A-ZÀ-Þ]\.?$")
_HAS_INITIAL = re.compile(r"(?:^|\s)[A-ZÀ-Þ]\.\s")  # "Joseph M. Hellerstein": a person's name
_MIN_WORDS = 2
_MIN_LINES = 2
_LABEL_WORDS = 5
"""A line of a few words and no stop among citations is a section's label (``*Query
Processing``), read as such; a longer one makes the paragraph no list of citations."""


def dblp_cited(text: str) -> Citation | None:
    """The citation of one DBLP line (``Names. Title.. Venue, 1979, 23-34.``), else None."""
    m = _LINE.match(" ".join(text.split()))
    if m is None or word_count(m.group("title")) < _MIN_WORDS:
        return None
    head = m.group("title")
    if head[:1].isdigit() or head.startswith("In ") or VENUE_START.match(head):
        return None  # "Hoare. 1973. Title..": a year first; "Title. In Proceedings ...": no names
    venue = (m.group("venue") or "").strip()
    title = m.group("title").strip()
    if not venue and (cut := _single_stop_venue(title)) is not None:
        title, venue = cut  # "AlphaSort: ... Sort. VLDB J., 4(4), 1995, 603-627"
    single = m.group("venue") is None and not _HAS_INITIAL.search(m.group("names"))
    if single and last_year(venue) is None:
        return None  # "Key-Value Storage Engines. Notes.": capitalised words, no names
    return Citation(", ".join(_names(m.group("names"))), title, venue, last_year(venue))


def _single_stop_venue(title: str) -> tuple[str, str] | None:
    """``Title. Venue, 1995, pages``: the last stop before a part with a year ends the title."""
    head, stop, tail = title.rpartition(". ")
    if not stop or last_year(tail) is None or word_count(head) < _MIN_WORDS:
        return None
    return head, tail


def _names(text: str) -> list[str]:
    """The names of ``Michael Stonebraker Joseph M. Hellerstein``, one after another.

    A whole word after at least one other word of a name ends it.
    """
    names: list[str] = []
    current: list[str] = []
    for word in text.split():
        current.append(word)
        if len(current) >= 2 and not _INITIAL.match(word):
            names.append(" ".join(current))
            current = []
    if current:
        names.append(" ".join(current))
    return names


def cited_lines(spans: list[Span]) -> list[list[Span]] | None:
    """The lines of a paragraph when each is a citation of its own, else None.

    A wrapped citation's first line reads as none (its title runs on), so one paragraph
    holding one citation stays whole. A short label among the lines (``*Query Processing``,
    the next section's name written without a blank line) is read as a line of its own.
    """
    if not any(s.brk for s in spans) or any(s.is_link or s.badge for s in spans):
        return None
    lines = split_lines(spans)  # no badge among them: a line with text is a line
    if len(lines) < _MIN_LINES:
        return None
    cites = 0
    for line in lines:
        text = " ".join(s.text for s in line).strip()
        if dblp_cited(text) is not None or (parse_citation(text) and last_year(text)):
            cites += 1
        elif word_count(text) > _LABEL_WORDS or text.endswith("."):
            return None  # a sentence: the paragraph is prose, or one citation wrapped
    return lines if cites >= _MIN_LINES else None
