"""A heading that names a work, with its citation on the lines just under it.

``### Ironies of automation`` then ``Lisanne Bainbridge,`` / ``Automatica,`` / ``Volume 19,
Issue 6, November 1983, Pages 775-779.``: the heading is the title, the lines below say who
wrote it, where it appeared and when. A reading list of this shape mixes papers with books
(``Henry Petroski,`` / ``Vintage,`` / ``1992.``): a container that is a publisher, or a bare
name and a year with no volume or pages, is a book's; a journal, proceedings, a volume and
pages, or an institution (a report) is a paper's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from papershelf.catalog.candidate import Candidate
from papershelf.catalog.citation import is_book, last_year, names_like
from papershelf.catalog.entry import Entry
from papershelf.catalog.entry_text import snippet
from papershelf.catalog.entry_venue import Context
from papershelf.catalog.fields import is_paper_label
from papershelf.catalog.heading_lines import keyed_venue
from papershelf.catalog.skips import NON_PAPERS, NOTES
from papershelf.catalog.spans import Span, split_lines, text_of
from papershelf.catalog.venue_pages import venue_page_paper
from papershelf.catalog.venue_text import VenueGuess, looks_like_venue, parse_venue, venue_in

if TYPE_CHECKING:  # the types only: the second reader's module is no part of this reading
    from papershelf.catalog.read_ahead import Reader, Reading

_VOLUME = re.compile(r"\b(?:vol(?:ume)?\.?\s*\d+|issue\s+\d+|no\.\s*\d+|pp\.|pages?\s+\d+)", re.I)
_PUBLISHER = re.compile(
    r"\b(?:press|publishing|publishers?|house|media|books|verlag|edition|editions)\b", re.I
)
_INSTITUTION = re.compile(
    r"\b(?:laborator(?:y|ies)|lab|universit(?:y|é|ät)|institute|college|school|centre|center|"
    r"department|board|agency|corporation|inc\.?)\b",
    re.IGNORECASE,
)
_YEAR_LINE = re.compile(
    r"^\W*(?:(?:[A-Z][a-z]{2}\.?|\d{1,2})\s+)*(?:\d{1,2},\s*)?(?:19|20)\d{2}\W*$"
)
_ACRONYM = re.compile(r"\((?-i:([A-Z][A-Za-z]*[A-Z][A-Za-z]*))\)")
_MAX_NAME_WORDS = 3
"""A container this short with only a year after it (``Vintage``, ``Random House``) is a
publisher's name."""


@dataclass(frozen=True, slots=True)
class HeadingCite:
    """What the lines under a heading say of the work it names."""

    authors: tuple[str, ...]
    venue: VenueGuess | None
    year: int | None
    book: bool
    links: tuple[Span, ...]
    """The links on those lines and on link-only paragraphs below them (``[pdf](...)``)."""
    used: tuple[Candidate, ...]
    """The paragraphs read for it: no entries of their own."""
    title: list[Span] | None = None
    """The title, when a line below gives it and the heading is only a short name."""


def heading_work(heading: Candidate, siblings: list[Candidate], at: int) -> HeadingCite | None:
    """What the lines or headings under a heading say of the work it names, else None."""
    found = heading_cite(heading) or heading_link(heading) or heading_paper_field(heading)
    found = found or heading_fields(heading, siblings, at)
    return found or (_BARE if venue_page_paper(heading, siblings, at) else None)


_BARE = HeadingCite((), None, None, False, (), ())
"""A heading that is a paper's title with nothing under it said of the paper."""


def heading_cite(heading: Candidate) -> HeadingCite | None:
    """The citation under a heading with no link of its own, else None.

    The paragraph right below the heading must read ``Names,`` then one or more lines of
    where and when, each line but the last ending with a comma.
    """
    if any(s.is_link for s in heading.spans) or not heading.children:
        return None
    first = heading.children[0]
    if first.kind != "paragraph" or first.line != heading.line + 1:
        return None
    lines = [text_of(line).strip() for line in split_lines(first.spans)]
    lines = [line for line in lines if line and "://" not in line]  # "<https://doi.org/...>"
    if len(lines) < 2 or not all(line.endswith(",") for line in lines[:-1]):
        return None
    names = lines[0].rstrip(",").strip()
    if not names_like(names) or any(ch.isdigit() for ch in names):
        return None
    container = [line.rstrip(",.").strip() for line in lines[1:]]
    rest = ", ".join(container)
    year = last_year(rest)
    venue = _venue(container, rest, year)
    links = [s for s in first.spans if s.is_link]
    used = [first]
    for child in heading.children[1:]:
        if child.kind == "paragraph" and _only_links(child.spans):
            links.extend(s for s in child.spans if s.is_link)
            used.append(child)
    book = venue is None and _book(container, year)
    authors = tuple(n.strip() for n in re.split(r",|\band\b", names) if n.strip())
    return HeadingCite(authors, venue, year, book, tuple(links), tuple(used))


