"""A reference in APA style, its container in italics: ``Names (2004). Title. *Journal*``.

``Hevner, A. R. et al. (2004). Design Science in Information Systems Research. *MIS
Quarterly*, 28(1), 75–105.``: the social sciences' style (APA) writes the names, the year in
parentheses, the title in plain words and then the journal, or the book, in italics. A
careful reader takes the plain words for the title and the italics for where it appeared;
italics after a title in the other styles (``Title. *Names*``, ``Names: *Title.*``) are the
names or the title. A title in italics right after the year is a book's (``Kahneman, D.
(2011). *Thinking, Fast and Slow*.``).
"""

from __future__ import annotations

import re

from papershelf.catalog import fields, titles
from papershelf.catalog.citation import Citation
from papershelf.catalog.spans import Span, text_of

# "Hevner, A. R. et al. (2004). ", "Gibbs, F. & Owens, T. (2012). ", "Malmqvist, L. (2024). "
_APA_LEAD = re.compile(
    r"[A-Z][\w'’-]+,\s(?:[A-Z]\.\s?){1,3}(?:(?:,\s|\s&\s|,\s&\s)[A-Z][\w'’-]+,\s(?:[A-Z]\.\s?){1,3})*"
    r"(?:et\sal\.\s)?\((?:19|20)\d{2}[a-z]?(?:,[^()]{1,20})?\)\.\s"
)


def apa_cited(spans: list[Span], first: int, tags: list[str]) -> fields.Title | None:
    """The title of an APA reference whose container is in italics, else None.

    The title is the plain words between the names' year and the italics: the italics end
    it, whatever its own stops (``SWE-bench: Can Language Models Resolve ...? *Proceedings
    of ...*``).
    """
    if not any(s.emph for s in spans[:first]) or not spans[0].text[:1].isupper():
        return None  # cheap: most entries have no italics or open otherwise
    plain, _ = titles.around_url(text_of(spans[:first]))
    if (lead := _APA_LEAD.match(plain)) is None:
        return None
    italic = next(i for i, s in enumerate(spans) if s.emph)
    before = text_of(spans[:italic]).strip()
    if not before.startswith(lead.group().strip()):
        return None  # the italics inside the names: no container after a title
    if before == lead.group().strip():  # "(2011). *Thinking, ...*"
        return _book(spans, italic, lead.group(), tags)
    title = before[len(lead.group().strip()) :].strip(" .,")
    if (chapter := _IN_BOOK.search(title)) is not None:  # "Title. In C. Warwick (Eds.),"
        title = title[: chapter.start()]
    if fields.word_count(title) < _TITLE_WORDS:
        return None
    names, year = _names_year(lead.group())
    rest = text_of(spans[italic:first])
    cited = Citation(names, title, rest, year)
    found = fields.Title(title, "citation", None, tags, names, spans[first:])
    found.cited, found.stated = cited, True
    return found


_TITLE_WORDS = 2
_IN_BOOK = re.compile(r"\.\s+In\s+(?=[A-Z])")


def _names_year(lead: str) -> tuple[str, int | None]:
    """``Hevner, A. R. et al. (2004). `` -> (``Hevner, A. R. et al.``, 2004)."""
    year = _YEAR.search(lead[lead.rfind("(") :])
    return lead[: lead.rfind("(")].strip(), int(year.group()) if year else None


def _book(spans: list[Span], italic: int, lead: str, tags: list[str]) -> fields.Title:
    """``Kahneman, D. (2011). *Thinking, Fast and Slow*. Farrar, ...``: a book, by its title."""
    names, year = _names_year(lead)
    rest = text_of(spans[italic + 1 :]).strip(" .")
    title = spans[italic].text.strip(" .")
    cited = Citation(names, title, rest, year, book=True)
    found = fields.Title(title, "citation", None, tags, names, spans[italic + 1 :])
    found.cited, found.stated = cited, True
    return found


_YEAR = re.compile(r"(?:19|20)\d{2}")
