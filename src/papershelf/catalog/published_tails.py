"""A log's line that names a paper, its authors and ``published YEAR``: the year is the paper's.

``A New Golden Age for Computer Architecture by John L. Hennessy and David A. Patterson,
published 2019`` and ``Efficient Instruction Scheduling for a Pipelined Architecture, Phillip
B. Gibbons & Stephen S. Muchnick, published 1984``: a research log writes each paper in words,
its notes and address in the bullets below. A careful reader takes the words before ``by`` (or
before the run of names the commas set apart) for the title, the names for its authors and
the year after ``published`` for the year it appeared.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation, names_like
from papershelf.catalog.fields import word_count

_TAIL = re.compile(
    r",\s+published(?:\s+(?:in\s+)?(?P<year>(?:19|20)\d{2})(?:/(?:19|20)?\d{2})?)?\s*$"
)
_BY = re.compile(r"\s+by\s+(?=[A-Z])")
_NAME_WORDS = 5
_TITLE_WORDS = 2


def published_cited(text: str) -> Citation | None:
    """The citation a ``Title by Names, published 2019`` line is, else None."""
    if "published" not in text or (tail := _TAIL.search(text)) is None:
        return None  # cheap: most entries never say "published"
    year = int(tail.group("year")) if tail.group("year") else None  # "2012/2013": the first
    head = " ".join(text[: tail.start()].split())
    parts = _BY.split(head)
    if len(parts) >= 2 and names_like(parts[-1]):
        title, names = " by ".join(parts[:-1]), parts[-1]
    else:
        pieces = head.split(", ")
        at = len(pieces)
        while at > 1 and _one_name(pieces[at - 1]):
            at -= 1
        if at == len(pieces):
            return None
        title, names = ", ".join(pieces[:at]), ", ".join(pieces[at:])
    if word_count(title) < _TITLE_WORDS:
        return None
    return Citation(names, title.strip(" ."), "", year)


def _one_name(piece: str) -> bool:
    """``Mike O'Conner``, ``Phillip B. Gibbons & Stephen S. Muchnick``: names, few words."""
    return word_count(piece) <= 2 * _NAME_WORDS and names_like(piece.replace(" & ", " and "))
