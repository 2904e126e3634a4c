"""Importing one markdown paper list: detect its family, read its papers, settle venues and ids.

Pure: text in, ``ParsedList`` out. Built on markdown-it-py's token stream (see ``blocks``);
regular expressions only ever look at the text of one inline (a venue suffix, a tag group).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TypeVar

from papershelf.catalog import family_a, family_b
from papershelf.catalog.blocks import (
    MAX_NESTING,
    Block,
    Heading,
    Item,
    NestingError,
    parse_blocks,
    walk,
)
from papershelf.catalog.candidates import Parsed, parse_markdown
from papershelf.catalog.decide import is_blog, is_slides
from papershelf.catalog.entry import Entry, Found, Skipped, VenueName
from papershelf.catalog.inline import pieces_of, plain
from papershelf.catalog.links import MAX_LINKS
from papershelf.catalog.meta import read_meta
from papershelf.catalog.sectioned import sectioned_or_general
from papershelf.catalog.skips import NON_PAPERS, NOTES, TOC, TOOLS, kind_of, skip_summary
from papershelf.catalog.venue import split_label
from papershelf.catalog.venue_text import parse_venue
from papershelf.domain.identity import distinct_id, symbols
from papershelf.domain.ids import paper_id
from papershelf.domain.links import PLAIN_WEB, web_url
from papershelf.domain.models import Paper, ParsedList, Venue
from papershelf.domain.text import alnum_key, one_line, sanitize
from papershelf.domain.venues import split_venue
from papershelf.errors import ListError

_T = TypeVar("_T")

UNKNOWN_VENUE = ""
"""The venue of a paper whose list names none: never a section title, never the file name."""

MAX_LINE = 20_000
"""Longer lines are skipped before parsing: no entry is that long, and it bounds the work."""

_UNICODE_BREAKS = {0x2028: " ", 0x2029: " ", 0x85: " ", 0x0B: " ", 0x0C: " "}
_HAS_UNICODE_BREAK = re.compile("[\u2028\u2029\x85\x0b\x0c]")


def parse_list(
    text: str, *, source: str, venue: str | None = None, keep: list[object] | None = None
) -> ParsedList:
    """The papers of one list (withdrawn ones included), its venues and what was skipped.

    ``source`` is the file name recorded in each paper; ``venue`` (``"OSDI 2024"`` or just a
    name) overrides every paper's venue. Raises ``ListError`` when the list holds no paper.
    ``keep`` gets the parse's own objects (token tree, blocks, entries): a process that exits
    soon after (``parse_ahead``'s child) need not spend the time to free them.
    """
    try:
        return _parse(text, source=source, venue=venue, keep=[] if keep is None else keep)
    except RecursionError:  # markdown-it's nesting limit should make this unreachable
        raise ListError(f"{source}: nested too deeply to read") from None
    except NestingError as exc:
        levels = (MAX_NESTING - 1) // 2
        raise ListError(
            f"{source}: line {exc.line}: lists nested more than {levels} levels deep; "
            "the rest of the file cannot be read, so nothing was imported"
        ) from None


def _parse(text: str, *, source: str, venue: str | None, keep: list[object]) -> ParsedList:
    # Neutralised before parsing, so an escape sequence can neither reach a field nor hide
    # markdown from the parser; fields are sanitised again (entities can decode to controls).
    # Unicode line and paragraph separators are not markdown line breaks: two in a row
    # must not end an entry's paragraph.
    if _HAS_UNICODE_BREAK.search(text):  # rare: a scan is much quicker than translate
        text = text.translate(_UNICODE_BREAKS)
    text, skipped = _drop_long_lines(sanitize(text, multiline=True))
    if "-[" in text:
        text = _GLUED_BULLET.sub(r"\1- [", text)
    parsed = parse_markdown(text)
    blocks = parse_blocks(text, parsed.tokens)
    titled = _title_venue(blocks)
    found, general = _read(
        blocks, text, parsed, venue_known=titled is not None and titled[1] is not None
    )
    keep.extend((parsed, blocks, found))
    if general:
        titled = None  # the general reader settles each entry's venue itself
    skipped.extend(found.skipped)
    if not found.entries:
        if skipped:  # say what it saw instead
            raise ListError(f"{source}: no papers found; skipped {skip_summary(skipped)}")
        raise ListError(
            f"{source}: no papers found (no list items, table rows or paragraphs that name a "
            f"paper, and no paper bullets under a 'Papers' heading)"
        )
    override = _override(venue)
    list_venue = override or titled or (UNKNOWN_VENUE, None)
    papers, venue_names = _papers(
        found.entries, source=source, override=override, default=list_venue
    )
    meta = read_meta(blocks, before_line=found.first_line)
    list_key = Venue(*list_venue).label.casefold()
    venues = [
        Venue(name, year, meta.homepage, meta.paper_list, meta.acceptance_rate)
        if label.casefold() == list_key
        else Venue(name, year)
        for label, (name, year) in venue_names.items()
    ]
    return ParsedList(
        papers=tuple(papers),
        venues=tuple(venues),
        skipped=tuple(sorted(skipped)),
        entries=len(found.entries),
        unsafe_links=_unsafe_links(blocks),
    )


# "    -[Title](url) ...": a bullet whose space was left out is still a bullet (markdown reads
# it as the text of the line above, and the entry is lost in the one before it).
_GLUED_BULLET = re.compile(r"^([ \t]*)-\[(?=[^\]\n]{3,}\]\()", re.MULTILINE)


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def _unsafe_links(blocks: list[Block]) -> tuple[tuple[int, str], ...]:
    """(line, scheme) of the links in list items that no paper keeps: ``file:``, ``data:``...

    Relative links are not counted: lists use them for their own pages, not as paper links.
    """
    found: list[tuple[int, str]] = []
    items = walk([b for b in blocks if isinstance(b, Item)])
    for item in items:
        for inline in (item.inline, *item.notes):
            for tok in (inline.children or []) if inline is not None else []:
                if tok.type != "link_open":
                    continue
                href = str(tok.attrs.get("href", ""))
                stripped = href.strip()
                if PLAIN_WEB.fullmatch(stripped):  # most links: ``web_url`` keeps them
                    continue
                scheme = _SCHEME.match(stripped)
                if scheme and web_url(href) is None:
                    found.append((item.line, scheme.group(1).lower() + ":"))
    return tuple(found)


def _read(
    blocks: list[Block], text: str, parsed: Parsed, *, venue_known: bool
) -> tuple[Found, bool]:
    """The seed families' reading when it is the fuller one, else the general reader's.

    A list with a ``Papers`` heading is a sectioned (family B) list when that reading finds
    papers under it. Otherwise the tagged (family A) or sectioned reading is kept when it
    finds at least as many papers (and venues) as the general reader and the general reader
    does not dispute any of them (``_disputed``: a link to another list, a table of contents,
    a repository or a blog, which the seed shapes cannot tell from a paper; the general
    reader's skips then account for what it left out).
    """
    if family_b.has_papers_heading(blocks):
        sectioned = family_b.parse(blocks, venue_known=venue_known)
        if sectioned.entries:
            if venue_known:  # the list's title names every paper's venue
                return sectioned, False
            return sectioned_or_general(sectioned, blocks, text, parsed)
    old = family_a.parse(blocks)
    if not old.entries:
        old = family_b.parse(blocks, venue_known=venue_known)
    named = all(entry.venue is not None for entry in old.entries)
    if old.entries and named and _covers(blocks, old, text):
        return old, False  # nothing left for the general reader to find: skip its parse
    from papershelf.catalog import engine  # only lists the seed families cannot settle

    general = engine.read_list(text, parsed)
    if not general.entries:
        return (old if old.entries or old.skipped else general), False
    rejected = {line: kind_of(why) for line, why in general.skipped}
    read = {entry.line: entry for entry in general.entries}
    lines = text.splitlines()
    disputed = any(
        _disputed(entry, rejected.get(entry.line))
        or _authors_as_title(entry, read.get(entry.line))
        or _runs_past_line(entry, read.get(entry.line), lines)
        for entry in old.entries
    )
    # Venues first, then years read without one ("Title (2023, UC Berkeley)" dates a paper).
    named_old, named_general = _named(old.entries), _named(general.entries)
    fuller = len(old.entries) >= len(general.entries) and named_old >= named_general
    if fuller and named_old == named_general:  # links only the general reader saw (sub-bullets)
        fuller = sum(bool(e.links) for e in old.entries) >= sum(
            bool(e.links) for e in general.entries
        )
    if old.entries and fuller and not disputed:
        return old, False
    return general, True


def _named(entries: list[Entry]) -> tuple[int, int]:
    """(entries with a venue, entries with a venue or a year): what a reading settled."""
    venues = sum(e.venue is not None for e in entries)
    return venues, venues + sum(e.venue is None and e.year is not None for e in entries)


def _disputed(entry: Entry, kind: str | None) -> bool:
    """Whether the general reader rightly calls a seed-family entry no paper.

    A link to another list, an anchor or a repository is plain from the link itself; a blog
    or a talk's slides only when the entry's first link is one (other non-paper calls rest on
    weaker cues).
    """
    if kind in (NOTES, TOC, TOOLS):
        return True
    if kind != NON_PAPERS or not entry.links:
        return False
    return is_blog(entry.links[0].url) or is_slides(entry.links[0].url)


def _authors_as_title(entry: Entry, general: Entry | None) -> bool:
    """Whether the seed reading took the authors before a linked title for the title.

    ``R. Eymard, T. Gallouët, and R. Herbin, [Finite Volume Methods](...)``: the general
    reader read the link as the title and the names as its authors.
    """
    if general is None or not general.authors or general.title == entry.title:
        return False
    return entry.title.startswith(general.authors[0])


def _runs_past_line(entry: Entry, general: Entry | None, lines: list[str]) -> bool:
    """Whether the seed reading ran the title into the line below it.

    ``1. **"Title"**`` then ``Goyal et al., Facebook AI Research, 2017``: the general reader
    ends the title with its line; the names below are its byline.
    """
    if general is None or general.title == entry.title or not 0 < entry.line <= len(lines):
        return False
    raw = lines[entry.line - 1].rstrip()
    if raw[-1:] not in _CLOSING:
        return False  # "- **Mu: Bold Title, Bold Venue" wraps: the title goes on below
    line = alnum_key(raw)
    return alnum_key(general.title) in line and alnum_key(entry.title) not in line


_CLOSING = frozenset('*_"”’)]')
"""What closes a title's markup at the end of its line (``**"Title"**``)."""


# An HTML list or table, or a table's delimiter row (first line or after a "\n": not ^ in re.M).
_HTML_SHAPES = re.compile(r"<(?:li|td|tr)\b", re.I)
_ROW, _LATER_ROW = (re.compile(at + r"[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|") for at in ("", "\n"))


def _covers(blocks: list[Block], found: Found, text: str) -> bool:
    """Whether the seed families' reading accounts for everything that may hold a paper.

    Every bullet with text and every paragraph with a link (or a bare URL) gave an entry or
    a skip, and there is no table or HTML list: the general reader could not find more, so
    its parse is skipped (large lists in the seed shapes import at the old speed).
    """
    if _HTML_SHAPES.search(text) or _ROW.match(text) or _LATER_ROW.search(text):
        return False
    seen = {entry.line for entry in found.entries}
    seen.update(line for line, _ in found.skipped)
    stack: list[Block] = list(reversed(blocks))
    while stack:
        block = stack.pop()
        if isinstance(block, Heading) or block.line in seen:
            continue
        inline = block.inline
        if isinstance(block, Item):
            if block.children:
                stack.extend(reversed(block.children))
            elif inline is not None and inline.content.strip():
                return False
        elif inline is not None and (
            "://" in inline.content or any(t.type == "link_open" for t in inline.children or ())
        ):
            return False
    return True


def _drop_long_lines(text: str) -> tuple[str, list[Skipped]]:
    if len(text) <= MAX_LINE:
        return text, []
    lines = text.split("\n")
    reason = f"line longer than {MAX_LINE} characters"
    skipped = [(n, reason) for n, line in enumerate(lines, 1) if len(line) > MAX_LINE]
    if not skipped:
        return text, []
    return "\n".join("" if len(line) > MAX_LINE else line for line in lines), skipped


def _title_venue(blocks: list[Block]) -> VenueName | None:
    """The list's H1 as its venue when it names one (``# MLSys 2025``, ``# ASPLOS25``).

    A title that names a series names a venue (``# Hostile Conf 2025``); one that only names
    the list (``# Reading list 2025``, ``# Systems for Foundation Models``) does not: its
    papers' venue is their own, else unknown.
    """
    for block in blocks:
        if isinstance(block, Heading) and block.level == 1:
            text = plain(pieces_of(block.inline))
            return split_label(text) if parse_venue(text) is not None else None
    return None


def _override(venue: str | None) -> VenueName | None:
    if venue is None or not one_line(venue):
        return None
    return split_venue(one_line(venue))


def _canonical_names(names: list[str]) -> dict[str, str]:
    """One spelling per venue name: the most used one (``arxiv`` and ``Arxiv`` are one venue)."""
    counts = Counter(names)
    best: dict[str, str] = {}
    for name in names:
        key = name.casefold()
        if key not in best or counts[name] > counts[best[key]]:
            best[key] = name
    return {name: best[name.casefold()] for name in counts}


def _papers(
    entries: list[Entry], *, source: str, override: VenueName | None, default: VenueName
) -> tuple[list[Paper], dict[str, VenueName]]:
    """Papers in list order (same-id entries merged) and each venue label's name and year."""
    chosen = [override or entry.venue or default for entry in entries]
    spelling = _canonical_names([name for name, _ in chosen])
    groups: dict[str, list[Entry]] = {}
    labels: dict[str, tuple[str, int | None]] = {}
    venues: dict[str, VenueName] = {}
    known: dict[tuple[str, int | None], str] = {}  # (name, year) -> label: few per list
    for entry, (name, year) in zip(entries, chosen, strict=True):
        if name == UNKNOWN_VENUE:
            # No venue: the label stays unknown, the year an entry states is still its year.
            label, year = UNKNOWN_VENUE, entry.year
        elif (name, year) in known:
            label = known[name, year]
        else:
            label = known[name, year] = Venue(spelling[name], year).label
            venues.setdefault(label, (spelling[name], year))
        pid = paper_id(label, entry.title)
        if pid in groups and symbols(groups[pid][0].title) != symbols(entry.title):
            # ZeRO and ZeRO++ fold to one title; the symbols say they are two papers.
            pid = distinct_id(label, entry.title)
        groups.setdefault(pid, []).append(entry)
        labels.setdefault(pid, (label, year))
    papers = [_paper(pid, group, *labels[pid], source=source) for pid, group in groups.items()]
    return papers, venues


def _union(parts: Iterable[tuple[_T, ...]], limit: int | None = None) -> tuple[_T, ...]:
    merged = dict.fromkeys(item for part in parts for item in part)
    return tuple(merged)[:limit]


def _once(items: tuple[_T, ...]) -> tuple[_T, ...]:
    if type(items) is tuple and len(items) < 2:  # most fields: no dict.fromkeys to build
        return items
    return tuple(dict.fromkeys(items))


def _paper(pid: str, group: list[Entry], label: str, year: int | None, *, source: str) -> Paper:
    """One paper from its entries: the same paper listed twice gets both entries' details."""
    first = group[0]
    if len(group) == 1:  # most papers: the entry's own details, each kept once
        return Paper(
            id=pid,
            title=first.title,
            venue=label,
            year=year,
            authors=first.authors or (),
            topics=_once(first.topics),
            links=_once(first.links)[:MAX_LINKS],
            affiliations=_once(first.affiliations),
            awards=_once(first.awards),
            remarks=_once(first.remarks),
            withdrawn=bool(first.withdrawn),
            source=source,
            line=first.line,
        )
    if year is None and label == UNKNOWN_VENUE:  # "[Title](url)", later "[Title](url) [2018]"
        year = next((e.year for e in group if e.year is not None), None)
    return Paper(
        id=pid,
        title=first.title,
        venue=label,
        year=year,
        authors=next((e.authors for e in group if e.authors), ()),
        topics=_union(e.topics for e in group),
        links=_union((e.links for e in group), MAX_LINKS),
        affiliations=_union(e.affiliations for e in group),
        awards=_union(e.awards for e in group),
        remarks=_union(e.remarks for e in group),
        withdrawn=all(e.withdrawn for e in group),
        source=source,
        line=first.line,
    )
