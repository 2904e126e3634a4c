"""Sectioned lists (family B): headings and category bullets, one bullet per paper, details below.

Papers are read under a ``Papers`` heading (any level) up to the next level-2 heading; a
list without one (a topical list) is read whole except its meta, glossary and reference
sections. A bullet is a category when it holds no link and one of its children holds a
link or children of its own; otherwise it is a paper and everything below it is detail.
Headings inside the papers part are categories too, except ones naming a venue
(``### OSDI 2024``), which set the venue of the papers under them.
"""

from __future__ import annotations

import re

from papershelf.catalog import family_a
from papershelf.catalog.blocks import Block, Heading, Item
from papershelf.catalog.details import details
from papershelf.catalog.entry import Entry, Found, VenueName
from papershelf.catalog.fields import is_generic
from papershelf.catalog.inline import MAX_TITLE, Piece, clean_title, pieces_of, plain
from papershelf.catalog.links import (
    collect,
    is_bare_url,
    normalize_url,
    shown_arxiv_year,
    title_link_kind,
)
from papershelf.catalog.page_titles import split_page_tail, title_after_id
from papershelf.catalog.reading_items import reading_label
from papershelf.catalog.skips import UNREADABLE
from papershelf.catalog.titles import bracket_note
from papershelf.catalog.venue import is_venue_heading, parenthetical, split_label, venue_in
from papershelf.catalog.year_tag import title_year, trailing_year
from papershelf.domain.models import Link

TOPIC_SEPARATOR = " > "
_PAPERS = "papers"
_NOT_PAPERS = re.compile(
    r"(?:acronyms?|abbreviations?|glossary|references?|meta\s*info(?:rmation)?|"
    r"table\s+of\s+contents?|contents|toc|licen[cs]e|contributing|contributors?|"
    r"acknowledge?ments?|about|related(?:\s+\w+)?|see\s+also|changelog|notes?)",
    re.IGNORECASE,
)
_TAG_GROUP = re.compile(r"[\s~]*\[[^\[\]]*\][\s~]*")
_TRAILING_GROUP = re.compile(r"\s*\[[^\[\]]*\]\s*$")


def has_papers_heading(blocks: list[Block]) -> bool:
    return any(isinstance(b, Heading) and is_papers_heading(b) for b in blocks)


def is_papers_heading(heading: Heading) -> bool:
    return _heading_text(heading).casefold() == _PAPERS


def _heading_text(heading: Heading) -> str:
    if heading.text is None:  # kept: whether the list has a Papers heading asks it first
        heading.text = plain(pieces_of(heading.inline))
    return heading.text


def parse(blocks: list[Block], *, venue_known: bool, years: bool = True) -> Found:
    """The papers of a sectioned list.

    ``venue_known``: the list's title names a venue and year, so per-entry parentheticals
    like ``(arXiv 2312.07104)`` are notes, not the paper's venue. Without ``years`` an
    entry's year is not read from its text (a caller that gives every paper a venue and
    year of its own never asks for it: a twentieth of a big list's parse).
    """
    found = Found()
    sectioned = has_papers_heading(blocks)
    in_papers = not sectioned
    region_level = 2
    excluded_level: int | None = None
    topics: list[tuple[int, str]] = []
    section_venue: tuple[int, VenueName] | None = None
    for block in blocks:
        if isinstance(block, Heading):
            text = _heading_text(block)
            level = block.level
            if sectioned:
                if text.casefold() == _PAPERS:
                    in_papers, region_level = True, min(level, 2)
                    topics.clear()
                    section_venue = None
                    continue
                if level <= region_level:
                    in_papers = False
            elif level == 1:
                topics.clear()
                continue
            else:
                if excluded_level is not None and level <= excluded_level:
                    excluded_level = None
                if excluded_level is None and _NOT_PAPERS.fullmatch(text):
                    excluded_level = level
                in_papers = excluded_level is None
            if not in_papers:
                continue
            while topics and topics[-1][0] >= level:
                topics.pop()
            if section_venue is not None and section_venue[0] >= level:
                section_venue = None
            if is_venue_heading(text):
                section_venue = (level, split_label(text, strict=True))
            elif text:
                topics.append((level, text))
        elif in_papers and isinstance(block, Item):
            path = [t for _, t in topics]
            venue = section_venue[1] if section_venue else None
            _bullets(
                found, block, path, venue, loose=not sectioned, venue_known=venue_known, years=years
            )
    return found


def _has_link(item: Item) -> bool:
    inline = item.inline
    if inline is not None:
        for token in inline.children or ():  # a loop: asked of every bullet and its children
            if token.type == "link_open":
                return True
    return False


def _bullets(
    found: Found,
    top: Item,
    path: list[str],
    venue: VenueName | None,
    *,
    loose: bool,
    venue_known: bool,
    years: bool,
) -> None:
    """Papers among one top-level bullet and its descendants.

    ``loose``: the list has no ``Papers`` heading, so a bare bullet (no link, no details)
    is taken for prose, not for a paper.
    """
    stack: list[tuple[Item, list[str]]] = [(top, path)]
    while stack:
        item, topic_path = stack.pop()
        if not _has_link(item) and any(_has_link(c) or c.children for c in item.children):
            name = plain(pieces_of(item.inline))
            inner = [*topic_path, name] if name else topic_path
            stack.extend((child, inner) for child in reversed(item.children))
            continue
        if loose and not item.children and not _has_link(item):
            continue
        result = _paper(item, topic_path, venue, venue_known=venue_known, years=years)
        if isinstance(result, Entry):
            found.entries.append(result)
        else:
            found.skipped.append(result)
        found.first_line = found.first_line or item.line


