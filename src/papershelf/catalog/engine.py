"""The general reader: every candidate of a list -> papers, or skips with a reason.

Walks ``candidates`` with what a reader keeps in mind: the section path (topics), a heading
that names a venue, the table column an entry sits in, the lines below an item or heading.
Tables: the title column is the one headed ``Title`` (else ``Paper(s)``, else ``Topic`` or
``Name``); other columns give links, a venue or a date.
"""

from __future__ import annotations

import re
from functools import cache, partial
from operator import attrgetter

from papershelf.catalog import fields, sections, table_refs
from papershelf.catalog.candidate import Candidate
from papershelf.catalog.candidates import Parsed, read_document
from papershelf.catalog.chapters import drop_books_read_by_chapter
from papershelf.catalog.cited_headings import notes_below, paper_heading
from papershelf.catalog.columns import (
    EMPTY_CELL,
    SKIP_COLUMNS,
    TITLE_COLUMNS,
    column_kind,
    places_papers,
    row_fields,
    title_columns,
)
from papershelf.catalog.dblp_lines import cited_lines
from papershelf.catalog.entries import read
from papershelf.catalog.entry import Entry, Found
from papershelf.catalog.entry_text import bare_title, names_paper, snippet
from papershelf.catalog.entry_venue import Context
from papershelf.catalog.heading_cites import cited_reading, heading_work
from papershelf.catalog.heading_lines import (
    describes_paper,
    is_meta,
    is_papers_label,
    is_venue_line,
    list_label,
    shared_venues,
)
from papershelf.catalog.item_shapes import (
    bold_title,
    child_lines,
    detail_spans,
    gives_fields,
    is_category,
    is_empty_category,
    is_entry,
    is_plain_title,
    own_link,
    short,
)
from papershelf.catalog.linked_names import item_fields
from papershelf.catalog.list_titles import heads_entries
from papershelf.catalog.plain_titles import lists_plain_titles
from papershelf.catalog.proceedings import authors_with_affiliations
from papershelf.catalog.read_ahead import Reader, shared
from papershelf.catalog.reading_items import over_entries
from papershelf.catalog.sections import below, heading_venue, is_housekeeping, section_of
from papershelf.catalog.siblings import Plain, like_siblings, restore
from papershelf.catalog.skips import LABELS, NO_LINK, NON_PAPERS, NOTES, TOC
from papershelf.catalog.spans import Span, split_lines, text_of
from papershelf.catalog.talks import is_talk_table, lists_topics, shows_paper, topic_reason
from papershelf.catalog.titles import run_together
from papershelf.catalog.venue_lines import heading_venue_title, sub_bullet_venue
from papershelf.catalog.venue_text import VenueGuess
from papershelf.domain.text import alnum_key


def read_list(text: str, parsed: Parsed | None = None, *, ahead: bool = False) -> Found:
    """Every paper of a list, in any shape, with a reason for everything else.

    ``parsed``: the list's tokens when the caller has parsed it already (one parse per import).
    ``ahead``: this process may fork a second reader (``read_ahead``).
    """
    doc = read_document(text, parsed=parsed)
    title_venue = heading_venue(doc.title) if doc.title else None
    talks = lists_topics(doc.candidates)
    plain = cache(partial(lists_plain_titles, doc.candidates))  # asked of few lists

    def walk(reader: Reader, start: int = 0) -> Found:
        walker = _Walker(Found(), title_venue, reader, plain)
        walker.start, walker.talk_topics = start, talks
        walker.note_siblings(doc.candidates)
        walker.visit_all(doc.candidates)
        return walker.found

    with shared(read, walk, text.count("\n"), allowed=ahead) as reader:
        found = walk(reader)
    drop_books_read_by_chapter(found, text)  # "[... (PDKBS)](...)" and "PDKBS 12.1-12.8"
    return found


