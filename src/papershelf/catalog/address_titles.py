"""The words before an address written out as its own link: the paper's title.

``* 1995 Shor: Polynomial-Time Algorithms for Prime Factorization ... <https://arxiv.org/...>``
shows the address itself as the link's text: an address is never a title, so a careful
reader takes the words before it as the title and the address as its link. A year leading
the line is the paper's year, and a family name closed by a colon (``Shor:``, ``Monroe et
al:``, ``Cirac/Zoller:``) or by ``et al`` its authors, as in ``YEAR Name: Title``.

A label introducing the address (``Code is available here:``), a sentence of the list's own
(``See the slides``) and words naming a page of links (``Conference List with Link``, with no
year to date them) are no titles.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation
from papershelf.catalog.fields import Title, word_count
from papershelf.catalog.plain_lead import dash_named
from papershelf.catalog.sentences import reads_as_sentence
from papershelf.catalog.spans import Span

_TITLE_WORDS = 3
_NAMED_TITLE_WORDS = 2  # "DiVincenzo: Quantum Computation"
_NO_NAMES = frozenset({"various", "anonymous", "unknown", "misc"})
# "Conference List with Link [https://...]": the words name a page of links, no paper
_PAGE_WORDS = re.compile(r"\b(?:lists?|links?|collection|index|website|homepage)\b", re.I)
_YEAR_LEAD = re.compile(r"((?:19|20)\d{2}):?\s+")
# "Shor", "DiVincenzo", "McMillan", "Cirac/Zoller", "Bennet et al", "Monroe et al."
_FAMILY = r"(?:Mc|Mac|De|Di|Le|La|Van)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_NAMES = re.compile(rf"({_FAMILY}(?:/{_FAMILY})*)(?::\s+|\s+et\s+al\.?:?\s+)")


def address_title(after: str, tags: list[str], spans: list[Span], first: int) -> Title | None:
    """The title of an entry whose first link, ``spans[first]``, shows its own address.

    ``Title - Leslie Lamport <url>``: the name after the dash is the author's
    (``dash_named``); else the words before the address as ``before_address`` reads them.
    """
    if (by_dash := dash_named(after)) is not None:
        return Title(by_dash[0], "text", None, tags, by_dash[1], spans[first:])
    if (led := before_address(after)) is None:
        return None
    found = Title(led.title, "link", spans[first], tags, led.authors, spans[first + 1 :])
    found.cited = led
    return found


def before_address(text: str) -> Citation | None:
    """The title (with its year and authors) the words before a shown address name, or None."""
    text = " ".join(text.split())
    if not text or text.endswith((":", "：")) or reads_as_sentence(text):
        return None
    year = None
    if (lead := _YEAR_LEAD.match(text)) is not None:
        year, text = int(lead.group(1)), text[lead.end() :]
    if year is None and _PAGE_WORDS.search(text):
        return None
    authors, least = "", _TITLE_WORDS
    named = _NAMES.match(text) if year is not None else None
    if named is not None and word_count(text[named.end() :]) >= _NAMED_TITLE_WORDS:
        authors, least = named.group(1), _NAMED_TITLE_WORDS
        if not named.group(0)[len(authors) :].startswith(":"):
            authors += " et al."  # "Monroe et al: Title", "Monroe et al Title"
        elif authors.casefold() in _NO_NAMES:
            authors = ""  # "1997 Various: Title": no one named
        text = text[named.end() :]
    title = text.strip(" ,;.")
    if word_count(title) < least:
        return None
    return Citation(authors, title, "", year)
