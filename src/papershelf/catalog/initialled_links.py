"""A link whose text is a whole reference, initialled names first: ``[G. Graefe. Title.](url)``.

``[J. Levandoski, D. Lomet, S. Sengupta. LLAMA: A cache/storage subsystem for modern hardware.
PVLDB](url)``, ``[David K. Gifford. Information Storage in a Decentralized Computer
System.](url)``: a reading list that pastes references into its links. A careful reader takes
the initialled names before the first stop for the authors, the sentence after them for the
title and what follows it for the venue, with or without a year (the citation styles that
need a year read the rest). A name needs an initial (``G. Graefe``, ``David K. Gifford``): a
title's first words (``MapReduce: a flexible ...``) never have one before a stop.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation, last_year
from papershelf.catalog.fields import word_count
from papershelf.catalog.plain_lead import split_sentence

_NAME = r"(?:[A-Z][a-z]+\s)?(?:[A-Z]\.(?:-[A-Z]\.)?\s?){1,3}[A-Z][\w'’-]+"
_LEAD = re.compile(rf"({_NAME}(?:(?:,\s(?:and\s)?|,?\sand\s){_NAME}){{0,12}})\.\s+(?=[A-Z\d])")
_TITLE_WORDS = 2


def initialled_citation(text: str) -> Citation | None:
    """The reference a link's text is, led by initialled names, else None."""
    if len(text) < 12 or not text[0].isupper() or "." not in text[1:40]:
        return None  # cheap: most titles have no initial near their start
    lead = _LEAD.match(text)
    if lead is None:
        return None
    title, rest = split_sentence(text[lead.end() :])
    title = title.strip(" .")
    if word_count(title) < _TITLE_WORDS:
        return None
    return Citation(lead.group(1), title, rest, last_year(rest))