def heading_link(heading: Candidate) -> HeadingCite | None:
    """``### Title`` then a paragraph ``[PDF Link](url)``: the heading names the paper it links.

    Notes lists keep a heading per paper read, the paper's link alone on the first line under
    it and the reader's notes after; a link-only first paragraph with a paper's label (``PDF``,
    ``Paper``, ``arXiv``) says the heading is that paper's title. Else None.
    """
    if any(s.is_link for s in heading.spans) or not heading.children:
        return None
    first = heading.children[0]
    if first.kind != "paragraph" or not _only_links(first.spans):
        return None
    links = tuple(s for s in first.spans if s.is_link)
    if not any(_names_the_paper(s) for s in links):
        return None
    return HeadingCite((), None, None, book=False, links=links, used=(first,))


def heading_paper_field(heading: Candidate) -> HeadingCite | None:
    """``### July 11, 2023, **ATC 2023**`` over ``- **Paper**: [Title](url)``: that paper.

    A news-style list keeps a heading per paper that says when and where it appeared, with
    the paper's own title on a ``Paper:`` line right below (``Authors:``, ``Presentation:``
    after it). The title is the linked text of that line, not the heading; the heading gives
    the venue when it names one. One ``Paper:`` line only: two under a heading are two papers.
    """
    first = heading.children[0] if heading.children else None
    if first is None or first.kind != "item" or not first.spans:
        return None
    opening = first.spans[0].text or (first.spans[1].text if len(first.spans) > 1 else "")
    if opening.strip()[:6].lower() not in _KEYS:
        return None  # cheap: most headings have no "Paper" line first under them
    link = _paper_field(first.spans)
    if (
        link is None
        or _title_words(link) < _MIN_FIELD_WORDS
        or any(s.is_link for s in heading.spans)
    ):
        return None
    if any(_paper_field(k.spans) for k in heading.children[1:] if k.kind == "item"):
        return None  # two papers under one heading
    fields = [k.spans for k in heading.children[1:] if k.kind == "item"]
    venue = venue_in(text_of(heading.spans)) or keyed_venue(fields)  # "- Venue: NeurIPS 2017"
    return HeadingCite(
        (), venue, venue.year if venue else None, False, (link,), (first,), title=[link]
    )


_PAPER_FIELD = re.compile(r"\s*(?:paper|title|论文|論文|논문)\s*[:：]\s*", re.IGNORECASE)
_MIN_FIELD_WORDS = 3
_KEYS = frozenset(
    {"paper", "paper:", "title", "title:"}
    | {k + c for k in ("论文", "論文", "논문") for c in ("", ":", "：")}
)
"""``Paper: [PDF](...)`` labels a link under a heading that is the title; a title is longer."""


def _paper_field(spans: list[Span]) -> Span | None:
    """The one link of a ``Paper: [Title](url)`` line with nothing else on it, else None."""
    links = [s for s in spans if s.is_link]
    if len(links) != 1:
        return None
    at = spans.index(links[0])
    lead = "".join(s.text for s in spans[:at])
    tail = "".join(s.text for s in spans[at + 1 :]).strip(" .")
    return links[0] if not tail and _PAPER_FIELD.fullmatch(lead) else None


def _title_words(link: Span) -> int:
    return len(link.text.split())


def heading_fields(heading: Candidate, siblings: list[Candidate], at: int) -> HeadingCite | None:
    """``## Title.`` over ``### Authors``, ``### Abstract``, ``### Links``: the heading's paper.

    An accepted-papers page generated per paper keeps each paper's fields under headings of
    their own: the headings below name no sections of the list but the fields of the work
    the heading above names. A careful reader takes that heading for the title, the names
    under ``Authors`` (each before its affiliation) for its authors and the links under
    ``Links`` for its links. The heading right below must be ``Authors`` or
    ``Abstract``: a topic's ``### Code`` is a section.
    """
    after = siblings[at + 1] if at + 1 < len(siblings) and siblings[at] is heading else None
    if after is None or after.kind != "heading" or after.level <= heading.level:
        return None
    if not heading.spans or any(s.is_link for s in heading.spans):
        return None
    if _OPENING_FIELD.fullmatch(text_of(after.spans)) is None:
        return None
    links: list[Span] = []
    authors: list[str] = []
    for j in range(at + 1, len(siblings)):  # the paper's own field headings: each read once
        below = siblings[j]
        if below.kind == "heading" and below.level <= heading.level:
            break
        field = text_of(below.spans) if below.kind == "heading" else ""
        if _LINKS_FIELD.fullmatch(field):
            links.extend(s for k in below.children for s in k.spans if s.is_link)
        elif _AUTHORS_FIELD.fullmatch(field):  # "* Ang Li, Arizona State University"
            authors.extend(text_of(k.spans).split(",")[0].strip() for k in below.children)
    return HeadingCite(tuple(filter(None, authors)), None, None, False, tuple(links), ())


