"""Another version of a paper named under it: a paper of its own.

``* [Graph Processing in RDBMSs](url) by Names (IEEE Data Eng. Bull., 2017)`` over
``  * Longer version: [All-in-One: Graph Processing in RDBMSs Revisited](url) (SIGMOD 2017)``:
the sub-bullet gives the longer paper's own title, link and venue. A careful reader lists it
beside the short one; only a label naming a version (longer, extended, full, journal,
conference, workshop) before a linked title counts, so notes and slides under a paper stay
its details.
"""

from __future__ import annotations

import re

from papershelf.catalog.fields import is_generic, word_count
from papershelf.catalog.spans import Span

_VERSION_LABEL = re.compile(
    r"\s*(?:an?\s+|the\s+)?(?:longer|extended|full|journal|conference|workshop)\s+"
    r"(?:paper\s+)?version\s*:?\s*",
    re.IGNORECASE,
)
_TITLE_WORDS = 3


def other_versions(details: list[list[Span]]) -> list[list[Span]]:
    """The spans of each detail line that names another version: its link and what follows."""
    found = []
    for line in details:
        first = next((i for i, s in enumerate(line) if s.is_link), None)
        if first is None or not _VERSION_LABEL.fullmatch("".join(s.text for s in line[:first])):
            continue
        link = line[first]
        if not is_generic(link.text) and word_count(link.text) >= _TITLE_WORDS:
            found.append(line[first:])
    return found
