"""A reference whose authors are set in bold: the title is the quoted or italic words after them.

``**Lamport, L.** (1978). *Time, clocks, and the ordering ...*. [📄 PDF](url)`` (APA in a
Spanish bibliography) and ``**6. LIU, C. L.; LAYLAND, J. W.**`` / ``"Scheduling Algorithms
..."`` / ``*Journal of the ACM*, v. 20, n. 1, p. 46-61, 1973.`` (ABNT in a Portuguese one, on
three lines): the bold run reads as a list of names (``Family, I.``, ``FAMILY, Given``), so a
careful reader takes it for the byline, not the title. The title is the quoted words after it,
else the italics after it (and the year in parentheses between); what follows the title is
its venue. Italics followed by an edition or an ISBN are a book's title: no paper. A bold run
that is no list of names is left to the other readings.
"""

from __future__ import annotations

import re

from papershelf.catalog import fields
from papershelf.catalog.citation import Citation, is_book, last_year
from papershelf.catalog.spans import Span, text_of

_GIVEN = r"(?:[A-Z](?:[a-z]+|\.(?:-[A-Z]\.)?)\s?){1,3}"
"""``L.``, ``C. L.``, ``J.-P.``, ``Gene M.``: initials or given names after the comma."""
_NAME = rf"[A-Z][\w'’-]+,\s{_GIVEN}"
_NAMES = re.compile(
    rf"(?:\d{{1,3}}\.\s)?{_NAME}(?:(?:;\s|,\s&\s|\s&\s|,\s)+{_NAME})*(?:,?\s?et\sal\.?)?\.?"
)
"""``6. LIU, C. L.; LAYLAND, J. W.``, ``Ongaro, D., & Ousterhout, J.``, ``DeCandia, G., et al.``"""
_YEAR_LEAD = re.compile(r"\s*\(((?:19|20)\d{2})[a-z]?\)\s*[.:]?\s*")
_QUOTED = re.compile(r'\s*["“]([^"”]{8,400}?)[.,]?["”]')
_MIN_WORDS = 2
_BOOK_MARK = re.compile(r"\bISBN\b|\b\d{1,2}(?:st|nd|rd|th)\.?\s+ed(?:ition)?\b")
"""``ISBN: 978-...``, ``2nd ed.``: italics after the names that are a book's title."""


def bold_names_title(spans: list[Span], tags: list[str]) -> fields.Title | None:
    """The title after a bold list of names, else None (see the module's docstring)."""
    if spans and not spans[0].text and not spans[0].is_link:
        spans = spans[1:]  # the empty run a bold opening leaves before it
    if len(spans) < 2 or not spans[0].strong:
        return None  # cheap: most entries do not open in bold
    names = " ".join(spans[0].text.split())
    if len(names) > 300 or _NAMES.fullmatch(names) is None:
        return None
    at, year = 1, None
    while at < len(spans) and spans[at].brk:
        at += 1
    if at < len(spans) and not spans[at].is_link and (lead := _YEAR_LEAD.match(spans[at].text)):
        year = int(lead.group(1))
        remainder = spans[at].text[lead.end() :]
        spans = [*spans[:at], Span(remainder), *spans[at + 1 :]] if remainder else spans
        at += 0 if remainder else 1
    while at < len(spans) and (spans[at].brk or not spans[at].text.strip()):
        at += 1
    if at >= len(spans) or spans[at].is_link:
        return None
    quoted = _QUOTED.match(spans[at].text) if not spans[at].emph else None
    if quoted is not None:
        title = quoted.group(1)
        rest = [Span(spans[at].text[quoted.end() :]), *spans[at + 1 :]]
    elif spans[at].emph:
        title, rest = spans[at].text, spans[at + 1 :]
    else:
        return None
    title = " ".join(title.split()).strip(" .")
    if fields.word_count(title) < _MIN_WORDS:
        return None
    after = text_of([s for s in rest if not s.is_link])
    authors = names.split(". ", 1)[1] if names[:1].isdigit() else names
    book = quoted is None and (_BOOK_MARK.search(after) is not None or is_book(after))
    cited = Citation(authors.rstrip(". "), title, after, year or last_year(after), book=book)
    found = fields.Title(title, "citation", None, tags, cited.authors, rest)
    found.cited, found.stated = cited, True
    return found
