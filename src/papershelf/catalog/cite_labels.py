"""A link labelled by whom and when (``[Hochschild et al., 2021](url)``): a citation, no title.

Or an in-page link after the title (``[also in [1.2](#12-caching)]``): a pointer, no title.

``Jupiter Evolving: [Hochschild et al., 2021](url)``, ``TPUv4 [Jouppi et al., 2023](url)``: a
reader's backlog names each paper by its system, then links the paper under the way a text
cites it (first author, ``et al.``, year). A careful reader files the paper under the name
before the link; the label gives its year, never its title.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation
from papershelf.catalog.fields import Title
from papershelf.catalog.spans import Span

_SURNAME = r"[A-Z][\w'’-]+"
_CITED = re.compile(
    rf"(?:{_SURNAME}\s+)?{_SURNAME}(?:\s+(?:and|&)\s+{_SURNAME})?"
    r"(?:\s+et\s+al\.?|(?=,\s*(?:19|20)\d{2}|\s*\((?:19|20)\d{2}))"  # "et al.", ", 2019", " (2019)"
    r",?\s*(?:\(?(?P<year>(?:19|20)\d{2})[a-z]?\)?)?\s*[,;.]?"
)


def cites_work(label: str) -> bool:
    """Whether a link's label cites its paper by author and year instead of naming it."""
    text = label.strip()
    if not text[:1].isupper() or not (" al" in text or any(ch.isdigit() for ch in text)):
        return False
    return _CITED.fullmatch(text) is not None


def cited_year(label: str) -> int | None:
    """The year a citing label gives (``Hochschild et al., 2021`` -> 2021), else None."""
    found = _CITED.fullmatch(label.strip())
    return int(found["year"]) if found and found["year"] else None


def cited_by_label(named: str, link: Span, tags: list[str], rest: list[Span]) -> Title:
    """The paper named before a citing link: the name its title, the label's year its year."""
    label = link.text.strip()
    title = Title(named.strip(" :,;.-–—"), "text", link, tags, "", rest)
    authors = label.split(",")[0].split(" (")[0].strip()
    title.cited = Citation(authors, title.text, "", cited_year(label))
    return title


_MIN_TITLE_WORDS = 3


def crossref(link: Span, before: str) -> str:
    """The title before an in-page link that points elsewhere (``[also in [1.2](#1-2)]``).

    A table of contents links a section by its name alone; a link into the page after an
    entry's own words (``also in``, ``see``) sends the reader to where the paper is listed too.
    ``""`` for any other link.
    """
    if not (link.href or "").startswith("#") or len(before.split()) < _MIN_TITLE_WORDS:
        return ""
    group = _OPEN_GROUP.search(before)  # the pointer set apart: "[also in", "(see"
    return before[: group.start()].strip(" ,;:-–—") if group else ""


_OPEN_GROUP = re.compile(r"\s*[\[(][^\[\]()]{0,40}$")
