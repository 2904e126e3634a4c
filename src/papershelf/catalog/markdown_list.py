"""Importing one markdown paper list: detect its family, read its papers, settle venues and ids.

Pure: text in, ``ParsedList`` out. Built on markdown-it-py's token stream (see ``blocks``);
regular expressions only ever look at the text of one inline (a venue suffix, a tag group).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import TypeVar

from papershelf.catalog.bib_lists import bib_lists
from papershelf.catalog.bib_lists import may_hold as may_hold_bibtex
from papershelf.catalog.blocks import (
    MAX_NESTING,
    Block,
    Heading,
    Item,
    NestingError,
    parse_blocks,
    walk,
)
from papershelf.catalog.candidates import parse_markdown
from papershelf.catalog.entry import Entry, Skipped, VenueName
from papershelf.catalog.inline import pieces_of, plain
from papershelf.catalog.links import MAX_LINKS
from papershelf.catalog.marked_lines import bulleted
from papershelf.catalog.meta import read_meta
from papershelf.catalog.reading_choice import read_list_of
from papershelf.catalog.skips import skip_summary
from papershelf.catalog.venue import split_label
from papershelf.catalog.venue_text import parse_venue
from papershelf.domain.identity import distinct_id, symbols
from papershelf.domain.ids import paper_id
from papershelf.domain.links import PLAIN_WEB, web_url
from papershelf.domain.models import Paper, ParsedList, Venue
from papershelf.domain.text import one_line, sanitize
from papershelf.domain.venues import split_venue
from papershelf.errors import ListError

_T = TypeVar("_T")

UNKNOWN_VENUE = ""
"""The venue of a paper whose list names none: never a section title, never the file name."""

PART = 1000
"""Papers handed to ``parse_list``'s ``papers_to`` at a time."""

MAX_LINE = 20_000
"""Longer lines are skipped before parsing: no entry is that long, and it bounds the work."""

_UNICODE_BREAKS = {0x2028: " ", 0x2029: " ", 0x85: " ", 0x0B: " ", 0x0C: " "}
_HAS_UNICODE_BREAK = re.compile("[\u2028\u2029\x85\x0b\x0c]")


def parse_list(
    text: str,
    *,
    source: str,
    venue: str | None = None,
    keep: list[object] | None = None,
    ahead: bool = False,
    papers_to: Callable[[Sequence[Paper]], None] | None = None,
) -> ParsedList:
    """The papers of one list (withdrawn ones included), its venues and what was skipped.

    ``source`` is the file name recorded in each paper; ``venue`` (``"OSDI 2024"`` or just a
    name) overrides every paper's venue. Raises ``ListError`` when the list holds no paper.
    ``keep`` gets the parse's own objects (token tree, blocks, entries): a process that exits
    soon after (``parse_ahead``'s child) need not spend the time to free them. ``ahead``:
    this process may fork a second reader for a long list (``read_ahead``). ``papers_to`` is
    given the papers in parts of ``PART``, in order, as they are made, before the list's
    venues and unsafe links are read (``parse_ahead``'s child sends each part on meanwhile).
    """
    try:
        keep = [] if keep is None else keep
        return _parse(text, source=source, venue=venue, keep=keep, ahead=ahead, papers_to=papers_to)
    except RecursionError:  # markdown-it's nesting limit should make this unreachable
        raise ListError(f"{source}: nested too deeply to read") from None
    except NestingError as exc:
        levels = (MAX_NESTING - 1) // 2
        raise ListError(
            f"{source}: line {exc.line}: lists nested more than {levels} levels deep; "
            "the rest of the file cannot be read, so nothing was imported"
        ) from None


def _parse(
    text: str,
    *,
    source: str,
    venue: str | None,
    keep: list[object],
    ahead: bool,
    papers_to: Callable[[Sequence[Paper]], None] | None,
) -> ParsedList:
    # Neutralised before parsing, so an escape sequence can neither reach a field nor hide
    # markdown from the parser; fields are sanitised again (entities can decode to controls).
    # Unicode line and paragraph separators are not markdown line breaks: two in a row
    # must not end an entry's paragraph.
    if _HAS_UNICODE_BREAK.search(text):  # rare: a scan is much quicker than translate
        text = text.translate(_UNICODE_BREAKS)
    text, skipped = _drop_long_lines(sanitize(text, multiline=True))
    if "-[" in text:
        text = _GLUED_BULLET.sub(r"\1- [", text)
    text = bulleted(text)  # "[*] Title, 1964" a line, no bullets: the list it stands for
    if may_hold_bibtex(text):  # a bibliography in a fenced block: a bullet per entry
        text = bib_lists(text)
    if "color{" in text:  # "$\color{red}{(Read)(New)}$ Title": the reader's coloured mark
        text = _COLOURED.sub(_uncoloured, text)
    parsed = parse_markdown(text)
    blocks = parse_blocks(text, parsed.tokens)
    titled = _title_venue(blocks)
    override = _override(venue)
    venue_known = titled is not None and titled[1] is not None
    # Papers without a venue of their own take this one's name and year (``_papers``).
    named = (override or titled or (UNKNOWN_VENUE, None))[0] != UNKNOWN_VENUE
    found, general = read_list_of(
        blocks, text, parsed, venue_known=venue_known, named=named, ahead=ahead
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
    list_venue = override or titled or (UNKNOWN_VENUE, None)
    groups, labels, venue_names = _groups(found.entries, override=override, default=list_venue)
    made = (_paper(pid, group, *labels[pid], source=source) for pid, group in groups.items())
    if papers_to is None:
        papers = list(made)
    else:  # made a part at a time, each handed on before the next is made
        papers = []
        while part := list(islice(made, PART)):
            papers += part
            papers_to(part)
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
# "$\color{red}{(Read)}$", "$\textcolor{blue}{New}$": TeX colouring a few words of a line
_COLOURED = re.compile(
    r"\$\\(?:text)?color\{[^{}$\n]{1,20}\}\{(?P<inner>[^{}$\n]{0,60})\}\$(?P<space> ?)"
)
_STATUS_MARKS = re.compile(r"(?:\s*\([^()]{1,20}\))+\s*")


def _uncoloured(m: re.Match[str]) -> str:
    """The coloured words, or nothing when they are only marks in brackets (``(Read)(New)``).

    A mark dropped takes its space along: ``-  Title`` would move the item's text a column
    right, and the bullets under it would no longer be nested in it.
    """
    inner = m.group("inner")
    return "" if _STATUS_MARKS.fullmatch(inner) else inner + m.group("space")


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


def _groups(
    entries: list[Entry], *, override: VenueName | None, default: VenueName
) -> tuple[dict[str, list[Entry]], dict[str, tuple[str, int | None]], dict[str, VenueName]]:
    """Each paper's entries by id in list order (same-id entries are one paper), and labels.

    The labels: each paper's venue label and year, and each venue label's name and year.
    """
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
    return groups, labels, venues


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
