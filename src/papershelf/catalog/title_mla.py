"""``Title. Family, Given, Given Family, and Given Family. Venue. Year.``: MLA after a title.

A list copied from a scholar's export names each paper by its title, a stop, its authors as
MLA writes them (the first family name first, ``and`` or ``et al.`` before the last) and the
proceedings or journal with its year, with no link: ``GraphChi: ... Just a PC. Kyrola, Aapo,
Guy Blelloch, and Carlos Guestrin. 10th USENIX Symposium on Operating Systems Design and
Implementation (OSDI 12). 2012.`` A careful reader takes it for a paper: the names are its
authors, the proceedings its venue (OSDI 2012), even though nothing links to it.
"""

from __future__ import annotations

import re

from papershelf.catalog.citation import Citation
from papershelf.catalog.reference_lines import cited_venue

_WORD = r"[A-Z][\w'’-]+"
_GIVEN_FAMILY = rf"{_WORD}(?:\s+(?:[A-Z]\.|{_WORD})){{1,3}}"
_NAMES = (
    rf"{_WORD}(?:\s+{_WORD})?,\s+{_WORD}(?:\s+[A-Z]\.)?(?:,\s+{_GIVEN_FAMILY})*"
    rf"(?:,?\s+and\s+{_GIVEN_FAMILY}|,\s+et\s+al)"
)
_CITE = re.compile(rf"(?P<title>\S.{{6,}}?[^\s.])\.\s+(?P<names>{_NAMES})\.\s+(?P<venue>\S.*)")


def title_mla_venue(text: str) -> Citation | None:
    """The citation in ``Title. Kyrola, Aapo, and Guy Blelloch. OSDI. 2012.``, else None."""
    if ", and " not in text and " et al" not in text:
        return None  # cheap: most texts name no MLA authors
    m = _CITE.fullmatch(text.strip())
    if m is None:
        return None
    venue = cited_venue(m.group("venue"))
    if venue is None or venue.year is None or not venue.name:
        return None
    family, given, others = m.group("names").split(", ", 2)
    first = f"{given} {family}"  # MLA inverts the first author's name only
    authors = first if others.startswith("et al") else f"{first}, {others}"
    return Citation(authors, m.group("title"), f"{venue.name} {venue.year}", venue.year)