def _paper(
    item: Item,
    path: list[str],
    section_venue: VenueName | None,
    *,
    venue_known: bool,
    years: bool,
) -> Entry | tuple[int, str]:
    pieces = pieces_of(item.inline)
    start = 0
    while start < len(pieces) and pieces[start].href is None and not pieces[start].text.strip():
        start += 1
    first: Link | None = None
    venue: VenueName | None = None
    arxiv_id: str | None = None
    kind_year: int | None = None
    if start < len(pieces) and (pieces[start].href or "").startswith("#"):
        return (item.line, f"table-of-contents links: {pieces[start].text}")
    marker = start < len(pieces) and pieces[start].href is not None
    if marker and is_generic(pieces[start].text) and any(p.href for p in pieces[start + 1 :]):
        return (item.line, "a marker link before the title's: the general reader's")  # ":scroll:"
    if start + 1 < len(pieces) and pieces[start + 1].href and reading_label(pieces[start].text):
        start += 1  # "Reading: [Title](url)": the label names what the link is, not the paper
    if start < len(pieces) and pieces[start].href is not None:
        head = [pieces[start]]
        rest = pieces[start + 1 :]
        url = normalize_url(pieces[start].href or "")
        first = Link(title_link_kind(url), url) if url else None
        raw, rest, venue = _linked_title(pieces[start].text, rest)
    else:
        end = start
        while end < len(pieces) and pieces[end].href is None:
            end += 1
        head, rest = pieces[start:end], pieces[end:]
        if rest and _TAG_GROUP.fullmatch("".join(p.text for p in head)):
            # ``[tags] [Title](url). Authors. VENUE'YY`` under a Papers heading: a tagged entry
            tagged = family_a.entry(item.inline, item.line, in_list=True, section=section_venue)
            if tagged is not None:
                return tagged
        raw, rest, linked = _venue_link(head, rest)
        raw = raw.split(" [[", 1)[0]  # a link group whose link did not parse
        if linked is not None:
            venue = linked
        raw = _strip_groups(raw)
        trailing = parenthetical(raw)
        if trailing is not None:
            raw, name, year, arxiv_id = trailing
            venue = venue or ((name, year) if name else None)
            kind_year = None if name else year  # "(preprint'23)": a preprint of 2023
    entry_venue = section_venue or (None if venue_known else venue)
    # Only an entry without a venue needs the year an arXiv id it shows gives.
    raw, stated = title_year(raw)
    stated = stated or kind_year
    if entry_venue is not None or not years:
        shown_year = None
    else:
        after = "".join([p.text for p in rest if p.href is None])
        shown_year = (
            stated
            or trailing_year(after)
            or shown_arxiv_year(raw, [p.text for p in (*head, *rest) if p.href is not None])
        )
    title = bracket_note(clean_title(raw))[0]  # "Title [Lamport]": the note is no title
    if not title:
        return (item.line, "paper bullet without a title")
    if " " not in title and is_bare_url(title):  # "- https://arxiv.org/abs/...": no title
        return (item.line, f"{UNREADABLE}: a bare link without a title")
    if len(title) > MAX_TITLE:
        return (item.line, f"title longer than {MAX_TITLE} characters")
    links = collect(rest, first)
    if arxiv_id and not any(arxiv_id in link.url for link in links):
        links = (*links, Link("arxiv", f"https://arxiv.org/abs/{arxiv_id}"))
    affiliations, awards, remarks = details(item)
    content = item.inline.content if item.inline is not None else ""
    return Entry(
        title=title,
        line=item.line,
        venue=entry_venue,
        topics=(TOPIC_SEPARATOR.join(path),) if path else (),
        links=links,
        affiliations=affiliations,
        awards=awards,
        remarks=remarks,
        withdrawn=content.lstrip().startswith("~") or any(p.struck for p in head),
        year=shown_year,
    )


def _linked_title(label: str, rest: list[Piece]) -> tuple[str, list[Piece], VenueName | None]:
    """The title a linked label gives, with the rest of the entry and a venue it names.

    ``[arXiv:id](url) Title``: the title follows the link; ``[Title | Proceedings of ...]``:
    the title stops before the page's tail, which names the venue.
    """
    if rest and not rest[0].is_link and (after := title_after_id(label, rest[0].text)):
        return after[0], [Piece(after[1]), *rest[1:]], None
    if " | " in label and (page := split_page_tail(label)) is not None:
        return page[0], rest, (page[1].name, page[1].year) if page[1] else None
    return label, rest, None


def _venue_link(head: list[Piece], rest: list[Piece]) -> tuple[str, list[Piece], VenueName | None]:
    """``Title ([SOSP 2023](../sosp-2023/))``: the venue sits in a link inside parentheses."""
    raw = "".join(p.text for p in head)
    stripped = raw.rstrip()
    if len(rest) >= 2 and stripped.endswith("(") and not rest[1].is_link:
        closing = rest[1].text.lstrip()
        found = venue_in(rest[0].text) if closing.startswith(")") else None
        if found is not None:
            name, year, _ = found
            remainder = Piece(closing[1:], None, rest[1].strong, rest[1].emph, rest[1].struck)
            return stripped[:-1], [remainder, *rest[2:]], (name, year)
    return raw, rest, None


def _strip_groups(text: str) -> str:
    """Drop the bracket groups before the first link: ``Title [Paper] [`` -> ``Title``."""
    for _ in range(20):
        before = text
        text = text.rstrip()
        if text.endswith(("[", "(")):
            text = text[:-1]
        if text.rstrip().endswith("]"):  # the pattern's end: a search is tried at every position
            text = _TRAILING_GROUP.sub("", text)
        if text == before:
            break
    return text
