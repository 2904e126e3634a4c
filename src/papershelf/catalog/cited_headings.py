"""A heading per paper that opens with the paper's linked title and goes on with its citation.

``### 1. [Byzantine] [The byzantine generals problem](url). Lamport L, ... TOPLAS, 1982.`` then
``Abstract: ...``: in a list of such headings each heading is one paper (its number and tag
before the link, its authors, venue and year after it) and the paragraphs under it are notes on
that paper, not entries of their own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from papershelf.catalog import fields
from papershelf.catalog.candidate import Candidate
from papershelf.catalog.item_shapes import linked_heading
from papershelf.catalog.label_cites import stopped_citation
from papershelf.catalog.sections import heading_venue
from papershelf.catalog.skips import NOTES

if TYPE_CHECKING:
    from papershelf.catalog.read_ahead import Reading

_LEAD = re.compile(r"\s*(?:\d{1,3}[.)]\s*)?(?:\[[^\[\]]{1,40}\]\s*)*")
"""What may stand before the linked title: a number (``1.``) and bracketed tags (``[FLP]``)."""


def cited_link_heading(c: Candidate) -> bool:
    """A heading whose text is a linked title (after a number and tags) and its citation.

    Only paragraphs may stand under it (an abstract, a note): a heading over list items, a
    table or further headings is a section; a link to an anchor is a table of contents'.
    """
    if any(k.kind != "paragraph" for k in c.children):
        return False
    first = next((i for i, s in enumerate(c.spans) if s.is_link), None)
    if first is None:
        return False
    link = c.spans[first]
    if (link.href or "#").startswith("#") or fields.word_count(link.text) < 2:
        return False
    lead = "".join(s.text for s in c.spans[:first])
    if _LEAD.fullmatch(lead) is None:
        return False
    # A number or a tag before the link, or a citation's year after it, says the heading is
    # an entry; a linked venue (``## [OSDI 2024](url) highlights``) is a section's name, and
    # the papers are the linked paragraphs under it.
    if not lead.strip() and not _YEAR.search("".join(s.text for s in c.spans[first + 1 :])):
        return False
    if heading_venue(link.text) is not None and stopped_citation(link.text) is None:
        return False  # a whole reference names its venue too: "[Names. Title. In ICML, 2019.]"
    return not any(_opens_with_link(k) for k in c.children)


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _opens_with_link(c: Candidate) -> bool:
    """A paragraph that opens with a link: an entry of its own, not notes on a paper."""
    first = next((s for s in c.spans if s.is_link or s.text.strip()), None)
    return first is not None and first.is_link


def paper_heading(c: Candidate) -> bool:
    """A heading that is one paper's entry: a bare linked title or a linked title and citation."""
    if c.children and c.children[0].kind != "paragraph":
        return False  # cheap: a heading over a list or a table is a section (most)
    return linked_heading(c) or cited_link_heading(c)


def notes_below(c: Candidate, read: Reading) -> Reading:
    """``read`` with the paragraphs under the paper heading ``c`` counted as notes on it."""
    entries, skipped = read
    where = f"{NOTES}: notes on the paper at line {c.line}"
    return entries, [*skipped, *((child.line, where) for child in c.children)]
