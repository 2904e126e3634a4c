"""A list item that is a paper's citation: a title in quotes, and a year.

``- [x] D. Padua and M. Wolfe. "Advanced Compiler Optimizations for Supercomputers,"
Communications of the ACM, Vol. 29, No. 12, pp. 1184-1201, December 1986.`` with
``- presented by `Quanxi Li``` and ``- [PPT directory link](...)`` under it: the item is that
paper and the bullets are notes on it, however long. A category's name is never so written.
"""

from __future__ import annotations

import re

from papershelf.catalog.fields import word_count

_QUOTED = re.compile(r"(?<=[.,])\s*[\"“]([^\"“”]{8,}?)[\"”]")
"""The quoted title after the names and their stop or comma: ``Wolfe. "Title,"``; a quote
after ``Week 4 (Oct 2019):`` is a reading group's theme, over the readings below it."""
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
MIN_QUOTED_WORDS = 3
"""A quoted phrase this long is a title (``"Engineering a Compiler"`` in a note is one too,
but a note has no list under it)."""


def quoted_citation_text(text: str) -> bool:
    """Whether ``text`` cites a work: a quoted title of a few words, and a year."""
    if '"' not in text and "“" not in text:
        return False  # cheap: most items quote nothing
    m = _QUOTED.search(text)
    return m is not None and word_count(m.group(1)) >= MIN_QUOTED_WORDS and bool(_YEAR.search(text))