_OPENING_FIELD = re.compile(r"\s*(?:authors?|abstract)\s*:?\s*", re.IGNORECASE)
_AUTHORS_FIELD = re.compile(r"\s*authors?\s*:?\s*", re.IGNORECASE)
_LINKS_FIELD = re.compile(r"\s*(?:links?|pdf|urls?)\s*:?\s*", re.IGNORECASE)


def cited_context(cite: HeadingCite, topics: tuple[str, ...], venue: VenueGuess | None) -> Context:
    """How the heading naming a work is read: a paper's place, with what is said of it."""
    ctx = Context(topics, venue, plain_ok=True, paper_place=True)
    ctx.extra_links, ctx.extra_venue, ctx.extra_year = list(cite.links), cite.venue, cite.year
    ctx.extra_authors = cite.authors
    return ctx


def cited_reading(
    c: Candidate,
    cite: HeadingCite,
    section: tuple[tuple[str, ...], VenueGuess | None],
    read: Reader,
) -> Reading:
    """The heading's paper (a book is none), then its lines' skips: they are notes on it."""
    if cite.book:
        entries: list[Entry] = []
        skipped = [(c.line, f"{NON_PAPERS}: a book: {snippet(c.spans)}")]
    else:
        entries, skipped = read(cite.title or c.spans, c.line, cited_context(cite, *section))
    notes = f"{NOTES}: notes on line {c.line}"
    return entries, skipped + [(k.line, notes) for k in c.children if k not in cite.used]


def _names_the_paper(link: Span) -> bool:
    """``[PDF Link](https://...)``, ``[arXiv](...)``: a label for the paper itself, on the web.

    ``[Link](Architecture/Notes.md)`` under a topic heading is the writer's own page on it.
    """
    label = link.text.strip().strip("[]() ").casefold()
    web = (link.href or "").startswith(("http://", "https://"))
    return web and not link.badge and label not in _VAGUE and is_paper_label(label)


_VAGUE = frozenset({"", "link", "links", "url", "here", "web", "website", "site", "download"})


def _venue(container: list[str], rest: str, year: int | None) -> VenueGuess | None:
    """Where the work appeared: a venue named in the lines, else a journal with its volume."""
    if (acronym := _ACRONYM.search(rest)) is not None:  # "... Systems Engineering (INCOSE)"
        return VenueGuess(acronym.group(1), year)
    found = venue_in(rest) or parse_venue(container[0])
    if found is not None:
        return found if found.year or year is None else VenueGuess(found.name, year)
    name = re.split(r"\s+(?:\d|vol\b|Vol\b)", container[0], maxsplit=1)[0].strip(" ,.")
    if name and (looks_like_venue(name, with_year=False) or _VOLUME.search(rest)):
        return VenueGuess(name, year)  # "Automatica, Volume 19, Issue 6, November 1983"
    return None


def _book(container: list[str], year: int | None) -> bool:
    """A publisher's name (``Princeton University Press``, ``Vintage``) and a year only."""
    head = container[0]
    if _YEAR_LINE.match(head):
        return False  # only a date: "Feb. 2013"
    if is_book(head) or _PUBLISHER.search(head):
        return True
    if _INSTITUTION.search(" ".join(container)) or _VOLUME.search(" ".join(container)):
        return False  # a report of a laboratory, a journal's volume
    dated = [line for line in container[1:] if not _YEAR_LINE.match(line)]
    return year is not None and not dated and len(head.split()) <= _MAX_NAME_WORDS


def _only_links(spans: list[Span]) -> bool:
    """A paragraph of links alone: ``[pdf](...)``, ``<https://doi.org/...>``."""
    return any(s.is_link for s in spans) and not any(s.text.strip() for s in spans if not s.is_link)
