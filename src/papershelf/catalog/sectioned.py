"""A ``Papers``-headed list: its sectioned reading, the general one, and papers beside both.

A list with a ``Papers`` section is read as a sectioned list (family B). What lies outside
that section is mostly not papers (``## Books``, ``## Courses``, ``## Blogs``), but a reader
still takes a paper there when the entry itself says it is one: a PDF or publisher's page as
its title link (``[FLP Impossibility Result (paper)](.../fischer.pdf)`` in a ``Bootcamp``
section), or a venue it names.
"""

from __future__ import annotations

from papershelf.catalog.blocks import Block, Heading, Item
from papershelf.catalog.candidates import Parsed
from papershelf.catalog.decide import is_blog, is_scholarly
from papershelf.catalog.entry import Entry, Found
from papershelf.catalog.family_b import is_papers_heading


def sectioned_or_general(
    sectioned: Found, blocks: list[Block], text: str, parsed: Parsed, *, ahead: bool = False
) -> tuple[Found, bool]:
    """A ``Papers``-headed list's sectioned reading, unless the general one reads more of it.

    The general reader wins only when it accounts for every paper the sectioned reading found
    (a paper on the same line, or a skip with its reason: a website, a repository, a name
    with no link, which the sectioned shape cannot tell from a paper) and names the venue of
    more of them: ``by X et al., TPDS 2020`` after the link, which the sectioned shape does
    not read. More entries alone do not make it win: what lies outside ``Papers`` there is
    mostly not papers (``## Acronyms``, ``* LLM: Large Language Model``); the sectioned
    reading keeps only the general reader's papers there that vouch for themselves.
    """
    outside = _outside(blocks)
    named_all = all(entry.venue is not None for entry in sectioned.entries)
    if named_all and not _may_hold_papers(blocks, outside):
        return sectioned, False
    from papershelf.catalog import engine

    general = engine.read_list(text, parsed, ahead=ahead)
    named = {entry.line for entry in general.entries if entry.venue is not None}
    dated = {e.line for e in general.entries if e.venue is not None or e.year is not None}
    yeared = {e.line for e in general.entries if _year_of(e) is not None}
    lines = {entry.line for entry in general.entries}
    lines.update(line for line, _ in general.skipped)
    if all(entry.line in lines for entry in sectioned.entries):
        named_old = sum(entry.venue is not None for entry in sectioned.entries)
        named_general = sum(entry.line in named for entry in sectioned.entries)
        linked = {entry.line for entry in general.entries if entry.links}
        linked_old = sum(bool(entry.links) for entry in sectioned.entries)
        linked_general = sum(entry.line in linked for entry in sectioned.entries)
        # Then years read without a venue: "Title (2023, UC Berkeley)" dates a paper.
        dated_old = sum(e.venue is not None or e.year is not None for e in sectioned.entries)
        dated_general = sum(entry.line in dated for entry in sectioned.entries)
        # Then years beside a venue: "## 2014" over "Names. **Title**. ICFP." is its year
        years_old = sum(_year_of(e) is not None for e in sectioned.entries)
        years_general = sum(entry.line in yeared for entry in sectioned.entries)
        # "- AlphaZero" over "  - https://arxiv.org/abs/...": the link is the paper's too
        if (named_general, dated_general, linked_general, years_general) > (
            named_old,
            dated_old,
            linked_old,
            years_old,
        ):
            return general, True
    taken = {entry.line for entry in sectioned.entries}
    beside = [
        entry
        for entry in general.entries
        if entry.line not in taken and _in(entry.line, outside) and _vouches(entry)
    ]
    if not beside:
        return sectioned, False
    entries = sorted([*sectioned.entries, *beside], key=lambda entry: entry.line)
    return Found(entries, sectioned.skipped, min(sectioned.first_line, beside[0].line)), False


def _outside(blocks: list[Block]) -> list[tuple[int, int]]:
    """Line ranges [start, end) outside every ``Papers`` section (to the next level-2 heading)."""
    ranges: list[tuple[int, int]] = []
    start: int | None = 0
    region_level = 0
    for block in blocks:
        if not isinstance(block, Heading):
            continue
        if is_papers_heading(block):
            if start is not None:
                ranges.append((start, block.line))
            start, region_level = None, min(block.level, 2)
        elif start is None and block.level <= region_level:
            start = block.line
    if start is not None:
        ranges.append((start, 1 << 60))
    return ranges


def _in(line: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= line < b for a, b in ranges)


def _may_hold_papers(blocks: list[Block], outside: list[tuple[int, int]]) -> bool:
    """Whether a link outside ``Papers`` goes where papers live (cheap: links only)."""
    stack: list[Block] = [b for b in blocks if not isinstance(b, Heading) and _in(b.line, outside)]
    while stack:
        block = stack.pop()
        if isinstance(block, Item):
            stack.extend(block.children)
        inline = block.inline
        for tok in (inline.children or ()) if inline is not None else ():
            if tok.type == "link_open" and is_scholarly(str(tok.attrs.get("href", ""))):
                return True
    return False


def _vouches(entry: Entry) -> bool:
    """A venue the entry names, or a title link to a PDF or a publisher's page (no blog)."""
    if entry.venue is not None:
        return True
    if not entry.links:
        return False
    url = entry.links[0].url
    return is_scholarly(url) and not is_blog(url)


def _year_of(entry: Entry) -> int | None:
    """The year an entry states, its own or its venue's."""
    return entry.year if entry.year is not None else (entry.venue[1] if entry.venue else None)