class _Walker:
    def __init__(self, found: Found, venue: VenueGuess | None, read: Reader, plain: Plain) -> None:
        self.found, self.read, self.plain_titles, self.title_venue = found, read, plain, venue
        self.paper_heading: tuple[int, int] | None = None
        """(level, line) of the heading that is the paper the current headings are notes of."""
        self.titles: set[str] = set()
        """Title keys of the papers found so far (see ``_names_a_paper``)."""
        self.unkeyed: list[str] = []
        """Titles found since a heading last asked: keyed only when one does (most never)."""
        self.bare: list[Candidate] = []
        """Headings with nothing under them, just before the current one (same level)."""
        self.sections: dict[tuple[tuple[int, str], ...], tuple[tuple[str, ...], VenueGuess | None]]
        self.sections = {}
        self.empty_categories: set[int] = set()
        """ids of plain items beside category items: categories with nothing listed yet."""
        self.talk_topics = False
        """The list's talk tables name topics: a plain title there needs a title's shape."""
        self.label = ""
        """What the paragraph just above says the list below holds (``Blogs:``, ``Papers:``)."""
        self.before_list = False
        """The candidate being visited stands just above a list (a blank line at most between)."""
        self.short_names = table_refs.ShortNames()
        self.tables: dict[tuple[str, ...], tuple[set[str], dict[str, str], bool, bool]] = {}
        """Each table header's title columns, column kinds and whether it lists talks."""
        self.link_headings: set[int] = set()
        """ids of headings that are entries: a run of bare headings, each one linked title."""
        self.at: tuple[list[Candidate], int] = ([], 0)
        """The siblings of the candidate being visited, and its place among them."""
        self.start = 0
        """The line a second reader's reading starts at (``read_ahead``); 0 for the reader."""

    def note_siblings(self, siblings: list[Candidate]) -> None:
        """Plain-text items beside an item that is a category are categories too.

        ``8. Sensing and Wireless Communication`` next to ``9. _Programmable Data Planes_``
        holding five titles: the list names its sessions, and only some have papers under them.
        """
        if any(is_category(c) for c in siblings):
            self.empty_categories.update(id(c) for c in siblings if is_empty_category(c))

    def _take(self, entries: list[Entry], skipped: list[tuple[int, str]]) -> None:
        for entry in entries:
            self.found.entries.append(entry)
            self.unkeyed.append(entry.title)
            self.found.first_line = self.found.first_line or entry.line
        self.found.skipped.extend(skipped)

    def _names_a_paper(self, text: str) -> bool:
        """Whether ``text`` is the title of a paper found so far (case and marks aside)."""
        if self.unkeyed:
            self.titles.update(_key(title) for title in self.unkeyed)
            self.unkeyed.clear()
        return _key(text) in self.titles

    def _section(self, c: Candidate) -> tuple[tuple[str, ...], VenueGuess | None]:
        """Topics and venue from the headings above ``c`` (worked out once per heading path)."""
        known = self.sections.get(c.headings)
        if known is None:
            known = self.sections[c.headings] = section_of(c.headings, self.title_venue)
        return known

    def visit(self, c: Candidate) -> None:
        if c.kind == "heading":
            self.label = ""
            self._heading(c)
        elif c.kind == "item":
            self._item(c, ())
        elif c.kind == "paragraph":
            self._paragraph(c)
        elif c.kind == "row":
            self._row(c)
        elif c.kind == "html":
            self._html(c)

    # shapes ---------------------------------------------------------------------
    def _heading(self, c: Candidate) -> None:
        if self.paper_heading is not None and c.level > self.paper_heading[0]:
            # "##### Key Point" under "### Title: ...": notes on that paper, not entries.
            for child in c.children:
                where = f"notes on the paper at line {self.paper_heading[1]}"
                self.found.skipped.append((child.line, f"{NOTES}: {where}"))
            return
        self.paper_heading = None
        if is_housekeeping(c):  # "## Contributing": how to add entries, not entries
            for child in below(c):
                self.found.skipped.append((child.line, f"{NON_PAPERS}: {snippet(child.spans)}"))
            return
        if id(c) in self.link_headings:  # "#### [Title](/presentation/ren)", one per paper
            topics, venue = self._section(c)
            ctx = Context(topics, venue, extra_year=sections.heading_year(c.headings))
            self._take(*notes_below(c, self.read(c.spans, c.line, ctx)))
            return
        if (cite := heading_work(c, *self.at) or heading_venue_title(c)) is not None:
            self._take(*cited_reading(c, cite, self._section(c), self.read))
            self.paper_heading = (c.level, c.line)
            return
        lines = [line for _, spans in c.details for line in split_lines(spans)]
        meta = [line for line in lines if is_meta(line)]
        bare, self.bare = [h for h in self.bare if h.level == c.level], []
        if meta and c.spans and describes_paper(meta, c.spans) and not heads_entries(c, *self.at):
            topics, venue = self._section(c)
            shared = shared_venues(meta, len(bare) + 1)
            for heading, own in zip([*bare, c], shared or [None] * (len(bare) + 1), strict=True):
                if heading is not c and own is None:
                    continue  # a heading with nothing under it, not sharing this one's lines
                ctx = Context(topics, own or venue, plain_ok=True, paper_place=True, details=meta)
                if own is not None:
                    ctx.details = [line for line in meta if not is_venue_line(line)]
                entries, skipped = self.read(heading.spans, heading.line, ctx)
                self._take(entries, skipped)
                if entries:
                    self.paper_heading = (c.level, c.line)
            return
        byline = authors_with_affiliations(text_of(lines[0])) if len(lines) == 1 else None
        if byline is not None and c.spans and not c.children:  # an accepted-papers page
            topics, venue = self._section(c)
            ctx = Context(topics, venue, plain_ok=True, paper_place=True, extra_authors=byline)
            self._take(*self.read(c.spans, c.line, ctx))
            return
        if not c.children and not c.details:
            self.bare = [*bare[-_MAX_SHARED:], c]
        if c.spans and self._names_a_paper(text_of(c.spans)):
            # "### Jupiter Evolving: ..." after the list named that paper: notes on it.
            topics, venue = self._section(c)
            self._take(*self.read(c.spans, c.line, Context(topics, venue, plain_ok=True)))
            self.paper_heading = (c.level, c.line)
            for child in c.children:
                where = f"notes on the paper at line {c.line}"
                self.found.skipped.append((child.line, f"{NOTES}: {where}"))
            return
        self.note_siblings(c.children)
        self.visit_all(c.children)

    def visit_all(self, children: list[Candidate], path: tuple[str, ...] = ()) -> None:
        """Each of a list's entries, then its plain ones again when the list is of plain papers."""
        entries, skips = len(self.found.entries), len(self.found.skipped)
        linked = [c for c in children if c.kind == "heading" and paper_heading(c)]
        if len(linked) >= _MIN_LINKED_HEADINGS:
            self.link_headings.update(id(c) for c in linked)
        for i, child in enumerate(children):
            after = children[i + 1] if i + 1 < len(children) else None
            if after is not None and after.line <= self.start:
                continue  # a second reader's walk: all of it above where its reading starts
            self.at = (children, i)
            self.before_list = (
                after is not None and after.kind == "item" and after.line <= child.line + 2
            )
            self._item(child, path) if path else self.visit(child)
        again = like_siblings(children, self.found, entries, skips, self.plain_titles)
        for child, skip in again:
            before = len(self.found.entries), len(self.found.skipped)
            self._item(child, path, plain=True)
            restore(self.found, skip, *before)
        if again:  # the papers stay in list order
            self.found.entries[entries:] = sorted(self.found.entries[entries:], key=_LINE)

    def _paragraph(self, c: Candidate) -> None:
        topics, venue = self._section(c)
        lines = split_lines(c.spans)
        linked = sum(1 for ln in lines if any(s.is_link for s in ln)) if len(lines) > 1 else 0
        if linked > 1 or (len(lines) > 1 and cited_lines(c.spans)):  # a citation a line
            for offset, line_spans in enumerate(lines):
                ctx = Context(topics, venue)
                self._take(*self.read(line_spans, c.line + offset, ctx))
            return
        text, self.label = text_of(c.spans), ""
        bare = not any(s.is_link or s.badge for s in c.spans) and not names_paper(text, c.spans)
        if bare:
            if self.before_list and (label := list_label(text)):  # "Blogs:" over a list
                self.label = label
                self.found.skipped.append((c.line, f"{LABELS}: {snippet(c.spans)}"))
                return
            if venue is None or c.quoted or len(lines) > 1 or not bare_title(text):
                self.found.skipped.append((c.line, f"{NO_LINK}: {snippet(c.spans)}"))
                return
        year, kept = sections.heading_year(c.headings), detail_spans(c)  # "# SIGMOD" / "Title"
        ctx = Context(topics, venue, plain_ok=bare, paper_place=bare, details=kept, extra_year=year)
        self._take(*self.read(c.spans, c.line, ctx))

    def _item(self, c: Candidate, path: tuple[str, ...], *, plain: bool = False) -> None:
        topics, venue = sections.under_items(self._section(c), path)  # "- **FSE 2022**"
        fielded = bool(c.children) and (gives_fields(c) or sub_bullet_venue(c) is not None)
        entries = [] if fielded else [k for k in c.children if is_entry(k)]
        toc = any(s.is_link and (s.href or "").startswith("#") for s in c.spans)
        if toc and c.children:  # a table-of-contents entry: its sub-items are read on their own
            self.found.skipped.append((c.line, f"{TOC}: {snippet(c.spans)}"))
            self.note_siblings(c.children)
            for child in c.children:
                self._item(child, path)
            return
        own_text = text_of(c.spans) if entries else ""  # only an item over entries needs it
        if entries and over_entries(entries, own_text) and not own_link(c):
            if (
                len(entries) == 1
                and is_plain_title(entries[0])
                and short(own_text)
                and not own_text.rstrip().endswith((":", "："))
                and not text_of(entries[0].spans).rstrip().endswith(".")
            ):
                # "- Pulse" then "  - Pulse: Self-supervised photo upsampling ...": the title
                # is on the sub-bullet, the entry starts on the item line.
                ctx = Context(topics, venue, plain_ok=True, details=child_lines(c, entries[0]))
                self._take(*self.read(entries[0].spans, c.line, ctx))
                return
            name = fields.tidy_title(_CHECKBOX.sub("", own_text))[0]  # "[x] Lecture 1: Intro"
            inner = (*path, name) if name else path
            self.note_siblings(c.children)
            self.visit_all(c.children, inner)
            return
        if id(c) in self.empty_categories:
            self.found.skipped.append((c.line, f"{LABELS}: a category with no papers listed"))
            return
        stacked = item_fields(c)  # "* Title" / "Names" / "NSDI 2016" / "[ pdf ](...)"
        sub_venue = stacked.venue if stacked else sub_bullet_venue(c)  # "1. Title" / "  - Fast 16"
        plain_ok = (
            bool(stacked or sub_venue)
            or plain
            or venue is not None
            or bold_title(c)
            or any(
                fields.bare_urls(text_of(k.spans)) or any(s.is_link for s in k.spans)
                for k in c.children
            )
        )
        ctx = Context(topics, venue, plain_ok=plain_ok, details=child_lines(c))
        ctx.extra_venue, ctx.extra_year = sub_venue, sections.heading_year(c.headings)
        ctx.series = None if venue else sections.innermost_series(c.headings)
        ctx.extra_authors = stacked.authors if stacked else ()
        if self.label:
            ctx.label = self.label
            ctx.plain_ok = ctx.plain_ok or is_papers_label(self.label)
        self._take(*self.read(stacked.spans if stacked else c.spans, c.line, ctx))

    def _row(self, c: Candidate) -> None:
        topics, venue = self._section(c)
        headers = tuple(h for h, _ in c.row)
        if (table := self.tables.get(headers)) is None:  # worked out once per table header
            cols = title_columns(list(headers))
            kinds = {h: column_kind(h, h in cols) for h in headers}
            table = (cols, kinds, is_talk_table(headers), places_papers(cols, headers))
            self.tables[headers] = table
        title_cols, kinds, talk_table, paper_place = table
        got = row_fields(c.row, kinds)
        extra_links, extra_venue, extra_year = got.links, got.venue, got.year
        extra_authors, extra_affiliations = got.authors, got.affiliations
        cells = [spans for h, spans in c.row if h in title_cols] if title_cols else []
        if not any(h.strip() for h, _ in c.row) and c.row:
            cells = [next((s for _, s in c.row if text_of(s)), [])]  # no header: the first cell
        if not cells:  # no title column: linked cells, but not those of a links column
            cells = [s for h, s in c.row if kinds[h] != "links" and any(x.is_link for x in s)]
        topic_column = bool(title_cols) and not paper_place
        if topic_column:
            extra_year = None  # a talk's date, not the paper's
        paper_links = any(fields.is_paper_label(s.text) for s in extra_links)
        title_links = [s.href or "" for cell in cells for s in cell if s.is_link]
        if topic_column and not shows_paper(title_cols, title_links, c.row, kinds, paper_links):
            if any(text_of(cell) for cell in cells):
                shown = snippet([s for cell in cells for s in cell])
                self.found.skipped.append((c.line, f"{LABELS}: {shown}"))
            return
        talk = talk_table and (topic_column or self.talk_topics)
        labels = [s.text for h, spans in c.row if h not in title_cols for s in spans if s.is_link]
        ctx = Context(topics, venue, plain_ok=True, paper_place=paper_place)
        ctx.extra_links, ctx.extra_year = extra_links, extra_year
        ctx.extra_venue = extra_venue or sections.row_series(c.headings, extra_year, venue)
        ctx.extra_authors, ctx.extra_affiliations = extra_authors, extra_affiliations
        for cell in cells:
            plain = not any(s.is_link for s in cell)
            cell_text = text_of(cell)
            if EMPTY_CELL.match(cell_text) and plain:
                continue
            if plain and self.short_names.refers(cell_text, self.found.entries):
                self.found.skipped.append((c.line, f"{LABELS}: names of papers: {cell_text}"))
                continue  # "| Recall@K | ... | DistVS, Quake |": names of papers above
            why = None
            if talk and plain:
                why = topic_reason(cell_text, labels, extra_venue is not None)
            if why is not None:
                self.found.skipped.append((c.line, f"{LABELS}: {why}: {snippet(cell)}"))
                continue
            parts = run_together(cell_text) if paper_place and plain else []
            for piece in [[Span(p)] for p in parts] if len(parts) > 1 else [cell]:
                self._take(*self.read(piece, c.line, ctx))

    def _html(self, c: Candidate) -> None:
        topics, venue = self._section(c)
        column = c.row[0][0] if c.row else ""
        if column and SKIP_COLUMNS.search(column) and not TITLE_COLUMNS[1].search(column):
            self.found.skipped.append((c.line, f"{NON_PAPERS}: {snippet(c.spans)}"))
            return
        paper_place = bool(column) and bool(TITLE_COLUMNS[1].search(column))
        ctx = Context(topics, venue, plain_ok=paper_place, paper_place=paper_place)
        self._take(*self.read(c.spans, c.line, ctx))


_key = alnum_key  # by this name: a test counts the keys worked out
_LINE = attrgetter("line")
_CHECKBOX = re.compile(r"^\s*\[[ xX]\]\s+")
_MIN_LINKED_HEADINGS = 3
"""Bare linked headings in a row that make a list of them (one alone may be a section's)."""
_MAX_SHARED = 16
"""Bare headings kept for one shared ``Source:`` line (more would make long lists quadratic)."""
