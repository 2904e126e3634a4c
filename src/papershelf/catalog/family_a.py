"""Tagged lists (family A): ``[tags] [Title](url). Authors. VENUE'YY``, one entry per block.

Also the reading-log variant ``[<mark>tags</mark>] **Title**. X et.al. **VENUE**, **YEAR**``
and tagless entries. An entry is a paragraph or a list item whose text starts (after strike
markers) with an optional tag group and then the title: a link that is not an in-page anchor,
or, in a list item, bold text followed by a period.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from papershelf.catalog.affiliations import names_without_affiliations
from papershelf.catalog.blocks import Block, Heading, Item, Paragraph
from papershelf.catalog.entry import Entry, Found, VenueName
from papershelf.catalog.fields import authors_in, is_generic, word_count
from papershelf.catalog.inline import MAX_TITLE, Piece, clean_text, clean_title, pieces_of, plain
from papershelf.catalog.inline import split_list as split_parts
from papershelf.catalog.links import (
    collect,
    is_bare_url,
    normalize_url,
    shown_arxiv_year,
    title_link_kind,
)
from papershelf.catalog.page_titles import venue_label
from papershelf.catalog.skips import UNREADABLE
from papershelf.catalog.titles import bracket_note
from papershelf.catalog.venue import bold_venue, entry_suffix, split_label
from papershelf.catalog.venue_text import name_qualifier, parse_venue
from papershelf.catalog.year_tag import title_year, trailing_year
from papershelf.domain.models import Link

_LEAD = re.compile(r"[\s~]*(?:[-*+]\s+)?[\s~]*(?:\[(?P<tags>[^\[\]]*)\])?[\s~]*", re.DOTALL)
# A title whose link did not parse (a destination with spaces, or a space before a path's
# parentheses): read from the text itself.
_TEXT_ENTRY = re.compile(
    r"[\s~]*(?:[-*+]\s+)?[\s~]*(?:\[(?P<tags>[^\[\]]*)\]\s*)?"
    r"\[(?P<title>[^\[\]]+)\](?: (?=\([^()]*/))?"
    r"\((?P<dest>(?:[^()]|\([^()]*\))*)\)(?P<rest>(?:[.,;:(\s~-].*)?)",
    re.DOTALL,
)
_READING_NOTE = re.compile(r"\s*\((optional|required|recommended|suggested)\)\s*$", re.I)
_AFTER_TITLE = (".", ",", ";", ":", "(", "-", "–", "—")
_ET_AL = re.compile(r"\bet\.?\s*al\.$")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")
_SUFFIX_WINDOW = 240


def parse(blocks: list[Block]) -> Found:
    """The tagged entries of ``blocks``."""
    found = Found()
    section = _Section()
    for block in blocks:
        if isinstance(block, Heading):
            section = _Section(block.inline)
        elif isinstance(block, Paragraph):
            _take(found, entry(block.inline, block.line, in_list=False, section=None), section)
        else:
            _items(found, block, section)
    return found


class _Section:
    """The venue a section heading names, read only when an entry without one is found.

    A list whose headings are paper titles (and whose bullets are no entries here) reads none.
    """

    __slots__ = ("_inline", "_read", "_venue")

    def __init__(self, inline: Token | None = None) -> None:
        self._inline = inline
        self._read = inline is None
        self._venue: VenueName | None = None

    def venue(self) -> VenueName | None:
        if not self._read:
            self._read = True
            self._venue = _heading_venue(plain(pieces_of(self._inline)))
        return self._venue


def _items(found: Found, top: Item, section: _Section) -> None:
    stack = [top]
    while stack:
        item = stack.pop()
        read = entry(item.inline, item.line, in_list=True, section=None)
        if read is None:
            stack.extend(reversed(item.children))
        else:
            _take(found, read, section)


def _take(found: Found, result: Entry | tuple[int, str] | None, section: _Section) -> None:
    if result is None:
        return
    if isinstance(result, tuple):
        found.skipped.append(result)
        line = result[0]
    else:
        if result.venue is None:  # what ``entry`` gives with the section's venue
            result.venue = section.venue()
        found.entries.append(result)
        line = result.line
    if not found.first_line:
        found.first_line = line


def _heading_venue(text: str) -> VenueName | None:
    """A section heading that names a venue (``## NIPS``, ``## OSDI '24``) for tagless entries.

    Months, topics and term names (``## Caching 2024.1``) are not venues.
    """
    if not any(ch.isalpha() for ch in text) or parse_venue(text) is None:
        return None
    return split_label(text)


def entry(
    inline: Token | None, line: int, *, in_list: bool, section: VenueName | None
) -> Entry | tuple[int, str] | None:
    """The entry an inline holds; a (line, reason) pair when it cannot be read; else None."""
    if inline is None:
        return None
    pieces = pieces_of(inline)
    start = 0
    while start < len(pieces) and not pieces[start].is_link and not pieces[start].strong:
        start += 1
    lead = "".join(p.text for p in pieces[:start])
    if start == len(pieces) or (lead_match := _LEAD.fullmatch(lead)) is None:
        return _text_entry(lead, line, section) if start == len(pieces) else None
    head = pieces[start]
    rest = pieces[start + 1 :]
    if head.is_link and ((head.href or "").startswith("#") or head.image):
        return None  # a table-of-contents link, or a link around an image (a logo, a badge)
    if head.is_link and is_generic(head.text) and any(p.is_link for p in rest):
        return None  # "[:scroll:](copy.pdf) [Title](url)": the general reader reads the pair
    if head.is_link and any(p.emph for p in rest) and venue_label(head.text):
        return None  # "[ICFP'21](url): Names, _Title_.": the general reader takes the title
    after = "".join(p.text for p in rest if not p.is_link).lstrip(" ~\t")
    if head.is_link:
        if rest and not after.startswith(_AFTER_TITLE) and (after or rest[0].is_link):
            return None
    elif not in_list or not after.startswith((".", ",")) or _names_then_bold(head, rest):
        return None
    withdrawn = inline.content.lstrip().startswith("~") or head.struck
    url = normalize_url(head.href) if head.href else None
    first = Link(title_link_kind(url), url) if url else None
    return _build(
        head.text,
        line,
        tags=lead_match.group("tags"),
        rest=rest,
        first=first,
        withdrawn=withdrawn or head.text.lstrip().startswith("~"),
        section=section,
    )


def _names_then_bold(head: Piece, rest: list[Piece]) -> bool:
    """``**First Author**, Others: </br> **Title.**``: the bold lead is a name, not the title.

    The names run (bold first author included) up to a later bold run of three words or more
    that names no venue: that run is the title, which the general reader takes.
    """
    names = [head.text]
    for piece in rest:
        if piece.strong and not piece.is_link and word_count(piece.text) >= 3:
            shown = " ".join("".join(names).split()).rstrip(" :")
            return parse_venue(piece.text) is None and len(authors_in(shown)) >= 2
        if not piece.is_link:
            names.append(piece.text)
    return False


def _text_entry(text: str, line: int, section: VenueName | None) -> Entry | tuple[int, str] | None:
    m = _TEXT_ENTRY.fullmatch(text)
    if m is None or m.group("dest").startswith("#"):
        return None
    url = normalize_url(m.group("dest"))
    first = Link(title_link_kind(url), url) if url else None
    return _build(
        m.group("title"),
        line,
        tags=m.group("tags"),
        rest=[Piece(m.group("rest"))],
        first=first,
        withdrawn=text.lstrip().startswith("~"),
        section=section,
    )


def _build(
    raw_title: str,
    line: int,
    *,
    tags: str | None,
    rest: list[Piece],
    first: Link | None,
    withdrawn: bool,
    section: VenueName | None,
) -> Entry | tuple[int, str]:
    raw_title, stated = title_year(raw_title)
    # "Title (Optional)": how to read it, not its name
    note = _READING_NOTE.search(raw_title) if raw_title.endswith(")") else None
    title = bracket_note(clean_title(raw_title[: note.start()] if note else raw_title))[0]
    if not title:
        return (line, "entry without a title")
    if title.count(" ") <= 1 and (is_generic(title) or is_bare_url(title)):  # "[pdf](...)"
        return (line, f"{UNREADABLE}: a link without a title")
    if len(title) > MAX_TITLE:
        return (line, f"title longer than {MAX_TITLE} characters")
    authors, tail_venue = _tail(rest)
    venue = tail_venue or _tag_venue(tags) or section
    qualifier = None
    if venue is not None:  # "**ICLR Poster**, **2025**": Poster is a remark, ICLR the venue
        name, qualifier = name_qualifier(venue[0])
        venue = (name, venue[1])
    return Entry(
        title=title,
        line=line,
        venue=venue,
        authors=authors,
        topics=tuple(split_parts(tags)) if tags else (),
        links=collect(rest, first),
        withdrawn=withdrawn,
        remarks=(qualifier,) if qualifier else (note.group(1),) if note else (),
        year=None if venue else stated or _shown_year(raw_title, rest),
    )


def _shown_year(raw_title: str, rest: list[Piece]) -> int | None:
    """The year closing the entry, else the one an arXiv id it shows gives.

    Asked only of an entry without a venue.
    """
    after = "".join(p.text for p in rest if not p.is_link)
    return trailing_year(after) or shown_arxiv_year(raw_title, [p.text for p in rest if p.is_link])


def _tag_venue(tags: str | None) -> VenueName | None:
    """``[OSDI'25] [Title](url)``: a tag group that is a venue, for entries with no suffix."""
    found = parse_venue(tags) if tags else None
    if found is None or not found.name or not found.year:
        return None
    # "[ICML 2020 Workshop]": the remark stays with the name, to be read as its qualifier
    return (f"{found.name} {found.remark}" if found.remark else found.name, found.year)


def _tail(rest: list[Piece]) -> tuple[tuple[str, ...], VenueName | None]:
    """Authors and venue from what follows the title."""
    text = "".join(p.text for p in rest if not p.is_link)
    trimmed = text.rstrip(" \t\n~.")
    window = trimmed[-_SUFFIX_WINDOW:]
    suffix = entry_suffix(window)
    if suffix is not None:
        offset, name, year = suffix
        cut = len(trimmed) - len(window) + offset
        return _authors(trimmed[:cut], separator=True), (name, year)
    bold = [p for p in rest if p.strong and not p.is_link and p.text.strip()]
    if bold and any(ch.isalpha() for ch in bold[0].text):  # not "**[Title][n], 2017**"
        before: list[str] = []
        for piece in rest:
            if piece is bold[0]:
                break
            if not piece.is_link:
                before.append(piece.text)
        year_text = bold[1].text if len(bold) > 1 else None
        return _authors("".join(before), separator=True), bold_venue(bold[0].text, year_text)
    return _authors(_first_sentence(trimmed), separator=False), None


def _authors(text: str, *, separator: bool) -> tuple[str, ...]:
    text = clean_text(text).strip(" ~").lstrip(".,;: ").rstrip(",; ")
    if separator and text.endswith(".") and not _ET_AL.search(text):
        text = text[:-1]
    return names_without_affiliations(text) or tuple(split_parts(text, ","))


def _first_sentence(text: str) -> str:
    """Authors of an entry without a venue: up to the first full stop that ends a word."""
    for m in _SENTENCE_END.finditer(text):
        word = text[: m.start()].rsplit(" ", 1)[-1]
        if len(word) > 1 and m.start() > 0:
            return text[: m.start()]
    return text
