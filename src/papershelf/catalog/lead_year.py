"""The year an entry states before its linked title.

``1979, [Title](url), SIGMOD``: a year alone leads the entry. ``Houde, S., & Hill, C. (1997).
[Title](url)``: the reference style of the social sciences (APA) puts the year in parentheses
right after the authors, sometimes with the month (``(1990, March).``); a careful reader
takes it as the paper's year. The parentheses must close the words before the title and
follow names, so ``Read the paper (2019) [here](url)`` gives nothing.

``[Title](url) (Simon Peyton Jones and Simon Marlow, 2002)``: the names and the year in one
group closing the entry are the paper's; they win over a heading's year (``## 2023`` in a
log of what was read when).
"""

from __future__ import annotations

import re

from papershelf.catalog.fields import authors_in
from papershelf.catalog.venue import full_year

# "(Nicholas Carlini, Antonio Barresi, and Thomas R. Gross, 2015)": names, then the year.
_SURNAME_YEAR = re.compile(
    r"\s*(?-i:[A-Z])[a-z]+(?:-[A-Z][a-z]+)?(?:\s+et\s+al\.?)?\s+['’](?P<yy>\d{2})[\s.]*"
)
_NAMES_YEAR = re.compile(r"\(([^()]{3,600}),\s*((?:19|20)\d{2})\s*\)[\s.]*$")
_ALONE = re.compile(r"^\s*\(?((?:19|20)\d{2})\)?\s*[,.:|–—-]?\s*$")
# "(1997).", "(1990, March).", "(2021, May 8).", "(2019a)." closing the authors.
_AFTER_NAMES = re.compile(
    r"\(\s*((?:19|20)\d{2})[a-z]?(?:\s*,\s*[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?\s*\)\s*[.:,]?\s*$"
)


def stated_year(lead: str) -> int | None:
    """The year before a linked title: alone (``1979,``) or closing the authors (``(1997).``)."""
    if (m := _ALONE.match(lead)) is not None:
        return int(m.group(1))
    m = _AFTER_NAMES.search(lead) or (_ACM_YEAR.search(lead) if lead[-2:].strip() == "." else None)
    if m is None or not authors_in(lead[: m.start()]):
        return None
    return int(m.group(1))


# ACM's reference format: "Cynthia L. Bennett and Daniela K. Rosner. 2019. [Title](url)".
_ACM_YEAR = re.compile(r"(?<=[a-z])\.\s+((?:19|20)\d{2})\.\s*$")


def stated_authors(lead: str) -> tuple[str, ...]:
    """The names before an APA year (``Houde, S., & Hill, C. (1997).``), else nothing.

    Named so, they are the authors whatever the entry italicises after its title (the book or
    journal it appeared in: ``In _Handbook of Human-Computer Interaction_``).
    """
    m = _AFTER_NAMES.search(lead) or (_ACM_YEAR.search(lead) if lead[-2:].strip() == "." else None)
    return authors_in(lead[: m.start()]) if m is not None else ()


def names_year(rest: str) -> int | None:
    """The year of a closing ``(Names, 2002)`` group after a title, else None.

    Or of a surname and a two-digit year closing it, ``[Title](url) Liskov '88``: how a
    classic is named by who wrote it and when; 1988, the surname is no venue.
    """
    if not rest.rstrip(" .").endswith(")"):
        if "'" not in rest and "’" not in rest:
            return None  # cheap: most closing texts have no apostrophe
        m = _SURNAME_YEAR.fullmatch(rest)
        return full_year(m.group("yy")) if m is not None else None
    m = _NAMES_YEAR.search(rest)
    return int(m.group(2)) if m is not None and authors_in(m.group(1)) else None
