"""A bold title between its authors and its year, with no link: a reading group's entry.

``*Jan 29th, 2020* : S.P Jones, P. Wadler. **Imperative Functional Programming** (1993).``
The one bold run is the title, the names before it (after a date or label and its colon)
its authors, the year in parentheses closing the line its year. A careful reader needs no
link to see a paper there; a bold word in a feature list or glossary has no names before it
and no year after it, so it stays what it is.

``Danielsson, N.A., & Norell, U. **Parsing Mixfix Operators**. IFL.``: the same with its venue
after a full stop (or nothing after the title): a citation whose year a heading may give. An
entry with no bold run may set its title in italics: ``E. W. Dijkstra, _Title_ (1967).``
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation, is_full_citation, last_year
from papershelf.catalog.fields import Title, authors_in, word_count
from papershelf.catalog.spans import Span, text_of

_YEAR_CLOSE = re.compile(r"\s*\(\s*(?:19|20)\d{2}\s*\)\s*\.?\s*")
# ". Higher-Order and Symbolic Computation, 11, 363-397.", ". ICFP.", "." or nothing: the venue
_VENUE_CLOSE = re.compile(r"\s*(?:\.\s*(?:[A-Z].*)?)?", re.DOTALL)
_MIN_WORDS = 2
_NAME_SPLIT = re.compile(r"[\s,]+")
_JOINERS = frozenset({"and", "&", "et", "al.", "al"})


def authored_bold(spans: list[Span]) -> tuple[str, str, list[Span]] | None:
    """(title, authors, the spans after the title) for ``Names. **Title** (1993).``, else None."""
    shown = [s for s in spans if s.text.strip() or s.is_link]
    bold = [i for i, s in enumerate(shown) if s.strong]
    bold = bold or [i for i, s in enumerate(shown) if s.emph]  # "Names, _Title_ (1967)."
    if len(bold) != 1 or any(s.is_link for s in shown):
        return None
    at = bold[0]
    title = " ".join(shown[at].text.split()).rstrip(". ")
    if word_count(title) < _MIN_WORDS:
        return None
    after = "".join(s.text for s in shown[at + 1 :])
    dated = _YEAR_CLOSE.fullmatch(after) is not None
    if not (dated or _VENUE_CLOSE.fullmatch(after)):
        return None
    before = "".join(s.text for s in shown[:at]).rpartition(":")[2]
    names = " ".join(before.split()).strip(" .,")
    if not names or not authors_in(names) or not (dated or _written_names(names)):
        return None
    return title, names, shown[at + 1 :]


def _written_names(names: str) -> bool:
    """``Wood, D.A.``, ``Lionel Parreaux``: capitalised words, not ``Select`` (an instruction)."""
    words = [w for w in _NAME_SPLIT.split(names) if w and w not in _JOINERS]
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def named_title(
    named: tuple[str, str, list[Span]], tags: list[str], spans: list[Span], *, linked: bool
) -> Title:
    """The title the names and a bold run give (see ``titles.names_then_strong``).

    With no link, ``Names.`` then ``**Title?**`` then ``*Venue*, pp., 2008.`` on lines of
    their own is a citation the bold run bounds: its ``vs.`` or ``?`` ends no sentence there.
    """
    title, names, rest = named
    tail = " ".join(text_of(rest).split())
    if not linked and rest and not any(s.brk for s in spans) and tail.startswith(". "):
        tail = tail[2:]  # "Names. **Title**. Higher-Order and Symbolic Computation, 11.": its venue
    elif linked or not rest or not any(s.brk for s in spans):
        return Title(title, "text", None, tags, names, rest)
    found = Title(title, "citation", None, tags, names, [])
    found.cited = Citation(names, title, tail, last_year(tail))
    return found


def unbolded(spans: list[Span]) -> list[Span] | None:
    """A whole reference set in bold (a list's must-read), as plain text; else None.

    ``**Ghemawat, S., Gobioff, H., & Leung, S.-T. (2003). The Google File System. In SOSP
    (pp. 29–43).**``: the bold marks the entry, not its title; read plain, the reference
    gives its authors, year, title and venue as the entries beside it do.
    """
    shown = [s for s in spans if s.text.strip() or s.is_link or s.badge]
    if len(shown) != 1 or not shown[0].strong or shown[0].is_link:
        return None
    if not is_full_citation(" ".join(shown[0].text.split())):
        return None
    return [Span(shown[0].text)]
