"""Table columns as a reader tells them apart: title, links, venue, date, authors, other.

The title column is the one headed ``Title`` (else ``Paper(s)``, else ``Topic`` or
``Name``); a ``Topic`` column lists talks, so its rows need a paper link to be papers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from papershelf.catalog.accepted_notes import accepted_venue
from papershelf.catalog.decide import is_scholarly
from papershelf.catalog.fields import authors_in
from papershelf.catalog.spans import Span, text_of
from papershelf.catalog.venue import full_year
from papershelf.catalog.venue_text import VenueGuess, parse_venue, year_in

_REQUIRED = r"^\W*(?:required|optional)\W*$"
"""A course schedule's ``Required`` and ``Optional`` columns: the readings of each week."""
TITLE_COLUMNS = (
    re.compile(r"\btitle\b|标题|题目", re.I),  # Chinese headers: "论文标题" (paper title)
    re.compile(r"\bpapers?\b(?!\s*lists?\b)|论文", re.I),  # "Paper List": links to lists
    # A course's "| Date | Topic | Required | Optional |": the required and optional readings.
    re.compile(r"\b(?:topic|name|reading)s?\b|" + _REQUIRED, re.I),
)
_LINK_COLUMNS = re.compile(r"\b(?:paper|pdf|link|url|reference|arxiv)s?\b|链接", re.I)
_VENUE_COLUMNS = re.compile(
    r"\b(?:venue|conf(?:erence)?s?|journals?|cite|notes?|source|publication|published|pub)\b"
    r"|发表|会议|期刊",
    re.I,
)
_VENUE_ASPECT = re.compile(r"\b(?:types?|kinds?|categor(?:y|ies)|ranks?|ranking|tiers?)\b", re.I)
"""What a column says of a venue (its publisher's kind, its rank) rather than naming it."""
_NAMED_VENUE = re.compile(r"\b(?:venue|conference|journal)(?:\s+name)?\s*$", re.I)
"""A column headed as the venue itself: whatever short name its cell gives is the venue."""
_SHORT_NAME = re.compile(r"\s*[A-Z][^\W\d_]*(?:[ .&/()'\u2013\u2014-]+[^\W\d_]*){0,5}\s*")
_NAME_YY = re.compile(r"\s*([A-Z][a-zA-Z]+(?: [A-Z][a-zA-Z]+)?)\s*['’]\s*(\d{2})\s*")
"""``Security'21`` in a column headed as the venue: the series, however it is spelled, and 'YY."""
_AUTHOR_COLUMNS = re.compile(r"\bauthors?\b|作者", re.I)
_ORG_COLUMNS = re.compile(r"\b(?:institution|affiliation|organi[sz]ation|org)s?\b", re.I)
_DATE_COLUMNS = re.compile(r"\b(?:date|year|time)\b|日期|年份", re.I)
_LATER_DATES = re.compile(r"\b(?:updated?|modified|last|added|accessed|read)\b|更新", re.I)
"""``Updated Date``, ``Date Added``: when the list touched the row, not when the paper appeared."""
SKIP_COLUMNS = re.compile(r"\b(?:notes?|slides?|summary|review|code)\b", re.I)
_READING_COLUMNS = re.compile(r"\breadings?\b|" + _REQUIRED, re.I)
EMPTY_CELL = re.compile(r"^\s*(?:n/?a|tbd|todo|-+|—)?\s*$", re.I)


def title_columns(headers: list[str]) -> set[str]:
    """The headers of the column(s) holding titles, by the first pattern that names one."""
    for pattern in TITLE_COLUMNS:
        hits = {h for h in headers if h and pattern.search(h)}
        if len(hits) > 1 and (readings := {h for h in hits if _READING_COLUMNS.search(h)}):
            return readings  # "| Topic | Readings |": the readings are the papers
        if hits:
            return hits
    return set()


def places_papers(title_cols: set[str], headers: tuple[str, ...]) -> bool:
    """Whether the title column holds papers' titles, not talks' topics.

    A ``Title`` or ``Paper`` column does; a ``Topic``, ``Name`` or ``Reading`` column does
    when the table also has a column headed as the venue (``name | conference | year``): a
    table that says where each row appeared lists papers.
    """
    if not title_cols:
        return False
    if not any(TITLE_COLUMNS[2].search(h) for h in title_cols):
        return True
    return any(_NAMED_VENUE.search(h) for h in headers if h not in title_cols)


def column_kind(header: str, is_title: bool) -> str:
    """What a column gives an entry: ``title``, ``authors``, ``date``, ``venue``, ``links``..."""
    if is_title:
        return "title"
    if _AUTHOR_COLUMNS.search(header):
        return "authors"
    if _ORG_COLUMNS.search(header):
        return "affiliations"
    if _VENUE_COLUMNS.search(header):
        if _VENUE_ASPECT.search(header):
            return "other"  # "Venue Type" (ACM, IEEE), "Conference Rank" (A*): not the venue
        return "venue"  # "venue+年份", "Venue/Year": the cell gives both
    if _DATE_COLUMNS.search(header):
        return "other" if _LATER_DATES.search(header) else "date"
    if _LINK_COLUMNS.search(header):
        return "links"
    return "other"


