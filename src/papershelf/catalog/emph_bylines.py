"""An italic title and its byline: ``*Computing Machinery and Intelligence* by Alan Turing``.

A reading list written as a reader's notes names each work the way a bibliography of books
does: the title set in italics, then ``by`` or a dash and its authors (``*Attention Is All You
Need* - Vaswani et al.``), no link and no venue. A careful reader takes the italic words for
the title and the names for its authors: the writer cites a work there, as surely as a venue
would say so. A seminar's readings put a comma there instead (``_Toward real microkernels_,
Jochen Liedtke``), and an italic title may wrap over lines. Only names may follow the title
(``authors_in`` reads them), so an italic word opening a sentence (``*Note* - see the list
below``, ``*Note*, see below``) is no title.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation
from papershelf.catalog.fields import Title, authors_in, word_count
from papershelf.catalog.spans import Span

_BYLINE = re.compile(r"\s*(?:[-–—]\s*(?:by\s+)?|by\s+|,\s*)(?P<names>\S.{0,1000}?)[\s.]*")
_MIN_WORDS = 2


def emph_byline(spans: list[Span], tags: list[str]) -> Title | None:
    """The title and authors of ``[mark] *Title* by Names`` (or ``- Names``), else None."""
    i = 0
    while i < len(spans) and not spans[i].emph and not any(ch.isalnum() for ch in spans[i].text):
        i += 1  # "🔵 ", a bullet drawn by hand: no part of the title
    if i == len(spans) or not spans[i].emph or spans[i].is_link:
        return None
    parts, j = [spans[i].text], i + 1
    while j + 1 < len(spans) and spans[j].brk and spans[j + 1].emph and not spans[j + 1].is_link:
        parts.append(spans[j + 1].text)  # "_The Old, the New, and the\n   Missing_": one title
        j += 2
    title = " ".join(" ".join(parts).split()).strip(" .,")
    if word_count(title) < _MIN_WORDS:
        return None
    rest = spans[j:]
    if any(s.is_link or s.emph or s.strong or s.badge for s in rest):
        return None
    m = _BYLINE.fullmatch(" ".join(" " if s.brk else s.text for s in rest))
    if m is None or not (names := byline_names(m.group("names"))):
        return None
    return cited_by(title, names, tags)


def byline_names(text: str) -> tuple[str, ...]:
    """``authors_in`` of a byline, where ``A & B`` names two people."""
    return authors_in(text.replace(" & ", " and "))


def cited_by(title: str, names: tuple[str, ...], tags: list[str]) -> Title:
    """A work the entry cites by its title and authors alone: a paper, by what it states."""
    found = Title(title, "text", None, tags, ", ".join(names))
    found.cited = Citation(found.lead, title, "", None)
    found.stated = True
    return found
