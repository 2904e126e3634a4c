"""``Names: *Title.* Venue YEAR: pages``: a citation whose title the writer set in italics.

Bibliographies copied from DBLP or a paper's references write the authors, a colon or a
stop, the title in italics, then the venue: ``Jan Kossmann, Stefan Halfpap: *Magic mirror in
my hand, ...* Proc. VLDB Endow. 13(11): 2382-2395 (2020)``, ``Jiaheng Lu, Shivnath Babu.
*Speedup Your Analytics: ...*, VLDB, 2019.`` The italics mark where the title starts and
ends, question marks and commas inside it included; what follows is the venue. A lead that
holds a year (``Yuan, H. (2020).``, an APA citation) is read as such elsewhere.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation, last_year, names_like
from papershelf.catalog.emph_bylines import byline_names
from papershelf.catalog.fields import Title, word_count
from papershelf.catalog.spans import Span

_LEAD = re.compile(r"(?P<names>[^\d:]{3,600}?)\s*[.:]\s*")
_MIN_WORDS = 3


def names_then_emph(spans: list[Span], first: int, tags: list[str]) -> Title | None:
    """The title, authors and venue of ``Names: *Title.* Venue`` (before link ``first``)."""
    head = spans[:first]
    i = next((k for k, s in enumerate(head) if s.emph and not s.strong), 0)
    if i == 0 or any(s.is_link or s.emph for s in head[:i]):
        return None
    lead = " ".join(s.text for s in head[:i] if not (s.strong or s.brk or s.badge))
    m = _LEAD.fullmatch(" ".join(lead.split()))
    if m is None or not names_like(m.group("names")):
        return None
    names = byline_names(m.group("names"))
    title = " ".join(head[i].text.split()).strip(" .,")
    if not names or word_count(m.group("names")) < 2 or word_count(title) < _MIN_WORDS:
        return None  # "Note: *...*": one word before the italics names nobody
    tail = " ".join(s.text for s in head[i + 1 :] if not s.brk).strip(" ,.;")
    if any(s.emph or s.strong for s in head[i + 1 :]) or last_year(tail) is None:
        return None  # the venue and its year follow the title
    found = Title(title, "citation", None, tags, ", ".join(names), spans[first:])
    found.cited = Citation(found.lead, title, tail, last_year(tail))
    return found