def links_readings(title_cols: set[str], links: list[str]) -> bool:
    """A Reading(s) column whose cells link to papers: what the class reads, not its topic.

    ``|10/12|Consensus|<a href=".../paxos-simple.pdf">Paxos made simple</a>|`` (a course's
    schedule): the reading is a paper where it links to a PDF or a publisher's page.
    """
    return any(_READING_COLUMNS.search(h) for h in title_cols) and any(
        is_scholarly(url) for url in links
    )


def cell_venue(spans: list[Span], text: str) -> VenueGuess | None:
    """A venue cell's venue and year: a link's text first (``[OSDI'22](...)``), else the cell.

    ``arXiv 2202.07848``: the paper is on arXiv; its id is no year of a venue. ``Blog``: the
    row's work is a blog post, which the entry's venue then says (no paper's).
    """
    if text[:1] in "BbWw" and _KIND_CELL.fullmatch(text):
        return VenueGuess(text.strip(), None)
    for span in spans:
        if span.is_link and (found := parse_venue(span.text, need_year=True)):
            return found
    if (found := parse_venue(text, need_year=True)) is None and _ARXIV_CELL.match(text):
        return VenueGuess(text.split()[0], None)
    if found is None and _YEAR_FIRST_CELL.match(text):  # "2018 IEEE Data Science Workshop"
        year, _, name = text.strip().partition(" ")
        found = parse_venue(f"{name} {year}", need_year=True)
    return found


_YEAR_FIRST_CELL = re.compile(r"\s*(?:19|20)\d{2}\s+[^\W\d]")
_KIND_CELL = re.compile(r"\s*(?:blog(?:\s+post)?|web\s*(?:site|page))\s*", re.I)
_ARXIV_CELL = re.compile(r"\s*arxiv\s*:?\s*\d{4}\.\d{4,5}(?:v\d+)?\s*$", re.I)


def venue_in_year(name: str, year: int | None) -> VenueGuess | None:
    """A venue cell without a year (``OSDI``) and the row's Year column (``2022``): OSDI 2022.

    Only a name that reads as a venue once the year is beside it counts (a note does not).
    """
    return parse_venue(f"{name} {year}", need_year=True) if name and year is not None else None


_COMMENTS = re.compile(r"\W*(?:comments?|notes?|remarks?)\W*$", re.I)
"""A column of comments on each row (an arXiv digest's copy of the paper's own comment)."""
_WORDED = re.compile(r"[^\W\d_]{2}")
"""A date cell with a word in it (``2021 ISCA``), which may name the venue too."""
_ENDS_IN_YEAR = re.compile(r"(?:^|\s)((?:19|20)\d{2})$")
_TEXT_KINDS = frozenset({"venue", "date", "authors", "affiliations"})
"""Columns whose text the row's paper takes (a venue, a date, names)."""


@dataclass(slots=True)
class RowFields:
    """What a table row's other cells say of the paper in its title cell."""

    links: list[Span] = field(default_factory=list)
    venue: VenueGuess | None = None
    year: int | None = None
    authors: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()


def row_fields(row: list[tuple[str, list[Span]]], kinds: dict[str, str]) -> RowFields:
    """The links, venue, year, authors and affiliations of a row, by its columns' kinds."""
    got = RowFields()
    venue_name, named = "", False
    dated: VenueGuess | None = None
    accepted: VenueGuess | None = None
    for header, spans in row:
        kind = kinds[header]
        if kind == "links":
            got.links.extend(s for s in spans if s.is_link)
            continue
        if kind not in _TEXT_KINDS:
            if kind == "other" and header[:1] in "CcNnRr" and _COMMENTS.match(header):
                accepted = accepted or accepted_venue(text_of(spans))  # "Accepted to ..."
            continue  # a title cell is read on its own
        text = text_of(spans)
        if kind == "venue":
            got.venue = got.venue or cell_venue(spans, text)
            venue_name = venue_name or ("" if SKIP_COLUMNS.search(header) else text)
            named = named or bool(_NAMED_VENUE.search(header))
        elif kind == "date":
            got.year = year_in(text)
            if _WORDED.search(text):  # "| 2021 ISCA |" under "Date": the venue is named there
                dated = dated or cell_venue(spans, text)
        elif kind == "authors":
            got.authors = authors_in(text) or ((text,) if text else ())
        elif kind == "affiliations" and text:
            got.affiliations = (text,)
    got.venue = got.venue or venue_in_year(venue_name, got.year) or dated  # "OSDI" | "2022"
    got.venue = got.venue or accepted  # a preprint's comment: "Accepted to ..."
    if got.venue is None and named and (m := _NAME_YY.fullmatch(venue_name)):
        got.venue = VenueGuess(m[1], full_year(m[2]))  # "| Security'21 |" under "Venue"
    if got.venue is None and named and _SHORT_NAME.fullmatch(venue_name):
        got.venue = VenueGuess(venue_name.strip(), got.year)  # "| Acta Inf. | 1973 |", "| arXiv |"
    if got.venue is None and got.year is None and (end := _ENDS_IN_YEAR.search(venue_name)):
        got.year = int(end.group(1))  # "| 2025 |", "| Google DeepMind 2024 |": the year only
    return got
