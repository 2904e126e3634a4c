"""Which reading of a list is kept: a seed family's (tagged or sectioned) or the general one.

The seed shapes are read quickly and exactly; the general reader reads every shape but is
asked only when a seed reading may have missed or misread something (``_covers``).
"""

from __future__ import annotations

from papershelf.catalog import family_a, family_b
from papershelf.catalog.blocks import Block
from papershelf.catalog.candidates import Parsed
from papershelf.catalog.decide import PERSON, is_blog, is_scholarly, is_slides
from papershelf.catalog.entry import Entry, Found
from papershelf.catalog.sectioned import sectioned_or_general
from papershelf.catalog.seed_cover import covered, has_tables, lines_of
from papershelf.catalog.skips import NON_PAPERS, NOTES, SAID_NO_PAPER, TOC, TOOLS, kind_of
from papershelf.domain.text import alnum_key


def read_list_of(
    blocks: list[Block],
    text: str,
    parsed: Parsed,
    *,
    venue_known: bool,
    named: bool = False,
    ahead: bool = False,
) -> tuple[Found, bool]:
    """The seed families' reading when it is the fuller one, else the general reader's.

    A list with a ``Papers`` heading is a sectioned (family B) list when that reading finds
    papers under it. Otherwise the tagged (family A) or sectioned reading is kept when it
    finds at least as many papers (and venues) as the general reader and the general reader
    does not dispute any of them (``_disputed``: a link to another list, a table of contents,
    a repository or a blog, which the seed shapes cannot tell from a paper; the general
    reader's skips then account for what it left out). A long list that opens with no tagged
    entry is the general reader's unless it finds nothing there (``_opens_untagged``).

    ``named``: the caller gives the papers that have no venue of their own a venue with a
    name (``--venue``, or the title's): the year an entry shows is then never asked.
    ``ahead``: the general reader may fork a second reader for a long list (``read_ahead``).
    """
    if family_b.has_papers_heading(blocks):
        years = not (venue_known and named)  # that reading is then the one kept, as it is
        sectioned = family_b.parse(blocks, venue_known=venue_known, years=years)
        if sectioned.entries:
            if venue_known:  # the list's title names every paper's venue
                return sectioned, False
            return sectioned_or_general(sectioned, blocks, text, parsed, ahead=ahead)
    general: Found | None = None
    if _opens_untagged(blocks):
        general = _general(text, parsed, ahead)
        if general.entries:
            return general, True
    old = _seed_reading(blocks, venue_known=venue_known)
    named = all(entry.venue is not None for entry in old.entries)
    if old.entries and named and _covers(blocks, old, text):
        return old, False  # nothing left for the general reader to find: skip its parse
    if general is None:
        general = _general(text, parsed, ahead)
    rejected = {line: kind_of(why) for line, why in general.skipped}
    said = {line for line, why in general.skipped if why == SAID_NO_PAPER}  # "-> Not a paper"
    if not general.entries:
        if old.entries and all(_no_paper(e, rejected.get(e.line)) for e in old.entries):
            return general, True  # "[Official Collection](...)" alone: a list's link, no paper
        return (old if old.entries or old.skipped else general), False
    read = {entry.line: entry for entry in general.entries}
    lines = text.splitlines()
    disputed = any(
        entry.line in said
        or _disputed(entry, rejected.get(entry.line))
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


def _general(text: str, parsed: Parsed, ahead: bool) -> Found:
    from papershelf.catalog import engine  # only lists the seed families cannot settle

    return engine.read_list(text, parsed, ahead=ahead)


SAMPLE = 64
"""Top-level blocks the tagged reading looks at to guess whether it has a list of its own."""


def _opens_untagged(blocks: list[Block]) -> bool:
    """Whether a long list opens with no tagged entry: the general reader's list, then.

    Its reading is kept unless it finds nothing. The seed families' reading of such a list
    was never the one kept, on any list at hand (eight of 190 open so) nor on generated
    ones opening with 70 entries of any other shape (221 of them), and reading it took a
    10,000-entry list with a heading per paper a quarter of a second on the second core,
    which the general reader's second half waited for (``read_ahead``).
    """
    return len(blocks) > SAMPLE and not family_a.parse(blocks[:SAMPLE]).entries


def _seed_reading(blocks: list[Block], *, venue_known: bool) -> Found:
    """The tagged reading, else the sectioned one when the tagged finds nothing."""
    tagged = family_a.parse(blocks)
    if tagged.entries:
        return tagged
    return family_b.parse(blocks, venue_known=venue_known)


def _named(entries: list[Entry]) -> tuple[int, int]:
    """(entries with a venue, entries with a venue or a year): what a reading settled."""
    venues = sum(e.venue is not None for e in entries)
    return venues, venues + sum(e.venue is None and e.year is not None for e in entries)


def _no_paper(entry: Entry, kind: str | None) -> bool:
    """A link to a list, an anchor, a repository, or a title with no letter (``[ ]``)."""
    return kind in (NOTES, TOC, TOOLS) or not any(ch.isalnum() for ch in entry.title)


def _disputed(entry: Entry, kind: str | None) -> bool:
    """Whether the general reader rightly calls a seed-family entry no paper.

    A link to another list, an anchor or a repository is plain from the link itself; a blog
    or a talk's slides only when the entry's first link is one, a person's page when a name
    alone links to it (other non-paper calls rest on weaker cues). A title with no letter or
    digit (a task box, ``[ ]``) is no paper's.
    """
    if _no_paper(entry, kind):
        return True
    if kind != NON_PAPERS or not entry.links:
        return False
    url = entry.links[0].url
    if PERSON.match(entry.title) and not is_scholarly(url):
        return True  # "1. [Mohammad Alizadeh](https://people.csail.mit.edu/alizadeh/)"
    return is_blog(url) or is_slides(url)


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


def _covers(blocks: list[Block], found: Found, text: str) -> bool:
    """Whether the seed families' reading accounts for everything that may hold a paper.

    Every bullet with text and every paragraph with a link (or a bare URL) gave an entry or
    a skip, and there is no table or HTML list: the general reader could not find more, so
    its parse is skipped (large lists in the seed shapes import at the old speed).
    """
    return not has_tables(text) and covered(blocks, lines_of(found))
