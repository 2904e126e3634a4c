"""What an item of a list is, from its shape alone: an entry, a category, a category name.

The general reader asks these of nested bullets before it reads any title: a plain-text item
over two or more entries groups them; one with nothing under it beside such groups is a group
with no papers yet.
"""

from __future__ import annotations

import re
from itertools import takewhile

from papershelf.catalog import fields
from papershelf.catalog.bold_cites import authored_bold
from papershelf.catalog.bylines import FIELD_KEYS, KEY_VALUE
from papershelf.catalog.candidate import Candidate
from papershelf.catalog.cited_items import quoted_citation_text
from papershelf.catalog.lead_marks import dash_marked
from papershelf.catalog.page_titles import split_comma_tail
from papershelf.catalog.spans import Span, text_of

_GROUP = re.compile(r"\s*\([^()]{1,30}\)\s*")
_TITLE_KEY = re.compile(r"\s*(?:paper|title)\s*[:：]\s*", re.IGNORECASE)


def is_entry(c: Candidate) -> bool:
    """A nested item that holds an entry of its own (a titled link or a title-long text)."""
    if c.kind != "item":
        return False
    if any(s.is_link and fields.word_count(s.text) >= 2 for s in c.spans):
        return True
    return is_plain_title(c) or bool(c.children) or _titled_labels(c) or _named_link(c)


def _named_link(c: Candidate) -> bool:
    """``- [SimHash-CIKM2022](url)`` alone on its line: a named link, not one of its parent's."""
    shown = [s for s in c.spans if s.text.strip() or s.is_link]
    return (
        len(shown) == 1
        and shown[0].is_link
        and not (shown[0].href or "").startswith("#")
        and not fields.is_generic(shown[0].text)
        and fields.page_kind(shown[0].text) is None
    )


def _titled_labels(c: Candidate) -> bool:
    """``Title ICDM2018 [Paper](...) [Note](...)``: a title-long text, then labelled links."""
    if not c.spans or c.spans[0].is_link or not any(s.is_link for s in c.spans):
        return False
    lead = "".join(s.text for s in takewhile(lambda s: not s.is_link, c.spans))
    return fields.word_count(fields.strip_urls(lead)) >= 4


def gives_fields(c: Candidate) -> bool:
    """Sub-bullets that are each one field of the item's paper: ``作者: ...``, ``链接: [...]``.

    Each key once: ``- Paper: [A](...)`` twice under a topic are two papers, not fields.
    """
    keys: set[str] = set()
    for child in c.children:
        kv = KEY_VALUE.match(text_of(child.spans))
        key = kv.group("key").strip().casefold() if kv else ""
        if key not in FIELD_KEYS or key in keys or child.children:
            return False
        keys.add(key)
    return bool(keys)


def is_category(c: Candidate) -> bool:
    """An item naming a group of papers listed under it (no link of its own)."""
    if c.kind != "item" or len(c.children) < 2 or any(s.is_link for s in c.spans):
        return False  # fewer than two children is no group: no need to read the item's text
    text = text_of(c.spans)
    if fields.bare_urls(text) or quoted_citation_text(text):
        return False  # a paper's citation with notes under it ("presented by ...")
    return sum(1 for k in c.children if is_entry(k)) >= 2


def is_empty_category(c: Candidate) -> bool:
    """A plain-text item with nothing under it and no link: a category name on its own.

    ``LEAP FPGA Operating System, FPL'14.`` (or ``OSDI 16 -- TensorFlow: ...``) says where it
    appeared: a paper, not a category.
    """
    if c.kind != "item" or c.children or c.details:
        return False
    if any(s.is_link or s.badge for s in c.spans):
        return False
    text = text_of(c.spans)
    return not (fields.bare_urls(text) or venue_tail(text) or dash_marked(text))


def venue_tail(text: str) -> bool:
    """Whether a plain text ends with a venue and its year after a comma (``Title, DAC'09``)."""
    if not any(ch.isdigit() for ch in text[-6:]):
        return False  # most texts: no year at their end
    named = split_comma_tail(text.rstrip(" ."))
    return named is not None and bool(named[1].name)


def is_plain_title(c: Candidate) -> bool:
    text = fields.strip_urls(text_of(c.spans))
    return not any(s.is_link for s in c.spans) and fields.word_count(text) >= 4


def has_title_text(text: str) -> bool:
    return fields.word_count(fields.split_tags(text)[1]) >= 4


def short(text: str) -> bool:
    return 0 < fields.word_count(text) <= 3


def bold_title(c: Candidate) -> bool:
    """``- **FSDP: Fully Sharded Data Parallel (2023)**``: an item that is one bold title.

    A list that sets each title in bold names papers by their titles alone: no link needed.
    A short group in brackets may follow the bold title (its year); a line of its own below
    it may give its authors and date.
    """
    shown = [s for s in c.spans if s.text.strip() or s.is_link]
    if not shown or shown[0].is_link or not shown[0].strong:
        # most items open with a link or plain words: no bold title, unless one between its
        # authors and its year ("Jones, Wadler. **Imperative Functional Programming** (1993).")
        return bool(shown) and authored_bold(c.spans) is not None
    if len(shown) == 2 and _TITLE_KEY.fullmatch(shown[0].text) and not shown[1].is_link:
        return fields.word_count(shown[1].text) >= 3  # "**Paper:** Title": a title, named so
    if any(s.brk for s in c.spans) and not any(s.is_link for s in c.spans):
        # "**Title**" then its authors and date on the next line: the first line is the title
        shown = [s for s in takewhile(lambda s: not s.brk, c.spans) if s.text.strip()]
    if shown and not shown[-1].strong and _GROUP.fullmatch(shown[-1].text):
        shown = shown[:-1]  # "**Attention Is All You Need** (2017)": the year after it
    if not shown or any(s.is_link or not s.strong for s in shown):
        return False
    return fields.word_count(text_of(shown)) >= 3


_PAPER = ("paper", "pdf", "arxiv", "doi")


def own_link(c: Candidate) -> bool:
    """``Title [[Paper]](url)`` with notes under it is an entry, not a category of papers."""
    return any(
        s.href is not None
        and not s.href.startswith("#")
        and (not fields.is_generic(s.text) or fields.link_kind(s.text, s.href) in _PAPER)
        for s in c.spans
    )


def detail_spans(c: Candidate) -> list[list[Span]]:
    """The lines below a candidate that are no entries of their own (its details)."""
    return [spans for _, spans in c.details]


def child_lines(c: Candidate, *skip: Candidate) -> list[list[Span]]:
    """An item's further paragraphs and sub-bullets: where its links and venue may be."""
    out = detail_spans(c)
    stack = list(reversed(c.children))
    while stack:
        child = stack.pop()
        if child in skip:
            continue
        out.append(child.spans)
        out.extend(detail_spans(child))
        stack.extend(reversed(child.children))
    return out


def linked_heading(c: Candidate) -> bool:
    """A heading that is only a linked title, with nothing under it: an entry, not a section.

    ``#### [ABACuS: All-Bank Activation Counters ...](/conference/.../olgun)`` on an
    accepted-papers page; a link to an anchor is a table of contents' heading.
    """
    if c.children or c.details:
        return False
    links = [s for s in c.spans if s.is_link]
    if len(links) != 1 or (links[0].href or "#").startswith("#"):
        return False
    if any(s.text.strip() for s in c.spans if not s.is_link):
        return False
    return fields.word_count(links[0].text) >= 2
